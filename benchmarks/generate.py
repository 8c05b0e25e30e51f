"""Synthetic portfolios of any size for benchmarks: N goals, 3 milestones and ~2 dependencies
each, acyclic by construction (a goal only needs goals with a smaller number)."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

MINISTRIES = ["StK", "MI", "MF", "MJ", "MB", "MS", "MWL", "MWU", "MID"]
STATUSES = ["not_started", "on_track", "on_track", "delayed", "at_risk", "done"]


def document(n_goals: int, seed: int = 2030, deps_per_goal: int = 2, window: int = 200) -> dict:
    """`window`: a goal needs goals among the `window` before it; a small window makes long chains."""
    rnd = random.Random(seed)
    width = len(str(n_goals))
    keys = [f"Z{i + 1:0{width}d}" for i in range(n_goals)]
    goals, milestones, deps = [], [], []
    start = date(2024, 1, 1)
    for i, key in enumerate(keys):
        lead = rnd.choice(MINISTRIES)
        partners = rnd.sample([m for m in MINISTRIES if m != lead], rnd.randint(0, 2))
        goals.append({
            "key": key, "title": f"Synthetisches Ziel {key} – Digitalisierung Vorgang {i}",
            "description": "Benchmarkdaten", "theme": f"TF{rnd.randint(1, 18):02d}", "lead": lead,
            "partners": partners, "status": rnd.choice(STATUSES), "status_reason": "",
        })
        day = start + timedelta(days=rnd.randint(0, 900))
        for m in range(3):
            day += timedelta(days=rnd.randint(60, 400))
            slip = rnd.choice([0, 0, 0, 30, 90])
            actual = day.isoformat() if day < date(2026, 6, 1) else None
            milestones.append({
                "key": f"{key}-M{m + 1}", "goal": key, "title": f"Meilenstein {m + 1}",
                "baseline": day.isoformat(), "forecast": (day + timedelta(days=slip)).isoformat(),
                "actual": actual, "note": "",
            })
        if i:
            for other in {rnd.randrange(max(0, i - window), i) for _ in range(deps_per_goal)}:
                deps.append({
                    "dependent": key, "prerequisite": keys[other],
                    "kind": rnd.choice(["hard", "hard", "soft"]),
                    "prerequisite_milestone": None, "dependent_milestone": None, "rationale": "",
                })
    return {
        "format": "sa2030-portfolio", "version": 1,
        "portfolio": {"title": f"Benchmark {n_goals}", "demo": False},
        "goals": goals, "milestones": milestones, "dependencies": deps,
    }


def write(path: Path, n_goals: int, seed: int = 2030) -> Path:
    path.write_text(json.dumps(document(n_goals, seed), ensure_ascii=False), encoding="utf-8")
    return path


def portfolio_file(folder: Path, n_goals: int) -> Path:
    """A portfolio file with n_goals synthetic goals (cached in `folder`)."""
    from sa2030_desktop.services.portfolio import create_portfolio, import_json

    target = folder / f"bench-{n_goals}.sa2030"
    if not target.exists():
        src = write(folder / f"bench-{n_goals}.json", n_goals)
        store = create_portfolio(target)
        import_json(store, src)
        store.close()
    return target

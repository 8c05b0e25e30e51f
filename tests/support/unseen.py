"""The acceptance trial's portfolios unlike the demo (issue 14), built with the real JSON import:
plong (40 goals, titles of 125-185 characters), pdense (9 ministries, 90 goals, 343 dependencies
all across ministries), pwhole (one ministry of 200 goals, 20 goals of others with 3 dependencies
each into it: a Gesamtbild of 220 goals)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from benchmarks.generate import MINISTRIES, document
from sa2030_desktop.services.portfolio import create_portfolio, import_json

WORDS = "Digitalisierung Verwaltungsleistungen Landesportal Registermodernisierung Schnittstellen "
WORDS += "Bürgerkonto Fachverfahren Rechenzentrum Breitbandausbau Datenschutzkonzept und der für"


def _dep(dependent: str, prerequisite: str, kind: str = "hard") -> dict:
    return {"dependent": dependent, "prerequisite": prerequisite, "kind": kind,
            "prerequisite_milestone": None, "dependent_milestone": None, "rationale": ""}  # fmt: skip


def _store(path: Path, doc: dict):
    src = path.with_suffix(".json")
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    store = create_portfolio(path)
    import_json(store, src)
    return store


def plong(path: Path):
    rnd = random.Random(14)
    doc = document(40, seed=14)
    words = WORDS.split()
    for goal in doc["goals"]:
        size = rnd.randint(125, 185)
        title = goal["key"]
        while len(title) < size:
            title += " " + rnd.choice(words)
        goal["title"] = title[:size].rstrip()
    return _store(path, doc)


def pdense(path: Path):
    rnd = random.Random(343)
    doc = document(90, seed=343, deps_per_goal=0)
    for i, goal in enumerate(doc["goals"]):
        goal["lead"], goal["partners"] = MINISTRIES[i % 9], []
    keys = [g["key"] for g in doc["goals"]]
    pairs = set()
    while len(pairs) < 343:
        a, b = sorted(rnd.sample(range(90), 2))
        if a % 9 != b % 9:  # all across ministries
            pairs.add((keys[b], keys[a]))
    doc["dependencies"] = [_dep(d, p, rnd.choice(["hard", "soft"])) for d, p in sorted(pairs)]
    return _store(path, doc)


def pwhole(path: Path):
    rnd = random.Random(220)
    doc = document(220, seed=220, window=30)
    keys = [g["key"] for g in doc["goals"]]
    for i, goal in enumerate(doc["goals"]):
        goal["lead"], goal["partners"] = ("MID" if i < 200 else MINISTRIES[i % 8]), []
    doc["dependencies"] = [d for d in doc["dependencies"] if keys.index(d["dependent"]) < 200]
    for key in keys[200:]:
        for other in rnd.sample(keys[:200], 3):
            doc["dependencies"].append(_dep(other, key))
    return _store(path, doc)

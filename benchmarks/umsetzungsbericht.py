"""Benchmark: the Umsetzungsbericht of a closed round over 150 and 1,000 goals (issue 12).

Run: .venv/bin/python benchmarks/umsetzungsbericht.py [--runs 3] [--sizes 150 1000]
Builds a synthetic portfolio (benchmarks/generate.py) with 50 indicators (as the strategy), plays
two rounds through the services (90 % of the goals answer with a Sachstand of about 300
characters; in round 2 a fifth change status and a fifth shift a forecast), then times the
report of round 2 against round 1: with figures, without figures, the text only, and – as the
raw baseline in the same run – round 2's frozen state loaded and one python-docx table of its
goals with their Sachstand filled with row.cells.
Prints size × operation → median wall and CPU time, output size, CPU ratio to the baseline,
and the peak memory
(tracemalloc) of one report. Target (issue 12): under 2 s at 150 goals.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import document  # noqa: E402
from sa2030_desktop.domain.model import Status  # noqa: E402
from sa2030_desktop.domain.reporting import ReportContent  # noqa: E402
from sa2030_desktop.export.briefing import BriefingOptions  # noqa: E402
from sa2030_desktop.services import reporting  # noqa: E402
from sa2030_desktop.services.operations.reporting import SubmitReport  # noqa: E402
from sa2030_desktop.services.operations.reporting_batch import SubmitReports  # noqa: E402
from sa2030_desktop.services.umsetzungsbericht import (  # noqa: E402
    export_umsetzungsbericht,
    umsetzungsbericht_text,
)

R1, R2 = date(2026, 3, 31), date(2026, 9, 30)
INDICATORS = 50  # the strategy measures itself by 50 indicators, at any number of goals
TODAY = date(2026, 11, 30)
WORDS = ("Umsetzung Vergabe Pilot Landkreis Schnittstelle Abstimmung Ressort Haushalt Betrieb "
         "Konzept Ausschreibung Schulung Nutzer Plattform Daten Sicherheit").split()  # fmt: skip


def sachstand(rnd: random.Random) -> str:
    text = " ".join(rnd.choice(WORDS) for _ in range(40))
    return text[:1].upper() + text[1:300] + "."


def portfolio(folder: Path, n: int):
    from sa2030_desktop.services.portfolio import create_portfolio, import_json

    doc = document(n)
    rnd = random.Random(n)
    doc["indicators"] = [
        {"goal": g["key"], "name": f"Indikator {i}", "unit": rnd.choice(["%", "", "Fälle"]),
         "baseline": 0, "baseline_date": "2024-01-01", "target": 100,
         "target_date": "2030-12-31",
         "values": [{"date": "2025-06-30", "value": rnd.randint(5, 30)},
                    {"date": "2025-12-31", "value": rnd.randint(10, 40)}]}
        for i, g in enumerate(doc["goals"][:: max(1, n // INDICATORS)][:INDICATORS], start=1)
    ]  # fmt: skip
    src = folder / f"bench-{n}.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    store = create_portfolio(folder / f"bench-{n}.sa2030")
    import_json(store, src)
    return store


def play(store, n: int) -> None:
    """Rounds R1 and R2, closed with --force (a tenth of the goals never answers)."""
    rnd = random.Random(2030 + n)
    snap = store.snapshot()
    indicators = {i.goal: i.name for i in snap.indicators}
    for key, as_of in (("R1", R1), ("R2", R2)):
        reporting.open_round(store, key, f"Umsetzungsbericht {key}", as_of,
                             as_of + timedelta(days=30))  # fmt: skip
        snap = store.snapshot()
        ops = []
        for goal in sorted(snap.goals):
            if rnd.random() < 0.1:
                continue
            content = ReportContent(progress=sachstand(rnd))
            if key == "R2" and rnd.random() < 0.2:
                current = snap.goals[goal].status
                choices = [s for s in (Status.ON_TRACK, Status.DELAYED, Status.AT_RISK)
                           if s is not current]  # fmt: skip
                content.status, content.status_reason = rnd.choice(choices), "laut Meldung"
            if key == "R2" and rnd.random() < 0.2:
                open_ms = [m for m in snap.milestones_of(goal) if not m.actual and m.forecast]
                if open_ms:
                    ms = open_ms[-1]
                    content.forecasts = {ms.key: ms.forecast + timedelta(days=rnd.randint(30, 200))}
            if goal in indicators:
                content.values = {indicators[goal]: (float(rnd.randint(20, 60)), as_of)}
            ops.append(SubmitReport(key, goal, content, "", TODAY))
        SubmitReports(key, ops).apply(store)
        reporting.close(store, key, force=True)


def baseline_docx(store, path: Path) -> None:
    from docx import Document

    doc = Document()
    frozen = reporting.frozen(store, "R2")  # the report reads the frozen state too
    goals = list(frozen.portfolio.goals.values())
    table = doc.add_table(rows=len(goals), cols=5)  # all rows at once: the fast way
    for row, g in zip(table.rows, goals, strict=True):
        values = (g.key, g.title, g.lead, g.status.label, frozen.reports[g.key].progress)
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    doc.save(str(path))


def timed(fn, runs: int) -> tuple[float, float]:
    """Medians of wall and CPU time (CPU: this process only – the shared machine's load inflates
    the wall time, barely the CPU time)."""
    wall, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(wall), statistics.median(cpu)


def line(n: int, label: str, t: tuple[float, float], size: str, ratio: str) -> None:
    print(f"{n:>6} | {label:<38} | {t[0]:>7.2f}s | {t[1]:>7.2f}s | {size:>8} | {ratio:>7}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[150, 1000])
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="umsetzungsbericht-bench-"))
    import os

    print(f"Last (load average) vorher: {os.getloadavg()[0]:.1f}")
    print(f"{'Ziele':>6} | {'Vorgang':<38} | {'Wand':>8} | {'CPU':>8} | {'Größe':>8} | "
          f"{'× Basis':>7}")  # fmt: skip
    print("-" * 91)
    for n in args.sizes:
        store = portfolio(out, n)
        t0 = time.perf_counter()
        play(store, n)
        setup = time.perf_counter() - t0
        raw = out / f"raw-{n}.docx"
        t_raw = timed(lambda store=store, raw=raw: baseline_docx(store, raw), args.runs)
        line(n, "Basis: Stand laden + docx-Tabelle", t_raw, f"{raw.stat().st_size // 1024}KB",
             "1,0")  # fmt: skip
        t = timed(lambda store=store: [reporting.frozen(store, k) for k in ("R1", "R2")], args.runs)
        line(n, "davon: zwei Berichtsstände laden", t, "", "")
        export_umsetzungsbericht(store, out / "warm.docx", "R2")  # imports, font cache
        for label, figures in (("Umsetzungsbericht mit Abbildungen", True),
                               ("Umsetzungsbericht ohne Abbildungen", False)):  # fmt: skip
            target = out / f"ub-{n}-{figures}.docx"
            options = BriefingOptions(classified=True, figures=figures)
            t = timed(lambda store=store, target=target, options=options:
                      export_umsetzungsbericht(store, target, "R2", options=options), args.runs)  # fmt: skip
            line(n, label, t, f"{target.stat().st_size // 1024}KB", f"{t[1] / t_raw[1]:.1f}")
        t = timed(lambda store=store: umsetzungsbericht_text(store, "R2"), args.runs)
        line(n, "umsetzungsbericht_text (ohne Datei)", t, "", f"{t[1] / t_raw[1]:.1f}")
        tracemalloc.start()
        export_umsetzungsbericht(store, out / f"mem-{n}.docx", "R2")
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"{n:>6} | Spitze Speicher (tracemalloc) {peak / 2**20:.0f} MB; Runden spielen "
              f"{setup:.1f} s; Indikatoren {len(store.snapshot().indicators)}")  # fmt: skip
        store.close()
    print(f"\nDateien in {out}")


if __name__ == "__main__":
    main()

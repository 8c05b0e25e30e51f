"""Benchmark: Statusbericht (all sections, figures) for 150 and 1,000 goals.

Run: .venv/bin/python benchmarks/briefing.py [--runs 3] [--pdfa]
Prints size × operation → median time, output size, and the ratio to a raw python-docx baseline
(one 6-column table of the same goals filled with row.cells) measured in the same run.
Targets (issue 8): 150 goals with figures < 1.5 s, 1,000 goals < 5 s.

With --pdfa (issue 15): the demo portfolio's Statusbericht as .docx, as PDF/A-2b (.pdf) and as
.odt, end to end through write_briefing (LibreOffice converting in a fresh private profile, as
every export does), and the graph and timeline PDFs with and without the PDF/A step.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sa2030_desktop.domain.model import (  # noqa: E402
    Dependency,
    DependencyKind,
    Goal,
    Milestone,
    Portfolio,
    Status,
)
from sa2030_desktop.domain.selection import Selection  # noqa: E402
from sa2030_desktop.export.briefing import BriefingOptions, build_document  # noqa: E402

AS_OF = date(2026, 3, 31)


def make_portfolio(base: Portfolio, n: int, seed: int = 7) -> Portfolio:
    """n goals, 3 milestones and about 2 dependencies each (acyclic: later needs earlier)."""
    rnd = random.Random(seed)
    themes = list(base.themes)
    ministries = [c for c in base.ministries]
    goals, milestones, deps = {}, {}, []
    for i in range(1, n + 1):
        key = f"Z{i}"
        lead = rnd.choice(ministries)
        partners = rnd.sample([m for m in ministries if m != lead], rnd.randint(0, 2))
        goals[key] = Goal(key, f"Ziel {i}: Digitalisierung Vorhaben {rnd.randint(1, 999)}",
                          rnd.choice(themes), lead, partners=partners,
                          status=rnd.choice(list(Status)), status_reason="Stand laut Meldung")  # fmt: skip
        start = date(2024, 1, 1) + timedelta(days=rnd.randint(0, 700))
        for m in range(1, 4):
            baseline = start + timedelta(days=200 * m)
            slip = rnd.choice([0, 0, 0, 30, 90, 180])
            actual = baseline if baseline < AS_OF and rnd.random() < 0.5 else None
            milestones[f"{key}-M{m}"] = Milestone(f"{key}-M{m}", key, f"Meilenstein {m}",
                                                  baseline, baseline + timedelta(days=slip), actual)  # fmt: skip
        for _ in range(2):
            if i > 1:
                pre = f"Z{rnd.randint(max(1, i - 40), i - 1)}"
                if all(d.pair != (key, pre) for d in deps[-4:]):
                    kind = DependencyKind.HARD if rnd.random() < 0.6 else DependencyKind.SOFT
                    deps.append(Dependency(key, pre, kind))
    seen, unique = set(), []
    for d in deps:
        if d.pair not in seen:
            seen.add(d.pair)
            unique.append(d)
    return Portfolio(info=base.info, categories=base.categories, themes=base.themes,
                     ministries=base.ministries, goals=goals, milestones=milestones,
                     dependencies=unique)  # fmt: skip


def baseline_docx(portfolio: Portfolio, path: Path) -> None:
    from docx import Document

    doc = Document()
    table = doc.add_table(rows=1, cols=6)
    for g in portfolio.goals.values():
        cells = table.add_row().cells
        for cell, text in zip(cells, (g.key, g.title, g.theme, g.lead, g.status.label, "–"),
                              strict=True):  # fmt: skip
            cell.text = text
    doc.save(str(path))


def timed(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def pdfa(runs: int, out: Path) -> None:
    """The demo's Statusbericht in the three formats, and the PDF/A step of the figures."""
    from sa2030_desktop.domain.graph_view import GraphOptions
    from sa2030_desktop.export.pdfa import make_pdfa
    from sa2030_desktop.export.timeline_figure import save_timeline
    from sa2030_desktop.services.briefing import write_briefing
    from sa2030_desktop.services.graph import export_graph
    from sa2030_desktop.services.portfolio import create_portfolio

    store = create_portfolio(out / "demo.sa2030", demo=True)
    demo = store.snapshot()
    print(f"{'Demo: ' + str(len(demo.goals)) + ' Ziele':<56} | {'Median':>8} | {'Größe':>9}")
    print("-" * 80)
    for suffix in (".docx", ".pdf", ".odt"):
        target = out / f"status{suffix}"
        t = timed(
            lambda target=target: write_briefing(
                demo, target, "status", Selection(), AS_OF, BriefingOptions(classified=True)
            ),
            runs,
        )
        print(f"{'Statusbericht ' + suffix:<56} | {t:>7.2f}s | "
              f"{target.stat().st_size / 1024:>7.0f}KB")  # fmt: skip
    figures = (("Abhängigkeitsgraph", lambda t: export_graph(store, t, GraphOptions()), "graph.pdf"),
               ("Meilensteinplan", lambda t: save_timeline(demo, AS_OF, t), "plan.pdf"))  # fmt: skip
    for label, export, name in figures:
        target = out / name
        t = timed(lambda export=export, target=target: export(target), runs)
        t_step = timed(lambda target=target, label=label: make_pdfa(target, label), runs)
        print(f"{label + ' PDF/A (davon PDF/A-Schritt ' + f'{t_step:.3f} s)':<56} | {t:>7.2f}s | "
              f"{target.stat().st_size / 1024:>7.0f}KB")  # fmt: skip
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pdfa", action="store_true", help="PDF/A und ODT (Demo-Portfolio)")
    args = parser.parse_args()
    from sa2030_desktop.services.portfolio import create_portfolio

    out = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    if args.pdfa:
        pdfa(args.runs, out)
        return
    store = create_portfolio(out / "ref.sa2030")
    base = store.snapshot()
    store.close()
    build_document(
        "status", make_portfolio(base, 20), Selection(), AS_OF, BriefingOptions()
    )  # warm-up
    print(f"{'Ziele':>6} | {'Vorgang':<34} | {'Median':>8} | {'Größe':>9} | {'× Basis':>7}")
    print("-" * 78)
    for n in (150, 1000):
        p = make_portfolio(base, n)
        raw = out / f"raw-{n}.docx"
        t_raw = timed(lambda p=p, raw=raw: baseline_docx(p, raw), args.runs)
        print(f"{n:>6} | {'python-docx Tabelle (row.cells)':<34} | {t_raw:>7.2f}s | "
              f"{raw.stat().st_size / 1024:>7.0f}KB | {1:>7.1f}")  # fmt: skip
        for label, figures in (("Statusbericht mit Abbildungen", True),
                               ("Statusbericht ohne Abbildungen", False)):  # fmt: skip
            target = out / f"status-{n}-{figures}.docx"

            def run(p=p, target=target, figures=figures):
                b = build_document("status", p, Selection(), AS_OF,
                                   BriefingOptions(classified=True, figures=figures))  # fmt: skip
                b.doc.save(str(target))

            t = timed(run, args.runs)
            print(f"{n:>6} | {label:<34} | {t:>7.2f}s | {target.stat().st_size / 1024:>7.0f}KB | "
                  f"{t / t_raw:>7.1f}")  # fmt: skip
    print(f"\nDateien in {out}")


if __name__ == "__main__":
    main()

"""Timeline benchmark: build the view, pan/zoom frame time, export (PDF, all pages).

Run: .venv/bin/python benchmarks/timeline.py [--sizes 150,1000,5000] [--repeat 3]
         [--export-repeat-large 1] [--formats pdf,png,svg]
Prints size × operation → median wall time and CPU time. Portfolios are generated in memory
(about 3 milestones and 1.5 hard dependencies per goal, half of them date conflicts) so only the
timeline itself is measured. Exports write every page: PDF one file, PNG/SVG one file per page
(30 rows per A4 page: 1,000 goals = 35 pages, 5,000 goals = 175 pages).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sa2030_desktop.domain.model import (  # noqa: E402
    Category,
    Dependency,
    Goal,
    Milestone,
    Ministry,
    Portfolio,
    PortfolioInfo,
    Status,
    Theme,
)  # fmt: skip
from sa2030_desktop.domain.timeline_layout import build_layout  # noqa: E402

AS_OF = date(2026, 3, 31)


def portfolio(n: int, seed: int = 7) -> Portfolio:
    rnd = random.Random(seed)
    cats = {c: Category(c, c, i) for i, c in enumerate(("VV", "DI", "VG"))}
    themes = {
        f"TF{i:02d}": Theme(f"TF{i:02d}", f"Themenfeld {i}", ("VV", "DI", "VG")[(i - 1) // 6], i)
        for i in range(1, 19)
    }
    mins = {
        c: Ministry(c, f"Ministerium {c}")
        for c in ("StK", "MI", "MF", "MJ", "MB", "MS", "MWL", "MWU", "MID")
    }
    goals, milestones, deps = {}, {}, []
    for i in range(1, n + 1):
        key = f"Z{i}"
        goals[key] = Goal(
            key,
            f"Ziel {i} mit einem typischen, etwas längeren Titel",
            f"TF{rnd.randint(1, 18):02d}",
            rnd.choice(list(mins)),
            status=rnd.choice(list(Status)),
        )
        day = date(2024, 1, 1) + timedelta(days=rnd.randint(0, 600))
        for m in range(1, 4):
            day += timedelta(days=rnd.randint(60, 500))
            slip = rnd.choice((0, 0, 0, 30, 92, 180))
            actual = day if day < AS_OF and rnd.random() < 0.7 else None
            milestones[f"{key}-M{m}"] = Milestone(
                f"{key}-M{m}", key, f"M{m}", day, day + timedelta(days=slip), actual
            )
        for _ in range(rnd.choice((1, 2))):
            if i > 1:
                pre = f"Z{rnd.randint(1, i - 1)}"
                if all(d.pair != (key, pre) for d in deps[-3:]):
                    deps.append(
                        Dependency(
                            key,
                            pre,
                            prerequisite_milestone=f"{pre}-M{rnd.randint(1, 3)}",
                            dependent_milestone=f"{key}-M{rnd.randint(1, 3)}",
                        )
                    )
    return Portfolio(
        PortfolioInfo("Benchmark", demo=True, as_of=AS_OF),
        cats,
        themes,
        mins,
        goals,
        milestones,
        deps,
    )


def median(fn, repeat: int) -> float:
    return timed(fn, repeat)[0]


def timed(fn, repeat: int) -> tuple[float, float]:
    """(median wall seconds, median CPU seconds of this process) over repeat runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), statistics.median(cpus)


def view_rows(n: int, canvas, app, repeat: int) -> tuple[dict, object]:
    snap = portfolio(n)
    lay = build_layout(snap, AS_OF)
    out = {
        "goals": n,
        "rows": len(lay.rows),
        "markers": len(lay.markers),
        "arrows": len(lay.arrows),
    }
    out["layout s"] = timed(lambda: build_layout(snap, AS_OF), repeat)
    out["build view s"] = timed(lambda: canvas.set_layout(build_layout(snap, AS_OF)), repeat)

    def frame():
        canvas.viewport().repaint()

    bar = canvas.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)  # the middle rows: most arrows pass through here
    canvas.zoom_to("year")
    out["frame years ms"] = timed(frame, 15)
    canvas.zoom_to("month")
    out["frame months ms"] = timed(frame, 15)

    def pan():
        bar.setValue((bar.value() + 400) % max(bar.maximum(), 1))
        canvas.viewport().repaint()

    out["pan ms"] = timed(pan, 15)
    bar.setValue(bar.maximum() // 2)

    def zoom():
        canvas.set_zoom(canvas.ppd * 1.25 if canvas.ppd < 3 else 0.3, 900)
        canvas.viewport().repaint()

    out["zoom ms"] = timed(zoom, 15)
    return out, lay


def export_rows(lay, repeat: int, formats) -> dict:
    from sa2030_desktop.export.timeline_figure import iter_pages, save_layout

    out = {"pages": iter_pages(lay)[0], "export runs": repeat}
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in formats:
            target = Path(tmp) / f"t.{fmt}"
            out[f"export {fmt.upper()} s"] = timed(lambda t=target: save_layout(lay, t), repeat)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="150,1000,5000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--export-repeat-large",
        type=int,
        default=1,
        help="runs of each export above 1,000 goals (175 pages take minutes per format)",
    )
    ap.add_argument("--formats", default="pdf,png,svg")
    args = ap.parse_args()
    from PySide6.QtWidgets import QApplication

    from sa2030_desktop.gui.timeline.canvas import TimelineCanvas

    app = QApplication.instance() or QApplication([])
    canvas = TimelineCanvas()
    canvas.resize(1920, 1000)
    canvas.show()
    app.processEvents()
    table = []
    for n in (int(s) for s in args.sizes.split(",")):
        row, lay = view_rows(n, canvas, app, args.repeat)
        runs = args.repeat if n <= 1000 else args.export_repeat_large
        row.update(export_rows(lay, runs, [f for f in args.formats.split(",") if f]))
        table.append(row)
        print(f"… {n} goals done", file=sys.stderr, flush=True)
    print("Median wall time (CPU time of this process in brackets; the machine is shared).")
    head = list(table[0])
    print(" | ".join(head))
    print(" | ".join("---" for _ in head))
    for row in table:
        print(" | ".join(_cell(k, v) for k, v in row.items()))


def _cell(key: str, value) -> str:
    if not isinstance(value, tuple):
        return str(value)
    wall, cpu = value
    if key.endswith(" ms"):
        return f"{wall * 1000:.1f} ({cpu * 1000:.1f})"
    return f"{wall:.3f} ({cpu:.3f})" if wall < 1 else f"{wall:.2f} ({cpu:.2f})"


if __name__ == "__main__":
    main()

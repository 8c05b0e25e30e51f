"""Timeline benchmark: build the view, pan/zoom frame time, export (PDF, all pages).

Run: .venv/bin/python benchmarks/timeline.py [--sizes 150,1000,5000] [--repeat 3]
Prints size × operation → median seconds. Portfolios are generated in memory (about 3
milestones and 1.5 hard dependencies per goal) so only the timeline itself is measured.
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
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="150,1000,5000")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from PySide6.QtWidgets import QApplication

    from sa2030_desktop.export.timeline_figure import layout_figures, save_figures
    from sa2030_desktop.gui.timeline.canvas import TimelineCanvas

    app = QApplication.instance() or QApplication([])
    canvas = TimelineCanvas()
    canvas.resize(1920, 1000)
    canvas.show()
    app.processEvents()
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        snap = portfolio(n)
        lay = build_layout(snap, AS_OF)
        t_layout = median(lambda: build_layout(snap, AS_OF), args.repeat)  # noqa: B023
        t_build = median(lambda: canvas.set_layout(build_layout(snap, AS_OF)), args.repeat)  # noqa: B023

        def frame():
            canvas.viewport().repaint()

        canvas.zoom_to("year")
        t_frame_years = median(frame, 10)
        canvas.zoom_to("month")
        t_frame_months = median(frame, 10)
        bar = canvas.verticalScrollBar()

        def pan(bar=bar):
            bar.setValue((bar.value() + 400) % max(bar.maximum(), 1))
            canvas.viewport().repaint()

        t_pan = median(pan, 10)

        def zoom():
            canvas.set_zoom(canvas.ppd * 1.25 if canvas.ppd < 3 else 0.3, 900)
            canvas.viewport().repaint()

        t_zoom = median(zoom, 10)
        with tempfile.TemporaryDirectory() as tmp:
            t_export = median(lambda: save_figures(layout_figures(lay), Path(tmp) / "t.pdf"), 1)  # noqa: B023
            pages = len(layout_figures(lay))
        rows.append(
            (
                n,
                len(lay.rows),
                len(lay.markers),
                len(lay.arrows),
                t_layout,
                t_build,
                t_frame_years,
                t_frame_months,
                t_pan,
                t_zoom,
                t_export,
                pages,
            )
        )
    head = (
        "goals",
        "rows",
        "markers",
        "arrows",
        "layout s",
        "build view s",
        "frame years ms",
        "frame months ms",
        "pan ms",
        "zoom ms",
        "export PDF s",
        "pages",
    )
    print(" | ".join(head))
    for r in rows:
        print(
            " | ".join(
                [
                    str(r[0]),
                    str(r[1]),
                    str(r[2]),
                    str(r[3]),
                    f"{r[4]:.3f}",
                    f"{r[5]:.3f}",
                    f"{r[6] * 1000:.1f}",
                    f"{r[7] * 1000:.1f}",
                    f"{r[8] * 1000:.1f}",
                    f"{r[9] * 1000:.1f}",
                    f"{r[10]:.2f}",
                    str(r[11]),
                ]
            )
        )


if __name__ == "__main__":
    main()

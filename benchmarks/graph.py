"""Benchmark of the dependency graph: layout, first paint, pan/zoom frames (not a test).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/graph.py [150 1000 5000]
Prints size × operation → median of several runs (ms). Targets (issue 4): layout of 1,000
goals < 2 s; frames < 16 ms at 1,000 visible nodes.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from datetime import date, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF  # noqa: E402
from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from sa2030_desktop.domain import graph_layout as gl  # noqa: E402
from sa2030_desktop.domain.graph_view import GraphOptions, build_view  # noqa: E402
from sa2030_desktop.domain.model import (  # noqa: E402
    Category,
    Dependency,
    DependencyKind,
    Goal,
    Milestone,
    Ministry,
    Portfolio,
    Status,
    Theme,
)
from sa2030_desktop.gui.graph.scene import GraphScene  # noqa: E402
from sa2030_desktop.gui.graph.view import GraphView  # noqa: E402

AS_OF = date(2026, 3, 31)
MINISTRIES = ["StK", "MI", "MF", "MJ", "MB", "MS", "MWL", "MWU", "MID"]


def portfolio(n: int, seed: int = 7) -> Portfolio:
    rnd = random.Random(seed)
    p = Portfolio()
    p.categories = {"VV": Category("VV", "Verwaltung")}
    p.themes = {f"TF{i:02d}": Theme(f"TF{i:02d}", f"Themenfeld {i}", "VV", i) for i in range(1, 19)}
    p.ministries = {m: Ministry(m, m) for m in MINISTRIES}
    statuses = list(Status)
    for i in range(1, n + 1):
        key = f"Z{i:05d}"
        p.goals[key] = Goal(
            key,
            f"Ziel Nummer {i} mit einem typischen längeren Titel",
            f"TF{rnd.randint(1, 18):02d}",
            rnd.choice(MINISTRIES),
            status=rnd.choice(statuses),
        )
        for m in range(1, 4):
            day = date(2026, 1, 1) + timedelta(days=rnd.randint(0, 1500))
            p.milestones[f"{key}-M{m}"] = Milestone(
                f"{key}-M{m}", key, "M", day, day + timedelta(days=rnd.randint(0, 60))
            )
        # ~2 prerequisites among nearby earlier goals: a DAG with realistic depth
        for j in rnd.sample(range(max(1, i - 60), i), min(2, i - 1)) if i > 1 else []:
            kind = DependencyKind.HARD if rnd.random() < 0.6 else DependencyKind.SOFT
            p.dependencies.append(Dependency(key, f"Z{j:05d}", kind))
    return p


def median_ms(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def frame(view, image: QImage) -> None:
    painter = QPainter(image)
    view.render(painter)
    painter.end()


def measure(n: int) -> tuple:
    p = portfolio(n)
    holder = {}

    def layout():
        model = build_view(p, GraphOptions(), AS_OF)
        gl.layout(model)
        holder["model"] = model

    t_layout = median_ms(layout)
    model = holder["model"]
    scene = GraphScene()
    view = GraphView(scene)
    view.resize(1920, 1080)
    view.show()
    image = QImage(1920, 1080, QImage.Format.Format_ARGB32_Premultiplied)

    def first_paint():
        scene.set_model(model)
        view.fit_all()
        frame(view, image)

    t_first = median_ms(first_paint)
    view.fit_all()
    frame(view, image)
    t_fit = median_ms(lambda: frame(view, image), 7)
    # zoomed in to reading size (all text drawn), panning across the graph
    view.set_zoom(1.0)
    centre = scene.itemsBoundingRect().center()
    steps = iter(range(10_000))

    def pan():
        k = next(steps)
        view.centerOn(centre + QPointF(37.0 * (k % 20), 23.0 * (k % 11)))
        frame(view, image)

    t_pan = median_ms(pan, 11)
    # gradual wheel zoom between reading size and half of it
    zooms = iter([1.0 / 1.15**k for k in range(6)] * 4)

    def zoom():
        view.set_zoom(next(zooms))
        frame(view, image)

    t_zoom = median_ms(zoom, 11)
    view.close()
    return (n, len(p.dependencies), t_layout, t_first, t_fit, t_pan, t_zoom)


def main(sizes: list[int]) -> None:
    app = QApplication.instance() or QApplication([])
    rows = [measure(n) for n in sizes]
    print(
        f"{'goals':>6} {'deps':>6} {'layout':>9} {'1st paint':>10} {'fit frame':>10} "
        f"{'pan frame':>10} {'zoom frame':>11}   (median ms)"
    )
    for n, d, *times in rows:
        print(f"{n:>6} {d:>6} " + " ".join(f"{t:>10.1f}" for t in times))
    app.processEvents()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [150, 1000, 5000])

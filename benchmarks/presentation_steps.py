"""Benchmark of planning a presentation step (issue 14): the time to cut one step into readable
parts when F11 or Bild↓ reaches it – a ministry of about 200 goals (a step of many parts) and a
ministry whose goals have long titles (stacked sections) – at 1366 × 768 and 1920 × 1080. The
planning runs on the GUI thread, so this is what the user waits for. Median of several runs:

    .venv/bin/python benchmarks/presentation_steps.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SCREENS = {"1366x768": (1366, 700), "1920x1080": (1920, 1010)}  # the view above the legend


def portfolio(long_titles: bool):
    from benchmarks.generate import document
    from sa2030_desktop.domain.graph_view import GraphOptions, build_view
    from sa2030_desktop.services.portfolio import create_portfolio, default_as_of, import_json

    doc = document(1000, seed=14)
    for i, goal in enumerate(doc["goals"]):
        if i % 5 == 0:
            goal["lead"], goal["partners"] = "MF", []  # about 200 goals of one ministry
        if long_titles:
            goal["title"] += " – Einführung der elektronischen Aktenführung gemäß " * 3
    import json
    import tempfile

    folder = Path(tempfile.mkdtemp())
    src = folder / "p.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    store = create_portfolio(folder / "p.sa2030")
    import_json(store, src)
    snap = store.snapshot()
    store.close()
    return build_view(snap, GraphOptions(swimlanes="lead"), default_as_of(snap, None))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    from sa2030_desktop.domain import presentation_steps as steps
    from sa2030_desktop.gui.graph.presentation import READABLE_ZOOM
    from sa2030_desktop.gui.graph.style import Style

    style = Style(presentation=True)
    style.set_families(["Arial", "Liberation Sans", "DejaVu Sans"])
    print(f"{'step':<34}{'screen':>11}{'goals':>7}{'parts':>7}{'median ms':>11}")
    for label, long_titles, lane in (
        ("MF, ~200 goals", False, "MF"),
        ("MI, long titles", True, "MI"),
    ):
        model = portfolio(long_titles)
        goals = sum(1 for n in model.nodes.values() if n.lane == lane)
        for name, screen in SCREENS.items():
            times, parts = [], []
            for _ in range(args.runs):
                start = time.perf_counter()
                parts = steps.plan_step(model, lane, screen, READABLE_ZOOM, style.measure)
                times.append((time.perf_counter() - start) * 1000)
            ms = statistics.median(times)
            print(f"{label:<34}{name:>11}{goals:>7}{len(parts):>7}{ms:>11.0f}")


if __name__ == "__main__":
    main()

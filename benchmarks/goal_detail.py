"""Benchmark of the goal detail dock (issue 3, part B): at 150, 1,000 and 10,000 goals, the time
to show a goal, to rebuild after a forecast edit (command + store + panel), and to open the
„Abhängigkeiten“ tab (graph closures). Median of several runs. Run:

    .venv/bin/python benchmarks/goal_detail.py [--sizes 150 1000 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def median_ms(fn, runs: int) -> float:
    times = []
    for i in range(runs):
        start = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(path: Path, runs: int, settings_dir: str) -> dict[str, float]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    app = QApplication.instance() or QApplication([])
    from sa2030_desktop.gui import features
    from sa2030_desktop.gui.commands import OperationCommand
    from sa2030_desktop.gui.main_window import MainWindow
    from sa2030_desktop.gui.store_bridge import StoreBridge
    from sa2030_desktop.services import operations as ops
    from sa2030_desktop.services.portfolio import open_portfolio

    features.FEATURES = ["sa2030_desktop.gui.detail.feature"]
    store = open_portfolio(path)
    window = MainWindow(StoreBridge(store))
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    panel = window.feature("detail").panel
    keys = sorted(store.snapshot().goals)

    def show(i):
        panel.show_goal(keys[(i * 37) % len(keys)])
        app.processEvents()

    def edit(i):
        key = keys[(i * 53) % len(keys)]
        panel.show_goal(key)
        ms = store.snapshot().milestones_of(key)[-1]
        window.undo_stack.push(
            OperationCommand(
                window.bridge,
                ops.UpdateMilestone(
                    ms.key, {"forecast": (ms.forecast or ms.baseline) + timedelta(days=7)}
                ),
            )
        )
        app.processEvents()

    def relations(i):
        panel.tabs.setCurrentIndex(0)
        panel.show_goal(keys[(i * 71) % len(keys)])
        panel.tabs.setCurrentWidget(panel.relations)
        app.processEvents()

    result = {
        "Ziel anzeigen": median_ms(show, runs),
        "Prognose ändern + Neuaufbau": median_ms(edit, runs),
        "Tab Abhängigkeiten öffnen": median_ms(relations, runs),
    }
    window.close()
    window.deleteLater()
    app.processEvents()
    store.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[150, 1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from benchmarks.generate import portfolio_file

    cache = Path(tempfile.gettempdir()) / "sa2030-bench"
    cache.mkdir(exist_ok=True)
    rows = {}
    with tempfile.TemporaryDirectory() as settings_dir:
        for size in args.sizes:
            rows[size] = measure(portfolio_file(cache, size), args.runs, settings_dir)
    ops = list(next(iter(rows.values())))
    print(f"{'Operation':32}" + "".join(f"{n:>12,}".replace(",", ".") for n in rows))
    for op in ops:
        print(f"{op:32}" + "".join(f"{rows[n][op]:>10.1f}ms" for n in rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

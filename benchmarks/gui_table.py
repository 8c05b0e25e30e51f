"""Benchmark of the main window (issue 3): time to a usable window with the file open, and the
time to filter and to sort the goal table, at 1,000 and 10,000 goals. Run:

    .venv/bin/python benchmarks/gui_table.py [--sizes 1000 10000] [--runs 5]

"start" runs a fresh process per run (imports, QApplication, open file, build and show the window,
process pending events) and is measured from process launch until the child reports the window
usable. Filter and sort are measured in-process on the window's own proxy (median of runs).
"one forecast edit" changes one milestone per run (on a work copy of the file) with the table
sorted by slip, so the edited row moves: "table update" is the table page's own handling of the
ChangeSet, "end to end" the service call plus every connected view.
Targets (issue 3): < 100 ms per filter or sort at 10,000 goals, window usable within 2 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CHILD = r"""
import sys, time
sys.path.insert(0, {root!r})
from PySide6.QtCore import QSettings
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {settings!r})
from sa2030_desktop.gui.application import make_application
app = make_application()
from sa2030_desktop.services.portfolio import open_portfolio
from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.gui.main_window import MainWindow
from sa2030_desktop.gui import features
if not {features!r}:
    features.FEATURES[:] = []
store = open_portfolio({path!r})
window = MainWindow(StoreBridge(store))
window.resize(1920, 1080)
window.show()
app.processEvents()
assert window.table.proxy.rowCount() > 0
print("ready", flush=True)
store.close()
"""


def start_time(path: Path, settings_dir: str, features: bool) -> float:
    code = CHILD.format(root=str(ROOT), path=str(path), settings=settings_dir, features=features)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=env
    )
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    proc.wait()
    if line.strip() != "ready":
        raise RuntimeError("window did not start")
    return elapsed


def median_of(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def in_process(path: Path, runs: int, settings_dir: str, features: bool) -> dict[str, float]:
    from PySide6.QtCore import QSettings, Qt

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    from sa2030_desktop.domain.model import Status
    from sa2030_desktop.domain.selection import Selection
    from sa2030_desktop.gui import features as feature_list
    from sa2030_desktop.gui.application import make_application
    from sa2030_desktop.gui.main_window import MainWindow
    from sa2030_desktop.gui.store_bridge import StoreBridge
    from sa2030_desktop.gui.table.goal_table_model import Column
    from sa2030_desktop.services.portfolio import open_portfolio

    installed = list(feature_list.FEATURES)
    if not features:  # the table alone; the other line shows what installed views add
        feature_list.FEATURES[:] = []
    app = make_application([])
    # The edits below write: work on a copy, the cached benchmark file stays as generated.
    work = Path(settings_dir) / f"work-{path.name}"
    shutil.copyfile(path, work)
    store = open_portfolio(work)
    bridge = StoreBridge(store)
    window = MainWindow(bridge)
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    page = window.table
    results = {}
    filters = [
        ("filter: Ressort (federführend oder beteiligt)", Selection(ministry="MID", involved=True)),
        ("filter: Themenfeld + Status", Selection(theme="TF05", status=Status.DELAYED)),
        ("filter: Freitext", Selection(text="vorgang 12")),
        ("filter: nur mit Verzug", Selection(only_slipped=True)),
    ]
    for label, sel in filters:

        def apply(sel=sel):
            page.set_selection(Selection())
            app.processEvents()
            t0 = time.perf_counter()
            page.set_selection(sel)
            app.processEvents()
            return time.perf_counter() - t0

        results[label] = statistics.median(apply() for _ in range(runs))
    page.set_selection(Selection())
    for label, col in (("sort: Verzug (Tage)", Column.SLIP), ("sort: Titel", Column.TITLE),
                       ("sort: Schlüssel (natürlich)", Column.KEY)):  # fmt: skip

        def sort(col=col, order=[Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder]):  # noqa: B006
            order.reverse()
            window.table.view.sortByColumn(col, order[0])
            app.processEvents()

        results[label] = median_of(sort, runs)
    results["rebuild after a change (whole table)"] = median_of(
        lambda: (page.rebuild(), app.processEvents()), runs
    )
    results.update(edit_timings(app, page, bridge, runs))
    window.close()
    bridge.close()
    feature_list.FEATURES[:] = installed
    if features:
        return {
            f"{k} – mit allen Ansichten": v
            for k, v in results.items()
            if "Ressort" in k or "end to end" in k
        }
    return results


def edit_timings(app, page, bridge, runs: int) -> dict[str, float]:
    """One forecast edit at a time (slip grows, so the row moves when sorted by slip): the
    table's own work on the ChangeSet, then the same edit end to end (service + every view)."""
    from PySide6.QtCore import Qt

    from sa2030_desktop.domain.rules import next_milestone
    from sa2030_desktop.gui.table.goal_rows import build_rows
    from sa2030_desktop.gui.table.goal_table_model import Column
    from sa2030_desktop.services.goals import set_forecasts

    store = bridge.store
    portfolio = store.snapshot()
    results = {"build all rows (goal_rows.build_rows)": median_of(
        lambda: build_rows(portfolio, bridge.as_of), runs
    )}  # fmt: skip
    handler = getattr(page, "_store_changed", page.rebuild)  # before: every change rebuilt all
    page.view.sortByColumn(Column.SLIP, Qt.SortOrder.DescendingOrder)
    targets = [m for k in list(portfolio.goals)[:: max(1, len(portfolio.goals) // 50)]
               if (m := next_milestone(portfolio, k)) and m.baseline][: 2 * runs]  # fmt: skip
    bridge.changed.disconnect(handler)
    own = []
    for i, ms in enumerate(targets[:runs]):
        changes = set_forecasts(store, {ms.key: ms.baseline + timedelta(days=730)},
                                f"Benchmark {i}")  # fmt: skip
        t0 = time.perf_counter()
        handler(changes)
        app.processEvents()
        own.append(time.perf_counter() - t0)
    bridge.changed.connect(handler)
    results["one forecast edit: table update"] = statistics.median(own)
    total = []
    for i, ms in enumerate(targets[runs:]):
        t0 = time.perf_counter()
        set_forecasts(store, {ms.key: ms.baseline + timedelta(days=730)}, f"B {i}")
        app.processEvents()
        total.append(time.perf_counter() - t0)
    results["one forecast edit: end to end (service + views)"] = statistics.median(total)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from benchmarks.generate import portfolio_file

    cache = Path(tempfile.gettempdir()) / "sa2030-bench"
    cache.mkdir(exist_ok=True)
    rows: dict[str, dict[int, float]] = {}
    with tempfile.TemporaryDirectory() as settings_dir:
        for size in args.sizes:
            path = portfolio_file(cache, size)
            for features, label in ((False, "start → usable window (table + overview)"),
                                    (True, "start → usable window (with all views)")):  # fmt: skip
                starts = [start_time(path, settings_dir, features) for _ in range(args.runs)]
                rows.setdefault(label, {})[size] = statistics.median(starts)
            for with_features in (False, True):
                for label, seconds in in_process(
                    path, args.runs, settings_dir, with_features
                ).items():
                    rows.setdefault(label, {})[size] = seconds
    width = max(len(k) for k in rows)
    print(f"{'operation (median of ' + str(args.runs) + ')':<{width}}" +
          "".join(f"{size:>12,}".replace(",", ".") for size in args.sizes))  # fmt: skip
    for label, by_size in rows.items():
        cells = "".join(f"{by_size[s] * 1000:>9.1f} ms" for s in args.sizes)
        print(f"{label:<{width}}{cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

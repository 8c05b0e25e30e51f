"""Benchmark of the „Berichtsrunden“ view (issue 12 item 4) at 1,000 and 10,000 goals:

    .venv/bin/python benchmarks/rounds_view.py [--sizes 1000 10000] [--runs 5]

On a work copy of a synthetic portfolio (benchmarks/generate.py) with two rounds over all goals
— round 1 closed (a third answered), round 2 open (half answered, a tenth accepted) — in the
whole main window at 1366×768 (offscreen):

- open view: the tab brought to the front (Strg+5) with a stale view, until it has rebuilt
  (rounds, matrix, reports list, review queue);
- refresh: the view's rebuild alone (what every change to the file costs while it is shown);
- submit+refresh: one report submitted through the undo stack (SubmitReport) and the view
  rebuilt by the store's announcement, end to end (then undone, not timed);
- pick in queue: choosing a report in the review queue (side by side: previous values);
- sort / filter: the reports list sorted by title, filtered by one ministry;
- compare: round 1 with the current state on the task runner.
Baseline „service“: the one service read the refresh calls (rounds_overview: every round's
reports), so the ratio refresh / service is what the Qt side adds. Medians of `--runs`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.generate import portfolio_file  # noqa: E402

AS_OF_1, AS_OF_2 = date(2026, 3, 31), date(2026, 9, 30)


def _batch(store, key: str, goals: list[str]) -> None:
    from sa2030_desktop.domain.reporting import ReportContent
    from sa2030_desktop.services.operations.reporting import SubmitReport
    from sa2030_desktop.services.operations.reporting_batch import SubmitReports

    ops = [SubmitReport(key, g, ReportContent(progress=f"Sachstand {g}")) for g in goals]
    SubmitReports(key, ops).apply(store)


def prepare(folder: Path, n: int) -> Path:
    """A work copy with the two rounds (cached per size)."""
    from sa2030_desktop.services import reporting
    from sa2030_desktop.services.portfolio import open_portfolio

    target = folder / f"rounds-{n}.sa2030"
    if target.exists():
        return target
    shutil.copy(portfolio_file(folder, n), target)
    store = open_portfolio(target)
    goals = sorted(store.snapshot().goals)
    reporting.open_round(store, "R1", "Runde 1", AS_OF_1, date(2026, 4, 30))
    _batch(store, "R1", goals[::3])
    reporting.close(store, "R1", force=True)
    reporting.open_round(store, "R2", "Runde 2", AS_OF_2, date(2026, 10, 31))
    _batch(store, "R2", goals[::2])
    for goal in goals[::20]:
        reporting.review(store, "R2", goal, True)
    store.close()
    return target


def timed(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def measure(path: Path, runs: int) -> dict[str, float]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from sa2030_desktop.domain.reporting import ReportContent
    from sa2030_desktop.gui.commands import push_operation
    from sa2030_desktop.gui.main_window import MainWindow
    from sa2030_desktop.gui.store_bridge import StoreBridge
    from sa2030_desktop.services import reporting
    from sa2030_desktop.services.operations.reporting import SubmitReport
    from sa2030_desktop.services.portfolio import open_portfolio

    app = QApplication.instance() or QApplication([])
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    work = path.with_name(path.stem + "-work.sa2030")
    shutil.copy(path, work)
    store = open_portfolio(work)
    window = MainWindow(StoreBridge(store))
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    page = window.feature("rounds").page
    out: dict[str, float] = {}

    def open_view():
        window.show_view(window.table)
        page._changed(None)  # stale, as after any change while hidden
        window.action("view.rounds").trigger()
        app.processEvents()

    out["open view"] = timed(open_view, runs)
    assert page.report_model.rowCount() > 0 and page.round_model.rowCount() == 2
    out["refresh"] = timed(page.refresh, runs)
    out["service"] = timed(lambda: reporting.rounds_overview(store), runs)
    pending = [r.goal for r in page.reports if r.state.value == "pending"]

    def submit():
        goal = pending.pop()
        op = SubmitReport("R2", goal, ReportContent(progress="Neu"))
        assert push_operation(window, window.undo_stack, op, window.bridge)
        app.processEvents()

    def submit_and_undo():
        t0 = time.perf_counter()
        submit()
        spent = time.perf_counter() - t0
        window.undo_stack.undo()
        app.processEvents()
        return spent

    out["submit+refresh"] = statistics.median(submit_and_undo() for _ in range(runs))
    page.tabs.setCurrentWidget(page.review)
    queue = [r.goal for r in page.review.proxy.items()[:runs]]
    out["pick in queue"] = timed(lambda: (page.review.select(queue.pop()), app.processEvents()),
                                 runs)  # fmt: skip
    view = page.report_view
    out["sort by title"] = timed(lambda: (view.sortByColumn(1, view.horizontalHeader()
                                          .sortIndicatorOrder()), app.processEvents()), runs)  # fmt: skip
    combo = page.ministry_filter
    out["filter ministry"] = timed(lambda: (combo.setCurrentIndex(1 + (combo.currentIndex() % 9)),
                                            app.processEvents()), runs)  # fmt: skip

    def compare():
        page.compare.run("R1", "aktuell")
        while page.compare.task is not None:
            app.processEvents()
            time.sleep(0.001)
        assert page.compare.comparison is not None

    out["compare"] = timed(compare, max(1, runs // 2))
    window.close()
    window.bridge.close()
    work.unlink()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--folder", default=os.path.join(tempfile.gettempdir(), "sa2030-bench"))
    args = parser.parse_args()
    folder = Path(args.folder)
    folder.mkdir(exist_ok=True)
    rows = {n: measure(prepare(folder, n), args.runs) for n in args.sizes}
    names = list(next(iter(rows.values())))
    print("operation".ljust(18) + "".join(f"{n:>12,d}".replace(",", ".") for n in args.sizes))
    for name in names:
        cells = "".join(f"{rows[n][name] * 1000:>9.0f} ms" for n in args.sizes)
        print(name.ljust(18) + cells)
    for n in args.sizes:
        print(f"refresh / service at {n}: {rows[n]['refresh'] / rows[n]['service']:.2f}")


if __name__ == "__main__":
    main()

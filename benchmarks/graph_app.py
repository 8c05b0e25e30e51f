"""The „Abhängigkeiten“ tab in the real main window with a large portfolio file (not a test).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/graph_app.py [--runs R] [1000 ...]
     (or under Xvfb with QT_QPA_PLATFORM=xcb for the real X11 paint path)
Prints size × operation → median ms (frames: CPU time of the GUI thread): opening the main window, showing the graph tab until its
goals are drawn fitted (layout in the worker included) with the longest stall of the event
loop meanwhile ('max build'/'p99 build': only from the end of the layout in the worker on,
while the scene is built, fitted and first painted), and the paint time of one frame of the view when fitted, panning at reading
size (text drawn; 'pan frame' repaints the whole view, 'drag frame' scrolls by 40 px as a drag
does and paints the uncovered strip) and wheel zooming. Target (issue 4): frames < 16 ms at 1,000 goals.
'pan step' and 'zoom step' are a whole user step: the view's own work for the new sight (conflict
labels looking for their place, switching to or from the overview picture) plus the frame;
'wheel out' is one wheel step out from the fitted view (the overview of a large graph).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QElapsedTimer, QPointF, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.generate import portfolio_file  # noqa: E402


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _p99(values: list[float]) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]


def building(page) -> bool:
    """The scene is still adding items between event-loop turns (before the sliced build: never)."""
    return getattr(page.scene, "building", lambda: False)()


def _frame_ms(view) -> float:
    # CPU time of the GUI thread: on a shared, loaded machine wall time mostly measures waiting
    t = time.thread_time()
    view.viewport().repaint()  # synchronous paint of the whole viewport
    return (time.thread_time() - t) * 1000


def measure(n: int, folder: Path) -> dict:
    from sa2030_desktop.gui.main_window import MainWindow
    from sa2030_desktop.gui.store_bridge import StoreBridge
    from sa2030_desktop.services.portfolio import open_portfolio

    app = QApplication.instance()
    path = portfolio_file(folder, n)
    t = time.perf_counter()
    bridge = StoreBridge(open_portfolio(path))
    window = MainWindow(bridge)
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    t_open = (time.perf_counter() - t) * 1000
    page = window.feature("graph").page

    # show the tab; wait until the scene holds every goal and the view is fitted
    stalls, clock = [], QElapsedTimer()
    built_from = None  # index in `stalls` when the scene starts to be built (layout done)
    ticker = QTimer()
    ticker.setInterval(5)
    ticker.timeout.connect(lambda: stalls.append(clock.restart()))
    clock.start()
    ticker.start()
    t = time.perf_counter()
    window.tabs.setCurrentWidget(page)
    deadline = time.perf_counter() + 60
    while (
        len(page.scene.nodes) < n or page.view.fit_pending or building(page)
    ) and time.perf_counter() < deadline:
        app.processEvents()
        if built_from is None and (page.scene.nodes or building(page)):
            built_from = max(1, len(stalls) - 1)  # (the gap that holds the first slice)
        time.sleep(0.002)
    app.processEvents()  # the layout's pending resize (the progress hint hidden) refits
    page.view.viewport().repaint()
    t_show = (time.perf_counter() - t) * 1000
    ticker.stop()
    view = page.view
    fitted = all(
        view.viewport().rect().contains(view.mapFromScene(i.sceneBoundingRect()).boundingRect())
        for i in page.scene.nodes.values()
    )

    fit_frames = [_frame_ms(view) for _ in range(7)]
    fit_zoom = view.zoom()
    centre = page.scene.itemsBoundingRect().center()
    view.set_zoom(1.0)
    pan_frames, pan_steps = [], []
    for k in range(15):
        t = time.thread_time()
        view.centerOn(centre + QPointF(37.0 * (k % 20), 23.0 * (k % 11)))
        frame = _frame_ms(view)
        pan_steps.append((time.thread_time() - t) * 1000)
        pan_frames.append(frame)
    # dragging the background: the view scrolls and paints only the uncovered strip
    scroll_frames = []
    bar = view.horizontalScrollBar()
    view.centerOn(centre)
    app.processEvents()
    for k in range(20):
        t = time.thread_time()
        bar.setValue(bar.value() + (40 if k < 10 else -40))
        app.processEvents()
        scroll_frames.append((time.thread_time() - t) * 1000)
    zoom_frames, zoom_steps = [], []
    for k in range(16):
        t = time.thread_time()
        view.set_zoom(1.0 / 1.15 ** (k % 8))  # wheel steps between reading size and 0.38
        frame = _frame_ms(view)
        zoom_steps.append((time.thread_time() - t) * 1000)
        zoom_frames.append(frame)
    wheel_out = []
    for _ in range(3):
        view.fit_all()
        _frame_ms(view)
        t = time.thread_time()
        view.zoom_by(1 / 1.15)
        _frame_ms(view)
        wheel_out.append((time.thread_time() - t) * 1000)
    window.close()
    bridge.close()
    return {
        "goals": n,
        "open window": t_open,
        "show tab": t_show,
        "max stall": max(stalls[1:], default=0),
        "p99 stall": _p99(stalls[1:]),
        # the same from the end of the layout (worker) on: the scene's build, fit, first frame
        "max build": max(stalls[built_from or 1 :], default=0),
        "p99 build": _p99(stalls[built_from or 1 :]),
        "fit zoom": fit_zoom,
        "fit frame": _median(fit_frames),
        "pan frame": _median(pan_frames),
        "drag frame": _median(scroll_frames),
        "zoom frame": _median(zoom_frames),
        "pan step": _median(pan_steps),
        "zoom step": _median(zoom_steps),
        "wheel out": _median(wheel_out),
        "fitted": fitted,
    }


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Graph tab of the real main window at scale: time until the tab shows every "
        "goal fitted, event-loop stalls meanwhile, frame times (fit, pan, drag, zoom).",
    )
    parser.add_argument(
        "sizes",
        nargs="*",
        type=int,
        default=[1000],
        metavar="GOALS",
        help="portfolio sizes in goals (default: 1000)",
    )
    parser.add_argument(
        "--runs", type=int, default=1, help="measure each size this many times (default: 1)"
    )
    args = parser.parse_args(argv)
    if any(n < 1 for n in args.sizes) or args.runs < 1:
        parser.error("sizes and --runs must be positive")
    return args


def main(sizes: list[int], runs: int = 1) -> None:
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.gettempdir()) / "sa2030-bench"
    folder.mkdir(exist_ok=True)
    settings = Path(tempfile.mkdtemp(prefix="sa2030-settings-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings))
    rows = [measure(n, folder) for n in sizes for _ in range(runs)]
    print(f"platform: {app.platformName()}   (median ms; 'max stall' = longest event-loop gap)")
    keys = [k for k in rows[0] if k != "goals"]
    print(f"{'goals':>6} " + " ".join(f"{k:>11}" for k in keys))
    for row in rows:
        cells = []
        for k in keys:
            v = row[k]
            cells.append(f"{v!s:>11}" if isinstance(v, bool) else f"{v:>11.2f}")
        print(f"{row['goals']:>6} " + " ".join(cells))


if __name__ == "__main__":
    options = parse()
    main(options.sizes, options.runs)

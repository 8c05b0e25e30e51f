"""The „Abhängigkeiten“ tab in the real main window with a large portfolio file (not a test).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/graph_app.py [1000 ...]
     (or under Xvfb with QT_QPA_PLATFORM=xcb for the real X11 paint path)
Prints size × operation → median ms (frames: CPU time of the GUI thread): opening the main window, showing the graph tab until its
goals are drawn fitted (layout in the worker included) with the longest stall of the event
loop meanwhile, and the paint time of one frame of the view when fitted, panning at reading
size (text drawn; 'pan frame' repaints the whole view, 'drag frame' scrolls by 40 px as a drag
does and paints the uncovered strip) and wheel zooming. Target (issue 4): frames < 16 ms at 1,000 goals.
"""

from __future__ import annotations

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
    pan_frames = []
    for k in range(15):
        view.centerOn(centre + QPointF(37.0 * (k % 20), 23.0 * (k % 11)))
        pan_frames.append(_frame_ms(view))
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
    zoom_frames = []
    for k in range(16):
        view.set_zoom(1.0 / 1.15 ** (k % 8))  # wheel steps between reading size and 0.38
        zoom_frames.append(_frame_ms(view))
    window.close()
    bridge.close()
    return {
        "goals": n,
        "open window": t_open,
        "show tab": t_show,
        "max stall": max(stalls[1:], default=0),
        "p99 stall": _p99(stalls[1:]),
        "fit zoom": fit_zoom,
        "fit frame": _median(fit_frames),
        "pan frame": _median(pan_frames),
        "drag frame": _median(scroll_frames),
        "zoom frame": _median(zoom_frames),
        "fitted": fitted,
    }


def main(sizes: list[int]) -> None:
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.gettempdir()) / "sa2030-bench"
    folder.mkdir(exist_ok=True)
    settings = Path(tempfile.mkdtemp(prefix="sa2030-settings-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings))
    rows = [measure(n, folder) for n in sizes]
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
    main([int(a) for a in sys.argv[1:]] or [1000])

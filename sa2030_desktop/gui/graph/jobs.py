"""Work off the GUI thread: layout of large graphs and writing image files."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, Signal

from sa2030_desktop.domain import graph_layout as gl
from sa2030_desktop.domain.graph_view import build_view


class JobSignals(QObject):
    done = Signal(object, object)  # token, result
    failed = Signal(object, object)  # token, exception


class LayoutJob(QRunnable):
    """build_view + layout on a snapshot (plain data: safe to read from a worker)."""

    def __init__(self, token: int, portfolio, options, as_of, stored) -> None:
        super().__init__()
        self.token = token
        self.args = (portfolio, options, as_of, stored)
        self.signals = JobSignals()
        self.cancelled = False

    def run(self) -> None:
        portfolio, options, as_of, stored = self.args
        try:
            model = build_view(portfolio, options, as_of)
            if self.cancelled:
                return
            new = gl.layout(model, stored)
        except Exception as exc:  # reported on the GUI thread
            self.signals.failed.emit(self.token, exc)
            return
        if not self.cancelled:
            self.signals.done.emit(self.token, (model, new))


def compute_now(portfolio, options, as_of, stored):
    model = build_view(portfolio, options, as_of)
    return model, gl.layout(model, stored)


class ExportJob(QRunnable):
    def __init__(self, portfolio, as_of, path, options, dpi, model) -> None:
        super().__init__()
        self.args = (portfolio, as_of, path, options, dpi, model)
        self.signals = JobSignals()

    def run(self) -> None:
        from sa2030_desktop.services.figures import save_graph

        portfolio, as_of, path, options, dpi, model = self.args
        try:
            result = save_graph(portfolio, as_of, path, options, dpi=dpi, model=model)
        except Exception as exc:
            self.signals.failed.emit(path, exc)
            return
        self.signals.done.emit(path, result)

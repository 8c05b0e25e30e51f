"""Graph actions with dialogs: export of the current view, what-if overlay, presentation."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog

from sa2030_desktop.domain import graph_layout as gl
from sa2030_desktop.domain.dates import days_de
from sa2030_desktop.domain.grammar import goals_de
from sa2030_desktop.domain.graph_view import build_view
from sa2030_desktop.domain.whatif import evaluate
from sa2030_desktop.gui.tasks import TaskRunner


def tr(text: str) -> str:
    return QCoreApplication.translate("GraphActions", text)


def export_to(page, path: str | Path, dpi: int = 150):
    """Write the current view (its filter and stored positions) in a worker thread."""
    from sa2030_desktop.services.figures import save_graph

    portfolio, as_of, path = page.bridge.snapshot(), page.bridge.as_of, Path(path)
    options = page.options()
    model = build_view(portfolio, options, as_of)
    gl.layout(model, page.positions.of(options.view_name()))  # the picture on screen
    task = TaskRunner.of(page).submit(
        lambda _progress, _token: save_graph(portfolio, as_of, path, options, dpi=dpi, model=model),
        lambda outcome: _exported(page, path, outcome),
    )
    page.show_message(tr("Export läuft …"))
    return task


def _exported(page, path, outcome) -> None:
    if outcome.ok:
        page.show_message(tr("Graph gespeichert: {0}").format(path))
        page.exported.emit(path)
        return
    page.show_message(outcome.message, error=True)
    page.export_failed.emit(outcome.message)


def export_dialog(page) -> None:
    path, _filter = QFileDialog.getSaveFileName(
        page,
        tr("Graph exportieren"),
        "abhaengigkeiten.png",
        tr("PNG-Bild (*.png);;SVG-Vektorgrafik (*.svg);;PDF-Dokument (*.pdf)"),
    )
    if not path:
        return
    dpi = 150
    if path.lower().endswith(".png"):
        dpi, ok = QInputDialog.getInt(
            page, tr("Auflösung"), tr("Auflösung in dpi:"), 150, 30, 1200, 10
        )
        if not ok:
            return
    export_to(page, path, dpi)


def simulate_slip(page, key: str, days: int) -> set[str]:
    """What-if overlay: every open milestone of `key` later by `days`; nothing is written."""
    portfolio = page.bridge.snapshot()
    changes = {
        ms.key: (ms.forecast or ms.baseline) + timedelta(days=days)
        for ms in portfolio.milestones_of(key)
        if ms.is_open and (ms.forecast or ms.baseline)
    }
    result = evaluate(portfolio, changes, page.bridge.as_of)
    affected = {a.key for a in result.affected}
    text = tr(
        "Was-wäre-wenn: {0} um {1} später betrifft {2} ({3}); neue Terminkonflikte: {4}. "
        "Esc beendet die Simulation."
    ).format(
        key,
        days_de(days),
        goals_de(len(affected)),
        ", ".join(result.affected_ministries) or "–",
        len(result.new_conflicts),
    )
    page.show_whatif(affected | {key}, text)
    return affected


def whatif_dialog(page) -> None:
    key = page.chosen_goal()
    if not key:
        page.show_message(tr("Bitte zuerst ein Ziel im Graphen wählen."), error=True)
        return
    days, ok = QInputDialog.getInt(
        page, tr("Was-wäre-wenn"), tr("Verzug von {0} in Tagen:").format(key), 30, 1, 3650
    )
    if ok:
        simulate_slip(page, key, days)


def start_presentation(page):
    from sa2030_desktop.gui.graph.presentation import PresentationWindow

    old = getattr(page, "_presentation", None)
    if old is not None and old.isVisible():
        old.close()
    window = PresentationWindow(page)
    page._presentation = window
    from sa2030_desktop.gui.graph.workshop import session_started

    session_started(page, window)  # the Workshop-Protokoll reports the changes from here on
    window.show_full_screen(presentation_screen(page.window()))
    return window


def presentation_screen(main_window):
    """A second screen (the projector) when there is one, so that the laptop keeps the normal
    window; else the main window's screen."""
    from PySide6.QtGui import QGuiApplication

    own = main_window.screen()
    others = [s for s in QGuiApplication.screens() if s is not own]
    return others[0] if others else own

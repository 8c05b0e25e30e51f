"""The workshop session of a presentation: marked when it starts, closed when it ends; then the
window offers the Workshop-Protokoll of its decisions (also later, from the menu, for the last
session of this window)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from sa2030_desktop.services import workshop


def tr(text: str) -> str:
    return QCoreApplication.translate("Workshop", text)


def session_started(page, presentation) -> None:
    """A presentation began: every change after this point belongs to its session."""
    page.workshop_session = workshop.start_session(page.bridge.store)
    presentation.closed.connect(lambda: session_ended(page))


def session_ended(page) -> QMessageBox | None:
    """The presentation ended: offer the Protokoll when the session decided anything."""
    session = getattr(page, "workshop_session", None)
    if session is None:
        return None
    workshop.end_session(page.bridge.store, session)
    found = workshop.decisions(workshop.session_changes(page.bridge.store, session))
    if not found:
        page.show_message(tr("Präsentation beendet – in der Sitzung wurde nichts geändert."))
        return None
    n = len(found)
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("Workshop-Protokoll"),
        tr("In der Sitzung wurde 1 Entscheidung getroffen.")
        if n == 1
        else tr("In der Sitzung wurden {0} Entscheidungen getroffen.").format(n),
        parent=page.window(),
    )
    box.setObjectName("workshopOffer")
    box.setInformativeText(
        "\n".join(workshop.summary_lines(found))
        + "\n\n"
        + tr("Das Protokoll lässt sich auch später erstellen: Ansicht → Graph: Workshop-Protokoll.")
    )
    box.create = box.addButton(tr("&Protokoll erstellen…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("&Später"), QMessageBox.ButtonRole.RejectRole)
    box.buttonClicked.connect(lambda button: button is box.create and open_dialog(page))
    box.open()
    page.workshop_offer = box
    return box


def open_dialog(page):
    """The Protokoll dialog for the last session of this window (or a hint that there is none)."""
    session = getattr(page, "workshop_session", None)
    if session is None:
        return no_session(page.window())
    from sa2030_desktop.gui.graph.workshop_dialog import WorkshopDialog

    page.workshop_dialog = WorkshopDialog(page, session)
    page.workshop_dialog.open()
    return page.workshop_dialog


def no_session(window) -> None:
    """The menu entry before any presentation in this window: what the Protokoll needs."""
    QMessageBox.information(
        window,
        tr("Workshop-Protokoll"),
        tr(
            "In diesem Fenster gab es noch keine Präsentation. Das Workshop-Protokoll fasst "
            "die Entscheidungen einer Präsentation zusammen: bitte den Präsentationsmodus "
            "starten (F11), im Workshop ändern und danach das Protokoll erstellen."
        ),
    )

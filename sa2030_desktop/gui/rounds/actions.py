"""What the view's buttons and menu entries do. Every change is an operation of the core
(services/operations/reporting.py) pushed on the window's undo stack after its check passed;
dialogs are window-modal and do not block (`page.dialog` is the open one)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox

from sa2030_desktop.domain.reporting import ReportState
from sa2030_desktop.gui.commands import push_operation
from sa2030_desktop.gui.rounds.dialogs import OpenRoundDialog, ReturnDialog, close_question
from sa2030_desktop.gui.rounds.report_form import ReportFormDialog
from sa2030_desktop.services.operations.reporting import (
    CloseRound,
    OpenRound,
    ReviewReport,
    SubmitReport,
)
from sa2030_desktop.services.package import package_ministry

if TYPE_CHECKING:
    from sa2030_desktop.gui.rounds.page import RoundsPage


def own_ministry(page: RoundsPage) -> str | None:
    """In a Ressortpaket the ministry whose package it is (its reports come first)."""
    return package_ministry(page.bridge.store)


def _push(page: RoundsPage, operation) -> bool:
    return push_operation(page, page.undo_stack, operation, page.bridge)


def _show(page: RoundsPage, dialog: QDialog) -> QDialog:
    page.dialog = dialog
    dialog.open()
    return dialog


def say(page: RoundsPage, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, page.tr("Berichtsrunden"), text,
                      QMessageBox.StandardButton.Ok, page)  # fmt: skip
    box.setObjectName("roundsNote")
    page.dialog = box
    box.open()


def open_round(page: RoundsPage) -> QDialog:
    store = page.bridge.store
    dialog = OpenRoundDialog(page, page.bridge.snapshot(), page.bridge.as_of,
                             lambda rnd: OpenRound(rnd).check(store))  # fmt: skip

    def done() -> None:
        if dialog.result_round is not None and _push(page, OpenRound(dialog.result_round)):
            page.refresh()
            page.select_round(dialog.result_round.key)

    dialog.accepted.connect(done)
    return _show(page, dialog)


def close_round(page: RoundsPage):
    status = page.current_round()
    if status is None or not status.round.is_open:
        say(page, page.tr("Zuerst eine offene Runde in der Liste wählen."))
        return None
    box = close_question(page, status.round, page.reports)

    def answered(button) -> None:
        if button is box.confirm:
            _push(page, CloseRound(status.round.key, force=box.force))

    box.buttonClicked.connect(answered)
    page.dialog = box
    box.open()
    return box


def edit_report(page: RoundsPage):
    status, report = page.status, page.current_report()
    if status is None:
        say(page, page.tr("Zuerst eine Runde wählen."))
        return None
    if not status.round.is_open:
        say(page, page.tr("Die Runde {0} ist abgeschlossen; sie nimmt keine Meldungen mehr "
                           "an.").format(status.round.key))  # fmt: skip
        return None
    if report is None:
        say(page, page.tr("Zuerst im Reiter „Meldungen“ ein Ziel wählen."))
        return None
    if report.state is ReportState.ACCEPTED:
        say(page, page.tr("Die Meldung zu {0} ist bestätigt; sie lässt sich erst ändern, wenn "
                           "die Prüfung sie zurückgibt.").format(report.goal))  # fmt: skip
        return None
    store, key, ministry = page.bridge.store, status.round.key, own_ministry(page) or ""

    def operation(content):
        return SubmitReport(key, report.goal, content, ministry)

    dialog = ReportFormDialog(page, page.bridge.snapshot(), status.round, report,
                              lambda content: operation(content).check(store))  # fmt: skip

    def done() -> None:
        if dialog.content is not None:
            _push(page, operation(dialog.content))

    dialog.accepted.connect(done)
    return _show(page, dialog)


def review(page: RoundsPage, accept: bool):
    status, report = page.status, page.current_report()
    if status is None or report is None:
        say(page, page.tr("Zuerst im Reiter „Prüfung“ eine abgegebene Meldung wählen."))
        return None
    key = status.round.key
    if accept:
        _push(page, ReviewReport(key, report.goal, True))
        return None
    store = page.bridge.store
    dialog = ReturnDialog(page, report,
                          lambda text: ReviewReport(key, report.goal, False, text).check(store))  # fmt: skip

    def done() -> None:
        _push(page, ReviewReport(key, report.goal, False, dialog.text))

    dialog.accepted.connect(done)
    return _show(page, dialog)

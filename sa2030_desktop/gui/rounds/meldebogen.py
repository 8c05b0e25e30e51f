"""Meldebögen from the window: write the Excel questionnaires of the chosen round (all ministries,
or the one chosen in the „Meldungen“ filter) into a folder, and collect returned ones.

Both run on the window's task runner with the shared progress dialog. Collecting only *reads*
in the worker (services.reporting.meldebogen_collect.read_form checks each workbook whole); each
accepted workbook's SubmitReports operation is then pushed on the undo stack on the GUI thread,
one undo step per workbook. A refused workbook writes nothing; its errors are listed with file,
sheet, row and column."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.grammar import count_de, reports_de
from sa2030_desktop.domain.meldebogen import file_name
from sa2030_desktop.gui.commands import OperationCommand, push_operation
from sa2030_desktop.gui.tasks import TaskOutcome, run_with_progress
from sa2030_desktop.messages import format_error
from sa2030_desktop.services.reporting import meldebogen_collect as mc
from sa2030_desktop.services.reporting import meldebogen_write as mw

if TYPE_CHECKING:
    from sa2030_desktop.gui.rounds.page import RoundsPage


def _open_round(page: RoundsPage):
    from sa2030_desktop.gui.rounds.actions import say

    status = page.current_round()
    if status is None or not status.round.is_open:
        say(page, page.tr("Meldebögen gibt es nur zu einer offenen Runde: zuerst eine offene "
                          "Runde in der Liste wählen."))  # fmt: skip
        return None
    return status.round


def _report(page: RoundsPage, title: str, lines: list[str], warn: bool) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning if warn else QMessageBox.Icon.Information, title,
                      "\n\n".join(lines), QMessageBox.StandardButton.Ok, page)  # fmt: skip
    box.setObjectName("meldebogenResult")
    page.dialog = box
    box.open()
    return box


def write_forms(page: RoundsPage, folder: Path | None = None):
    """Write the Meldebögen of the chosen round into `folder` (asked for when None)."""
    rnd = _open_round(page)
    if rnd is None:
        return None
    ministry = page.ministry_filter.currentData()
    if folder is None:
        name = QFileDialog.getExistingDirectory(page, page.tr("Ordner für die Meldebögen"))
        if not name:
            return None
        folder = Path(name)
    store, key = page.bridge.store, rnd.key

    def work(progress, _token):
        return mw.write_forms(store, key, folder, [ministry] if ministry else None, progress)

    def done(outcome: TaskOutcome) -> None:
        title = page.tr("Meldebögen schreiben")
        if not outcome.ok:
            _report(page, title, [outcome.message], True)
            return
        lines = [page.tr("{0}: {1} · {2} · {3}").format(
            w.ministry, count_de(w.goals, "Ziel", "Ziele"),
            count_de(w.milestones, "Meilenstein", "Meilensteine"),
            count_de(w.indicators, "Indikator", "Indikatoren")) for w in outcome.result]  # fmt: skip
        head = page.tr("{0} Meldebögen der Runde {1} im Ordner {2} (je Ressort eine Datei "
                       "{3}):").format(len(lines), key, folder,
                                       file_name(key, "<Ressort>"))  # fmt: skip
        _report(page, title, [head, "\n".join(lines)], False)

    return run_with_progress(page, page.tr("Meldebögen schreiben"),
                             page.tr("Meldebögen werden geschrieben …"), work, done)  # fmt: skip


def collect_forms(page: RoundsPage, paths: list[Path] | None = None):
    """Read returned Meldebögen (asked for when None); each accepted one becomes one undo step."""
    rnd = _open_round(page)
    if rnd is None:
        return None
    if paths is None:
        names, _ = QFileDialog.getOpenFileNames(page, page.tr("Meldebögen einsammeln"), "",
                                                page.tr("Meldebogen (*.xlsx)"))  # fmt: skip
        if not names:
            return None
        paths = [Path(n) for n in names]
    store, key = page.bridge.store, rnd.key

    def work(progress, token):
        out = []
        for n, path in enumerate(paths):
            token.check()
            progress(n / len(paths), page.tr("Meldebogen {0} prüfen").format(path.name))
            try:
                out.append(mc.read_form(store, key, path))
            except DomainError as exc:
                if exc.code == "cancelled":
                    raise
                out.append((path, exc))
        return out

    def done(outcome: TaskOutcome) -> None:
        title = page.tr("Meldebögen einsammeln")
        if not outcome.ok:
            _report(page, title, [outcome.message], True)
            return
        lines, refused = [], False
        for item in outcome.result:
            if isinstance(item, tuple):
                refused = True
                lines.append(page.tr("{0}: abgelehnt, nichts übernommen.\n{1}").format(
                    item[0].name, format_error(item[1])))  # fmt: skip
                continue
            lines.append(_take(page, item))
        _report(page, title, lines, refused)

    return run_with_progress(page, page.tr("Meldebögen einsammeln"),
                             page.tr("Meldebögen werden geprüft …"), work, done)  # fmt: skip


def _take(page: RoundsPage, reading: mc.FormReading) -> str:
    name = reading.path.name
    earlier = count_de(len(reading.kept), "frühere Meldung", "frühere Meldungen")
    kept = page.tr("; {0} unverändert belassen").format(earlier) if reading.kept else ""
    if not reading.submitted:
        return page.tr("{0} ({1}): keine neue Meldung{2}.").format(name, reading.ministry, kept)
    text = page.tr("Meldebogen {0} einsammeln ({1}, {2})").format(
        reading.ministry, reading.operation.round_key, reports_de(len(reading.submitted)))  # fmt: skip
    command = OperationCommand(page.bridge, reading.operation, text)
    errors: list[str] = []
    if not push_operation(page, page.undo_stack, command, report=errors.append):
        return page.tr("{0}: abgelehnt, nichts übernommen.\n{1}").format(name, "\n".join(errors))
    return page.tr("{0} ({1}): {2} abgegeben, davon {3} mit Änderungen{4}.").format(
        name, reading.ministry, reports_de(len(reading.submitted)), len(reading.changed), kept)  # fmt: skip

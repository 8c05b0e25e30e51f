"""Every dialog of the application, found and opened the way a test can reach it.

`dialog_classes()` discovers the dialogs: it imports every module of sa2030_desktop.gui and
collects the QDialog subclasses (QWizard and QProgressDialog included) defined there. `DIALOGS`
opens each one on the demo window, keyed by class name; a test compares the two, so a new dialog
without an entry here fails instead of escaping the accessibility and 200 % checks. A few
windows that are no QDialog (the handbook, the presentation) and the message boxes the window
builds itself are in `OTHER_WINDOWS`."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QDialog, QWidget

Opener = Callable[[object, object], QWidget]  # (window, tmp_path) -> the shown dialog

DAY = date(2026, 3, 31)


def dialog_classes() -> set[str]:
    """The names of every QDialog subclass defined in sa2030_desktop.gui (abstract bases whose
    name starts with „_“ excluded: they are opened through their subclasses)."""
    import sa2030_desktop.gui as gui

    for module in pkgutil.walk_packages(gui.__path__, gui.__name__ + "."):
        importlib.import_module(module.name)
    found, todo = set(), [QDialog]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("sa2030_desktop.gui") and not sub.__name__.startswith("_"):
                found.add(sub.__name__)
    return found


# -- the openers ------------------------------------------------------------------------------
def _merge(w, tmp_path):
    from sa2030_desktop.gui.exchange.merge_dialog import MergeDialog
    from sa2030_desktop.persistence.store import Store
    from sa2030_desktop.services import goals, merge
    from sa2030_desktop.services.merge_state import save_copy_with_base

    store = w.bridge.store
    save_copy_with_base(store, tmp_path / "laptop.sa2030")
    other = Store.open(tmp_path / "laptop.sa2030")
    goals.update_goal(other, "Z04", title="Fassung Laptop")
    goals.update_goal(store, "Z04", title="Fassung Ministerium")  # a conflict to decide
    report = merge.compare(store, other)
    other.close()
    return MergeDialog(w.bridge, w.undo_stack, report, parent=w)


def _rounds_page(w):
    """The Berichtsrunden view with an open round R1 and a submitted report on Z04."""
    from sa2030_desktop.domain.model import Status
    from sa2030_desktop.domain.reporting import ReportContent
    from sa2030_desktop.services import reporting

    store = w.bridge.store
    if not any(s.round.key == "R1" for s in reporting.list_rounds(store)):
        reporting.open_round(store, "R1", "Umsetzungsbericht 2026", DAY, date(2026, 4, 30))
        reporting.submit(store, "R1", "Z04",
                         ReportContent(status=Status.AT_RISK, status_reason="Vergabe gestoppt"))  # fmt: skip
    w.action("view.rounds").trigger()
    page = w.feature("rounds").page
    page.today = DAY
    page.refresh()
    return page


def _select(view, text: str) -> None:
    model = view.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == text:
            view.setCurrentIndex(model.index(row, 0))
            return
    raise AssertionError(f"{text!r} nicht in {view.objectName()}")


def _return_dialog(w, _t):
    page = _rounds_page(w)
    page.tabs.setCurrentWidget(page.review)
    _select(page.review.queue, "Z04")
    return page.return_report()


def _report_form(w, _t):
    page = _rounds_page(w)
    page.tabs.setCurrentIndex(1)
    _select(page.report_view, "Z04")
    return page.edit_report()


def _workshop(w, _t):
    from sa2030_desktop.domain.model import DependencyKind
    from sa2030_desktop.gui.graph import actions, workshop

    page = w.feature("graph").page
    w.show_view(page)
    presentation = actions.start_presentation(page)
    page.link("Z40", "Z01", DependencyKind.SOFT)
    presentation.close()
    offer = getattr(page, "workshop_offer", None)
    if offer is not None:
        offer.reject()
    return workshop.open_dialog(page)


def _progress(w, _t):
    from sa2030_desktop.gui.tasks import TaskProgressDialog, TaskRunner

    # submitted, never started: the dialog as it shows while a long import runs
    task = TaskRunner.of(w).submit(lambda _p, _c: None, title="Import", start=False)
    return TaskProgressDialog(
        task, "Blatt „Meilensteine“ wird gelesen (Zeile 1.200 von 4.000) …", w
    )


def _dialogs() -> dict[str, Opener]:
    from sa2030_desktop.gui.briefing.dialog import BriefingDialog
    from sa2030_desktop.gui.detail.dialogs import (
        NewMilestoneDialog,
        RebaselineDialog,
        StatusReasonDialog,
    )
    from sa2030_desktop.gui.detail.goal_dialogs import NewGoalDialog
    from sa2030_desktop.gui.detail.indicators import IndicatorDialog
    from sa2030_desktop.gui.detail.link_dialog import LinkDialog
    from sa2030_desktop.gui.exchange.import_wizard import ImportWizard
    from sa2030_desktop.gui.reference_dialog import ReferenceDialog, RenameMinistryDialog
    from sa2030_desktop.gui.report_dialog import ReportDialog
    from sa2030_desktop.gui.safety.backups_dialog import BackupsDialog
    from sa2030_desktop.gui.timeline.dialogs import DateCommentDialog

    return {
        "NewGoalDialog": lambda w, _t: NewGoalDialog(w, w.bridge),
        "LinkDialog": lambda w, _t: LinkDialog(w, w.bridge, "Z04"),
        "IndicatorDialog": lambda w, _t: IndicatorDialog(w, "Z04", None),
        "StatusReasonDialog": lambda w, _t: StatusReasonDialog(w, "Z04", "im Plan", "verzögert"),
        "RebaselineDialog": lambda w, _t: RebaselineDialog(w, "Z04-M1", "Start", DAY, DAY),
        "NewMilestoneDialog": lambda w, _t: NewMilestoneDialog(w, "Z04-M9"),
        "ReferenceDialog": lambda w, _t: ReferenceDialog(w, w.bridge, w.undo_stack),
        "RenameMinistryDialog": lambda w, _t: RenameMinistryDialog(w, w.bridge, "MI"),
        "ReportDialog": lambda w, _t: ReportDialog(
            w, "Prüfung", "Ergebnis: 3 Hinweise", ["Zeile 4: Ressort „MX“ unbekannt"] * 3
        ),
        "DateCommentDialog": lambda w, _t: DateCommentDialog("Ist-Datum", DAY, True, None, w),
        "BackupsDialog": lambda w, _t: BackupsDialog(w.bridge.store.path, w),
        "BriefingDialog": lambda w, _t: BriefingDialog(w, w.current_selection()),
        "ImportWizard": lambda w, _t: ImportWizard(w.bridge, w.undo_stack, w),
        "MergeDialog": _merge,
        "OpenRoundDialog": lambda w, _t: _rounds_page(w).open_round(),
        "ReturnDialog": _return_dialog,
        "ReportFormDialog": _report_form,
        "ShortcutsDialog": lambda w, _t: w.feature("help").show_shortcuts(),
        "FirstStepsDialog": lambda w, _t: w.feature("help").show_first_steps(),
        "WorkshopDialog": _workshop,
        "TaskProgressDialog": _progress,
    }


DIALOGS: dict[str, Opener] = {}


def dialogs() -> dict[str, Opener]:
    if not DIALOGS:
        DIALOGS.update(_dialogs())
    return DIALOGS


def other_windows() -> dict[str, Opener]:
    """Windows a user meets that are no QDialog subclass of ours."""
    from PySide6.QtWidgets import QGraphicsView, QMessageBox

    from sa2030_desktop.gui.rounds.dialogs import close_question

    def presentation(w, _t):
        from sa2030_desktop.gui.graph import actions

        page = w.feature("graph").page
        w.show_view(page)
        return actions.start_presentation(page)  # full screen, as F11 shows it

    def handbook(w, _t):
        return w.feature("help").controller.open(None)

    def close_round(w, _t):
        page = _rounds_page(w)
        return close_question(page, page.current_round().round, page.reports)

    def error_box(w, _t):
        box = QMessageBox(QMessageBox.Icon.Warning, "SA2030 Planner",
                          "Die Datei „Ressortplanung MWU.xlsx“ ist kein Excel-Arbeitsblatt: "
                          "Blatt „Ziele“, Zeile 14, Spalte „Basistermin“: „31.13.2026“ ist kein "
                          "Datum.", QMessageBox.StandardButton.Ok, w)  # fmt: skip
        return box

    def workshop_offer(w, t):
        _workshop(w, t).reject()
        page = w.feature("graph").page
        page.workshop_offer = None
        from sa2030_desktop.gui.graph import workshop

        return workshop.session_ended(page)  # the question after the presentation

    def kind_chooser(w, _t):
        from sa2030_desktop.gui.graph.kind_chooser import KindChooser

        page = w.feature("graph").page
        w.show_view(page)
        viewport = page.findChild(QGraphicsView).viewport()
        chooser = KindChooser(viewport, "Z04", "Z01")  # as a drag-to-link opens it
        chooser.show_at(viewport.rect().center())
        return chooser

    def view_name(w, _t):  # what QInputDialog.getText shows for „Ansicht speichern …“
        from PySide6.QtWidgets import QInputDialog

        box = QInputDialog(w)
        box.setWindowTitle("Ansicht speichern")
        box.setLabelText("Name der Ansicht:")
        return box

    def ministry_choice(w, _t):  # QInputDialog.getItem for the Ressortpaket
        from PySide6.QtWidgets import QInputDialog

        box = QInputDialog(w)
        box.setWindowTitle("Ressortpaket")
        box.setLabelText("Für welches Ressort?")
        box.setComboBoxItems(sorted(w.bridge.snapshot().ministries))
        return box

    def open_file(w, _t):  # Qt's own file dialog (where the system offers none)
        from PySide6.QtWidgets import QFileDialog

        box = QFileDialog(w, "Portfolio öffnen", "", "Portfolio (*.sa2030)")
        box.setOption(QFileDialog.Option.DontUseNativeDialog)
        return box

    def import_preview(w, t):  # the wizard's second page with the demo's own workbook
        import time

        from PySide6.QtCore import QCoreApplication

        from sa2030_desktop.gui.exchange.import_wizard import ImportWizard
        from sa2030_desktop.services.tabular_write import write_xlsx

        book = write_xlsx(w.bridge.snapshot(), t / "Ressortplanung.xlsx")
        wizard = ImportWizard(w.bridge, w.undo_stack, w)
        wizard.files_page.set_paths([book])
        wizard.show()
        wizard.next()
        deadline = time.monotonic() + 20
        while wizard.preview_page.job is not None and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.01)
        assert wizard.preview_page.job is None, "Vorschau nicht fertig"
        return wizard

    return {
        "Handbuch": handbook,
        "Import-Vorschau": import_preview,
        "Ansicht speichern": view_name,
        "Ressortpaket": ministry_choice,
        "Datei öffnen": open_file,
        "Protokoll anbieten": workshop_offer,
        "Art der Abhängigkeit": kind_chooser,
        "Präsentation": presentation,
        "Berichtsrunde abschließen": close_round,
        "Fehlermeldung": error_box,
    }

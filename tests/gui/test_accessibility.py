"""BITV 2.0 / WCAG 2.1 AA 4.1.2: every control a user operates has a German accessible name.

The test walks the accessibility tree as a screen reader does (QAccessible interfaces: role and
name), through every view (each tab page and inner tab), every dock and every dialog of the
window, and names each control that would be announced without a name."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QTabWidget, QWidget

from tests.support.a11y import interactive_count, unnamed_controls


def _every_page(root: QWidget, qtbot, visit) -> None:
    """Visit `root` with each page of each inner tab widget in front (a hidden page is not in
    the tree)."""
    visit()
    for tabs in root.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            qtbot.wait(10)
            visit()
        tabs.setCurrentIndex(0)


def _check(widget: QWidget, qtbot, where: str, problems: list[str]) -> int:
    counts = []

    def visit() -> None:
        counts.append(interactive_count(widget))
        problems.extend(f"{where}: {m}" for m in unnamed_controls(widget))

    _every_page(widget, qtbot, visit)
    return max(counts)


def test_every_view_and_dock_names_its_controls(window, qtbot):
    window.resize(1366, 768)
    window.select_goal("Z04")
    problems: list[str] = []
    seen = {}
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        qtbot.wait(30)
        title = window.tabs.tabText(i)
        seen[title] = _check(window.tabs.widget(i), qtbot, title, problems)
    timeline = window.feature("timeline").view
    window.show_view(timeline)
    timeline.set_whatif(True)  # the what-if panel is part of the view too
    seen["Was-wäre-wenn"] = _check(timeline, qtbot, "Zeitplan/Was-wäre-wenn", problems)
    timeline.set_whatif(False)
    for ident, dock in window.assembly.docks.items():
        dock.show()
        dock.raise_()
        qtbot.wait(20)
        seen[ident] = _check(dock, qtbot, f"Dock {ident}", problems)
    problems += [f"Fenster: {m}" for m in unnamed_controls(window)]
    assert problems == [], "\n".join(problems)
    # the walk reached the controls (a tree that stops at the top would pass vacuously)
    assert {"Ziele", "Übersicht", "Abhängigkeiten", "Zeitplan"} <= set(seen)
    assert all(seen[v] >= 3 for v in ("Ziele", "Übersicht", "Abhängigkeiten", "Zeitplan")), seen
    assert all(count >= 1 for count in seen.values()), seen


def _merge_dialog(window, tmp_path):
    from sa2030_desktop.gui.exchange.merge_dialog import MergeDialog
    from sa2030_desktop.persistence.store import Store
    from sa2030_desktop.services import goals, merge
    from sa2030_desktop.services.merge_state import save_copy_with_base

    store = window.bridge.store
    save_copy_with_base(store, tmp_path / "laptop.sa2030")
    other = Store.open(tmp_path / "laptop.sa2030")
    goals.update_goal(other, "Z04", title="Fassung Laptop")
    report = merge.compare(store, other)
    other.close()
    return MergeDialog(window.bridge, window.undo_stack, report, parent=window)


def _dialogs():
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
    from sa2030_desktop.gui.graph.kind_chooser import KindChooser
    from sa2030_desktop.gui.graph.presentation import PresentationWindow
    from sa2030_desktop.gui.reference_dialog import ReferenceDialog, RenameMinistryDialog
    from sa2030_desktop.gui.report_dialog import ReportDialog
    from sa2030_desktop.gui.safety.backups_dialog import BackupsDialog
    from sa2030_desktop.gui.timeline.dialogs import DateCommentDialog

    day = date(2026, 3, 31)
    return {
        "Neues Ziel": lambda w, _t: NewGoalDialog(w, w.bridge),
        "Abhängigkeit": lambda w, _t: LinkDialog(w, w.bridge, "Z04"),
        "Indikator": lambda w, _t: IndicatorDialog(w, "Z04", None),
        "Statusbegründung": lambda w, _t: StatusReasonDialog(w, "Z04", "im Plan", "verzögert"),
        "Basistermin": lambda w, _t: RebaselineDialog(w, "Z04-M1", "Start", day, day),
        "Meilenstein": lambda w, _t: NewMilestoneDialog(w, "Z04-M9"),
        "Stammdaten": lambda w, _t: ReferenceDialog(w, w.bridge, w.undo_stack),
        "Ressort umbenennen": lambda w, _t: RenameMinistryDialog(w, w.bridge, "MI"),
        "Bericht": lambda w, _t: ReportDialog(w, "Prüfung", "Ergebnis", ["Zeile 1"]),
        "Datum mit Kommentar": lambda w, _t: DateCommentDialog("Ist-Datum", day, True, None, w),
        "Sicherungen": lambda w, _t: BackupsDialog(w.bridge.store.path, w),
        "Briefing": lambda w, _t: BriefingDialog(w, w.current_selection()),
        "Import": lambda w, _t: ImportWizard(w.bridge, w.undo_stack, w),
        "Zusammenführen": _merge_dialog,
        "Art der Abhängigkeit": lambda w, _t: KindChooser(w, "Z04", "Z01"),
        "Präsentation": lambda w, _t: PresentationWindow(w.feature("graph").page),
    }


@pytest.mark.parametrize("name", list(_dialogs()))
def test_every_dialog_names_its_controls(window, qtbot, tmp_path, name):
    dialog = _dialogs()[name](window, tmp_path)
    dialog.show()
    qtbot.waitExposed(dialog)
    problems: list[str] = []
    count = _check(dialog, qtbot, name, problems)
    dialog.close()
    assert problems == [], "\n".join(problems)
    assert count >= 1


def test_berichtsrunden_view_and_its_dialogs_name_their_controls(rounds_window, qtbot):
    from tests.gui.test_rounds_view import _submitted
    from tests.support.rounds import page_of, select_row

    win = rounds_window
    win.resize(1366, 768)
    page = page_of(win)
    problems: list[str] = []
    page.open_round()
    _check(page.dialog, qtbot, "Runde eröffnen", problems)
    page.dialog.close()
    _submitted(win.bridge.store)
    page.refresh()
    assert _check(page, qtbot, "Berichtsrunden", problems) >= 3
    page.tabs.setCurrentWidget(page.review)
    select_row(page.review.queue, 0, "Z4")
    page.review.return_button.click()
    _check(page.dialog, qtbot, "Meldung zurückgeben", problems)
    page.dialog.close()
    page.tabs.setCurrentIndex(1)
    select_row(page.report_view, 0, "Z1")
    page.edit_report()
    assert page.dialog.objectName() == "ReportFormDialog"
    _check(page.dialog, qtbot, "Meldebogen", problems)
    page.dialog.close()
    assert problems == [], "\n".join(problems)


def test_help_and_workshop_dialogs_name_their_controls(window, qtbot):
    from sa2030_desktop.domain.model import DependencyKind
    from sa2030_desktop.gui.graph import actions

    problems: list[str] = []
    help_feature = window.feature("help")
    shortcuts = help_feature.show_shortcuts()
    assert _check(shortcuts, qtbot, "Tastenkürzel", problems) >= 1
    shortcuts.close()
    guide = help_feature.show_first_steps()
    assert _check(guide, qtbot, "Erste Schritte", problems) >= 1
    guide.close()
    handbook = help_feature.controller.open(None)
    if handbook is not None:  # the handbook ships with the package; without it: a message
        assert _check(handbook, qtbot, "Handbuch", problems) >= 1
        handbook.close()
    page = window.feature("graph").page
    window.show_view(page)
    presentation = actions.start_presentation(page)
    qtbot.addWidget(presentation)
    assert page.link("Z40", "Z01", DependencyKind.SOFT)
    presentation.close()
    offer = getattr(page, "workshop_offer", None)
    if offer is not None:
        assert _check(offer, qtbot, "Protokoll anbieten", problems) >= 1
        offer.reject()
    window.action("graph.workshop_protocol").trigger()
    dialog = page.workshop_dialog
    assert _check(dialog, qtbot, "Workshop-Protokoll", problems) >= 3
    dialog.reject()
    assert problems == [], "\n".join(problems)

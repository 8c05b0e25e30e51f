"""BITV 2.0 / WCAG 2.1 AA 4.1.2: every control a user operates has a German accessible name.

The test walks the accessibility tree as a screen reader does (QAccessible interfaces: role and
name), through every view (each tab page and inner tab), every dock and every dialog of the
window (tests/support/dialogs.py, checked against the QDialog subclasses of the package), and
names each control that would be announced without a name (4.1.2), each text below 4.5:1 to its
background with the colours palette and style sheets really give (1.4.3), and each enabled
control that the Tab key never reaches (2.1.1)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTabWidget, QWidget

from tests.support.a11y import interactive_count, low_contrast, mouse_only, unnamed_controls
from tests.support.dialogs import dialog_classes, dialogs, other_windows


@pytest.fixture(autouse=True)
def app_palette(qapp):
    """The placeholder colour make_application gives the app (pytest-qt makes its own app)."""
    from sa2030_desktop.gui.accessibility import readable_placeholders

    before = qapp.palette()
    readable_placeholders(qapp)
    yield
    qapp.setPalette(before)


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
    """Names (WCAG 4.1.2) and text contrast (1.4.3) on every page of `widget`."""
    counts = []

    def visit() -> None:
        counts.append(interactive_count(widget))
        problems.extend(f"{where}: {m}" for m in unnamed_controls(widget))
        problems.extend(f"{where}: Kontrast {m}" for m in low_contrast(widget))
        problems.extend(f"{where}: nur mit der Maus {m}" for m in mouse_only(widget))

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


WINDOWS = {**dialogs(), **other_windows()}


def test_every_dialog_of_the_package_is_walked():
    """The walk below takes its dialogs from tests/support/dialogs.py; a new QDialog subclass
    without an entry there fails here instead of escaping the screen-reader check (and the 200 %
    check of test_dialog_fit.py, which opens the same list)."""
    assert dialog_classes() - set(dialogs()) == set()
    assert set(dialogs()) - dialog_classes() == set()  # no stale entry


@pytest.mark.parametrize("name", list(WINDOWS))
def test_every_dialog_names_its_controls(window, qtbot, tmp_path, name):
    dialog = WINDOWS[name](window, tmp_path)
    assert dialog is not None
    qtbot.addWidget(dialog)
    if not dialog.isVisible():
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


def test_the_contrast_walk_sees_pale_text_and_style_sheet_backgrounds(qtbot):
    from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout

    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    pale, error, banner = (QLabel(text, dialog) for text in ("blass", "Fehler", "Simulation"))
    pale.setStyleSheet("color: #999999")  # 2.5:1 on the dialog's #EFEFEF
    error.setStyleSheet("color: #B71C1C")
    banner.setStyleSheet("background: #BF360C; color: #FFFFFF")
    for label in (pale, error, banner):
        layout.addWidget(label)
    dialog.show()
    qtbot.waitExposed(dialog)
    low = low_contrast(dialog)
    assert len(low) == 1 and "„blass“: #999999 auf #efefef" in low[0], low
    pale.setEnabled(False)  # disabled controls are exempt (WCAG 1.4.3)
    assert low_contrast(dialog) == []


def test_the_keyboard_walk_sees_a_button_the_tab_key_never_reaches(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout

    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    reachable, mouse = QPushButton("Übernehmen", dialog), QPushButton("Löschen", dialog)
    mouse.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click target only
    layout.addWidget(reachable)
    layout.addWidget(mouse)
    dialog.show()
    qtbot.waitExposed(dialog)
    found = mouse_only(dialog)
    assert len(found) == 1 and found[0].startswith("QPushButton#"), found
    mouse.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    assert mouse_only(dialog) == []


def test_the_contrast_walk_sees_pale_placeholders(qtbot, qapp):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QDialog, QLineEdit, QPlainTextEdit, QVBoxLayout

    qapp.setPalette(QPalette())  # Qt's own: the text colour at half opacity
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    line, text = QLineEdit(dialog), QPlainTextEdit(dialog)
    line.setPlaceholderText("z. B. 2026-Q4")
    text.setPlaceholderText("Was fehlt?")
    layout.addWidget(line)
    layout.addWidget(text)
    dialog.show()
    qtbot.waitExposed(dialog)
    low = low_contrast(dialog)
    assert len(low) == 2 and "Platzhalter „z. B. 2026-Q4“: #7f7f7f auf #ffffff = 4.0" in low[0], low
    from sa2030_desktop.gui.accessibility import readable_placeholders

    readable_placeholders(qapp)
    qapp.processEvents()  # the widgets take the app's new palette from a posted event
    assert low_contrast(dialog) == []
    assert line.palette().color(QPalette.ColorRole.PlaceholderText).name() == "#595959"


def test_placeholders_stay_readable_on_a_dark_palette(qapp):
    from PySide6.QtGui import QColor, QPalette

    from sa2030_desktop.domain.contrast import contrast_ratio
    from sa2030_desktop.gui.accessibility import readable_placeholders

    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#2d2d2d"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#ffffff"))
    qapp.setPalette(dark)
    readable_placeholders(qapp)
    shown = qapp.palette().color(QPalette.ColorRole.PlaceholderText)
    assert qapp.palette().color(QPalette.ColorRole.Base).name() == "#2d2d2d"
    assert shown.alpha() == 255 and contrast_ratio(shown.name(), "#2d2d2d") >= 4.5, shown.name()


def test_the_started_application_has_readable_placeholders():
    """make_application sets the colour (in a process of its own: it installs translations)."""
    import os
    import subprocess
    import sys

    code = (
        "from PySide6.QtGui import QPalette\n"
        "from sa2030_desktop.gui.application import make_application\n"
        "app = make_application([])\n"
        "c = app.palette().color(QPalette.ColorRole.PlaceholderText)\n"
        "print(c.name(), c.alpha())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.split() == ["#595959", "255"], out.stderr

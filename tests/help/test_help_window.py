"""The help window and F1 on a real main window: context sections, contents as fallback,
search, the refusal's „Hilfe“ button, a missing handbook (issue 17)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QVBoxLayout

from sa2030_desktop import assets
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.gui.assembly import HELP_PROPERTY


def _shown(controller):
    window = controller.window
    assert window is not None and window.isVisible()
    return window


def test_f1_in_the_graph_view_opens_its_section(window, qtbot, help_controller):
    page = window.feature("graph").page
    window.action("view.graph").trigger()
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_F1)
    help_window = _shown(help_controller)
    assert help_window.current == "abhaengigkeitsgraph"
    # the section's heading is at the top of what the user sees
    qtbot.wait(20)
    text = help_window.text
    top = text.cursorForPosition(text.viewport().rect().topLeft() + text.rect().topLeft())
    assert "Abhängigkeitsgraph" in top.block().text() or top.block().text().startswith("![")
    assert help_window.contents.currentItem().text(0) == "Abhängigkeitsgraph"


def test_every_view_and_dock_declares_a_section_that_exists(window, help_controller):
    help_window = help_controller.open()
    ids = help_window.source.ids
    for feature in window.assembly.features.values():
        for spec in [*feature.views, *feature.docks]:
            assert spec.help in ids, f"{feature.name}: {spec.id} ohne Abschnitt im Handbuch"
            assert spec.widget.property(HELP_PROPERTY) == spec.help
    for view_id, section in (("table", "zieltabelle"), ("timeline", "zeitplan")):
        widget = next(v.widget for f in window.assembly.features.values() for v in f.views
                      if v.id == view_id)  # fmt: skip
        window.show_view(widget)
        window.menuBar().setFocus()  # focus outside the view: the shown tab decides
        window.action("help.handbook").trigger()
        assert help_window.current == section


def test_f1_in_a_dialog_opens_the_dialogs_section(window, qtbot, help_controller):
    backups = window.feature("safety").safety.show_backups()
    qtbot.waitExposed(backups)
    backups.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is backups)
    qtbot.keyClick(backups.view, Qt.Key.Key_F1)
    assert _shown(help_controller).current == "sicherungen"
    backups.close()


def test_f1_in_a_place_without_a_section_opens_the_contents(window, qtbot, help_controller):
    dialog = QDialog(window)
    edit = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(edit)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(edit, Qt.Key.Key_F1)
    help_window = _shown(help_controller)
    assert help_window.current == "inhalt"
    assert help_window.text.verticalScrollBar().value() == 0  # the top: title and contents
    help_window.show_section("gibt-es-nicht")
    assert help_window.current == "inhalt"
    dialog.close()


def test_f1_over_a_modal_dialog_gives_a_usable_handbook(window, qtbot, help_controller):
    dialog = QDialog(window)
    dialog.setProperty(HELP_PROPERTY, "stammdaten")
    edit = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(edit)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_F1)
    help_window = _shown(help_controller)
    assert help_window.current == "stammdaten"
    assert help_window.windowModality() == Qt.WindowModality.ApplicationModal
    help_window.close()
    dialog.close()
    window.action("help.handbook").trigger()  # later, from the window: not modal any more
    assert help_window.windowModality() == Qt.WindowModality.NonModal


def test_search_for_meldebogen_lists_the_places_and_jumps_there(window, qtbot, help_controller):
    window.action("help.search").trigger()
    help_window = _shown(help_controller)
    assert help_window.search.hasFocus() or help_window.search.isVisible()
    qtbot.keyClicks(help_window.search, "Meldebogen")
    hits = help_window.run_search()
    sections = [h.section for h in hits]
    assert "Meldebogen" in sections and "Melden" in sections  # the term and the round
    assert help_window.hit_list.count() == len(hits) >= 3
    assert "Fundstellen für „Meldebogen“" in help_window.hit_count.text()
    help_window.hit_list.setCurrentRow(1)
    cursor = help_window.text.textCursor()
    assert cursor.selectedText().lower() == "meldebogen"
    assert cursor.position() == hits[1].position + hits[1].length
    help_window.search.setText("Quarkstrudel")
    assert help_window.run_search() == []
    assert "kommt im Handbuch nicht vor" in help_window.hit_count.text()


def test_links_in_the_handbook_go_to_their_section_and_back(window, help_controller):
    from PySide6.QtCore import QUrl

    help_window = help_controller.open("abhaengigkeitsgraph")
    help_window.text.anchorClicked.emit(QUrl("#abhaengigkeit"))
    assert help_window.current == "abhaengigkeit"
    help_window.back_button.click()
    assert help_window.current == "abhaengigkeitsgraph"


def test_a_refusal_offers_the_section_of_its_rule(window, qtbot, help_controller):
    box = window.show_error(DomainError("cycle", path="Z01 → Z02 → Z01"))
    help_button = box.button(QMessageBox.StandardButton.Help)
    assert help_button is not None and help_button.text() == "&Hilfe"
    assert box.property(HELP_PROPERTY) == "abhaengigkeit"
    qtbot.mouseClick(help_button, Qt.MouseButton.LeftButton)
    assert _shown(help_controller).current == "abhaengigkeit"
    other = window.show_error(DomainError("empty_title"))
    assert other.button(QMessageBox.StandardButton.Help) is None  # no section: no button
    other.close()


def test_a_missing_handbook_says_so_in_german_with_the_pdf_path(
    window, qtbot, help_controller, monkeypatch, tmp_path
):
    monkeypatch.setattr(assets, "handbook_source", lambda: tmp_path / "fehlt" / "handbuch.md")
    assert window.action("help.handbook").isEnabled()
    window.action("help.handbook").trigger()
    box = help_controller.last_missing
    assert box is not None and box.isVisible() and box.objectName() == "helpMissing"
    assert "nicht vorhanden" in box.text() and "handbuch.md" in box.text()
    assert str(assets.handbook_pdf()) in box.text()
    assert help_controller.window is None
    box.close()
    monkeypatch.setattr(assets, "handbook_pdf", lambda: tmp_path / "fehlt" / "handbuch.pdf")
    window.action("help.contents").trigger()
    box = help_controller.last_missing
    assert "Auch die Druckfassung fehlt" in box.text() and "fehlt/handbuch.pdf" in box.text()
    box.close()


def test_empty_states_link_to_their_section(window, qtbot, help_controller):
    from sa2030_desktop.domain.selection import Selection

    window.table.set_selection(Selection(text="gibt es nicht"))  # nothing left to show
    window.action("view.graph").trigger()
    page = window.feature("graph").page
    qtbot.waitUntil(lambda: getattr(page.scene, "empty_item", None) is not None)
    assert 'href="hilfe:abhaengigkeitsgraph"' in page.scene.empty_item.toHtml()
    page.scene.empty_item.linkActivated.emit("hilfe:abhaengigkeitsgraph")
    assert _shown(help_controller).current == "abhaengigkeitsgraph"

    window.action("view.timeline").trigger()
    timeline = window.feature("timeline").view
    qtbot.waitUntil(lambda: timeline.empty_help.isVisible())
    timeline.empty_help.linkActivated.emit("hilfe:zeitplan")
    assert help_controller.window.current == "zeitplan"

    header = window.feature("detail").panel.header
    assert "Kein Ziel ausgewählt" in header.text() and "hilfe:zieldetails" in header.text()
    header.linkActivated.emit("hilfe:zieldetails")
    assert help_controller.window.current == "zieldetails"
    window.table.set_selection(Selection())
    qtbot.waitUntil(lambda: not timeline.empty_help.isVisible())


def test_a_missing_pdf_is_said_and_the_handbook_offered(window, help_controller, monkeypatch,
                                                          tmp_path):  # fmt: skip
    monkeypatch.setattr(assets, "handbook_pdf", lambda: tmp_path / "weg.pdf")
    assert window.feature("help").open_pdf() is False
    box = help_controller.last_missing
    assert "Druckfassung des Handbuchs fehlt" in box.text() and "weg.pdf" in box.text()
    assert "Hilfe › Handbuch (F1)" in box.text()
    box.close()

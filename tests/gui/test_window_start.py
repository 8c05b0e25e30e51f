"""The window shows the portfolio before the store's engine exists (issue 11 item 5: usable in
under 1 s): the file is checked and locked and its goals read on plain sqlite3, SQLAlchemy is
imported after the first paint, in a worker. A user cannot tell – the goals are those of the
file, the first edit lands in the file whether the engine is there yet or not, and a file
that cannot be opened gives the same German message as ever, before any window."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from sa2030_desktop.services.portfolio import create_portfolio
from tests.support.qt import start_in_child
from tests.support.safety import damage_page, sha256
from tests.support.schemas import file_at_revision

SCREEN = {"screens": [{"name": "office", "x": 0, "y": 0, "width": 1920, "height": 1080,
                       "logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}]}  # fmt: skip


def _titles(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT key, title FROM goal"))
    finally:
        conn.close()


# The real `sa2030 FILE` start: notes who imports SQLAlchemy first and what the window shows at
# that moment; at the first idle moment it changes Z05's title in the detail form (typed, then
# „Übernehmen“) and quits once the change is written.
_CHILD = """
import json, sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

seen = {}

def _window():
    return next((w for w in QApplication.topLevelWidgets()
                 if w.objectName() == "MainWindow"), None)

class Spy:
    def find_spec(self, name, path=None, target=None):
        if name == "sqlalchemy" and "first" not in seen:
            window = _window()
            seen["first"] = {
                "visible": bool(window and window.isVisible()),
                "rows": window.table.model.rowCount() if window else 0,
                "shown": [window.table.model.index(r, 1).data()
                          for r in range(window.table.model.rowCount())] if window else []}
        return None

sys.meta_path.insert(0, Spy())

def _edit():
    window = _window()
    seen["engine_at_edit"] = window.bridge.store.engine_open
    window.select_goal("Z05")
    panel = window.feature("detail").panel
    while panel.goal_key != "Z05":  # the detail follows the selection on the next turn
        QApplication.processEvents()
    panel.form.title_edit.selectAll()
    QTest.keyClicks(panel.form.title_edit, "Neuer Titel gleich nach dem Start")
    QTest.mouseClick(panel.form.apply_button, Qt.MouseButton.LeftButton)
    seen["undo"] = window.undo_stack.count()
    print(json.dumps(seen), flush=True)
    window.close()
    QApplication.quit()

QApplication.exec = lambda *_a, _exec=QApplication.exec: (QTimer.singleShot(0, _edit), _exec())[1]
from sa2030_desktop.cli.main import main
sys.exit(main([sys.argv[1]]))
"""


def test_the_start_shows_the_files_goals_first_and_the_first_edit_lands_in_the_file(tmp_path):
    path = tmp_path / "demo.sa2030"
    create_portfolio(path, demo=True).close()
    in_file = _titles(path)
    screen = tmp_path / "screen.json"  # the office screen, as benchmarks/startup.py starts it
    screen.write_text(json.dumps(SCREEN), encoding="utf-8")
    seen = start_in_child(_CHILD, path, tmp_path, f"offscreen:configfile={screen}")
    first = seen["first"]  # SQLAlchemy came only after the window showed the file's goals
    assert first["visible"] and first["rows"] == 50
    assert sorted(first["shown"]) == sorted(in_file.values())
    assert seen["undo"] == 1
    assert _titles(path) == {**in_file, "Z05": "Neuer Titel gleich nach dem Start"}


def _start(qtbot, path: Path, finish: bool):
    """The window as `sa2030 FILE` builds it (gui/application.py main)."""
    from sa2030_desktop.gui import application
    from sa2030_desktop.gui.main_window import MainWindow
    from sa2030_desktop.gui.store_bridge import StoreBridge

    store = application.choose_store(str(path))
    bridge = StoreBridge(store)
    window = MainWindow(bridge)
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show_on_screen()
    if finish:
        bridge.finish_opening_after_paint(window.table.view.viewport())
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("finish", [False, True], ids=["no engine yet", "engine in a worker"])
def test_the_first_edit_after_the_start_is_written_and_undone(qtbot, tmp_path, finish,
                                                              isolated_settings):  # fmt: skip
    path = tmp_path / "demo.sa2030"
    create_portfolio(path, demo=True).close()
    window = _start(qtbot, path, finish)
    store = window.bridge.store
    try:
        if finish:  # made by the worker after the first paint, nobody asked for it
            qtbot.waitUntil(lambda: store.engine_open)
        else:
            assert not store.engine_open  # shown and filled without it
        assert window.table.model.rowCount() == 50
        assert window.select_goal("Z05")
        qtbot.keyClick(window.table.view, Qt.Key.Key_Return)  # unfolds the detail
        form = window.feature("detail").panel.form
        qtbot.waitUntil(lambda: window.feature("detail").panel.goal_key == "Z05")
        old = form.title_edit.text()
        if not finish:  # showing a goal and its history needs no engine either
            assert not store.engine_open and window.feature("detail").panel.goal_key == "Z05"
        form.title_edit.selectAll()
        qtbot.keyClicks(form.title_edit, "Erste Bearbeitung")
        qtbot.mouseClick(form.apply_button, Qt.MouseButton.LeftButton)
        assert store.engine_open
        assert _titles(path)["Z05"] == "Erste Bearbeitung"
        assert window.table.model.index(window.table.model.row_of("Z05"), 1).data() == (
            "Erste Bearbeitung"
        )
        window.undo_stack.undo()
        assert _titles(path)["Z05"] == old
    finally:
        window.close()
        window.bridge.close()


def _newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version=99")
    conn.close()


def _not_a_database(path: Path) -> None:
    path.write_bytes(b"Notizen, keine Datenbank " * 10)


@pytest.mark.parametrize("spoil, message", [
    (_newer, "„{path}“ wurde mit einer neueren Version von SA2030 Planner gespeichert"),
    (damage_page, "Die Datei „{path}“ ist beschädigt"),
    (_not_a_database, "„{path}“ ist keine SA2030-Portfoliodatei (keine SQLite-Datenbank)"),
], ids=["newer", "damaged", "not a database"])  # fmt: skip
def test_a_file_that_cannot_be_opened_gives_its_german_message_at_the_start(
    qtbot, tmp_path, monkeypatch, spoil, message
):
    from sa2030_desktop.gui import application
    from sa2030_desktop.messages import format_error
    from sa2030_desktop.services.portfolio import open_portfolio

    path = tmp_path / "p.sa2030"
    create_portfolio(path, demo=True).close()
    spoil(path)
    before = sha256(path)
    with pytest.raises(Exception) as refused:  # the full open's refusal, for comparison
        open_portfolio(path).snapshot()
    asked: list[str] = []
    monkeypatch.setattr(application, "ask_other_file", lambda parent, msg, **_: asked.append(msg))
    assert application.choose_store(str(path)) is None
    assert asked == [format_error(refused.value)]
    assert asked[0].startswith(message.format(path=path))
    assert sha256(path) == before


def test_an_older_file_is_migrated_with_a_backup_at_the_start_as_before(qtbot, tmp_path):
    """Only an open for writing migrates; the engine is made for that at once."""
    from sa2030_desktop.gui import application

    path = file_at_revision(tmp_path / "alt.sa2030", "0004")
    store = application.choose_store(str(path))
    try:
        assert store.engine_open and not store.readonly
        assert len(store.snapshot().goals) == len(_titles(path))
    finally:
        store.close()
    from sa2030_desktop.persistence import backup

    assert [b.reason for b in backup.list_backups(path)] == ["vor-migration"]

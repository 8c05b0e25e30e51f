import hashlib
import io
import json
import sqlite3
from contextlib import redirect_stdout
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack

from sa2030_desktop.cli.main import main as cli_main
from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.domain.whatif import whatif_dict
from sa2030_desktop.gui.store_bridge import StoreBridge
from sa2030_desktop.gui.timeline.view import TimelineView
from tests.support.timeline import AS_OF, sections


@pytest.fixture
def view(qtbot, make_store):
    store = make_store(**sections())
    bridge = StoreBridge(store)
    bridge.set_as_of(AS_OF)
    stack = QUndoStack()
    widget = TimelineView(bridge, stack)
    widget.resize(1600, 700)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.canvas.zoom_to("month")
    widget.stack = stack
    return widget


def _rows_digest(path) -> str:
    conn = sqlite3.connect(path)
    try:
        digest = hashlib.sha256()
        for table in ("goal", "milestone", "dependency", "change_log"):
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2"):
                digest.update(repr(row).encode())
        return digest.hexdigest()
    finally:
        conn.close()


def _marker(view, ms_key, kind="forecast"):
    return next(m for m in view.canvas.layout_.markers if m.milestone == ms_key and m.kind == kind)


def test_rows_and_markers_follow_the_table_selection(view, qtbot):
    lay = view.canvas.layout_
    assert len(lay.rows) == 7 and len(lay.markers) == 10 and len(lay.arrows) == 2
    view.set_selection(Selection(ministry="MID"))
    assert len(view.canvas.layout_.rows) == 3 and len(view.canvas.layout_.markers) == 6
    view.set_selection(Selection(only_slipped=True))
    assert [r.key for r in view.canvas.layout_.rows] == ["ministry:MID", "Z1"]
    view.set_selection(Selection())
    # a click on the group label collapses the group into its summary bar
    row = view.canvas.layout_.row_of("ministry:MID")
    y = int(view.canvas.y_of(row.index))
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(60, y))
    assert [r.key for r in view.canvas.layout_.rows if r.kind == "goal"] == ["Z4", "Z3"]
    assert len(view.canvas.layout_.markers) == 4


def test_drag_forecast_is_saved_logged_and_undoable(view, qtbot):
    store = view.bridge.store
    canvas = view.canvas
    canvas.scroll_to_day(date(2026, 12, 1))
    m = _marker(view, "Z1-M2")
    start = canvas.marker_pos(m).toPoint()
    target = QPoint(start.x() + round(31 * canvas.ppd), start.y())
    expected = date.fromordinal(canvas.day_at(target.x()))
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, pos=target)
    assert abs((expected - date(2027, 1, 31)).days) <= 1
    assert store.snapshot().milestones["Z1-M2"].forecast == expected
    assert store.snapshot().milestones["Z1-M2"].baseline == date(2026, 9, 30)  # untouched
    log = [c for c in store.changes(key="Z1-M2") if c.field == "forecast"]
    assert (
        log[0].new == expected.isoformat() and log[0].comment == "Prognose im Zeitplan verschoben"
    )
    slip = next(s for s in view.canvas.layout_.slips if s.milestone == "Z1-M2")
    assert slip.days == (expected - date(2026, 9, 30)).days
    assert view.stack.count() == 1
    view.stack.undo()
    assert store.snapshot().milestones["Z1-M2"].forecast == date(2026, 12, 31)
    assert next(s for s in view.canvas.layout_.slips if s.milestone == "Z1-M2").label == "+92 Tage"


def test_bad_input_gives_german_messages_and_writes_nothing(view):
    path = view.bridge.store.path
    before = _rows_digest(path)
    assert not view.move_forecast("Z2-M1", date(2026, 3, 1))
    assert "liegt vor dem Abschluss des benötigten Meilensteins Z1-M1" in view.message.text()
    assert not view.set_actual("Z2-M1", date(2099, 1, 1))
    assert view.message.text() == "Das Ist-Datum 01.01.2099 liegt in der Zukunft."
    assert not view.rebaseline("Z2-M1", date(2026, 8, 1), "  ")
    assert view.message.text() == "„Neuer Basistermin“ braucht einen Kommentar."
    assert view.stack.count() == 0 and _rows_digest(path) == before


def test_actual_and_rebaseline_are_undoable(view):
    store = view.bridge.store
    assert view.set_actual("Z2-M1", date(2026, 4, 15))
    assert store.snapshot().milestones["Z2-M1"].actual == date(2026, 4, 15)
    assert view.rebaseline("Z3-M1", date(2027, 1, 31), "Vergabe verschoben")
    assert store.snapshot().milestones["Z3-M1"].baseline == date(2027, 1, 31)
    assert [c.comment for c in store.changes(key="Z3-M1") if c.field == "baseline"] == [
        "Vergabe verschoben"
    ]
    view.stack.undo()
    view.stack.undo()
    assert store.snapshot().milestones["Z3-M1"].baseline == date(2026, 10, 31)
    assert store.snapshot().milestones["Z2-M1"].actual is None


def test_empty_and_inverted_time_window(view):
    view.window_check.setChecked(True)
    view.from_edit.setDate(date(2031, 1, 1))
    view.to_edit.setDate(date(2031, 6, 30))
    assert (
        view.message.text()
        == "Im Zeitraum 01.01.2031 – 30.06.2031 liegen keine Meilensteine der Auswahl."
    )
    assert view.canvas.layout_.rows == [] and not view.export_button.isEnabled()
    view.from_edit.setDate(date(2031, 8, 1))
    assert view.message.text().startswith("Der Zeitraum ist leer")
    view.from_edit.setDate(date(2026, 6, 1))
    view.to_edit.setDate(date(2026, 12, 31))
    assert view.message.isHidden() and len(view.canvas.layout_.markers) == 6


def test_whatif_matches_cli_and_discard_leaves_file_unchanged(view, qtbot):
    path = view.bridge.store.path
    before = _rows_digest(path)
    view.whatif_button.click()
    assert view.banner.isVisible() and view.banner.text() == "Simulation – nichts wird gespeichert"
    view.simulate({"Z1-M2": date(2027, 3, 31)})
    data = whatif_dict(view.whatif_result)
    out = io.StringIO()
    with redirect_stdout(out):
        rc = cli_main(
            [
                "whatif",
                str(path),
                "--set",
                "Z1-M2=2027-03-31",
                "--as-of",
                AS_OF.isoformat(),
                "--json",
            ]
        )
    assert rc == 0
    cli = json.loads(out.getvalue())
    for side in ("before", "after"):
        assert data[side]["conflicts"] == cli[side]["conflicts"]
        assert data[side]["slipped_milestones"] == cli[side]["slipped_milestones"]
    assert data["affected_goals"] == cli["affected_goals"]
    assert [c["days"] for c in data["after"]["conflicts"]] == [151]
    assert [s["slip_days"] for s in data["after"]["slipped_milestones"]] == [182]
    # the canvas shows the simulated state
    conflict = next(a for a in view.canvas.layout_.arrows if a.conflict)
    assert conflict.label == "Konflikt: 151 Tage zu spät"
    html = view.panel.text.toPlainText()
    assert "Z3 (MI) wartet direkt auf Z1." in html
    assert "Z2 (MID)" in html
    view.panel.discard_button.click()
    assert view.whatif_changes == {} and view.stack.count() == 0
    assert next(a for a in view.canvas.layout_.arrows if a.conflict).days == 61
    assert _rows_digest(path) == before


def test_apply_writes_exactly_the_changes_in_one_undo_step(view, qtbot):
    store = view.bridge.store
    view.whatif_button.click()
    view.simulate({"Z1-M2": date(2027, 3, 31), "Z3-M1": date(2027, 4, 30)})
    assert store.snapshot().milestones["Z1-M2"].forecast == date(2026, 12, 31)  # nothing saved yet
    view.panel.apply_button.click()
    assert view.panel.message.text().startswith("Bitte einen Kommentar")  # comment required
    assert view.stack.count() == 0
    n_log = len(store.changes())
    qtbot.keyClicks(view.panel.comment, "Kabinettsvorlage: Verschiebung")
    view.panel.apply_button.click()
    snap = store.snapshot()
    assert snap.milestones["Z1-M2"].forecast == date(2027, 3, 31)
    assert snap.milestones["Z3-M1"].forecast == date(2027, 4, 30)
    entries = [c for c in store.changes() if c.comment == "Kabinettsvorlage: Verschiebung"]
    assert sorted((c.key, c.field, c.new) for c in entries) == [
        ("Z1-M2", "forecast", "2027-03-31"),
        ("Z3-M1", "forecast", "2027-04-30"),
    ]
    assert len(store.changes()) == n_log + 2
    assert view.stack.count() == 1 and not view.whatif_active and view.banner.isHidden()
    view.stack.undo()
    snap = store.snapshot()
    assert snap.milestones["Z1-M2"].forecast == date(2026, 12, 31)
    assert snap.milestones["Z3-M1"].forecast == date(2026, 10, 31)


def test_export_of_the_view(view, qtbot, tmp_path):
    view.set_selection(Selection(ministry="MID"))
    with qtbot.waitSignal(view.exported, timeout=20000) as sig:
        view.export_to(tmp_path / "zeitplan.svg")
    (path,) = sig.args[0]
    svg = path.read_text(encoding="utf-8")
    assert "Z1 Ziel Z1" in svg and "Z2 Ziel Z2" in svg and "Z3 Ziel Z3" not in svg


def test_feature_installs_tab_and_follows_table_filter(qtbot, make_store):
    from sa2030_desktop.gui.main_window import MainWindow

    store = make_store(**sections())
    bridge = StoreBridge(store)
    bridge.set_as_of(AS_OF)
    window = MainWindow(bridge)
    qtbot.addWidget(window)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "Zeitplan" in titles
    view = window.feature("timeline").view
    assert view.canvas.layout_ is None  # a hidden tab builds nothing (lazy views, issue 3)
    window.tabs.setCurrentWidget(view)
    assert len(view.canvas.layout_.rows) == 7
    window.selection_changed.emit(Selection(ministry="MI"))
    assert [r.key for r in view.canvas.layout_.rows] == ["ministry:MI", "Z3"]
    window.tabs.setCurrentWidget(window.table)
    window.selection_changed.emit(Selection())
    assert len(view.canvas.layout_.rows) == 2  # hidden: only marked out of date
    window.tabs.setCurrentWidget(view)
    assert len(view.canvas.layout_.rows) == 7
    texts = [a.text() for a in window.menus["analysis"].actions()]
    assert "&Was-wäre-wenn im Zeitplan" in texts

"""Two windows on the team server (TEAM.md, Working together): one edits, the other shows the
change within a second and who made it; a lost connection turns the window read-only with a
German message, and it reconnects on its own."""

from __future__ import annotations

import psycopg
import pytest
from PySide6.QtWidgets import QLabel

from sa2030_desktop.domain.errors import DomainError, FileRefusedError
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import goals
from sa2030_desktop.services.portfolio import open_portfolio
from tests.support.qt import isolated_settings  # noqa: F401  (private QSettings)


@pytest.fixture
def open_window(qtbot):
    from sa2030_desktop.gui.main_window import MainWindow
    from sa2030_desktop.gui.store_bridge import StoreBridge

    made = []

    def make(url):
        bridge = StoreBridge(open_portfolio(url))
        win = MainWindow(bridge)
        qtbot.addWidget(win)
        win.resize(1200, 800)
        win.show()
        qtbot.waitExposed(win)
        made.append((win, bridge))
        return win

    yield make
    for win, bridge in made:
        win.close()
        bridge.close()


def test_the_other_window_shows_the_change_and_who_made_it(team, open_window, qtbot):
    mid = open_window(team["mid"])
    stab = open_window(team["stab"])
    assert "als u_mid (Ressort MID)" in mid.windowTitle()
    assert stab.findChild(QLabel, "serverWhere").isVisible()
    link = stab.feature("team").link
    assert link.where.text().endswith("als u_stab (Koordinierungsstelle)")
    goals.update_goal(mid.bridge.store, "Z01", title="Live von MID")  # as the dialog would
    qtbot.waitUntil(lambda: stab.bridge.snapshot().goals["Z01"].title == "Live von MID",
                    timeout=10000)  # fmt: skip
    assert link.news.text().startswith("Ziel Z01 geändert von MID, vor ")
    # the own window does not announce its own change as someone else's
    assert mid.feature("team").link.news.text() == ""


def test_a_stale_write_shows_both_values(team, open_window, qtbot):
    stab = open_window(team["stab"])
    link = stab.feature("team").link
    link.stop()  # this window does not hear the other's change: its copy is stale
    other = open_portfolio(team["mid"])
    try:
        goals.update_goal(other, "Z01", title="Zuerst gespeichert")
    finally:
        other.close()
    with pytest.raises(DomainError) as info:
        goals.update_goal(stab.bridge.store, "Z01", title="Später gespeichert")
    box = stab.show_error(info.value)
    assert "Ihr Wert „Später gespeichert“, auf dem Server „Zuerst gespeichert“" in box.text()
    # the window now shows the stored value: the user decides on what is really there
    assert stab.bridge.snapshot().goals["Z01"].title == "Zuerst gespeichert"
    box.close()


def test_connection_lost_read_only_then_reconnects(team, open_window, qtbot, pg_cluster):
    win = open_window(team["mid"])
    link = win.feature("team").link
    pg_cluster.stop("immediate")
    try:
        qtbot.waitUntil(lambda: link.offline, timeout=10000)
        assert win.bridge.store.readonly
        assert "schreibgeschützt" in win.windowTitle()
        assert "Verbindung zum Teamserver" in win.last_error.text()
        assert len(win.bridge.snapshot().goals) == 50  # still showing the data
    finally:
        pg_cluster.restart_after_stop()
    qtbot.waitUntil(lambda: not link.offline, timeout=30000)
    assert not win.bridge.store.readonly
    assert link.news.text() == "Verbindung wiederhergestellt"
    goals.update_goal(win.bridge.store, "Z01", title="Nach der Rückkehr")
    assert win.bridge.snapshot().goals["Z01"].title == "Nach der Rückkehr"


def test_a_stale_write_in_the_window_opens_the_merge_review(team, open_window, qtbot):
    from sa2030_desktop.gui.commands.base import push_operation
    from sa2030_desktop.services import operations as ops
    from sa2030_desktop.services.merge_engine import THEIRS

    stab = open_window(team["stab"])
    stab.feature("team").link.stop()  # deaf to the other's change: its copy goes stale
    other = open_portfolio(team["mid"])
    try:
        goals.update_goal(other, "Z01", title="Zuerst von MID")
    finally:
        other.close()
    op = ops.UpdateGoal("Z01", {"title": "Danach von der Stabsstelle", "priority": 1})
    push_operation(stab, stab.undo_stack, op, stab.bridge)
    dialog = stab.feature("team").link.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Konflikt: Ziel Z01 wurde inzwischen von u_mid geändert"
    conflicts = dialog.report.conflicts
    assert [(c.key, c.field, c.mine, c.theirs) for c in conflicts] == [
        ("Z01", "title", "Zuerst von MID", "Danach von der Stabsstelle")
    ]  # the priority only this user changed is taken without asking
    assert dialog.take_theirs.text() == "&Ihre Änderung"
    assert "„Gespeicherte Fassung“ oder „Ihre Änderung“" in dialog.summary.text()
    dialog.view.selectRow(0)
    dialog.decide(THEIRS)
    assert dialog.apply_button.isEnabled()
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    goal = stab.bridge.snapshot().goals["Z01"]
    assert (goal.title, goal.priority) == ("Danach von der Stabsstelle", 1)
    with psycopg.connect(team["admin"]) as conn:
        log = conn.execute(
            "SELECT \"user\", field, new FROM change_log WHERE key = 'Z01'"
            " AND field IN ('title', 'priority') ORDER BY id DESC LIMIT 3"
        ).fetchall()
    assert ("u_stab", "title", "Danach von der Stabsstelle") in log
    assert ("u_mid", "title", "Zuerst von MID") in log  # nothing lost: both in the history


def test_the_completeness_matrix_updates_live_when_a_ministry_reports(
    team, open_window, qtbot, capsys
):
    from sa2030_desktop.cli.main import main
    from tests.support.rounds import page_of

    assert main(["round", "open", team["stab"], "2026-Q4", "--title", "Q4", "--as-of",
                 "2026-12-31", "--deadline", "2027-01-15"]) == 0  # fmt: skip
    stab = open_window(team["stab"])
    page = page_of(stab)
    stab.show_view(page)
    page.refresh()
    assert page.select_round("2026-Q4")
    qtbot.waitUntil(lambda: page.status is not None and page.status.round.key == "2026-Q4")
    assert page.status.total.submitted == 0
    assert main(["round", "submit", team["mid"], "2026-Q4", "Z01", "--progress", "läuft"]) == 0
    capsys.readouterr()
    qtbot.waitUntil(lambda: page.status.total.submitted == 1, timeout=10000)
    assert page.status.by_ministry["MID"].submitted == 1


def test_connection_lost_right_after_a_reload_keeps_the_data_and_reconnects(
    team, open_window, qtbot, pg_cluster
):
    """The window had just dropped its copy (a reload, a large change) when the server went
    away: it still shows the last state read, says read-only, and comes back on its own."""
    win = open_window(team["mid"])
    link = win.feature("team").link
    win.bridge.store.invalidate()  # the copy is read again on the next look …
    pg_cluster.stop("immediate")  # … but the server is gone by then
    try:
        qtbot.waitUntil(lambda: link.offline, timeout=10000)
        assert "schreibgeschützt" in win.windowTitle()
        assert len(win.bridge.snapshot().goals) == 50  # the last state read, no traceback
        assert link.reconnect_timer.isActive()
        with pytest.raises(FileRefusedError) as info:  # an edit: not saved, and why
            goals.update_goal(win.bridge.store, "Z01", title="Während des Ausfalls")
        assert "Verbindung zum Teamserver" in format_error(info.value)
        assert "NICHT gespeichert" in format_error(info.value)
    finally:
        pg_cluster.restart_after_stop()
    qtbot.waitUntil(lambda: not link.offline, timeout=30000)
    assert win.bridge.snapshot().goals["Z01"].title != "Während des Ausfalls"

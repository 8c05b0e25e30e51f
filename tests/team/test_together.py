"""Working together on the server (TEAM.md): no lost update, no cycle from two users at once,
a lost connection reported as not saved and nothing confirmed lost."""

from __future__ import annotations

import threading

import psycopg
import pytest

from sa2030_desktop.domain.errors import CycleError, DomainError
from sa2030_desktop.domain.model import Dependency, DependencyKind
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import dependencies, goals
from sa2030_desktop.services.portfolio import open_portfolio


def title(url, key):
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT title FROM goal WHERE key = %s", (key,)).fetchone()[0]


def test_two_clients_edit_the_same_field_one_wins_the_other_sees_the_conflict(team):
    first, second = open_portfolio(team["mid"]), open_portfolio(team["stab"])
    try:
        old = first.snapshot().goals["Z01"].title
        assert second.snapshot().goals["Z01"].title == old  # both read version 1
        goals.update_goal(first, "Z01", title="Fassung MID")
        with pytest.raises(DomainError) as info:
            goals.update_goal(second, "Z01", title="Fassung Stabsstelle")
        assert info.value.code == "stale_write"
        text = format_error(info.value)
        assert "Ziel Z01 wurde inzwischen von u_mid geändert" in text
        assert "Titel: Ihr Wert „Fassung Stabsstelle“, auf dem Server „Fassung MID“." in text
        assert title(team["admin"], "Z01") == "Fassung MID"  # nothing overwritten
        # once the second client has read the new state, its change goes through
        second.invalidate()
        assert second.snapshot().goals["Z01"].title == "Fassung MID"
        goals.update_goal(second, "Z01", title="Fassung Stabsstelle")
    finally:
        first.close()
        second.close()
    with psycopg.connect(team["admin"]) as conn:
        log = conn.execute(
            "SELECT \"user\", new FROM change_log WHERE key = 'Z01' AND field = 'title' ORDER BY id"
        ).fetchall()
    assert log == [("u_mid", "Fassung MID"), ("u_stab", "Fassung Stabsstelle")]


def test_an_edit_of_another_field_of_a_changed_row_is_refused_too(team):
    first, second = open_portfolio(team["stab"]), open_portfolio(team["stab"])
    try:
        first.snapshot(), second.snapshot()
        goals.update_milestone(first, "Z04-M1", note="von eins")
        with pytest.raises(DomainError) as info:  # its copy of the note is stale: refused
            goals.update_milestone(second, "Z04-M1", title="von zwei")
        assert info.value.code == "stale_write"
    finally:
        first.close()
        second.close()


def test_two_users_adding_a_to_b_and_b_to_a_at_once_exactly_one_succeeds(team):
    stores = [open_portfolio(team["stab"]), open_portfolio(team["stab"])]
    links = [Dependency("Z01", "Z02", DependencyKind.SOFT),
             Dependency("Z02", "Z01", DependencyKind.SOFT)]  # fmt: skip
    for store in stores:
        store.snapshot()  # both see neither link: the check on their own copy passes
    barrier = threading.Barrier(2)
    results: list[object] = [None, None]

    def add(i):
        barrier.wait()
        try:
            dependencies.link(stores[i], links[i])
            results[i] = "ok"
        except DomainError as exc:
            results[i] = exc

    threads = [threading.Thread(target=add, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for store in stores:
        store.close()
    assert results.count("ok") == 1
    refused = next(r for r in results if r != "ok")
    assert isinstance(refused, CycleError)
    assert "Z01 → Z02 → Z01" in format_error(refused) or "Z02 → Z01 → Z02" in format_error(refused)
    with psycopg.connect(team["admin"]) as conn:
        found = conn.execute(
            "SELECT count(*) FROM dependency WHERE (dependent, prerequisite) IN"
            " (('Z01', 'Z02'), ('Z02', 'Z01'))"
        ).fetchone()[0]
    assert found == 1


def test_server_stopped_mid_action_nothing_confirmed_is_lost(team, pg_cluster):
    store = open_portfolio(team["mid"])
    try:
        goals.update_goal(store, "Z01", title="Vor dem Ausfall")  # confirmed
        pg_cluster.stop("immediate")
        try:
            with pytest.raises(DomainError) as info:
                goals.update_goal(store, "Z01", title="Während des Ausfalls")
            text = format_error(info.value)
            assert "Verbindung zum Teamserver" in text and "NICHT gespeichert" in text
            assert store.snapshot().goals["Z01"].title == "Vor dem Ausfall"  # still readable
        finally:
            pg_cluster.restart_after_stop()
        goals.update_goal(store, "Z01", title="Nach dem Ausfall")  # reconnected by itself
    finally:
        store.close()
    assert title(team["admin"], "Z01") == "Nach dem Ausfall"

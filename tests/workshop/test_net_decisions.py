"""The net decisions of a session (domain/workshop.py): what was undone is no decision."""

from __future__ import annotations

from sa2030_desktop.domain.model import Change
from sa2030_desktop.domain.workshop import net_decisions, touched_goals, user_comment

T = "2026-12-03T09:0{}:00+00:00"


def row(n, entity, key, field, old, new, comment=""):
    return Change(n, T.format(n % 10), "planer", entity, key, field, old, new, comment, n)


def test_a_field_changed_and_set_back_is_no_decision():
    rows = [row(1, "milestone", "Z04-M3", "forecast", "2028-03-31", "2028-04-10"),
            row(2, "milestone", "Z04-M3", "forecast", "2028-04-10", "2028-03-31",
                "Rückgängig: Meilenstein Z04-M3 ändern")]  # fmt: skip
    assert net_decisions(rows) == []


def test_first_old_against_last_new_with_days():
    rows = [row(3, "milestone", "Z01-M3", "forecast", "2027-12-31", "2028-01-30"),
            row(5, "milestone", "Z01-M3", "forecast", "2028-01-30", "2028-02-15",
                "Lieferant verspätet")]  # fmt: skip
    (d,) = net_decisions(list(reversed(rows)))  # the store reads newest first
    assert (d.group, d.old, d.new, d.days, d.comment) == \
        ("date", "2027-12-31", "2028-02-15", 46, "Lieferant verspätet")  # fmt: skip
    assert d.goals == ("Z01",)


def test_links_added_removed_undone_and_kind_changed():
    rows = [
        row(1, "dependency", "Z01>Z40", "*", "", "angelegt (kind=hard)",
            "Abhängigkeit Z01 benötigt Z40 angelegt"),
        row(2, "dependency", "Z05>Z06", "*", "", "angelegt (kind=soft)"),
        row(3, "dependency", "Z05>Z06", "*", "dependent=Z05; prerequisite=Z06; kind=soft",
            "gelöscht", "Rückgängig: Abhängigkeit Z06 → Z05"),
        row(4, "dependency", "Z03>Z02", "*", "dependent=Z03; prerequisite=Z02; kind=hard",
            "gelöscht", "Doppelt erfasst"),
        row(5, "dependency", "Z07>Z08", "*", "dependent=Z07; prerequisite=Z08; kind=hard",
            "gelöscht"),
        row(6, "dependency", "Z07>Z08", "*", "", "angelegt (kind=soft)"),
        row(7, "dependency", "Z09>Z10", "*", "dependent=Z09; prerequisite=Z10; kind=hard",
            "gelöscht"),
        row(8, "dependency", "Z09>Z10", "*", "", "angelegt (kind=hard)", "Rückgängig: …"),
    ]  # fmt: skip
    found = [(d.group, d.key, d.field, d.comment) for d in net_decisions(rows)]
    assert found == [("link_added", "Z01>Z40", "*", ""),  # generated comment left out
                     ("link_removed", "Z03>Z02", "*", "Doppelt erfasst"),
                     ("link_changed", "Z07>Z08", "kind", "")]  # fmt: skip
    assert touched_goals(net_decisions(rows)) == ["Z01", "Z40", "Z03", "Z02", "Z07", "Z08"]


def test_status_with_its_reason_and_comments():
    rows = [
        row(1, "goal", "Z02", "status", "on_track", "at_risk"),
        row(2, "goal", "Z02", "status_reason", "", "Personal fehlt"),
        row(3, "milestone", "Z01-M3", "note", "", "Im Workshop besprochen"),
        row(4, "goal", "Z05", "status_reason", "alt", "neu begründet"),
        row(5, "goal", "Z06", "status", "on_track", "delayed"),
        row(6, "goal", "Z06", "status", "delayed", "on_track", "Rückgängig: Ziel Z06 bearbeiten"),
        row(7, "goal", "Z06", "status_reason", "", "verschoben"),
        row(8, "goal", "Z06", "status_reason", "verschoben", "", "Rückgängig: Ziel Z06 bearbeiten"),
    ]  # fmt: skip
    found = [(d.group, d.key, d.field, d.new, d.comment) for d in net_decisions(rows)]
    assert found == [("status", "Z02", "status", "at_risk", "Personal fehlt"),
                     ("comment", "Z01-M3", "note", "Im Workshop besprochen", ""),
                     ("comment", "Z05", "status_reason", "neu begründet", "")]  # fmt: skip


def test_field_rows_of_an_added_record_go_with_it():
    rows = [row(1, "dependency", "Z01>Z40", "*", "", "angelegt (kind=hard)"),
            row(2, "dependency", "Z01>Z40", "rationale", "", "weil"),
            row(3, "milestone", "Z09-M1", "*", "title=x", "gelöscht")]  # fmt: skip
    found = [(d.group, d.key) for d in net_decisions(rows)]
    assert found == [("link_added", "Z01>Z40"), ("other", "Z09-M1")]


def test_user_comment():
    assert user_comment("Rückgängig: Ziel Z1 bearbeiten") == ""
    assert user_comment("Abhängigkeit Z1 benötigt Z2 angelegt") == ""
    assert (
        user_comment("Ziel wird im Workshop neu bewertet") == "Ziel wird im Workshop neu bewertet"
    )

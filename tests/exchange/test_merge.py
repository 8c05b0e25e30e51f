"""Merging copies edited independently: disjoint edits combine, same-field edits and
delete-vs-edit become conflicts, cycles are refused with their path, nothing is lost."""

from __future__ import annotations

import pytest

from sa2030_desktop.domain.errors import DomainError, ValidationError
from sa2030_desktop.domain.model import Dependency, Milestone
from sa2030_desktop.messages import format_error
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services import dependencies, goals, merge
from sa2030_desktop.services.exchange import import_sources
from sa2030_desktop.services.merge_engine import index
from sa2030_desktop.services.merge_state import document_of, save_copy_with_base
from tests.support.exchange import write_csv_set


@pytest.fixture
def pair(fresh, tmp_path):
    mine = fresh("mein.sa2030")
    import_sources(mine, write_csv_set(tmp_path / "csv", "utf-8", ";", False))
    base_doc = document_of(mine.snapshot())
    save_copy_with_base(mine, tmp_path / "laptop.sa2030")
    theirs = Store.open(tmp_path / "laptop.sa2030")
    yield mine, theirs, base_doc
    theirs.close()


def assert_nothing_lost(report, base_doc, mine_doc, theirs_doc):
    """Every value either side changed is in the result or in the conflict list."""
    result = index(report.outcome.document())
    b, sides = index(base_doc), (index(mine_doc), index(theirs_doc))
    conflicts = {c.ident for c in report.conflicts} | {
        (c.entity, c.key, "*") for c in report.conflicts
    }
    for side in sides:
        for entity, records in side.items():
            for key, rec in records.items():
                if rec == b[entity].get(key):
                    continue
                for name, value in rec.items():
                    if b[entity].get(key, {}).get(name) == value:
                        continue
                    got = result[entity].get(key, {}).get(name, object())
                    assert (
                        got == value
                        or (entity, key, name) in conflicts
                        or (entity, key, "*") in conflicts
                    ), (entity, key, name, value)


def test_disjoint_edits_combine_and_are_logged_as_a_merge(pair):
    mine, theirs, base = pair
    goals.update_goal(mine, "Z1", title="Bürgerportal 2.0")
    goals.update_goal(theirs, "Z2", status="at_risk", status_reason="Vergabe gestoppt")
    goals.create_milestone(theirs, Milestone("Z2-M2", "Z2", "Zweite Stufe", None, None))
    dependencies.link(theirs, Dependency("Z3", "Z2", rationale="braucht Daten"))
    goals.update_milestone(mine, "Z1-M1", forecast=__import__("datetime").date(2026, 5, 15))
    report = merge.compare(mine, theirs)
    assert report.base_found and report.conflicts == [] and report.issues == []
    assert_nothing_lost(report, base, document_of(mine.snapshot()), document_of(theirs.snapshot()))
    merge.apply(mine, report)
    p = mine.snapshot()
    assert p.goals["Z1"].title == "Bürgerportal 2.0"
    assert (p.goals["Z2"].status.value, p.goals["Z2"].status_reason) == (
        "at_risk",
        "Vergabe gestoppt",
    )
    assert "Z2-M2" in p.milestones and ("Z3", "Z2") in {d.pair for d in p.dependencies}
    assert p.milestones["Z1-M1"].forecast.isoformat() == "2026-05-15"
    log = mine.changes(key="Z2")
    assert any(
        c.comment == "Zusammenführung mit laptop.sa2030" and c.field == "status" for c in log
    )
    # undo puts the state from before the merge back
    merge.undo(mine, report)
    p = mine.snapshot()
    assert p.goals["Z2"].status.value == "delayed" and "Z2-M2" not in p.milestones
    assert p.goals["Z1"].title == "Bürgerportal 2.0"


def test_same_field_edits_become_conflicts_and_nothing_is_written(pair):
    mine, theirs, base = pair
    goals.update_goal(mine, "Z1", title="Fassung Ministerium")
    goals.update_goal(theirs, "Z1", title="Fassung Laptop")
    goals.update_goal(theirs, "Z2", description="nur drüben")
    before = mine.snapshot()
    report = merge.compare(mine, theirs)
    assert [(c.entity, c.key, c.field, c.base, c.mine, c.theirs) for c in report.conflicts] == [
        (
            "goal",
            "Z1",
            "title",
            "Bürgerportal „Mein Sachsen-Anhalt“ ausbauen",
            "Fassung Ministerium",
            "Fassung Laptop",
        )
    ]
    assert_nothing_lost(report, base, document_of(before), document_of(theirs.snapshot()))
    with pytest.raises(DomainError) as info:
        merge.apply(mine, report)
    assert "Für 1 Konflikt fehlt eine Entscheidung" in format_error(info.value)
    mine.invalidate()
    assert mine.snapshot() == before
    decided = merge.compare(mine, theirs, decisions={("goal", "Z1", "title"): "theirs"})
    merge.apply(mine, decided)
    assert mine.snapshot().goals["Z1"].title == "Fassung Laptop"
    assert mine.snapshot().goals["Z2"].description == "nur drüben"


def test_bulk_ours_keeps_mine(pair):
    mine, theirs, _base = pair
    goals.update_goal(mine, "Z1", title="A")
    goals.update_goal(theirs, "Z1", title="B")
    merge.apply(mine, merge.compare(mine, theirs, bulk="mine"))
    assert mine.snapshot().goals["Z1"].title == "A"


def test_delete_versus_edit_is_a_conflict(pair):
    mine, theirs, base = pair
    goals.delete_goal(mine, "Z3")
    goals.update_goal(theirs, "Z3", title="Drüben weiter bearbeitet")
    report = merge.compare(mine, theirs)
    [conflict] = report.conflicts
    assert (conflict.entity, conflict.key, conflict.field, conflict.kind) == (
        "goal",
        "Z3",
        "*",
        "deleted_mine",
    )
    assert conflict.mine is None and conflict.theirs["title"] == "Drüben weiter bearbeitet"
    assert_nothing_lost(report, base, document_of(mine.snapshot()), document_of(theirs.snapshot()))
    merge.apply(mine, merge.compare(mine, theirs, bulk="theirs"))
    p = mine.snapshot()
    assert p.goals["Z3"].title == "Drüben weiter bearbeitet"


def test_deleted_goal_with_new_milestone_on_the_other_side_is_a_conflict(pair):
    mine, theirs, base = pair
    goals.delete_goal(mine, "Z3")
    goals.create_milestone(theirs, Milestone("Z3-M9", "Z3", "Neu drüben", None, None))
    report = merge.compare(mine, theirs)
    assert [(c.entity, c.key, c.field) for c in report.conflicts] == [("goal", "Z3", "*")]
    assert_nothing_lost(report, base, document_of(mine.snapshot()), document_of(theirs.snapshot()))
    merge.apply(mine, merge.compare(mine, theirs, bulk="mine"))
    assert "Z3" not in mine.snapshot().goals and "Z3-M9" not in mine.snapshot().milestones


def test_merge_that_would_close_a_cycle_is_refused_with_the_path(pair):
    mine, theirs, _base = pair
    dependencies.link(mine, Dependency("Z2", "Z3"))
    dependencies.link(theirs, Dependency("Z3", "Z2"))
    before = mine.snapshot()
    report = merge.compare(mine, theirs)
    [issue] = report.issues
    assert issue.code == "cycle" and set(issue.data["path"]) == {"Z2", "Z3"}
    with pytest.raises(ValidationError) as info:
        merge.apply(mine, report)
    assert "Kreis schließen: Z" in format_error(info.value)
    mine.invalidate()
    assert mine.snapshot() == before


def test_copy_without_base_makes_every_difference_a_conflict(pair, tmp_path):
    mine, _theirs, _base = pair
    import sqlite3

    src, dst = sqlite3.connect(mine.path), sqlite3.connect(tmp_path / "explorer_kopie.sa2030")
    src.backup(dst)  # a plain file copy: same lineage, but no base inside
    src.close()
    dst.close()
    other = Store.open(tmp_path / "explorer_kopie.sa2030")
    try:
        goals.update_goal(other, "Z1", title="Kopie")
        goals.create_milestone(other, Milestone("Z1-M7", "Z1", "nur in der Kopie", None, None))
        report = merge.compare(mine, other)
        assert not report.base_found
        assert [(c.key, c.field, c.kind) for c in report.conflicts] == [("Z1", "title", "no_base")]
        assert ("milestone", "Z1-M7", "*") in report.outcome.taken
    finally:
        other.close()


def test_a_foreign_portfolio_is_refused(pair, tmp_path):
    from sa2030_desktop.services.portfolio import create_portfolio

    mine, _theirs, _base = pair
    foreign = create_portfolio(tmp_path / "fremd.sa2030")
    try:
        with pytest.raises(DomainError) as info:
            merge.compare(mine, foreign)
        assert info.value.code == "merge_foreign"
        assert "keine Kopie dieses Portfolios" in format_error(info.value)
    finally:
        foreign.close()


def test_a_stale_comparison_is_not_written(pair):
    mine, theirs, _base = pair
    goals.update_goal(theirs, "Z2", title="drüben")
    report = merge.compare(mine, theirs)
    goals.update_goal(mine, "Z1", title="inzwischen hier geändert")
    with pytest.raises(DomainError) as info:
        merge.apply(mine, report)
    assert "seit dem Vergleich geändert" in format_error(info.value)
    assert mine.snapshot().goals["Z1"].title == "inzwischen hier geändert"
    assert mine.snapshot().goals["Z2"].title != "drüben"


def test_kopie_speichern_unter_keeps_the_base(pair, tmp_path):
    from sa2030_desktop.services.file_copy import save_copy

    mine, _theirs, _base = pair
    save_copy(mine, tmp_path / "kopie2.sa2030")
    other = Store.open(tmp_path / "kopie2.sa2030")
    try:
        goals.update_goal(other, "Z1", title="aus der Kopie")
        report = merge.compare(mine, other)
        assert report.base_found and report.conflicts == []
        merge.apply(mine, report)
        assert mine.snapshot().goals["Z1"].title == "aus der Kopie"
    finally:
        other.close()


def test_a_cycle_is_a_conflict_decided_by_not_taking_the_other_sides_dependency(pair):
    mine, theirs, _base = pair
    dependencies.link(mine, Dependency("Z2", "Z3"))
    dependencies.link(theirs, Dependency("Z3", "Z2", rationale="drüben"))
    report = merge.compare(mine, theirs)
    [issue] = report.issues
    assert issue.code == "cycle"
    assert sorted((c.key, c.kind, c.mine is None, c.theirs is None) for c in report.undecided) == [
        ("Z2>Z3", "cycle", False, True),
        ("Z3>Z2", "cycle", True, False),
    ]
    # "mine" for the other side's new dependency: not taken, the cycle is gone
    report = merge.compare(mine, theirs, {("dependency", "Z3>Z2", "*"): "mine"})
    assert report.ready and not report.issues
    merge.apply(mine, report)
    assert {d.pair for d in mine.snapshot().dependencies} >= {("Z2", "Z3")}
    assert ("Z3", "Z2") not in {d.pair for d in mine.snapshot().dependencies}


@pytest.mark.parametrize(
    ("bulk", "kept", "gone"), [("mine", "Z2>Z3", "Z3>Z2"), ("theirs", "Z3>Z2", "Z2>Z3")]
)
def test_ours_or_theirs_resolves_a_cycle(pair, bulk, kept, gone):
    mine, theirs, _base = pair
    dependencies.link(mine, Dependency("Z2", "Z3"))
    dependencies.link(theirs, Dependency("Z3", "Z2"))
    report = merge.compare(mine, theirs, bulk=bulk)
    assert report.ready, report.issues
    merge.apply(mine, report)
    pairs = {f"{a}>{b}" for a, b in (d.pair for d in mine.snapshot().dependencies)}
    assert kept in pairs and gone not in pairs


def test_taking_theirs_for_the_cycle_stays_refused_with_the_path(pair):
    mine, theirs, _base = pair
    dependencies.link(mine, Dependency("Z2", "Z3"))
    dependencies.link(theirs, Dependency("Z3", "Z2"))
    decisions = {("dependency", "Z3>Z2", "*"): "theirs", ("dependency", "Z2>Z3", "*"): "mine"}
    report = merge.compare(mine, theirs, decisions)
    assert not report.undecided and [i.code for i in report.issues] == ["cycle"]
    with pytest.raises(ValidationError) as info:
        merge.apply(mine, report)
    assert "Kreis schließen: Z" in format_error(info.value)

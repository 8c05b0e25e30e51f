"""Services: one transaction per action, every change logged, refusals write nothing."""

from datetime import date

import pytest

from sa2030_desktop.domain.errors import CycleError, DomainError
from sa2030_desktop.domain.model import Dependency, Goal, Milestone, Status
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import dependencies, goals
from tests.support.builders import dep, goal, ms


@pytest.fixture
def store(make_store):
    return make_store(
        goals=[goal(k, lead) for k, lead in [("Z36", "MID"), ("Z16", "MI"), ("Z14", "MF"),
                                             ("Z04", "MID"), ("Z05", "MS")]],
        milestones=[ms("Z04-M1", "2027-03-31"), ms("Z05-M1", "2027-06-30")],
        # Z16 needs Z36, Z14 needs Z16, Z04 needs Z14, Z05 needs Z04
        dependencies=[dep("Z16", "Z36"), dep("Z14", "Z16"), dep("Z04", "Z14"), dep("Z05", "Z04")],
    )


def file_state(store):
    with store.engine.connect() as c:
        return [c.exec_driver_sql(f"SELECT * FROM {t}").fetchall()
                for t in ("goal", "milestone", "dependency", "change_log")]


def test_cycle_refused_with_path_and_file_unchanged(store):
    before = file_state(store)
    with pytest.raises(CycleError) as info:
        dependencies.link(store, Dependency("Z36", "Z05", rationale="Rückkopplung"))
    assert info.value.path == ["Z36", "Z05", "Z04", "Z14", "Z16", "Z36"]
    assert format_error(info.value) == (
        "Abhängigkeit abgelehnt – sie würde einen Kreis schließen: Z36 → Z05 → Z04 → Z14 → Z16 → Z36.")
    assert file_state(store) == before


@pytest.mark.parametrize(
    ("dep_", "code"),
    [
        (Dependency("Z05", "Z05"), "self_dependency"),
        (Dependency("Z05", "Z04"), "duplicate_dependency"),
        (Dependency("Z05", "Z99"), "unknown_goal"),
        (Dependency("Z05", "Z36", prerequisite_milestone="Z04-M1"), "milestone_not_of_goal"),
    ],
)
def test_bad_links_are_refused(store, dep_, code):
    before = file_state(store)
    with pytest.raises(DomainError) as info:
        dependencies.link(store, dep_)
    assert info.value.code == code
    assert file_state(store) == before


def test_link_and_unlink_are_logged(store):
    dependencies.link(store, Dependency("Z05", "Z36", rationale="Daten"))
    log = store.changes(limit=20)
    created = [c.new for c in log if (c.entity, c.key, c.field) == ("dependency", "Z05>Z36", "*")]
    assert created == ["angelegt (kind=hard; rationale=Daten)"]
    dependencies.unlink(store, "Z05", "Z36")
    assert store.changes(limit=1)[0].new == "gelöscht"


def test_forecast_edit_keeps_baseline_and_rebaseline_needs_comment(store):
    goals.update_milestone(store, "Z04-M1", forecast=date(2027, 5, 31))
    m = store.snapshot().milestones["Z04-M1"]
    assert (m.baseline, m.forecast) == (date(2027, 3, 31), date(2027, 5, 31))
    with pytest.raises(DomainError) as info:
        goals.update_milestone(store, "Z04-M1", baseline=date(2027, 5, 31))
    assert info.value.code == "baseline_needs_rebaseline"
    with pytest.raises(DomainError):
        goals.rebaseline(store, "Z04-M1", date(2027, 5, 31), "  ")
    goals.rebaseline(store, "Z04-M1", date(2027, 5, 31), "Kabinettsbeschluss vom 01.12.2026")
    last = store.changes(limit=1)[0]
    assert (last.field, last.old, last.new, last.comment) == (
        "baseline", "2027-03-31", "2027-05-31", "Kabinettsbeschluss vom 01.12.2026")


def test_status_change_needs_a_reason(store):
    with pytest.raises(DomainError) as info:
        goals.update_goal(store, "Z04", status=Status.AT_RISK)
    assert "Begründung" in format_error(info.value)
    goals.update_goal(store, "Z04", status=Status.AT_RISK, status_reason="Vergabe verzögert")
    rows = {(c.field, c.new) for c in store.changes(key="Z04", limit=5)}
    assert ("status", "at_risk") in rows and ("status_reason", "Vergabe verzögert") in rows


def test_delete_goal_takes_milestones_and_dependencies_logged(store):
    goals.delete_goal(store, "Z04")
    snap = store.snapshot()
    assert "Z04" not in snap.goals and "Z04-M1" not in snap.milestones
    assert sorted(d.pair for d in snap.dependencies) == [("Z14", "Z16"), ("Z16", "Z36")]
    deleted = {(c.entity, c.key) for c in store.changes(limit=10) if c.new == "gelöscht"}
    assert deleted == {("goal", "Z04"), ("milestone", "Z04-M1"), ("dependency", "Z04>Z14"),
                       ("dependency", "Z05>Z04")}
    actions = {c.action for c in store.changes(limit=10) if c.new == "gelöscht"}
    assert len(actions) == 1  # one user action, one transaction


@pytest.mark.parametrize(
    ("new_goal", "code"),
    [
        (Goal("Z90", "", "TF01", "MID"), "empty_title"),
        (Goal("Z90", "T", "TF77", "MID"), "unknown_theme"),
        (Goal("Z90", "T", "TF01", "XY"), "unknown_ministry"),
        (Goal("Z90", "T", "TF01", "MID", partners=["MID"]), "partner_is_lead"),
        (Goal("Z90", "Zeilen\x0bumbruch", "TF01", "MID"), "bad_text"),
        (Goal("Z04", "T", "TF01", "MID"), "duplicate_key"),
    ],
)
def test_bad_goals_are_refused(store, new_goal, code):
    before = file_state(store)
    with pytest.raises(DomainError) as info:
        goals.create_goal(store, new_goal)
    assert info.value.code == code
    assert format_error(info.value)
    assert file_state(store) == before


def test_actual_in_the_future_is_refused(store):
    with pytest.raises(DomainError) as info:
        goals.create_milestone(store, Milestone("Z05-M2", "Z05", "x", date(2027, 1, 1), None,
                                                date(2099, 1, 1)))
    assert info.value.code == "actual_in_future"


def test_a_failing_action_leaves_no_change_rows(store):
    n = len(store.changes(limit=10000))
    with pytest.raises(RuntimeError), store.transaction("halb") as uow:
        uow.save(Goal("Z77", "Neu", "TF01", "MID"))
        raise RuntimeError("Absturz mitten in der Aktion")
    assert "Z77" not in store.snapshot().goals
    assert len(store.changes(limit=10000)) == n
    # the file stays usable:
    goals.create_goal(store, Goal("Z77", "Neu", "TF01", "MID"))
    assert "Z77" in store.snapshot().goals

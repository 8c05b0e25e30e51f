"""`sa2030 merge` on the command line: a cycle can be resolved (--take, --ours), and a --take
naming no conflict is wrong usage instead of being ignored."""

from __future__ import annotations

import pytest

from sa2030_desktop.domain.model import Dependency
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services import dependencies
from sa2030_desktop.services.exchange import import_sources
from sa2030_desktop.services.merge_state import save_copy_with_base
from tests.exchange.test_cli_exchange import _cli
from tests.support.exchange import write_csv_set


@pytest.fixture
def cycle_pair(fresh, tmp_path):
    """office and laptop each add one dependency; together they close Z2 → Z3 → Z2."""
    office = fresh("office.sa2030")
    import_sources(office, write_csv_set(tmp_path / "csv", "utf-8", ";", False))
    save_copy_with_base(office, tmp_path / "laptop.sa2030")
    dependencies.link(office, Dependency("Z2", "Z3"))
    office.close()
    laptop = Store.open(tmp_path / "laptop.sa2030")
    dependencies.link(laptop, Dependency("Z3", "Z2", rationale="vom Laptop"))
    laptop.close()
    return tmp_path / "office.sa2030", tmp_path / "laptop.sa2030"


def _pairs(path):
    store = Store.open(path, readonly=True)
    try:
        return {f"{d.dependent}>{d.prerequisite}" for d in store.snapshot().dependencies}
    finally:
        store.close()


def test_cycle_is_refused_naming_the_dependency_and_the_take(cycle_pair):
    office, laptop = cycle_pair
    run = _cli("merge", office, laptop)
    assert run.returncode == 1
    assert "Kreis schließen: Z" in run.stderr
    assert "--take dependency:Z3>Z2:*=mine" in run.stderr
    assert "nicht übernehmen" in run.stderr
    assert _pairs(office) == {"Z2>Z1", "Z3>Z1", "Z2>Z3"}


def test_take_mine_for_the_other_sides_dependency_resolves_the_cycle(cycle_pair):
    office, laptop = cycle_pair
    run = _cli("merge", office, laptop, "--take", "dependency:Z3>Z2:*=mine")
    assert run.returncode == 0, run.stderr
    assert "[entschieden]" in run.stdout and "ABGELEHNT" not in run.stderr
    assert _pairs(office) == {"Z2>Z1", "Z3>Z1", "Z2>Z3"}


def test_ours_resolves_the_cycle(cycle_pair):
    office, laptop = cycle_pair
    run = _cli("merge", office, laptop, "--ours")
    assert run.returncode == 0, run.stderr
    assert _pairs(office) == {"Z2>Z1", "Z3>Z1", "Z2>Z3"}


def test_theirs_resolves_the_cycle_the_other_way(cycle_pair):
    office, laptop = cycle_pair
    run = _cli("merge", office, laptop, "--theirs")
    assert run.returncode == 0, run.stderr
    assert _pairs(office) == {"Z2>Z1", "Z3>Z1", "Z3>Z2"}


@pytest.mark.parametrize(
    ("take", "said"),
    [
        ("goal:Z9:title=mine", "„goal:Z9:title“: dazu gibt es keinen Konflikt"),
        ("goal:Z1:titel=mine", "Ziel Z1 hat kein Feld „titel“"),
        ("ziel:Z1:title=theirs", "unbekannte Objektart „ziel“"),
    ],
)
def test_take_for_an_unknown_conflict_is_wrong_usage(cycle_pair, take, said):
    office, laptop = cycle_pair
    run = _cli("merge", office, laptop, "--ours", "--take", take)
    assert run.returncode == 2, run.stderr
    assert said in run.stderr
    assert "Zu entscheiden sind" in run.stderr or "bekannt:" in run.stderr
    assert _pairs(office) == {"Z2>Z1", "Z3>Z1", "Z2>Z3"}  # nothing written

"""Ressortpaket round trip: own goals editable, the rest read-only context; importing back
applies only the ministry's changes; a package of another portfolio is refused."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.model import Dependency, Goal, Milestone
from sa2030_desktop.messages import format_error
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services import dependencies, goals, merge, package
from sa2030_desktop.services.exchange import import_sources
from tests.support.exchange import write_csv_set


@pytest.fixture
def origin(fresh, tmp_path):
    store = fresh("mid.sa2030")
    import_sources(store, write_csv_set(tmp_path / "csv", "utf-8", ";", False))
    return store


def test_package_holds_own_and_involved_goals_with_context(origin, tmp_path):
    own, context = package.package_goals(origin, "MWL")
    assert own == ["Z2"] and context == ["Z1"]  # Z2 needs Z1
    out = package.export_package(origin, "MWL", tmp_path / "mwl.sa2030")
    pkg = Store.open(out)
    try:
        assert package.package_ministry(pkg) == "MWL"
        assert sorted(pkg.snapshot().goals) == ["Z1", "Z2"]
        assert pkg.snapshot().info.lineage == origin.snapshot().info.lineage
        assert package.package_ministry(origin) is None
    finally:
        pkg.close()


def test_package_rules_and_round_trip(origin, tmp_path):
    out = package.export_package(origin, "MWL", tmp_path / "mwl.sa2030")
    pkg = Store.open(out)
    try:
        # own goal: editable, with milestones and the dependencies it declares
        goals.update_goal(pkg, "Z2", title="Open Data – neu geplant")
        goals.update_milestone(pkg, "Z2-M1", note="mit Bemerkung")
        goals.create_milestone(pkg, Milestone("Z2-M2", "Z2", "Portal-Anbindung", date(2027, 3, 31)))
        goals.create_goal(pkg, Goal("Z40", "Neues MWL-Ziel", "TF06", "MWL"))
        dependencies.link(pkg, Dependency("Z40", "Z2"))
        # context: read-only
        for action in (
            lambda: goals.update_goal(pkg, "Z1", title="fremd"),
            lambda: goals.update_milestone(pkg, "Z1-M1", note="fremd"),
            lambda: goals.delete_goal(pkg, "Z1"),
            lambda: goals.create_goal(pkg, Goal("Z41", "Für MI", "TF06", "MI")),
        ):
            with pytest.raises(DomainError) as info:
                action()
            assert info.value.code == "package_readonly"
            assert "Ressortpaket von MWL" in format_error(info.value)
        with pytest.raises(DomainError) as info:
            goals.update_goal(pkg, "Z2", lead="MI")
        assert info.value.code == "package_lead_fixed"
    finally:
        pkg.close()
    # meanwhile at the MID: an unrelated change that must survive
    goals.update_goal(origin, "Z1", title="MID hat weitergearbeitet")
    report = merge.merge_files(origin.path, out)
    assert report.package_of == "MWL" and report.conflicts == [] and report.issues == []
    origin.invalidate()
    p = origin.snapshot()
    assert p.goals["Z2"].title == "Open Data – neu geplant"
    assert p.milestones["Z2-M1"].note == "mit Bemerkung" and "Z2-M2" in p.milestones
    assert "Z40" in p.goals and ("Z40", "Z2") in {d.pair for d in p.dependencies}
    assert p.goals["Z1"].title == "MID hat weitergearbeitet"
    assert "Z3" in p.goals  # not in the package: untouched, not deleted


def test_conflict_between_package_and_origin(origin, tmp_path):
    out = package.export_package(origin, "MWL", tmp_path / "mwl.sa2030")
    pkg = Store.open(out)
    goals.update_goal(pkg, "Z2", title="Sicht MWL")
    pkg.close()
    goals.update_goal(origin, "Z2", title="Sicht MID")
    report = merge.merge_files(origin.path, out, dry_run=True)
    assert [(c.key, c.field, c.mine, c.theirs) for c in report.conflicts] == [
        ("Z2", "title", "Sicht MID", "Sicht MWL")
    ]
    assert report.changeset is None


def test_package_of_another_portfolio_is_refused(origin, tmp_path):
    from sa2030_desktop.services.portfolio import create_portfolio

    other = create_portfolio(tmp_path / "anderes.sa2030")
    try:
        import_sources(other, write_csv_set(tmp_path / "csv2", "utf-8", ";", False))
        out = package.export_package(other, "MWL", tmp_path / "fremdpaket.sa2030")
    finally:
        other.close()
    before = origin.snapshot()
    with pytest.raises(DomainError) as info:
        merge.merge_files(origin.path, out)
    assert info.value.code in ("package_foreign", "merge_foreign")
    assert "anderen Portfolio" in format_error(info.value) or "keine Kopie" in format_error(
        info.value
    )
    origin.invalidate()
    assert origin.snapshot() == before


def _cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "sa2030_desktop.cli.main", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_merge_reports_conflicts_and_writes_nothing_until_decided(origin, tmp_path):
    copy = tmp_path / "kopie.sa2030"
    assert _cli("copy", str(origin.path), str(copy)).returncode == 0
    other = Store.open(copy)
    goals.update_goal(other, "Z1", title="Laptop")
    goals.update_goal(other, "Z3", title="nur Laptop")
    other.close()
    goals.update_goal(origin, "Z1", title="Büro")
    origin.close()
    run = _cli("merge", str(origin.path), str(copy))
    assert run.returncode == 1
    assert "KONFLIKT Ziel Z1, Titel: Basis Bürgerportal" in run.stdout
    assert "eigene Büro | andere Laptop" in run.stdout
    assert "1 Konflikt – bitte für jeden entscheiden" in run.stderr  # counted in German
    check = Store.open(origin.path, readonly=True)
    assert check.snapshot().goals["Z3"].title != "nur Laptop"
    check.close()
    run = _cli("merge", str(origin.path), str(copy), "--dry-run", "--json", "--theirs")
    data = json.loads(run.stdout)
    assert run.returncode == 0 and data["dry_run"] and data["written"] is False
    assert data["conflicts"][0]["field"] == "title" and data["conflicts"][0]["decided"]
    run = _cli("merge", str(origin.path), str(copy), "--take", "goal:Z1:title=theirs")
    assert run.returncode == 0, run.stderr
    check = Store.open(origin.path, readonly=True)
    assert check.snapshot().goals["Z1"].title == "Laptop"
    assert check.snapshot().goals["Z3"].title == "nur Laptop"
    check.close()


def test_cli_template(tmp_path):
    run = _cli("template", str(tmp_path / "vorlage.xlsx"))
    assert run.returncode == 0, run.stderr
    from openpyxl import load_workbook

    wb = load_workbook(tmp_path / "vorlage.xlsx")
    codes = [r[3] for r in wb["Codes"].iter_rows(min_row=2, values_only=True) if r[3]]
    assert codes == sorted(["StK", "MI", "MF", "MJ", "MB", "MS", "MWL", "MWU", "MID"])


def test_views_can_ask_what_is_editable(origin, tmp_path):
    assert package.editable_goal(origin, "Z1") and package.editable_goal(origin, "Z2")
    pkg = Store.open(package.export_package(origin, "MWL", tmp_path / "mwl.sa2030"))
    try:
        assert package.editable_goal(pkg, "Z2") and not package.editable_goal(pkg, "Z1")
        with pytest.raises(DomainError) as info:
            package.check_editable(pkg, "Z1")
        assert format_error(info.value) == (
            "Im Ressortpaket von MWL ist Ziel Z1 nur Kontext und kann nicht geändert werden."
        )
    finally:
        pkg.close()

"""The one entity registry (domain/entities.py): every layer takes section names, key fields
and the `A>B` dependency key from it."""

from sqlmodel import SQLModel

from sa2030_desktop.domain import entities
from sa2030_desktop.domain.entities import (
    BY_NAME,
    dependency_key,
    parse_dependency_key,
    record_key,
    records_by_key,
)
from sa2030_desktop.domain.model import Dependency, Goal, Indicator, Portfolio, PortfolioInfo
from sa2030_desktop.persistence import tables  # noqa: F401  (registers the tables)
from sa2030_desktop.persistence.records import SPECS, entity_key
from sa2030_desktop.services import merge_engine, tabular_schema
from sa2030_desktop.services.json_writer import portfolio_document


def test_dependency_key_round_trip():
    assert dependency_key("Z1", "Z2") == "Z1>Z2"
    assert parse_dependency_key("Z1>Z2") == ("Z1", "Z2")
    assert parse_dependency_key("Z1") is None


def test_record_key_reads_rows_and_objects_alike():
    dep = Dependency("Z1", "Z2")
    assert record_key("dependency", dep) == "Z1>Z2"
    assert record_key("dependency", {"dependent": "Z1", "prerequisite": "Z2"}) == "Z1>Z2"
    assert record_key("indicator", Indicator("Z1", "Quote")) == "Z1/Quote"
    assert record_key("goal", Goal("Z7", "t", "T", "M")) == "Z7"
    assert record_key("portfolio", PortfolioInfo()) == "portfolio"
    assert entity_key("portfolio", {"id": 1}) == "portfolio"  # the change log's name for it


def test_every_layer_uses_the_registry():
    for name, spec in SPECS.items():
        assert spec.key_columns == (BY_NAME[name].key_fields or ("id",)), name
        assert spec.table in SQLModel.metadata.tables, name
    assert merge_engine.KEY_FIELDS is entities.KEY_FIELDS
    assert merge_engine.SECTIONS is entities.SECTIONS
    assert tabular_schema.SHEET_NAMES == {
        "goals": "Ziele", "milestones": "Meilensteine", "dependencies": "Abhaengigkeiten",
        "indicators": "Indikatoren", "values": "Messwerte",  # REPORTING.md
    }
    # every table but Messwerte is an entity's section; Messwerte carries the indicators' values
    registered = {(s, e) for s, e in entities.SECTIONS.items()}
    assert set(tabular_schema.ENTITY_OF.items()) - registered == {("values", "indicator")}


def test_the_json_document_has_exactly_the_registered_sections():
    doc = portfolio_document(Portfolio())
    listed = {k for k, v in doc.items() if isinstance(v, list)}
    assert listed == set(entities.SECTIONS)


def test_records_by_key_indexes_each_section():
    portfolio = Portfolio(
        goals={"Z1": Goal("Z1", "a", "T", "M"), "Z2": Goal("Z2", "b", "T", "M")},
        dependencies=[Dependency("Z1", "Z2")],
    )
    index = records_by_key(portfolio)
    assert set(index) == set(entities.SECTIONS.values())
    assert list(index["dependency"]) == ["Z1>Z2"]
    assert set(index["goal"]) == {"Z1", "Z2"}


def test_no_module_builds_the_dependency_key_by_hand():
    """`A>B` is written by domain/entities.py only (f"{x.dependent}>{x.prerequisite}" and the
    like elsewhere would drift apart)."""
    import re
    from pathlib import Path

    package = Path(entities.__file__).resolve().parent.parent
    by_hand = re.compile(r"""\{[\w.\[\]'"]+\}>\{[\w.\[\]'"]+\}""")
    offenders = [
        f"{path.relative_to(package)}:{n}"
        for path in package.rglob("*.py")
        if path.name != "entities.py" and "migrations" not in path.parts
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if by_hand.search(line)
    ]
    assert offenders == []
    assert by_hand.search('key = f"{dep.dependent}>{dep.prerequisite}"')

"""The SQLModel tables (persistence/tables.py) and the schema the Alembic migrations build
must not drift apart: Alembic's autogenerate compares tables, columns, types, nullability,
indexes and unique constraints; foreign keys are compared here with their ON UPDATE/ON DELETE
actions, which autogenerate does not look at on SQLite."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Index, MetaData, inspect
from sqlmodel import SQLModel

from sa2030_desktop.persistence import tables  # noqa: F401  (registers the tables)
from sa2030_desktop.persistence.engine import create_file


def _actions(onupdate: str | None, ondelete: str | None) -> tuple[str, str]:
    return ((onupdate or "NO ACTION").upper(), (ondelete or "NO ACTION").upper())


def foreign_key_differences(engine, metadata: MetaData) -> list[str]:
    inspector = inspect(engine)
    found = []
    for table in metadata.sorted_tables:
        stored = sorted(
            (
                tuple(fk["constrained_columns"]),
                fk["referred_table"],
                tuple(fk["referred_columns"]),
                _actions(fk["options"].get("onupdate"), fk["options"].get("ondelete")),
            )
            for fk in inspector.get_foreign_keys(table.name)
        )
        declared = sorted(
            (
                tuple(e.parent.name for e in fk.elements),
                fk.elements[0].column.table.name,
                tuple(e.column.name for e in fk.elements),
                _actions(fk.onupdate, fk.ondelete),
            )
            for fk in table.foreign_key_constraints
        )
        if stored != declared:
            found.append(f"{table.name}: migrated {stored} != declared {declared}")
    return found


def schema_differences(engine, metadata: MetaData) -> list:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = list(compare_metadata(context, metadata))
    return diffs + foreign_key_differences(engine, metadata)


def fresh_file(tmp_path):
    return create_file(tmp_path / "frisch.sa2030")


def test_migrations_build_exactly_the_declared_tables(tmp_path):
    engine = fresh_file(tmp_path)
    try:
        assert schema_differences(engine, SQLModel.metadata) == []
    finally:
        engine.dispose()


def test_the_comparison_sees_drift(tmp_path):
    """A column made nullable, an index added and a foreign key action changed in a copy of
    the declared tables are each reported."""
    drifted = MetaData()
    for table in SQLModel.metadata.sorted_tables:
        table.to_metadata(drifted)
    drifted.tables["goal"].c["title"].nullable = True
    Index("ix_goal_status", drifted.tables["goal"].c["status"])
    fk = next(iter(drifted.tables["milestone"].foreign_key_constraints))
    fk.ondelete = "RESTRICT"
    engine = fresh_file(tmp_path)
    try:
        found = [str(d) for d in schema_differences(engine, drifted)]
    finally:
        engine.dispose()
    assert any("modify_nullable" in d and "title" in d for d in found), found
    assert any("add_index" in d and "ix_goal_status" in d for d in found), found
    assert any(d.startswith("milestone:") and "RESTRICT" in d for d in found), found

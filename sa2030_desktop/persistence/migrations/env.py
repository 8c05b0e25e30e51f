"""Alembic environment: run programmatically on the connection handed over by `migrate`."""

from alembic import context
from sqlmodel import SQLModel

from sa2030_desktop.persistence import tables  # noqa: F401  (registers the tables)

config = context.config
target_metadata = SQLModel.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # command-line use (autogenerate during development)
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as conn:
            _configure(conn)
        return
    _configure(connection)


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move tables
    )
    with context.begin_transaction():
        context.run_migrations()


run()

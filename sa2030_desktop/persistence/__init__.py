"""SQLite file: SQLModel tables, engine with pragmas, Alembic migrations, bulk reads and writes."""

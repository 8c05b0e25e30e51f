"""Administration of the team server: the schema (migrations, optionally filled from a portfolio
file), login roles and their mapping, status. Run by the IT provider's admin (a role that may
create roles); nothing here is available to the planners' own logins.
"""

from __future__ import annotations

import logging
import re

from sqlalchemy import Engine, text

from sa2030_desktop.domain.codes import stored_code
from sa2030_desktop.domain.errors import FileRefusedError
from sa2030_desktop.persistence import server_connect
from sa2030_desktop.persistence.engine import MIGRATIONS
from sa2030_desktop.persistence.fileformat import HEAD_REVISION, KNOWN_REVISIONS
from sa2030_desktop.persistence.server_schema import GROUPS, grant_login_sql

PRE_SERVER_REVISION = "0005"  # the schema before the server's triggers and policies
_LOGIN = re.compile(r"^[a-z_][a-z0-9_.\-]{0,62}$")


def _upgrade(engine: Engine, revision: str) -> None:
    logging.getLogger("alembic").setLevel(logging.WARNING)
    from alembic import command
    from alembic.config import Config

    with engine.begin() as conn:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def schema_revision(conn) -> str | None:
    has = conn.execute(text("SELECT to_regclass('alembic_version') IS NOT NULL")).scalar()
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar() if has else None


def init_schema(conninfo: str, source_engine: Engine | None = None) -> str:
    """Create the schema (or bring an older one up to date). With `source_engine` (an open
    portfolio file) its rows are copied in before the triggers exist, so the server starts
    with the file's own change log. Returns what was done: "created" or "upgraded"."""
    name = server_connect.display_name(conninfo)
    engine = server_connect.make_engine(conninfo)
    try:
        with engine.connect() as conn:
            revision = schema_revision(conn)
            tables = conn.execute(
                text("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")
            ).scalar()
        if revision is not None and revision not in KNOWN_REVISIONS:
            raise FileRefusedError("server_newer", name, version=revision, supported=HEAD_REVISION)
        if revision == HEAD_REVISION:
            raise FileRefusedError("server_exists", name)
        if revision is None and tables:
            raise FileRefusedError("server_foreign", name, count=tables)
        if revision is not None and source_engine is not None:
            raise FileRefusedError("server_exists", name)
        if source_engine is None:
            _upgrade(engine, "head")
            return "created" if revision is None else "upgraded"
        # one transaction: the schema, the copied rows and the server's rules, or nothing
        _copy_in_one(engine, source_engine)
        return "created"
    finally:
        engine.dispose()


def _copy_in_one(engine: Engine, source: Engine) -> None:
    logging.getLogger("alembic").setLevel(logging.WARNING)
    from alembic import command
    from alembic.config import Config
    from sqlmodel import SQLModel

    from sa2030_desktop.persistence import tables  # noqa: F401  (registers the tables)

    with engine.begin() as conn:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, PRE_SERVER_REVISION)
        with source.connect() as src:
            for table in SQLModel.metadata.sorted_tables:
                cols = [c.name for c in table.columns]
                rows = src.exec_driver_sql(
                    f"SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM {table.name}"
                ).fetchall()
                if not rows:
                    continue
                rows = [
                    tuple(_value(table, c, v) for c, v in zip(cols, r, strict=True)) for r in rows
                ]
                conn.exec_driver_sql(
                    f"INSERT INTO {table.name} ({', '.join(chr(34) + c + chr(34) for c in cols)})"
                    f" VALUES ({', '.join('?' for _ in cols)})",
                    rows,
                )
                if "id" in cols and table.c.id.primary_key:
                    conn.exec_driver_sql(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'),"
                        f" (SELECT max(id) FROM {table.name}))"
                    )
        command.upgrade(cfg, "head")
        conn.exec_driver_sql(
            "SELECT setval('sa2030_action_seq', greatest(1, (SELECT max(action) FROM change_log)))"
        )


def _value(table, column: str, value):
    from sqlalchemy import Boolean

    if value is not None and isinstance(table.c[column].type, Boolean):
        return bool(value)
    return value


def add_user(conninfo: str, login: str, role: str, ministry: str | None) -> tuple[bool, str | None]:
    """Create or update the login role `login` with `role` (and `ministry` for ressort).
    Returns whether the login role was new, and the ministry's stored code."""
    name = server_connect.display_name(conninfo)
    if not _LOGIN.match(login):
        raise FileRefusedError("server_bad_login", name, user=login)
    if role not in GROUPS:
        raise FileRefusedError("server_bad_role", name, role=role)
    if (role == "ressort") != bool(ministry):
        raise FileRefusedError(
            "server_ministry_needed" if role == "ressort" else "server_ministry_only_ressort",
            name,
            role=role,
        )
    with server_connect.connect(conninfo) as conn:
        server_connect.require_schema(conn, name, current=True)
        if ministry is not None:
            codes = [row[0] for row in conn.execute("SELECT code FROM ministry")]
            ministry = stored_code(ministry, codes)  # `mid` means MID (domain/codes.py)
            if ministry not in codes:
                raise FileRefusedError("server_unknown_ministry", name, ministry=ministry)
        existing = conn.execute(
            "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = %s", (login,)
        ).fetchone()
        if existing and (existing[0] or existing[1]):
            # such a role would bypass every policy (TEAM.md, Roles): never a planner's login
            raise FileRefusedError("server_privileged_login", name, user=login)
        owns = conn.execute(
            "SELECT count(*) FROM pg_tables WHERE tableowner = %s AND schemaname = "
            "current_schema()",
            (login,),
        ).fetchone()[0]
        if owns:
            raise FileRefusedError("server_owner_login", name, user=login)
        quoted = '"' + login + '"'
        try:
            with conn.transaction():
                if not existing:
                    conn.execute(f"CREATE ROLE {quoted} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE")
                for statement in grant_login_sql(login, role):
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO server_user (login, role, ministry) VALUES (%s, %s, %s)"
                    " ON CONFLICT (login) DO UPDATE SET role = excluded.role,"
                    " ministry = excluded.ministry",
                    (login, role, ministry),
                )
        except Exception as exc:
            import psycopg

            if isinstance(exc, psycopg.errors.InsufficientPrivilege):
                raise FileRefusedError("server_admin_needed", name) from exc
            raise
        return not existing, ministry


def list_users(conninfo: str) -> list[dict]:
    name = server_connect.display_name(conninfo)
    with server_connect.connect(conninfo) as conn:
        server_connect.require_schema(conn, name)
        try:
            rows = conn.execute(
                "SELECT u.login, u.role, u.ministry, coalesce(r.rolcanlogin, false)"
                " FROM server_user u LEFT JOIN pg_roles r ON r.rolname = u.login ORDER BY u.login"
            ).fetchall()
        except Exception as exc:
            import psycopg

            if isinstance(exc, psycopg.errors.InsufficientPrivilege):
                raise FileRefusedError("server_admin_needed", name) from exc
            raise
    return [{"login": r[0], "role": r[1], "ministry": r[2], "can_login": r[3]} for r in rows]


def status(conninfo: str) -> dict:
    name = server_connect.display_name(conninfo)
    with server_connect.connect(conninfo) as conn:
        revision = server_connect.require_schema(conn, name)
        counts = {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("goal", "milestone", "dependency", "indicator", "change_log")
        }
        try:
            users = conn.execute("SELECT count(*) FROM server_user").fetchone()[0]
        except Exception:
            conn.rollback()
            users = None
        clients = conn.execute(
            "SELECT usename, to_json(date_trunc('second', backend_start))#>>'{}'"
            " FROM pg_stat_activity WHERE datname = current_database()"
            " AND application_name = %s AND pid <> pg_backend_pid() ORDER BY backend_start",
            (server_connect.APPLICATION_NAME,),
        ).fetchall()
        server_version = conn.execute("SHOW server_version").fetchone()[0]
    return {
        "server": name,
        "postgresql": server_version,
        "schema": revision,
        "schema_supported": HEAD_REVISION,
        "counts": counts,
        "users": users,
        "clients": [{"user": u, "since": s} for u, s in clients],
    }

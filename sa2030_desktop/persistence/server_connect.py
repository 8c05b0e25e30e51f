"""Connections to the team server (PostgreSQL, psycopg 3): telling a connection from a file,
opening it with libpq's own rules, and turning libpq's refusals into the core's error codes.

A connection is what libpq understands: a URL (`postgresql://host/db`) or keyword form
(`service=sa2030`, `host=… dbname=…`). Passwords, Kerberos and TLS are libpq's business
(`.pgpass`, `PGPASSFILE`, `pg_service.conf`, `sslmode`); the application stores none of them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sa2030_desktop.domain.errors import FileRefusedError
from sa2030_desktop.persistence.fileformat import HEAD_REVISION, KNOWN_REVISIONS

if TYPE_CHECKING:  # telling a connection from a file (is_server) needs no SQLAlchemy
    from sqlalchemy import Engine

_URL = re.compile(r"^postgres(ql)?://", re.IGNORECASE)
_KEYWORDS = re.compile(r"^\s*[a-z_]+\s*=", re.IGNORECASE)
APPLICATION_NAME = "SA2030 Planner"


def looks_like_server(target: str | Path) -> bool:
    text = str(target)
    return bool(_URL.match(text) or _KEYWORDS.match(text))


def is_server(target: str | Path) -> bool:
    """A connection rather than a file: written like one, and no file of that name exists (a
    local file named like a URL still opens as the file)."""
    return looks_like_server(target) and not Path(str(target)).exists()


def display_name(conninfo: str) -> str:
    """Where the portfolio is, for title bars and messages, without a password."""
    params = parse(conninfo)
    if "service" in params and "dbname" not in params:
        return f"service={params['service']}"
    host = params.get("host", "")
    host = "lokal" if not host or host.startswith("/") else host
    return f"{host}/{params.get('dbname', params.get('user', ''))}"


def parse(conninfo: str) -> dict[str, str]:
    """libpq's reading of the connection (a typo is refused here, before any connection)."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    try:
        return {k: str(v) for k, v in conninfo_to_dict(conninfo).items() if v is not None}
    except psycopg.ProgrammingError as exc:
        raise FileRefusedError(
            "server_bad_conninfo", _safe(conninfo), detail=_first_line(exc)
        ) from exc


def _safe(conninfo: str) -> str:
    """The connection as shown in messages: a password in it is never repeated."""
    text = re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", conninfo)
    return re.sub(r"(password\s*=\s*)\S+", r"\1***", text, flags=re.IGNORECASE)


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [""])[0]


def connect(conninfo: str, **extra):
    """A psycopg connection, or FileRefusedError saying why not (in the core's codes)."""
    import os

    import psycopg

    params = parse(conninfo)
    kwargs = {"application_name": APPLICATION_NAME, **extra}
    if "connect_timeout" not in params and not os.environ.get("PGCONNECT_TIMEOUT"):
        kwargs["connect_timeout"] = 5
    try:
        conn = psycopg.connect(conninfo, **kwargs)
    except psycopg.OperationalError as exc:
        raise refusal(conninfo, exc) from exc
    _adapt(conn)
    return conn


def refusal(conninfo: str, exc: BaseException) -> FileRefusedError:
    text = str(exc)
    low = text.lower()
    user = parse(conninfo).get("user", "")
    name = _safe(conninfo)
    if (
        "password authentication failed" in low
        or "no password supplied" in low
        or ("password" in low and "fe_sendauth" in low)
    ):
        return FileRefusedError("server_password", name, user=user)
    if "does not exist" in low and "database" in low:
        return FileRefusedError("server_no_database", name)
    if "role" in low and "does not exist" in low:
        return FileRefusedError("server_password", name, user=user)
    if "pg_hba.conf" in low or "no pg_hba" in low:
        return FileRefusedError("server_not_allowed", name, user=user)
    if "definition of service" in low or "service file" in low:
        return FileRefusedError("server_bad_conninfo", name, detail=_first_line(exc))
    return FileRefusedError("server_unreachable", name, detail=_first_line(exc))


def _positional(parameters) -> bool:
    """Parameters for `?` placeholders (a tuple, or a list of tuples for executemany); named
    parameters (a dict) come with psycopg's own `%(name)s` placeholders."""
    if not parameters:
        return False
    first = parameters[0] if isinstance(parameters, list) else parameters
    return not isinstance(first, dict)


def _adapt(conn) -> None:
    """Python ints as untyped literals, so that the server types them from the column (an int
    into a boolean column, as SQLite takes it)."""
    from psycopg.adapt import Dumper

    class IntDumper(Dumper):
        oid = 0  # unknown: the server infers the type from where the value goes

        def dump(self, obj):
            return str(int(obj)).encode()

    conn.adapters.register_dumper(int, IntDumper)


def qmark_to_format(statement: str) -> str:
    """SQLite's `?` placeholders as psycopg's `%s` (outside quotes); a literal `%` doubled."""
    out = []
    quote = ""
    for ch in statement:
        if quote:
            out.append("%%" if ch == "%" else ch)
            if ch == quote:
                quote = ""
        elif ch in ("'", '"'):
            quote = ch
            out.append(ch)
        elif ch == "?":
            out.append("%s")
        elif ch == "%":
            out.append("%%")
        else:
            out.append(ch)
    return "".join(out)


def make_engine(conninfo: str) -> Engine:
    """An engine on the server. The persistence layer writes its SQL once, with SQLite's `?`
    placeholders: they are translated here for statements passed to the driver directly."""
    from sqlalchemy import create_engine, event

    seen = {"connected": False}

    def creator():
        # once the store was connected, a failing (re)connect is a lost connection: the
        # action in progress is not saved and can be repeated
        try:
            conn = connect(conninfo)
        except FileRefusedError as exc:
            if seen["connected"] and exc.kind == "server_unreachable":
                raise FileRefusedError("server_lost", display_name(conninfo)) from exc
            raise
        seen["connected"] = True
        return conn

    engine = create_engine(
        "postgresql+psycopg://",
        creator=creator,
        # no ping before each use (a round trip per action): a connection found dead fails
        # that action (reported as not saved) and the pool then reconnects on its own
        pool_size=2,
        max_overflow=4,
    )

    @event.listens_for(engine, "before_cursor_execute", retval=True)
    def _translate(conn, cursor, statement, parameters, context, executemany):
        if context is not None and context.compiled is None and _positional(parameters):
            statement = qmark_to_format(statement)
        return statement, parameters

    return engine


def require_schema(conn, name: str, current: bool = False) -> str:
    """The schema's revision on a connection (psycopg); refuses a database without our schema,
    and with `current` one of another version: a newer schema's tables this version does not
    know are never written, an older one needs `server init` first. The one place of this rule
    for opening a window (server_store.identify) and the admin commands (server_admin)."""
    has = conn.execute("SELECT to_regclass('alembic_version') IS NOT NULL").fetchone()[0]
    revision = conn.execute("SELECT version_num FROM alembic_version").fetchone() if has else None
    if revision is None:
        raise FileRefusedError("server_no_schema", name)
    if current and revision[0] != HEAD_REVISION:
        kind = "server_newer" if revision[0] not in KNOWN_REVISIONS else "server_older"
        raise FileRefusedError(kind, name, version=revision[0], supported=HEAD_REVISION)
    return revision[0]

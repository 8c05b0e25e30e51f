"""The portfolio on the team server: the same Store, on PostgreSQL instead of a file.

Reads return the same snapshots and writes run the same operations; what differs is in the
server session (persistence/server_session.py): versions, the log by trigger, rights, the
dependency lock. No writer lock and no backups here: the server has its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from sa2030_desktop.domain.errors import DomainError, FileRefusedError
from sa2030_desktop.domain.model import Portfolio
from sa2030_desktop.persistence import repository, server_connect
from sa2030_desktop.persistence.server_session import ServerSession, load_versions
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.persistence.unit_of_work import ChangeSet, UnitOfWork

ROLE_LABELS = {
    "stabsstelle": "Koordinierungsstelle",
    "ressort": "Ressort",
    "leser": "Leser",
    "verwaltung": "Verwaltung",
}


def identify(conn, name: str) -> ServerSession:
    """Who is connected, with which role; refuses a database without our schema, with a
    schema of another version, and a login without a role mapping."""
    server_connect.require_schema(conn, name, current=True)
    login, admin = conn.execute(
        "SELECT session_user, rolsuper OR pg_has_role(session_user, "
        "(SELECT tableowner FROM pg_tables WHERE tablename = 'goal' AND schemaname = "
        "current_schema()), 'MEMBER') FROM pg_roles WHERE rolname = session_user"
    ).fetchone()
    role, ministry = conn.execute("SELECT role, ministry FROM sa2030_whoami()").fetchone()
    if role is None:
        if not admin:
            raise FileRefusedError("server_no_role", name, user=login)
        role = "verwaltung"
    return ServerSession(login=login, role=role, ministry=ministry, name=name)


class ServerStore(Store):
    """A portfolio on the team server. `path` is only its display name."""

    def __init__(self, conninfo: str, engine, session: ServerSession, readonly: bool) -> None:
        super().__init__(Path(session.name), engine, readonly)
        self.conninfo = conninfo
        self.session = session
        self.own_actions: set[int] = set()  # committed here: their announcements are known
        self.may_write = not readonly  # what the role allows; `readonly` also while offline
        self.on_lost: list = []  # called when an action finds the connection gone
        self.conflict_base: Portfolio | None = None  # the snapshot of the last refused write
        self.offline = False  # the connection is lost (set by the window, see set_offline)
        self._shown: Portfolio | None = None  # the last state read: shown while offline

    @property
    def where(self) -> str:
        """„Server lokal/db als mi_mueller (Ressort MI)“ for title bar and status bar."""
        s = self.session
        role = ROLE_LABELS.get(s.role, s.role) + (f" {s.ministry}" if s.ministry else "")
        return f"Server {s.name} als {s.login} ({role})"

    @classmethod
    def open(cls, conninfo: str, readonly: bool = False) -> ServerStore:  # type: ignore[override]
        name = server_connect.display_name(conninfo)
        import psycopg

        with server_connect.connect(conninfo) as conn:
            try:
                session = identify(conn, name)
            except psycopg.errors.InsufficientPrivilege as exc:  # not even allowed to look
                user = server_connect.parse(conninfo).get("user", "")
                raise FileRefusedError("server_no_role", name, user=user) from exc
        engine = server_connect.make_engine(conninfo)
        return cls(conninfo, engine, session, readonly or session.role == "leser")

    @classmethod
    def create(cls, path):  # type: ignore[override]
        raise FileRefusedError("server_use_init", str(path))

    # -- reading ---------------------------------------------------------------------------
    def snapshot(self) -> Portfolio:
        if self._snapshot is None and self.offline and self._shown is not None:
            return self._shown  # connection lost: keep showing the last state read, no retry
        if self._snapshot is None:
            with self._errors(), self.engine.connect() as conn:
                # one consistent state: the versions belong to exactly the rows read
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
                with conn.begin():
                    self._snapshot = repository.load_portfolio(conn)
                    self.session.versions = load_versions(conn)
        self._shown = self._snapshot
        return self._snapshot

    def integrity(self) -> tuple[list[tuple[str, object]], str]:
        return [], "ok"  # the server enforces its foreign keys on every write

    def _refresh(self, changes: ChangeSet) -> None:
        """Re-read the touched rows and their versions in one consistent read: a version newer
        than the row read with it would let a stale write through."""
        old = self._snapshot
        self._snapshot = None  # read whole (with all versions) when not refreshed below
        touched: dict[str, set[str]] = {}
        for entity, key in changes.added + changes.updated + changes.removed:
            touched.setdefault(entity, set()).add(key)
        count = sum(len(keys) for keys in touched.values())
        if old is None or changes.full_reload or not count or count > self._INCREMENTAL_LIMIT:
            return
        with self.engine.connect() as conn:
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                snapshot = repository.refresh_portfolio(conn, old, touched)
                versions = load_versions(conn, touched)
        for pair in [(e, k) for e, keys in touched.items() for k in keys]:
            self.session.versions.pop(pair, None)
        self.session.versions.update(versions)
        self._snapshot = snapshot

    def refresh_rows(self, touched: dict[str, set[str]]) -> None:
        """Someone else changed these rows (announced by the server): read just them again."""
        changes = ChangeSet(updated=[(e, k) for e, keys in touched.items() for k in keys])
        if self._snapshot is None:
            return
        self._refresh(changes)

    # -- writing ---------------------------------------------------------------------------
    @contextmanager
    def transaction(self, comment: str = "", user: str | None = None) -> Iterator[UnitOfWork]:
        if self.readonly and self.session.role == "leser":
            raise DomainError("server_reader", login=self.session.login)
        if self.offline:  # not „opened read-only“: the connection is gone, nothing was saved
            raise FileRefusedError("server_lost", self.session.name)
        with self._errors(), super().transaction(comment, user) as uow:
            yield uow
        self.own_actions.add(uow.action)

    def save_layout(self, view: str, positions: dict[str, tuple[float, float]]) -> None:
        with self._errors():
            super().save_layout(view, positions)

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """The server's refusals in the core's codes: a lost connection (nothing saved), a
        row-level security refusal."""
        try:
            yield
        except FileRefusedError as exc:  # reconnecting failed: the server is still away
            if exc.kind == "server_lost":
                self._lost()
            if exc.kind != "server_unreachable":
                raise
            self._lost()
            raise FileRefusedError("server_lost", self.session.name) from exc
        except DomainError as exc:
            if exc.code == "stale_write":  # show the newer row: the user decides on it
                self.conflict_base = self._snapshot  # what the user had read (the merge base)
                self.refresh_rows({exc.data["entity"]: {exc.data["key"]}})
                for listener in list(self._listeners):
                    listener(ChangeSet(updated=[(exc.data["entity"], exc.data["key"])]))
            raise
        except DBAPIError as exc:
            text = str(exc.orig).lower()
            denied = getattr(exc.orig, "sqlstate", None) == "42501"  # insufficient_privilege
            if denied or "row-level security" in text or "permission denied" in text:
                raise DomainError(
                    "server_row_refused",
                    entity="",
                    key="",
                    login=self.session.login,
                    ministry=self.session.ministry or "",
                ) from exc
            if exc.connection_invalidated or "connection" in text or "terminat" in text:
                self._lost()
                raise FileRefusedError("server_lost", self.session.name) from exc
            raise

    def _lost(self) -> None:
        for callback in list(self.on_lost):
            callback()

    def reconnect(self) -> None:
        self.engine.dispose()

    def set_offline(self, offline: bool) -> None:
        """While the connection is lost the store is read-only and shows the last state read;
        afterwards as the role allows."""
        self.offline = offline
        self.readonly = offline or not self.may_write

    def reachable(self) -> bool:
        """Whether the server answers again (a connection of its own, closed at once)."""
        try:
            server_connect.connect(self.conninfo).close()
        except FileRefusedError:
            return False
        return True

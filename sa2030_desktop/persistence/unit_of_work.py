"""One user action = one transaction that writes the rows and their change-log entries together.

Services hand domain objects to `save`/`delete`; the unit of work compares them with the stored
row, writes only what changed and logs every changed field (old → new) in the same transaction.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sa2030_desktop.domain.entities import entity_of, indicator_key
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.model import Goal, Indicator
from sa2030_desktop.domain.tasks import checkpoint
from sa2030_desktop.domain.validate import bad_text
from sa2030_desktop.persistence import package_guard, reporting_repository
from sa2030_desktop.persistence.records import (
    SPECS,
    _norm,
    _text,
    created_text,
    entity_key,
    row_of,
)
from sa2030_desktop.persistence.server_session import ServerSession

if TYPE_CHECKING:  # SQLAlchemy is loaded with the engine, after the window is shown
    from sqlalchemy import Connection, Engine


@dataclass(slots=True)
class ChangeSet:
    """What one action changed: (entity, key) pairs, for views to refresh and undo to invert."""

    added: list[tuple[str, str]] = field(default_factory=list)
    updated: list[tuple[str, str]] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    action: int = 0
    # Set by writes the pairs above cannot describe (e.g. a renamed key): readers reload all.
    full_reload: bool = False

    @property
    def empty(self) -> bool:
        return not (self.added or self.updated or self.removed)


class UnitOfWork:
    def __init__(self, conn: Connection, user: str, comment: str, action: int) -> None:
        self.conn = conn
        self.user = user
        self.comment = comment
        self.action = action
        self.now = datetime.now(UTC).astimezone().isoformat(timespec="seconds")
        self.changes = ChangeSet(action=action)
        self.wrote = True  # set after the action: whether any row was written at all
        self._log_rows: list[tuple] = []
        self._package: str | None | bool = False  # not yet looked up
        self.server: ServerSession | None = None  # set on the team server
        self.touches_dependencies = False

    # -- reading inside the transaction ----------------------------------------------------
    def fetch(self, entity: str, keyvals: dict) -> dict | None:
        spec = SPECS[entity]
        cols = spec.key_columns + spec.columns
        where = " AND ".join(f'"{c}" = ?' for c in spec.key_columns)
        row = self.conn.exec_driver_sql(
            f"SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM {spec.table}"
            f" WHERE {where}",
            tuple(keyvals[c] for c in spec.key_columns),
        ).first()
        return dict(zip(cols, row, strict=True)) if row else None

    # -- writing ---------------------------------------------------------------------------
    def log(self, entity: str, key: str, fieldname: str, old: object, new: object) -> None:
        """A note of this action that no row change carries (e.g. a discarded frozen state)."""
        if self.server is not None:
            self.server.note(self.conn, entity, key, fieldname, old, new)
            return
        self._log(entity, key, fieldname, old, new)

    def _log(self, entity: str, key: str, fieldname: str, old: object, new: object) -> None:
        if self.server is not None:  # the server's triggers log every changed row themselves
            return
        self._log_rows.append(
            (
                self.now,
                self.user,
                entity,
                key,
                fieldname,
                _text(old),
                _text(new),
                self.comment,
                self.action,
            )
        )

    def guard(self, entity: str, key: str, values: dict, old: dict | None) -> None:
        """Inside a Ressortpaket only the ministry's own goals may change (package_guard); on
        the server a ressort user likewise (and the server's row-level security enforces it)."""
        if self.server is not None:
            self.server.guard(self.conn, entity, key, values, old)
            if entity == "dependency" and not self.touches_dependencies:
                self.server.lock_dependencies(self.conn)
                self.touches_dependencies = True
            return
        if self._package is False:
            info = package_guard.read_package(self.conn)
            self._package = info[0] if info else None
        if self._package:
            package_guard.check(self.conn, self._package, entity, key, values, old)

    def save(self, obj: object, extra_comment: str = "") -> bool:
        """Insert or update `obj`; log each changed field. Returns whether anything changed."""
        entity, keyvals, values = row_of(obj)
        spec = SPECS[entity]
        key = entity_key(entity, keyvals)
        old = self.fetch(entity, keyvals)
        changed = False
        if old is None:
            self.guard(entity, key, values, old)
            cols = list(keyvals) + list(values)
            if entity == "goal":
                cols += ["created", "updated"]
                vals = [*keyvals.values(), *values.values(), self.now, self.now]
            else:
                vals = [*keyvals.values(), *values.values()]
            self.conn.exec_driver_sql(
                f"INSERT INTO {spec.table} ({', '.join(chr(34) + c + chr(34) for c in cols)})"
                f" VALUES ({', '.join('?' for _ in cols)})",
                tuple(vals),
            )
            self._log(entity, key, "*", "", created_text(values))
            self.changes.added.append((entity, key))
            changed = True
        else:
            diff = {c: v for c, v in values.items() if _norm(old[c]) != _norm(v)}
            if diff:
                self.guard(entity, key, values, old)
                sets = dict(diff)
                if entity == "goal":
                    sets["updated"] = self.now
                where = " AND ".join(f'"{c}" = ?' for c in spec.key_columns)
                extra, extra_args = self._version_check(entity, key)
                done = self.conn.exec_driver_sql(
                    f"UPDATE {spec.table} SET {', '.join(f'{chr(34)}{c}{chr(34)} = ?' for c in sets)}"
                    f" WHERE {where}{extra}",
                    (*sets.values(), *(keyvals[c] for c in spec.key_columns), *extra_args),
                )
                if self.server is not None and done.rowcount == 0:
                    raise self.server.refused(self.conn, entity, key, keyvals, values)
                for col, val in diff.items():
                    self._log(entity, key, col, old[col], val)
                self.changes.updated.append((entity, key))
                changed = True
        if entity == "goal":
            changed |= self._save_partners(obj)
        elif entity == "indicator":
            changed |= self._save_values(obj)
        return changed

    def save_many(self, objs: list) -> int:
        """Bulk form of `save` for imports and merges: one read of the table, executemany for
        new rows, single updates for changed ones. Returns the number of changed objects."""
        if not objs:
            return 0
        entity = entity_of(objs[0])
        if entity in ("indicator", "portfolio"):
            return sum(self.save(o) for o in objs)
        spec = SPECS[entity]
        cols = spec.key_columns + spec.columns
        existing = {
            tuple(r[: len(spec.key_columns)]): dict(zip(cols, r, strict=True))
            for r in self.conn.exec_driver_sql(
                f"SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM {spec.table}"
            )
        }
        old_partners: dict[str, list[str]] = {}
        if entity == "goal":
            for g, m in self.conn.exec_driver_sql(
                "SELECT goal, ministry FROM goal_partner ORDER BY goal, position"
            ):
                old_partners.setdefault(g, []).append(m)
        inserts: list[tuple] = []
        partner_rows: list[tuple] = []
        changed = 0
        for obj in objs:
            # SQLite's progress handler only runs inside statements; building the rows is Python
            checkpoint()
            _e, keyvals, values = row_of(obj)
            keytuple = tuple(keyvals.values())
            key = entity_key(entity, keyvals)
            old = existing.get(keytuple)
            if old is None:
                self.guard(entity, key, values, old)
                row = [*keytuple, *values.values()]
                if entity == "goal":
                    row += [self.now, self.now]
                inserts.append(tuple(row))
                self._log(entity, key, "*", "", created_text(values))
                self.changes.added.append((entity, key))
                changed += 1
                if entity == "goal" and obj.partners:
                    partner_rows += [(obj.key, c, i) for i, c in enumerate(obj.partners)]
                    self._log("goal", key, "partners", "", ",".join(obj.partners))
                continue
            if any(_norm(old[c]) != _norm(v) for c, v in values.items()):
                self.save(obj)
                changed += 1
            elif entity == "goal" and old_partners.get(obj.key, []) != list(obj.partners):
                self._save_partners(obj)
                changed += 1
        if inserts:
            names = list(cols) + (["created", "updated"] if entity == "goal" else [])
            self.conn.exec_driver_sql(
                f"INSERT INTO {spec.table} ({', '.join(chr(34) + c + chr(34) for c in names)})"
                f" VALUES ({', '.join('?' for _ in names)})",
                inserts,
            )
        if partner_rows:
            self.conn.exec_driver_sql(
                "INSERT INTO goal_partner (goal, ministry, position) VALUES (?, ?, ?)", partner_rows
            )
        return changed

    def _save_partners(self, goal: Goal) -> bool:
        old = [
            r[0]
            for r in self.conn.exec_driver_sql(
                "SELECT ministry FROM goal_partner WHERE goal = ? ORDER BY position", (goal.key,)
            )
        ]
        if old == list(goal.partners):
            return False
        self.guard("goal", goal.key, {"lead": goal.lead}, {"lead": goal.lead})
        # only the partners that come or go are written (the server logs each row it changes)
        for code in set(old) - set(goal.partners):
            self.conn.exec_driver_sql(
                "DELETE FROM goal_partner WHERE goal = ? AND ministry = ?", (goal.key, code)
            )
        for pos, code in enumerate(goal.partners):
            if code in old:
                if old.index(code) != pos:
                    self.conn.exec_driver_sql(
                        "UPDATE goal_partner SET position = ? WHERE goal = ? AND ministry = ?",
                        (pos, goal.key, code),
                    )
                continue
            self.conn.exec_driver_sql(
                "INSERT INTO goal_partner (goal, ministry, position) VALUES (?, ?, ?)",
                (goal.key, code, pos),
            )
        self._log("goal", goal.key, "partners", ",".join(old), ",".join(goal.partners))
        if ("goal", goal.key) not in self.changes.added + self.changes.updated:
            self.changes.updated.append(("goal", goal.key))
        return True

    def _save_values(self, ind: Indicator) -> bool:
        row = self.conn.exec_driver_sql(
            "SELECT id FROM indicator WHERE goal = ? AND name = ?", (ind.goal, ind.name)
        ).first()
        ind_id = row[0]
        old = [
            (r[0], r[1], r[2])
            for r in self.conn.exec_driver_sql(
                "SELECT date, value, source FROM indicator_value WHERE indicator = ?"
                " ORDER BY date, id",
                (ind_id,),
            )
        ]
        new = sorted((v.date.isoformat(), float(v.value), v.source) for v in ind.values)
        if sorted(old) == new:
            return False
        self.conn.exec_driver_sql("DELETE FROM indicator_value WHERE indicator = ?", (ind_id,))
        for day, value, source in new:
            self.conn.exec_driver_sql(
                "INSERT INTO indicator_value (indicator, date, value, source) VALUES (?, ?, ?, ?)",
                (ind_id, day, value, source),
            )
        self._log(
            "indicator",
            indicator_key(ind.goal, ind.name),
            "values",
            _values_text(old),
            _values_text(new),
        )
        key = ("indicator", indicator_key(ind.goal, ind.name))
        if key not in self.changes.added + self.changes.updated:
            self.changes.updated.append(key)
        return True

    def create_info(self, title: str, lineage: str) -> None:
        """The portfolio's one info row, written once when the file is created."""
        self.conn.exec_driver_sql(
            "INSERT INTO portfolio_info (id, title, issuing_office, as_of, demo, lineage, created)"
            " VALUES (1, ?, '', NULL, ?, ?, ?)",
            (title, False, lineage, datetime.now().date().isoformat()),
        )

    def rename_goal(self, key: str, new_key: str) -> None:
        """Give a goal a new key; milestones, dependencies and layout follow by cascade."""
        self.conn.exec_driver_sql("UPDATE goal SET key = ? WHERE key = ?", (new_key, key))
        reporting_repository.follow_goal_rename(self.conn, key, new_key)
        self._log("goal", new_key, "key", key, new_key)
        self.changes.updated.append(("goal", new_key))
        self.changes.full_reload = True  # the (entity, key) pairs cannot describe the cascade

    def delete(self, entity: str, keyvals: dict) -> bool:
        spec = SPECS[entity]
        old = self.fetch(entity, keyvals)
        if old is None:
            return False
        key = entity_key(entity, keyvals)
        self.guard(entity, key, {}, old)
        where = " AND ".join(f'"{c}" = ?' for c in spec.key_columns)
        extra, extra_args = self._version_check(entity, key)
        try:
            done = self.conn.exec_driver_sql(
                f"DELETE FROM {spec.table} WHERE {where}{extra}",
                (*(keyvals[c] for c in spec.key_columns), *extra_args),
            )
        except Exception as exc:  # RESTRICT foreign keys: still in use
            if "FOREIGN KEY" in str(exc).upper():
                raise DomainError("still_in_use", entity=entity, key=key) from exc
            raise
        if self.server is not None and done.rowcount == 0:
            raise self.server.refused(self.conn, entity, key, keyvals, {})
        summary = "; ".join(f"{c}={_text(v)}" for c, v in old.items() if v not in (None, ""))
        self._log(entity, key, "*", summary, "gelöscht")
        self.changes.removed.append((entity, key))
        return True

    def _version_check(self, entity: str, key: str) -> tuple[str, tuple]:
        if self.server is None:
            return "", ()
        return self.server.where_version(entity, key)

    def flush_log(self) -> None:
        if self._log_rows:
            self.conn.exec_driver_sql(
                'INSERT INTO change_log (timestamp, "user", entity, key, field, old, new, comment,'
                " action) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                self._log_rows,
            )
            self._log_rows.clear()


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some systems
        return "unbekannt"


@contextmanager
def unit_of_work(
    engine: Engine,
    comment: str = "",
    user: str | None = None,
    server: ServerSession | None = None,
) -> Iterator[UnitOfWork]:
    """BEGIN IMMEDIATE … COMMIT; rolled back entirely when anything inside raises."""
    with engine.begin() as conn:
        if server is not None:
            uow = UnitOfWork(conn, server.login, comment, server.begin(conn, comment))
            uow.server = server
            yield uow
            _check_texts(comment, uow.user)
            if uow.touches_dependencies:
                server.check_acyclic(conn)
            uow.wrote = server.wrote(conn)
            return
        row = conn.exec_driver_sql("SELECT coalesce(max(action), 0) + 1 FROM change_log").first()
        uow = UnitOfWork(conn, user or current_user(), comment, row[0])
        raw = conn.connection.dbapi_connection
        before = raw.total_changes
        yield uow
        _check_texts(comment, uow.user)
        uow.flush_log()
        # Rows written by any path (also raw SQL): none means the snapshot is still true.
        uow.wrote = raw.total_changes != before


def _check_texts(comment: str, user: str) -> None:
    for name, value in (("comment", comment), ("user", user)):  # checked after the rows:
        bad = bad_text(value)  # a bad key shows up as itself, not as the comment naming it
        if bad:
            raise DomainError("bad_text", field=name, char=bad)


def _values_text(rows: list[tuple[str, float, str]]) -> str:
    """„2025-12-31=34; 2026-06-30=41 (Mikrozensus)“ – the change log's text of a value series."""
    return "; ".join(f"{d}={_text(v)}" + (f" ({s})" if s else "") for d, v, s in rows)

"""What a unit of work does differently on the team server (PostgreSQL).

- The change log is written by the server's triggers (login and server time); the unit of work
  only hands over its comment and action number as transaction settings.
- Every changeable row has a version: an update or delete names the version the client read and
  is refused as a conflict when someone else has written the row since (no lost update).
- Dependency writes take one transaction lock and check the stored graph for a cycle before
  commit: two users adding A→B and B→A at the same moment cannot both succeed.
- A ressort user is refused by the same rule as a Ressortpaket before the server's row-level
  security would refuse it (which it does as well, for anyone writing with psql).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sa2030_desktop.domain.entities import BY_NAME, PORTFOLIO_KEY, REPORT_SEPARATOR
from sa2030_desktop.domain.errors import CycleError, DomainError
from sa2030_desktop.persistence.records import SPECS, _text
from sa2030_desktop.persistence.server_schema import VERSIONED

if TYPE_CHECKING:  # SQLAlchemy is loaded with the engine, after the window is shown
    from sqlalchemy import Connection

DEPENDENCY_LOCK = 2030_13  # pg_advisory_xact_lock key: one dependency writer at a time


def key_sql(entity: str) -> str:
    """SQL expression of a record's key as text (as the change log writes it)."""
    spec = BY_NAME[entity]
    if not spec.key_fields:
        return f"'{PORTFOLIO_KEY}'"
    cols = [f'"{c}"' for c in spec.key_fields]
    return cols[0] if len(cols) == 1 else f" || '{spec.separator}' || ".join(cols)


def load_versions(conn: Connection, only: dict[str, set[str]] | None = None) -> dict:
    """{(entity, key): version} of all versioned rows, or of the keys in `only`."""
    out: dict[tuple[str, str], int] = {}
    for entity, table in VERSIONED.items():
        keys = None if only is None else only.get(entity)
        if only is not None and not keys:
            continue
        sql = f"SELECT {key_sql(entity)}, version FROM {table}"
        if keys is not None:
            sql += f" WHERE {key_sql(entity)} = ANY (%(keys)s)"
            rows = conn.exec_driver_sql(sql, {"keys": list(keys)})
        else:
            rows = conn.exec_driver_sql(sql)
        for key, version in rows:
            out[(entity, key)] = version
    return out


@dataclass
class ServerSession:
    """The client's side of the server's rules, shared by the store's units of work."""

    login: str
    role: str  # stabsstelle | ressort | leser | verwaltung (admin without mapping)
    ministry: str | None
    name: str  # where, for messages
    versions: dict[tuple[str, str], int] = field(default_factory=dict)

    def begin(self, conn: Connection, comment: str) -> int:
        row = conn.exec_driver_sql(
            "SELECT set_config('sa2030.action', nextval('sa2030_action_seq')::text, true),"
            " set_config('sa2030.comment', %(c)s, true)",
            {"c": comment},
        ).first()
        return int(row[0])

    def note(self, conn: Connection, entity: str, key: str, fieldname: str, old, new) -> None:
        conn.exec_driver_sql(
            "SELECT sa2030_note(%(e)s, %(k)s, %(f)s, %(o)s, %(n)s)",
            {"e": entity, "k": key, "f": fieldname, "o": _text(old), "n": _text(new)},
        )

    @staticmethod
    def wrote(conn: Connection) -> bool:
        return conn.exec_driver_sql("SELECT pg_current_xact_id_if_assigned() IS NOT NULL").scalar()

    # -- versions --------------------------------------------------------------------------
    def where_version(self, entity: str, key: str) -> tuple[str, tuple]:
        """The extra condition of an update/delete: the row is still at the version read."""
        expected = self.versions.get((entity, key)) if entity in VERSIONED else None
        return ("", ()) if expected is None else (" AND version = ?", (expected,))

    def refused(
        self, conn: Connection, entity: str, key: str, keyvals: dict, mine: dict
    ) -> DomainError:
        """Why an update/delete of a row that exists changed nothing: a newer version
        (conflict, with both values) or the row-level security (not this user's row)."""
        spec = SPECS[entity]
        where = " AND ".join(f'"{c}" = ?' for c in spec.key_columns)
        cols = [c for c in mine if c in spec.columns]
        select = ", ".join(["version", *(f'"{c}"' for c in cols)])
        row = conn.exec_driver_sql(
            f"SELECT {select} FROM {spec.table} WHERE {where}",
            tuple(keyvals[c] for c in spec.key_columns),
        ).first()
        if row is None or row[0] == self.versions.get((entity, key)):
            return DomainError(
                "server_row_refused",
                entity=entity,
                key=key,
                login=self.login,
                ministry=self.ministry or "",
            )
        by = conn.exec_driver_sql(
            'SELECT "user" FROM change_log WHERE entity = ? AND key = ? ORDER BY id DESC LIMIT 1',
            (entity, key),
        ).scalar()
        theirs = dict(zip(cols, row[1:], strict=True))
        fields = [
            (c, _text(mine[c]), _text(theirs[c]))
            for c in cols
            if _text(mine[c]) != _text(theirs[c])
        ]
        return DomainError(
            "stale_write",
            entity=entity,
            key=key,
            by=by or "?",
            fields=fields,
            version=row[0],
            values=dict(mine),
        )

    # -- rights ----------------------------------------------------------------------------
    def guard(self, conn: Connection, entity: str, key: str, values: dict, old: dict | None):
        if self.role != "ressort":
            return
        from sa2030_desktop.domain.preconditions import check_package_write, reviews

        def lead_of(goal: object) -> str | None:
            return conn.exec_driver_sql("SELECT lead FROM goal WHERE key = ?", (goal,)).scalar()

        who = {"key": key, "login": self.login, "ministry": self.ministry or ""}
        if entity == "report":  # a ministry answers the reports of the goals it leads …
            if lead_of(key.split(REPORT_SEPARATOR, 1)[0]) != self.ministry:
                raise DomainError("server_row_refused", entity=entity, **who)
            if reviews(values, old):  # … but never reviews them (the trigger checks the same)
                raise DomainError("server_review_refused", **who)
            return
        try:
            check_package_write(self.ministry or "", lead_of, entity, key, values, old)
        except DomainError as exc:
            # a round or master data is the Koordinierungsstelle's alone, not „the lead's“
            code = "server_row_refused" if entity in GOAL_BOUND else "server_stabsstelle_only"
            raise DomainError(code, entity=entity, **who) from exc

    # -- cycles ----------------------------------------------------------------------------
    @staticmethod
    def lock_dependencies(conn: Connection) -> None:
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({DEPENDENCY_LOCK})")

    @staticmethod
    def check_acyclic(conn: Connection) -> None:
        """Under the dependency lock: the stored graph (with this transaction's rows) has no
        cycle, else the transaction is refused naming it."""
        import networkx as nx

        from sa2030_desktop.domain.graph import find_cycle_path

        graph = nx.DiGraph()
        graph.add_edges_from(
            conn.exec_driver_sql("SELECT prerequisite, dependent FROM dependency").fetchall()
        )
        path = find_cycle_path(graph)
        if path:
            raise CycleError(path)


# the rows a ressort user may change: those of a goal its ministry leads
GOAL_BOUND = frozenset(("goal", "milestone", "indicator", "dependency", "report"))

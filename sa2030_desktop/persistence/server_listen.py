"""Announcements of the team server: every committed change arrives as a NOTIFY on the channel
`sa2030` (entity, key, version, login, action), sent by the triggers of migration 0006."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from sa2030_desktop.persistence import server_connect
from sa2030_desktop.persistence.server_schema import CHANNEL


@dataclass(frozen=True, slots=True)
class Notice:
    entity: str
    key: str
    version: int
    op: str
    user: str
    action: int
    pid: int  # the server process of the writer
    received: float  # time.time() when it arrived
    ministry: str | None = None  # the writer's ministry (a ressort login)


class ChangeListener:
    """A connection of its own that LISTENs; `wait` returns the notices that arrived."""

    def __init__(self, conninfo: str) -> None:
        self.conn = server_connect.connect(conninfo, autocommit=True)
        self.conn.execute(f"LISTEN {CHANNEL}")

    def wait(self, timeout: float = 1.0, stop_after: int | None = None) -> list[Notice]:
        """Notices within `timeout` seconds (fewer when `stop_after` of them came sooner).
        Raises FileRefusedError("server_lost") when the connection is gone."""
        import psycopg

        out = []
        try:
            for n in self.conn.notifies(timeout=timeout, stop_after=stop_after):
                data = json.loads(n.payload)
                out.append(Notice(data["entity"], data["key"], int(data["version"]),
                                  data["op"], data["user"], int(data["action"]),
                                  int(data["pid"]), time.time(), data.get("ministry")))  # fmt: skip
        except psycopg.OperationalError as exc:
            from sa2030_desktop.domain.errors import FileRefusedError

            raise FileRefusedError("server_lost", "") from exc
        return out

    def fileno(self) -> int:
        """The socket to watch: readable when a notice (or the end of the connection) came."""
        return self.conn.fileno()

    def close(self) -> None:
        self.conn.close()


def touched(notices: list[Notice]) -> dict[str, set[str]]:
    """{entity: keys} of the notices (to refresh just those rows)."""
    out: dict[str, set[str]] = {}
    for n in notices:
        out.setdefault(n.entity, set()).add(n.key)
    return out

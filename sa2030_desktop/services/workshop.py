"""Workshop sessions: where a presentation began in the change log, and the decisions since.

The window marks a session when a presentation starts (`start_session`) and closes it when the
presentation ends; the Workshop-Protokoll reads the change-log rows after the mark
(`session_changes`) and reports their net effect (domain/workshop.py `net_decisions`). The CLI
gives the start as a date and time instead (`changes_since`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sa2030_desktop.domain.model import Change
from sa2030_desktop.domain.workshop import Decision, net_decisions
from sa2030_desktop.persistence.store import Store

MAX_SESSION_ROWS = 100_000  # far above any workshop; the change log is read newest first


@dataclass(slots=True)
class WorkshopSession:
    """A presentation session: the last change-log row before it and the last one in it
    (None while it runs), when it started and ended."""

    position: int
    started: datetime
    ended: datetime | None = None
    end_position: int | None = None

    @property
    def running(self) -> bool:
        return self.ended is None


def now() -> datetime:
    return datetime.now(UTC)


def change_position(store: Store) -> int:
    """The id of the newest change-log row (0 for an empty log)."""
    newest = store.changes(limit=1)
    return newest[0].id if newest else 0


def start_session(store: Store) -> WorkshopSession:
    """Mark the start of a session: every change after this point belongs to it."""
    return WorkshopSession(change_position(store), now())


def end_session(store: Store, session: WorkshopSession) -> WorkshopSession:
    """Close the session: later changes are no longer its decisions."""
    if session.ended is None:
        session.end_position = change_position(store)
        session.ended = now()
    return session


def session_changes(store: Store, session: WorkshopSession) -> list[Change]:
    """The change-log rows written during the session (also by other windows or team members
    in the same file: a decision counts wherever it was typed); none after its end."""
    rows = store.changes(after=session.position, limit=MAX_SESSION_ROWS)
    end = session.end_position
    return rows if end is None else [c for c in rows if c.id <= end]


def changes_since(store: Store, since: datetime, until: datetime | None = None) -> list[Change]:
    """The change-log rows from `since` to `until` (None: now); a naive time is local time."""
    rows = store.changes(since=utc_text(since), limit=MAX_SESSION_ROWS)
    return rows if until is None else within(rows, until)


def within(rows: list[Change], until: datetime) -> list[Change]:
    """The rows written up to `until` (to the second)."""
    last = utc_text(until)
    return [c for c in rows if c.timestamp[:19] <= last[:19]]


def utc_text(moment: datetime) -> str:
    """The change log's timestamp form (ISO, UTC, seconds) of a moment, for comparison."""
    aware = moment if moment.tzinfo else moment.astimezone()
    return aware.astimezone(UTC).isoformat(timespec="seconds")


def decisions(changes: list[Change]) -> list[Decision]:
    """The session's net decisions (set-up rows of a new file left out)."""
    from sa2030_desktop.export.briefing.changes import visible_changes  # not at window start

    return net_decisions(visible_changes(changes))


def summary_lines(found: list[Decision]) -> list[str]:
    """What the Protokoll will list, one German line per group – shown before it is written."""
    from sa2030_desktop.domain.entities import parse_dependency_key
    from sa2030_desktop.domain.workshop import GROUPS

    if not found:
        return ["Keine Entscheidungen: in der Sitzung wurde nichts geändert (oder alles "
                "rückgängig gemacht)."]  # fmt: skip
    lines = []
    for group, title in GROUPS.items():
        keys = []
        for d in found:
            if d.group == group:
                pair = parse_dependency_key(d.key) if d.entity == "dependency" else None
                keys.append(f"{pair[0]} benötigt {pair[1]}" if pair else d.key)
        if keys:
            shown = ", ".join(keys[:6]) + (" …" if len(keys) > 6 else "")
            lines.append(f"{title}: {len(keys)} ({shown})")
    return lines

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
    """A presentation session: the last change-log row before it, when it started and ended."""

    position: int
    started: datetime
    ended: datetime | None = None

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


def end_session(session: WorkshopSession) -> WorkshopSession:
    if session.ended is None:
        session.ended = now()
    return session


def session_changes(store: Store, session: WorkshopSession) -> list[Change]:
    """The change-log rows written since the session started (also by other windows or team
    members in the same file: a decision counts wherever it was typed)."""
    return store.changes(after=session.position, limit=MAX_SESSION_ROWS)


def changes_since(store: Store, since: datetime) -> list[Change]:
    """The change-log rows at or after `since` (a naive time is local time)."""
    return store.changes(since=utc_text(since), limit=MAX_SESSION_ROWS)


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

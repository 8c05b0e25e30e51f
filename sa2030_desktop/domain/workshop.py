"""The decisions of a workshop session: the net effect of the change-log rows written during it.

One rule, one place: an edit undone within the session is no decision. The change log records
the undo as one more row (the inverse operation), so the net effect of a field is its first old
value against its last new value – equal means nothing was decided – and a record created and
removed again (or removed and re-created) within the session is no decision either. The
Workshop-Protokoll, its dialog and the CLI all read the decisions from `net_decisions`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from sa2030_desktop.domain.entities import parse_dependency_key
from sa2030_desktop.domain.model import Change

# The groups of the Protokoll, in its order, with their German headings.
GROUPS = {
    "link_added": "Abhängigkeiten hinzugefügt",
    "link_removed": "Abhängigkeiten entfernt",
    "link_changed": "Abhängigkeiten geändert",
    "date": "Termine geändert",
    "status": "Status geändert",
    "comment": "Kommentare",
    "other": "Weitere Änderungen",
}
DATE_FIELDS = ("baseline", "forecast", "actual")
COMMENT_FIELDS = ("note", "rationale", "status_reason", "description")
CREATED = "angelegt"
DELETED = "gelöscht"
UNDO_PREFIXES = ("Rückgängig: ", "Wiederholen: ")
# Comments the operations write themselves (services/operations default_comment): not a word
# of the participants, so the Protokoll does not repeat them.
_GENERATED = re.compile(
    r"^(?:(?:Abhängigkeit|Ziel|Meilenstein|Indikator|Stammdaten) .*"
    r"(?:angelegt|entfernt|gelöscht|umbenannt in \S+|wiederhergestellt|gespeichert)"
    r"|Messwerte \S+)$"
)
_KIND = re.compile(r"(?:^|[(; ])kind=([a-z]+)")


@dataclass(frozen=True, slots=True)
class Decision:
    """One net decision: `old` is the value before the session, `new` the value after it (for a
    record added or removed, the record's logged text). `comment` is the participants' last
    comment on it (generated and undo comments left out)."""

    group: str
    entity: str
    key: str
    field: str
    old: str
    new: str
    comment: str
    timestamp: str
    user: str

    @property
    def goals(self) -> tuple[str, ...]:
        """The goals this decision touches (both of a dependency)."""
        pair = parse_dependency_key(self.key) if self.entity == "dependency" else None
        return pair if pair else (goal_of_key(self.key),)

    @property
    def days(self) -> int | None:
        """A date moved by so many days (later > 0); None when a side is empty."""
        if self.group != "date":
            return None
        try:
            return (date.fromisoformat(self.new[:10]) - date.fromisoformat(self.old[:10])).days
        except ValueError:
            return None


def goal_of_key(key: str) -> str:
    """The goal a change-log key belongs to: Z17, Z17-M2, Z17>Z10, Z17/Indikator."""
    for sep in (">", "/"):
        key = key.split(sep, 1)[0]
    head, _, tail = key.rpartition("-")
    return head if head and tail.upper().startswith("M") else key


def user_comment(comment: str) -> str:
    """The comment as the participants wrote it, or "" for generated and undo comments."""
    text = (comment or "").strip()
    if not text or text.startswith(UNDO_PREFIXES) or _GENERATED.match(text):
        return ""
    return text


def kind_of(record_text: str) -> str:
    """The dependency kind in a logged record text („angelegt (kind=hard)“, „…; kind=soft; …“)."""
    found = _KIND.search(record_text or "")
    return found.group(1) if found else ""


def net_decisions(changes: list[Change]) -> list[Decision]:
    """The decisions of a session from its change-log rows (any order): per record and field
    the first old value against the last new one; records created and removed again are left
    out, and so are the field rows of a record the session added or removed. Sorted by group,
    then in the order they were last touched."""
    rows = sorted(changes, key=lambda c: c.id)
    records: dict[tuple[str, str], list[Change]] = {}
    fields: dict[tuple[str, str, str], list[Change]] = {}
    for c in rows:
        if c.field == "*":
            records.setdefault((c.entity, c.key), []).append(c)
        else:
            fields.setdefault((c.entity, c.key, c.field), []).append(c)
    out: list[tuple[int, Decision]] = []
    settled: set[tuple[str, str]] = set()  # records added or removed: their fields go with them
    for (entity, key), seq in records.items():
        first, last = seq[0], seq[-1]
        existed_before = not first.new.startswith(CREATED)
        exists_after = last.new != DELETED
        if existed_before != exists_after:
            settled.add((entity, key))
        if not existed_before and exists_after:
            group = "link_added" if entity == "dependency" else "other"
            out.append((last.id, _decision(group, seq, "*", "", last.new)))
        elif existed_before and not exists_after:
            group = "link_removed" if entity == "dependency" else "other"
            out.append((last.id, _decision(group, seq, "*", first.old, DELETED)))
        elif existed_before and entity == "dependency" and first.new == DELETED:
            # removed and added again: a decision only when the kind changed
            before, after = kind_of(first.old), kind_of(last.new)
            if before and after and before != after:
                out.append((last.id, _decision("link_changed", seq, "kind", before, after)))
    for (entity, key, name), seq in fields.items():
        if (entity, key) in settled:
            continue
        old, new = seq[0].old, seq[-1].new
        if old == new:
            continue
        out.append((seq[-1].id, _decision(_group_of(entity, name), seq, name, old, new)))
    order = list(GROUPS)
    out.sort(key=lambda item: (order.index(item[1].group), item[0]))
    return _merge_status_reasons([d for _, d in out])


def _group_of(entity: str, name: str) -> str:
    if entity == "milestone" and name in DATE_FIELDS:
        return "date"
    if entity == "goal" and name == "status":
        return "status"
    if entity == "dependency" and name == "kind":
        return "link_changed"
    if name in COMMENT_FIELDS:
        return "comment"
    return "other"


def _decision(group: str, seq: list[Change], name: str, old: str, new: str) -> Decision:
    comments = [user_comment(c.comment) for c in seq]
    last = seq[-1]
    return Decision(group, last.entity, last.key, name, old, new,
                    next((c for c in reversed(comments) if c), ""), last.timestamp, last.user)  # fmt: skip


def _merge_status_reasons(decisions: list[Decision]) -> list[Decision]:
    """A new status reason belongs to its status change: it becomes that decision's comment
    instead of a comment of its own."""
    changed = {d.key for d in decisions if d.group == "status"}
    reasons = {d.key: d.new for d in decisions
               if d.entity == "goal" and d.field == "status_reason" and d.key in changed}  # fmt: skip
    out = []
    for d in decisions:
        if d.field == "status_reason" and d.key in reasons:
            continue
        if d.group == "status" and reasons.get(d.key):
            d = replace(d, comment=reasons[d.key])
        out.append(d)
    return out


def touched_goals(decisions: list[Decision]) -> list[str]:
    """The goals the decisions touch, each once, in the decisions' order."""
    seen: dict[str, None] = {}
    for d in decisions:
        for key in d.goals:
            seen.setdefault(key, None)
    return list(seen)

"""„Änderungen seit …“: the change log in German – labels, DIN dates, Ampel labels, ja/nein.

The core writes one row per changed field (old → new) and one row per created record whose new
value lists the record's values („angelegt (title=…; lead=…)“). Rows written while a portfolio
file was set up (new file, reference data, demo data) are technical and left out.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from sa2030_desktop.domain.dates import de_long, de_short
from sa2030_desktop.domain.entities import parse_dependency_key
from sa2030_desktop.domain.grammar import count_de
from sa2030_desktop.domain.model import Change, DependencyKind, Status
from sa2030_desktop.export.briefing.tables import Column, add_table
from sa2030_desktop.messages import ENTITY, FIELD

if TYPE_CHECKING:
    from sa2030_desktop.export.briefing.document import Briefing

MAX_CHANGE_ROWS = 200
# Comments of the transactions that set up a portfolio file (services/portfolio.py).
SETUP_COMMENTS = frozenset({"Neues Portfolio angelegt", "Stammdaten angelegt",
                            "Demoportfolio angelegt"})  # fmt: skip
BOOLEAN_FIELDS = frozenset({"demo"})
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NAME = re.compile(r"(?:^|; )(?:title|name)=(.*?)(?=; [a-z_]+=|$)")
# entity → (singular, plural) for the summary line
_NOUNS = {"goal": ("Ziel", "Ziele"), "milestone": ("Meilenstein", "Meilensteine"),
          "dependency": ("Abhängigkeit", "Abhängigkeiten"),
          "indicator": ("Indikator", "Indikatoren"), "ministry": ("Ressort", "Ressorts"),
          "theme": ("Themenfeld", "Themenfelder"),
          "category": ("Zielkategorie", "Zielkategorien")}  # fmt: skip
COLUMNS = [
    Column("Datum", 1.0, "right", nowrap=True), Column("Benutzer", 0.9),
    Column("Objekt", 1.2, keys=True, words=True), Column("Feld", 1.1, words=True),
    Column("alt", 2.0),
    Column("neu", 2.0),
]  # fmt: skip


def visible_changes(changes: list[Change]) -> list[Change]:
    """The rows a reader wants: no set-up rows, no per-field rows of a record created at the same
    moment (older files logged every field of a new record as well)."""
    rows = [c for c in changes if c.comment not in SETUP_COMMENTS]
    born = {(c.entity, c.key, c.timestamp, c.comment) for c in rows if is_creation(c)}
    return [c for c in rows if is_creation(c) or c.field == "*"
            or (c.entity, c.key, c.timestamp, c.comment) not in born]  # fmt: skip


def is_creation(c: Change) -> bool:
    return c.field == "*" and (c.new or "").startswith("angelegt")


def changes_table(bd: Briefing) -> None:
    """Changes since a date, newest first: what was created, changed and deleted."""
    since = bd.ctx.options.changes_since
    rows = visible_changes(bd.ctx.changes)
    if not rows:
        bd.paragraph(f"Seit dem {de_long(since)} wurden keine Änderungen an den ausgewählten "
                     "Zielen erfasst.")  # fmt: skip
        return
    created: dict[str, int] = {}
    for c in rows:
        if is_creation(c):
            created[c.entity] = created.get(c.entity, 0) + 1
    text = f"Seit dem {de_long(since)} {'wurde' if len(rows) == 1 else 'wurden'} " \
           f"{count_de(len(rows), 'Änderung', 'Änderungen')} erfasst"  # fmt: skip
    if created:
        parts = [count_de(n, *_NOUNS.get(e, (ENTITY.get(e, e), ENTITY.get(e, e))))
                 for e, n in sorted(created.items(), key=lambda item: -item[1])]  # fmt: skip
        text += f", davon neu angelegt: {', '.join(parts)}"
    shown = rows[:MAX_CHANGE_ROWS]
    if len(rows) > len(shown):
        text += f"; die neuesten {len(shown)} sind aufgeführt"
    bd.paragraph(text + " (neueste zuerst):")
    add_table(bd, COLUMNS, [change_row(c) for c in shown], font_size=8)


def change_row(c: Change) -> list[str]:
    """Datum, Benutzer, Objekt, Feld, alt, neu – in German."""
    obj = object_label(c.entity, c.key)
    if c.field == "*" and c.new == "gelöscht":  # old: „title=…; lead=…“ of the record
        name = _NAME.search(c.old or "")
        old = f"„{name.group(1).strip()}“" if name else "–"
        return [_day(c.timestamp), c.user, obj, "–", old, "gelöscht"]
    if c.field == "*":
        return [_day(c.timestamp), c.user, obj, "–", "–", _record_text(c)]
    return [_day(c.timestamp), c.user, obj, FIELD.get(c.field, c.field),
            value_text(c.field, c.old), value_text(c.field, c.new)]  # fmt: skip


def object_label(entity: str, key: str) -> str:
    """„Ziel Z17“, „Meilenstein Z17-M2“, „Abhängigkeit Z17 benötigt Z10“, „Portfolio“."""
    label = ENTITY.get(entity, entity)
    if entity == "portfolio":
        return label
    pair = parse_dependency_key(key) if entity == "dependency" else None
    if pair:
        key = f"{pair[0]} benötigt {pair[1]}"
    return f"{label} {key}".strip()


def value_text(fieldname: str, value: str | None) -> str:
    """One logged value for the reader: status and kind labels, DIN dates, ja/nein."""
    if value is None or value == "":
        return "–"
    if fieldname == "status":
        try:
            return Status(value).label
        except ValueError:
            return value
    if fieldname == "kind":
        try:
            return DependencyKind(value).label
        except ValueError:
            return value
    if fieldname in BOOLEAN_FIELDS or value in ("True", "False"):
        return "ja" if value in ("1", "True", "true") else "nein"
    if fieldname in ("partners", "tags"):
        return ", ".join(part.strip() for part in value.split(",") if part.strip()) or "–"
    return _ISO.sub(lambda m: f"{m.group(3)}.{m.group(2)}.{m.group(1)}", value)


def _record_text(c: Change) -> str:
    new = c.new or ""
    if not new.startswith("angelegt"):
        return new or "–"  # „gelöscht“ and the like
    inner = new[len("angelegt") :].strip()
    if inner.startswith("(") and inner.endswith(")"):
        inner = inner[1:-1]
    if c.entity == "dependency":
        kind = re.search(r"(?:^|; )kind=([a-z]+)", inner)
        return f"angelegt ({value_text('kind', kind.group(1))})" if kind else "angelegt"
    name = _NAME.search(inner)
    return f"angelegt: „{name.group(1).strip()}“" if name else "angelegt"


def _day(timestamp: str) -> str:
    try:
        return de_short(date.fromisoformat(timestamp[:10]))
    except ValueError:
        return timestamp[:10]

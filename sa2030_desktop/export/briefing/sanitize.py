"""Text that Word cannot store is cleaned once, before any document is built, and reported.

WordprocessingML is XML 1.0: C0 control characters (except tab and newline), lone surrogates and
the non-characters U+FFFE/U+FFFF cannot appear in it, and python-docx refuses them. Very long
texts are stored fine but would turn a table cell into pages, so titles are shortened too.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from sa2030_desktop.domain.entities import indicator_key
from sa2030_desktop.domain.model import Change, Portfolio, PortfolioInfo

# Every character XML 1.0 forbids (tab \t and newline \n stay; \r is folded into \n first).
_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"
MAX_TITLE = 400  # characters of a title shown in a table or heading
MAX_TEXT = 4000  # characters of a description, reason, note or rationale
FIELD_LABELS = {"title": "Titel", "description": "Beschreibung", "status_reason": "Statusbegründung",
                "note": "Bemerkung", "rationale": "Begründung", "name": "Name", "unit": "Einheit"}  # fmt: skip


@dataclass(slots=True, frozen=True)
class SanitizedText:
    """One changed text: where it is (entity, key, field) and what was done."""

    entity: str
    key: str
    field: str
    removed: int  # characters removed or replaced
    shortened_from: int = 0  # original length when the text was shortened, else 0

    def describe(self) -> str:
        """What was repaired for Word (shortening for the layout is no repair: see
        `SanitizeReport.shortened`)."""
        n = self.removed
        what = "nicht speicherbares Zeichen" if n == 1 else "nicht speicherbare Zeichen"
        where = f"{self.entity} {self.key}".strip()
        return f"{where}, {FIELD_LABELS.get(self.field, self.field)}: {n} {what} ersetzt"


@dataclass(slots=True)
class SanitizeReport:
    changes: list[SanitizedText] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def lines(self) -> list[str]:
        """One line per text with characters Word cannot store (removed or replaced)."""
        return [c.describe() for c in self.changes if c.removed]

    @property
    def shortened(self) -> int:
        """How many long texts were shortened to keep tables and headings readable."""
        return sum(1 for c in self.changes if c.shortened_from)


def shortened_line(n: int) -> str:
    """„12 lange Texte wurden für das Layout gekürzt“, or "" when none was."""
    if not n:
        return ""
    if n == 1:
        return "1 langer Text wurde für das Layout gekürzt"
    return f"{n} lange Texte wurden für das Layout gekürzt"


def clean_text(text: str | None, limit: int = 0) -> tuple[str, int, int]:
    """(clean text, characters removed/replaced, original length if shortened else 0)."""
    if not text:
        return text or "", 0, 0
    value = text.replace("\r\n", "\n").replace("\r", "\n")
    removed = 0
    if _BAD.search(value):

        def repl(match: re.Match) -> str:
            ch = match.group()
            # A lone surrogate stands for a lost character: keep a visible mark of it.
            return REPLACEMENT if "\ud800" <= ch <= "\udfff" else ""

        removed = len(_BAD.findall(value))
        value = _BAD.sub(repl, value)
    if limit and limit <= MAX_TITLE:  # titles and names are one line (also in figures)
        value = " ".join(value.split())
    shortened = 0
    if limit and len(value) > limit:
        shortened = len(text)
        value = value[: limit - 1].rstrip() + "…"
    return value, removed, shortened


class Sanitizer:
    """Cleans texts and remembers what it changed (one instance per export)."""

    def __init__(self) -> None:
        self.report = SanitizeReport()

    def text(self, value: str | None, entity: str, key: str, fieldname: str, limit: int = 0) -> str:
        clean, removed, shortened = clean_text(value, limit)
        if removed or shortened:
            self.report.changes.append(SanitizedText(entity, key, fieldname, removed, shortened))
        return clean

    def _obj(self, obj, entity: str, key: str, limits: dict[str, int]):
        updates = {}
        for name, limit in limits.items():
            value = getattr(obj, name)
            if isinstance(value, str):
                clean = self.text(value, entity, key, name, limit)
                if clean is not value:
                    updates[name] = clean
        return dataclasses.replace(obj, **updates) if updates else obj

    def portfolio(self, p: Portfolio) -> Portfolio:
        """A copy of the snapshot with every text Word-safe (the snapshot itself is untouched)."""
        s = self.text
        info = dataclasses.replace(
            p.info,
            title=s(p.info.title, "Portfolio", "", "Titel", MAX_TITLE),
            issuing_office=s(p.info.issuing_office, "Portfolio", "", "Herausgebende Stelle", MAX_TITLE),
        ) if isinstance(p.info, PortfolioInfo) else p.info  # fmt: skip
        t_lim = {"title": MAX_TITLE, "description": MAX_TEXT, "status_reason": MAX_TEXT}
        return Portfolio(
            info=info,
            categories={
                k: self._obj(c, "Zielkategorie", k, {"name": MAX_TITLE})
                for k, c in p.categories.items()
            },
            themes={
                k: self._obj(t, "Themenfeld", k, {"name": MAX_TITLE}) for k, t in p.themes.items()
            },
            ministries={
                k: self._obj(m, "Ressort", k, {"name": MAX_TITLE}) for k, m in p.ministries.items()
            },
            goals={k: self._obj(g, "Ziel", k, t_lim) for k, g in p.goals.items()},
            milestones={
                k: self._obj(m, "Meilenstein", k, {"title": MAX_TITLE, "note": MAX_TEXT})
                for k, m in p.milestones.items()
            },
            dependencies=[
                self._obj(
                    d, "Abhängigkeit", f"{d.dependent}→{d.prerequisite}", {"rationale": MAX_TEXT}
                )
                for d in p.dependencies
            ],  # fmt: skip
            indicators=[
                self._obj(
                    i, "Indikator", indicator_key(i.goal, i.name), {"name": MAX_TITLE, "unit": 40}
                )
                for i in p.indicators
            ],
        )

    def changes(self, rows: list[Change]) -> list[Change]:
        out = []
        for c in rows:
            # Named by the object changed (goal key), the log entry's number in brackets.
            where = f"{_clean_key(c.key)} (Nr. {c.id})"
            entity = "Änderungsprotokoll"
            out.append(
                dataclasses.replace(
                    c,
                    user=self.text(c.user, entity, where, "Benutzer", 200),
                    key=self.text(c.key, entity, where, "Schlüssel", 200),
                    old=self.text(c.old, entity, where, "alter Wert", 300),
                    new=self.text(c.new, entity, where, "neuer Wert", 300),
                    comment=self.text(c.comment, entity, where, "Kommentar", 300),
                )
            )
        return out


def _clean_key(key: str) -> str:
    return clean_text(key, 60)[0]

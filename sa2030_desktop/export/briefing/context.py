"""What a briefing is built from: the options chosen and the data, sanitised once, at an as-of date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import networkx as nx

from sa2030_desktop.domain import graph as g
from sa2030_desktop.domain.analysis import Analysis, analyse
from sa2030_desktop.domain.briefing_kinds import KIND_TITLES as KIND_TITLES
from sa2030_desktop.domain.briefing_kinds import KINDS as KINDS
from sa2030_desktop.domain.briefing_kinds import SESSION_KINDS
from sa2030_desktop.domain.conflicts import Conflict, conflicts
from sa2030_desktop.domain.dates import de_long
from sa2030_desktop.domain.model import Change, Portfolio
from sa2030_desktop.domain.reporting_compare import Comparison
from sa2030_desktop.domain.reporting_freeze import Frozen, FrozenReport
from sa2030_desktop.domain.selection import Selection, natural_key, restrict
from sa2030_desktop.domain.workshop import goal_of_key, net_decisions, touched_goals
from sa2030_desktop.export.briefing.changes import visible_changes
from sa2030_desktop.export.briefing.sanitize import MAX_TEXT, MAX_TITLE, Sanitizer, SanitizeReport

CLASSIFICATION = "VS – NUR FÜR DEN DIENSTGEBRAUCH"
CLASSIFICATION_SHORT = "VS-NfD"
DEMO_NOTE = "Demodaten – illustrativ"


@dataclass(slots=True)
class RoundSource:
    """A closed round for the Umsetzungsbericht: its frozen state, the previous closed round
    (None: there is none) and the core's comparison of the two (services/umsetzungsbericht.py)."""

    frozen: Frozen
    previous: Frozen | None = None
    comparison: Comparison | None = None


@dataclass(slots=True)
class BriefingOptions:
    """The choices of one export (CLI flags, dialog fields)."""

    classified: bool = False
    reference: str = ""  # Geschäftszeichen
    occasion: str = ""  # Anlass (Sprechzettel)
    meeting_date: date | None = None  # Termin (Sprechzettel)
    author: str = ""  # Bearbeitung
    template: Path | None = None  # house template (.docx/.dotx); None: the bundled one
    changes_since: date | None = None
    changes: list[Change] = field(default_factory=list)  # change log rows since changes_since
    issued: date | None = None  # date of issue on the first page; None: today
    figures: bool = True
    place: str = "Magdeburg"  # „Magdeburg, 2. April 2026“ on the first page
    round: RoundSource | None = None  # Umsetzungsbericht: the closed round it reports on
    public: bool = False  # public variant: no internal remarks, review comments or persons
    session_since: datetime | None = None  # Workshop-Protokoll: the session's start (aware)
    session_until: datetime | None = None  # … and its end (None: still running / now)
    participants: str = ""  # Teilnehmende (Workshop-Protokoll), one per line or comma-separated


@dataclass(slots=True)
class BriefingContext:
    """Sanitised data and everything computed from it, shared by every part of one briefing."""

    kind: str
    portfolio: Portfolio  # the whole (sanitised) portfolio: dependencies reach beyond the selection
    selected: Portfolio  # only the selected goals
    keys: list[str]
    selection: Selection
    as_of: date
    options: BriefingOptions
    analysis: Analysis  # of the selected goals
    graph: nx.DiGraph  # of the whole portfolio
    conflicts: list[Conflict]  # touching a selected goal
    changes: list[Change]
    report: SanitizeReport
    reports: dict[str, FrozenReport]  # of a round (sanitised), selected goals only; else empty
    scope: str
    issued: date

    @property
    def demo(self) -> bool:
        return bool(self.portfolio.info.demo)

    @property
    def title(self) -> str:
        """Unclassified document title (core properties, heading)."""
        return f"{KIND_TITLES[self.kind]} – {self.scope}"

    def ministry_name(self, code: str) -> str:
        m = self.portfolio.ministries.get(code)
        return m.name if m else code

    def theme_name(self, code: str) -> str:
        t = self.portfolio.themes.get(code)
        return t.name if t else code

    def category_name(self, code: str) -> str:
        c = self.portfolio.categories.get(code)
        return c.name if c else code


def build_context(
    kind: str,
    portfolio: Portfolio,
    selection: Selection,
    as_of: date,
    options: BriefingOptions,
) -> BriefingContext:
    """Sanitise once, select, analyse. Raises nothing: the service has checked the input."""
    sanitizer = Sanitizer()
    clean = sanitizer.portfolio(portfolio)
    keys = selection.apply(clean, as_of)
    if options.round is not None:  # a round with a ministry scope reports on its goals only
        keys = [k for k in keys if k in options.round.frozen.reports]
    chosen = set(keys)
    if kind in SESSION_KINDS:  # a session's decisions choose the goals, whatever the selection
        changes = sanitizer.changes(visible_changes(options.changes))
        keys = [k for k in touched_goals(net_decisions(changes)) if k in clean.goals]
        chosen = set(keys)
    else:  # only the rows the briefing shows are cleaned (and reported)
        own_changes = [c for c in visible_changes(options.changes)
                       if goal_of_key(c.key) in chosen or c.entity == "portfolio"]  # fmt: skip
        changes = sanitizer.changes(own_changes)
    opts = BriefingOptions(
        classified=options.classified,
        reference=sanitizer.text(options.reference, "Eingabe", "", "Geschäftszeichen", 200),
        occasion=sanitizer.text(options.occasion, "Eingabe", "", "Anlass", MAX_TITLE),
        meeting_date=options.meeting_date,
        # The public variant names no persons (REPORTING.md), also not in the file's metadata.
        author=""
        if options.public
        else sanitizer.text(options.author, "Eingabe", "", "Bearbeitung", 200),  # fmt: skip
        template=options.template,
        changes_since=options.changes_since,
        changes=changes,
        issued=options.issued,
        figures=options.figures,
        place=sanitizer.text(options.place, "Eingabe", "", "Ort", 80),
        round=options.round,
        public=options.public,
        session_since=options.session_since,
        session_until=options.session_until,
        participants=sanitizer.text(options.participants, "Eingabe", "", "Teilnehmende", 2000),
    )
    selected = restrict(clean, chosen)
    graph = g.build_graph(clean)
    found = [c for c in conflicts(clean) if c.dependent in chosen or c.prerequisite in chosen]
    return BriefingContext(
        kind=kind,
        portfolio=clean,
        selected=selected,
        keys=keys,
        selection=selection,
        as_of=as_of,
        options=opts,
        analysis=analyse(selected, as_of),
        graph=graph,
        conflicts=sorted(found, key=lambda c: (-c.days, natural_key(c.dependent))),
        changes=changes,
        report=sanitizer.report,
        reports=_clean_reports(sanitizer, options, keys),
        scope=session_scope(options) if kind in SESSION_KINDS else describe_scope(clean, selection),
        issued=options.issued or date.today(),
    )


def _clean_reports(sanitizer: Sanitizer, options: BriefingOptions,
                   keys: list[str]) -> dict[str, FrozenReport]:  # fmt: skip
    """The selected goals' reports with texts Word can store; the public variant drops the
    internal remark, the reviewer's comment and who submitted (REPORTING.md)."""
    if options.round is None:
        return {}
    out = {}
    internal = not options.public
    for key in keys:
        r = options.round.frozen.reports[key]

        def text(value: str, name: str, key: str = key) -> str:
            return sanitizer.text(value, "Meldung", key, name, MAX_TEXT)

        out[key] = FrozenReport(
            r.goal, r.ministry, r.state, text(r.progress, "Sachstand"),
            text(r.remark, "interne Anmerkung") if internal else "",
            text(r.review_comment, "Prüfkommentar") if internal else "",
            text(r.submitted_by, "gemeldet von") if internal else "",
            r.submitted_at if internal else "",
        )  # fmt: skip
    return out


def session_scope(options: BriefingOptions) -> str:
    """„Sitzung am 3. Dezember 2026“ (local date of the session's start)."""
    since = options.session_since
    return f"Sitzung am {de_long(since.astimezone().date())}" if since else "Sitzung"


def describe_scope(portfolio: Portfolio, selection: Selection) -> str:
    """„Ressort MID (federführend)“, „Themenfeld TF09 Open Data“ … – the unclassified scope."""
    parts = []
    if selection.goal:
        parts.append(f"Ziel {selection.goal}")
    if selection.ministry:
        how = "federführend oder beteiligt" if selection.involved else "federführend"
        parts.append(f"Ressort {selection.ministry} ({how})")
    if selection.theme:
        theme = portfolio.themes.get(selection.theme)
        parts.append(f"Themenfeld {theme.name if theme else selection.theme}")
    if selection.category:
        cat = portfolio.categories.get(selection.category)
        parts.append(f"Zielkategorie {cat.name if cat else selection.category}")
    if selection.status:
        parts.append(f"Status {selection.status.label}")
    if selection.only_slipped:
        parts.append("nur Ziele mit Verzug")
    return ", ".join(parts) if parts else "Gesamtportfolio"

"""Workshop-Protokoll: a Vermerk of the decisions taken in a presentation session – dependencies
added and removed, dates moved, status changed, comments – as their net effect (an edit undone
within the session is no decision: domain/workshop.py)."""

from __future__ import annotations

from datetime import datetime

from docx.shared import Pt

from sa2030_desktop.domain.dates import de_long
from sa2030_desktop.domain.entities import parse_dependency_key
from sa2030_desktop.domain.grammar import count_de, goals_de
from sa2030_desktop.domain.ministries import lead_at
from sa2030_desktop.domain.model import DependencyKind, Status
from sa2030_desktop.domain.workshop import GROUPS, Decision, kind_of, net_decisions
from sa2030_desktop.export.briefing.changes import object_label, value_text
from sa2030_desktop.export.briefing.context import DEMO_NOTE, BriefingContext
from sa2030_desktop.export.briefing.document import Briefing
from sa2030_desktop.export.briefing.tables import Column, add_table, key_value_table
from sa2030_desktop.messages import FIELD

LINK_COLUMNS = [
    Column("Ziel", 2.4), Column("benötigt das Ziel", 2.4),
    Column("Art", 0.6, nowrap=True), Column("Kommentar", 1.8),
]  # fmt: skip
DATE_COLUMNS = [
    Column("Meilenstein", 2.3, keys=True), Column("Termin", 0.9, words=True),
    Column("bisher", 0.95, "right", nowrap=True), Column("neu", 0.95, "right", nowrap=True),
    Column("Tage", 0.6, "right", nowrap=True), Column("Kommentar", 1.6),
]  # fmt: skip
STATUS_COLUMNS = [
    Column("Ziel", 2.4), Column("bisher", 1.0, status=True), Column("neu", 1.0, status=True),
    Column("Begründung", 2.2),
]  # fmt: skip
COMMENT_COLUMNS = [
    Column("Objekt", 1.6, keys=True, words=True), Column("Feld", 1.0, words=True),
    Column("Kommentar", 4.0),
]  # fmt: skip
OTHER_COLUMNS = [
    Column("Objekt", 1.5, keys=True, words=True), Column("Feld", 1.0, words=True),
    Column("bisher", 1.8), Column("neu", 1.8),
]  # fmt: skip
NOUNS = ("Entscheidung", "Entscheidungen")


def build(bd: Briefing, progress=None) -> None:
    ctx = bd.ctx
    decisions = net_decisions(ctx.changes)
    bd.title("Vermerk")
    key_value_table(bd, header_rows(bd))
    if ctx.demo:
        bd.paragraph(f"{DEMO_NOTE}: Alle Angaben sind fiktiv.", italic=True)
    par = bd.paragraph()
    par.add_run("Betreff: ").bold = True
    par.add_run(f"Workshop-Protokoll – Sitzung {session_phrase(ctx)}").bold = True

    bd.heading("1. Anlass", 1)
    bd.paragraph(opening(ctx, decisions))
    bd.heading("2. Entscheidungen", 1)
    if not decisions:
        bd.paragraph("In der Sitzung wurden keine Änderungen am Portfolio beschlossen.")
    number = 0
    for group, title in GROUPS.items():
        chosen = [d for d in decisions if d.group == group]
        if not chosen:
            continue
        number += 1
        bd.heading(f"2.{number} {title} ({len(chosen)})", 2)
        WRITERS[group](bd, chosen)
        if progress:
            progress(0.1 + 0.6 * number / len(GROUPS), title)
    if ctx.options.figures and ctx.keys:
        from sa2030_desktop.export.briefing.figures import graph_figures
        from sa2030_desktop.export.briefing.sections import add_figures

        bd.heading("3. Abbildung", 1)
        figures = [(fig, "Die in der Sitzung berührten Ziele und ihre Abhängigkeiten, Stand "
                    "nach der Sitzung") for fig, _caption in graph_figures(ctx)[:1]]  # fmt: skip
        add_figures(bd, figures, [0])
    # „Verteiler:“ as a label over its lines, all in one paragraph kept together: LibreOffice
    # left a „Verteiler“ heading alone at a page's foot although it was kept with the next
    par = bd.paragraph()
    par.paragraph_format.keep_together = True
    par.paragraph_format.space_before = Pt(12)
    par.add_run("Verteiler:").bold = True
    for line in distribution(ctx):
        par.add_run().add_break()
        par.add_run(line)


def header_rows(bd: Briefing) -> list[tuple[str, str]]:
    ctx = bd.ctx
    people = [p.strip() for p in ctx.options.participants.replace("\n", ",").split(",")]
    return [("Herausgebende Stelle", ctx.portfolio.info.issuing_office or "–"),
            ("Geschäftszeichen", bd.reference_text() or "–"),
            ("Datum", de_long(ctx.issued)),
            ("Sitzung", f"{ctx.options.place or '–'}, {session_phrase(ctx)}"),
            ("Teilnehmende", ", ".join(p for p in people if p) or "–"),
            ("Bearbeitung", ctx.options.author or "–"),
            ("Stichtag der Daten", de_long(ctx.as_of))]  # fmt: skip


def _local(moment: datetime | None) -> datetime | None:
    return moment.astimezone() if moment is not None else None


def session_phrase(ctx: BriefingContext) -> str:
    """„am 3. Dezember 2026, 09:12–11:40 Uhr“ (local time); without an end „ab 09:12 Uhr“."""
    start, end = _local(ctx.options.session_since), _local(ctx.options.session_until)
    if start is None:
        return ""
    text = f"am {de_long(start.date())}, "
    if end is not None and end.date() == start.date():
        return text + f"{start:%H:%M}–{end:%H:%M} Uhr"
    if end is not None:
        return text + f"{start:%H:%M} Uhr bis {de_long(end.date())}, {end:%H:%M} Uhr"
    return text + f"ab {start:%H:%M} Uhr"


def opening(ctx: BriefingContext, decisions: list[Decision]) -> str:
    counts = ", ".join(f"{GROUPS[g]}: {n}" for g in GROUPS
                       if (n := sum(1 for d in decisions if d.group == g)))  # fmt: skip
    text = (f"In der Sitzung wurden die Abhängigkeiten der Ziele präsentiert und gemeinsam "
            f"bearbeitet. Festgehalten sind {count_de(len(decisions), *NOUNS)}"
            f"{f' ({counts})' if counts else ''}, die {goals_de(len(ctx.keys))} berühren. ")  # fmt: skip
    return text + (
        "Aufgeführt ist die Wirkung jeder Entscheidung am Ende der Sitzung: in der "
        "Sitzung rückgängig gemachte Änderungen sind keine Entscheidungen und fehlen."
    )


def goal_cell(ctx: BriefingContext, key: str) -> str:
    """„Z03 Landes-Cloud (MID)“ – key, title and lead ministry at the as-of date."""
    goal = ctx.portfolio.goals.get(key)
    if goal is None:
        return f"{key} (gelöscht)"
    return f"{key} {goal.title} ({lead_at(ctx.portfolio, goal, ctx.as_of)})"


def kind_label(code: str) -> str:
    try:
        return DependencyKind(code).label
    except ValueError:
        return code or "–"


def _links(bd: Briefing, decisions: list[Decision]) -> None:
    rows = []
    for d in decisions:
        dependent, prerequisite = parse_dependency_key(d.key) or (d.key, "")
        record = d.new if d.group == "link_added" else d.old
        kind = kind_label(kind_of(record)) if d.field == "*" else \
            f"{kind_label(d.old)} → {kind_label(d.new)}"  # fmt: skip
        rows.append([goal_cell(bd.ctx, dependent), goal_cell(bd.ctx, prerequisite), kind,
                     d.comment or "–"])  # fmt: skip
    add_table(bd, LINK_COLUMNS, rows, font_size=9)


def _dates(bd: Briefing, decisions: list[Decision]) -> None:
    p = bd.ctx.portfolio
    rows = []
    for d in decisions:
        ms = p.milestones.get(d.key)
        days = d.days
        rows.append([f"{d.key} {ms.title}" if ms else d.key, FIELD.get(d.field, d.field),
                     value_text(d.field, d.old), value_text(d.field, d.new),
                     "–" if days is None else f"{days:+d}".replace("-", "−"),
                     d.comment or "–"])  # fmt: skip
    add_table(bd, DATE_COLUMNS, rows, font_size=9)


def _status(bd: Briefing, decisions: list[Decision]) -> None:
    rows = [[goal_cell(bd.ctx, d.key), _status_of(d.old), _status_of(d.new), d.comment or "–"]
            for d in decisions]  # fmt: skip
    add_table(bd, STATUS_COLUMNS, rows, font_size=9)


def _status_of(value: str) -> Status | str:
    try:
        return Status(value)
    except ValueError:
        return value or "–"


def _comments(bd: Briefing, decisions: list[Decision]) -> None:
    rows = [[object_label(d.entity, d.key), FIELD.get(d.field, d.field), d.new or "(entfernt)"]
            for d in decisions]  # fmt: skip
    add_table(bd, COMMENT_COLUMNS, rows, font_size=9)


def _others(bd: Briefing, decisions: list[Decision]) -> None:
    rows = []
    for d in decisions:
        name = "–" if d.field == "*" else FIELD.get(d.field, d.field)
        old = "–" if d.field == "*" and d.old == "" else value_text(d.field, d.old)
        new = "angelegt" if d.new.startswith("angelegt") else value_text(d.field, d.new)
        rows.append([object_label(d.entity, d.key), name, old if d.field != "*" else "–", new])
    add_table(bd, OTHER_COLUMNS, rows, font_size=9)


WRITERS = {"link_added": _links, "link_removed": _links, "link_changed": _links,
           "date": _dates, "status": _status, "comment": _comments, "other": _others}  # fmt: skip


def distribution(ctx: BriefingContext) -> list[str]:
    """The lead ministries of the goals the decisions touch, then z. d. A."""
    codes: list[str] = []
    for key in ctx.keys:
        code = lead_at(ctx.portfolio, ctx.portfolio.goals[key], ctx.as_of)
        if code not in codes:
            codes.append(code)
    return [*(f"{ctx.ministry_name(c)} ({c})" for c in sorted(codes)), "z. d. A."]

"""Content blocks shared by the four kinds: title block, Umsetzungsstand, standard tables."""

from __future__ import annotations

from collections.abc import Iterable

from sa2030_desktop.domain.dates import de_long, de_short, percent_de
from sa2030_desktop.domain.grammar import goals_de
from sa2030_desktop.domain.model import STATUS_ORDER, Status
from sa2030_desktop.domain.rules import next_milestone, slip_days
from sa2030_desktop.domain.selection import natural_key
from sa2030_desktop.export.briefing.context import DEMO_NOTE, KIND_TITLES, BriefingContext
from sa2030_desktop.export.briefing.document import Briefing
from sa2030_desktop.export.briefing.figures import png_of
from sa2030_desktop.export.briefing.tables import Column, add_table

# Reports list the goals that need attention first.
ATTENTION_ORDER = [Status.AT_RISK, Status.DELAYED, Status.ON_TRACK, Status.NOT_STARTED, Status.DONE]


def title_block(bd: Briefing, subtitle: str = "") -> None:
    ctx = bd.ctx
    bd.title(KIND_TITLES[ctx.kind], subtitle or f"Sachsen-Anhalt Digital 2030 – {ctx.scope}")
    bd.labelled("Stichtag", de_long(ctx.as_of))
    ref = bd.reference_text()
    if ref:
        bd.labelled("Geschäftszeichen", ref)
    if ctx.demo:
        bd.paragraph(f"{DEMO_NOTE}: Alle Angaben sind fiktiv.", italic=True)


def scope_phrase(ctx: BriefingContext) -> str:
    """„des Gesamtportfolios“ / „der Auswahl Ressort MID (federführend)“ – no nested brackets."""
    return "des Gesamtportfolios" if ctx.scope == "Gesamtportfolio" else \
        f"der Auswahl {ctx.scope}"  # fmt: skip


def _are(n: int) -> str:
    return "ist" if n == 1 else "sind"


def share(n: int, total: int) -> str:
    return percent_de(n / total) if total else percent_de(0)


def summary_sentence(ctx: BriefingContext) -> str:
    c = ctx.analysis.status_counts
    total = sum(c.values())
    in_progress = ctx.analysis.in_progress
    return (
        f"Zum Stichtag {de_long(ctx.as_of)} umfasst die Auswahl {goals_de(total)}. "
        f"{goals_de(in_progress)} {_are(in_progress)} in Umsetzung ({share(in_progress, total)}), davon "
        f"{c['on_track']} im Plan, {c['delayed']} verzögert und {c['at_risk']} gefährdet; "
        f"{goals_de(c['done'])} {_are(c['done'])} abgeschlossen ({share(c['done'], total)}), "
        f"{c['not_started']} noch nicht begonnen ({share(c['not_started'], total)})."
    )


def status_summary_table(bd: Briefing, font_size: float = 9.0) -> None:
    """Status | Anzahl | Anteil, with „in Umsetzung“ and the total."""
    c = bd.ctx.analysis.status_counts
    total = sum(c.values())
    rows: list[list[object]] = [[s, c[s.value], share(c[s.value], total)] for s in STATUS_ORDER]
    rows.append(["in Umsetzung (im Plan, verzögert, gefährdet)", bd.ctx.analysis.in_progress,
                 share(bd.ctx.analysis.in_progress, total)])  # fmt: skip
    rows.append(["Summe", total, share(total, total)])
    cols = [Column("Status", 3.2, status=True), Column("Ziele", 1, "right", nowrap=True),
            Column("Anteil", 1, "right", nowrap=True)]  # fmt: skip
    add_table(bd, cols, rows, font_size=font_size)


def counts_table(bd: Briefing, first: str, groups: dict[str, dict[str, int]],
                 name_of=None) -> None:  # fmt: skip
    """One row per group (ministry, category): total, each status, in Umsetzung with its share."""
    cols = [Column(first, 3.0), Column("Ziele", 0.9, "right", nowrap=True)]
    cols += [Column(s.label, 1.15, "right", header_status=s, nowrap=True) for s in STATUS_ORDER]
    cols.append(Column("in Umsetzung", 1.5, "right", nowrap=True))
    rows = []
    for code, counts in groups.items():
        if not counts["total"]:
            continue
        busy = counts["on_track"] + counts["delayed"] + counts["at_risk"]
        label = f"{code} – {name_of(code)}" if name_of and name_of(code) != code else code
        rows.append([label, counts["total"], *(counts[s.value] for s in STATUS_ORDER),
                     f"{busy} ({share(busy, counts['total'])})"])  # fmt: skip
    add_table(bd, cols, rows, font_size=8.5)


def goal_rows(ctx: BriefingContext, keys: Iterable[str]) -> list[list[object]]:
    rows = []
    for key in keys:
        goal = ctx.portfolio.goals[key]
        nxt = next_milestone(ctx.portfolio, key)
        slip = max((slip_days(m) for m in ctx.portfolio.milestones_of(key)), default=0)
        rows.append([
            key, goal.title, ctx.analysis.leads.get(key, goal.lead), goal.status,
            de_short(nxt.forecast or nxt.baseline) if nxt else "–",
            str(slip) if slip else "–",
        ])  # fmt: skip
    return rows


GOAL_COLUMNS = [
    Column("Ziel", 0.7, nowrap=True, keys=True), Column("Titel", 4.2),
    Column("Feder­führung", 1.1, nowrap=True), Column("Status", 1.45, status=True),
    Column("nächster Meilenstein", 1.35, "right", nowrap=True),
    Column("Verzug (Tage)", 0.95, "right", nowrap=True),
]  # fmt: skip


def goal_table(bd: Briefing, keys: Iterable[str], font_size: float = 9.0) -> None:
    add_table(bd, GOAL_COLUMNS, goal_rows(bd.ctx, keys), font_size=font_size)


def keys_by_status(ctx: BriefingContext) -> dict[Status, list[str]]:
    grouped: dict[Status, list[str]] = {s: [] for s in ATTENTION_ORDER}
    for key in ctx.keys:
        grouped[ctx.portfolio.goals[key].status].append(key)
    return grouped


def slipped_table(bd: Briefing, limit: int | None = None) -> int:
    """Open milestones with Verzug, largest slip first. Returns how many there are."""
    items = bd.ctx.analysis.slipped_milestones
    shown = items[:limit] if limit else items
    if not items:
        bd.paragraph("Kein offener Meilenstein ist gegenüber seinem Basistermin verschoben.")
        return 0
    cols = [Column("Meilenstein", 1.0, nowrap=True, keys=True), Column("Titel", 3.6),
            Column("Feder­führung", 1.0, nowrap=True),
            Column("Basistermin", 1.15, "right", nowrap=True),
            Column("Prognose", 1.15, "right", nowrap=True),
            Column("Verzug (Tage)", 0.95, "right", nowrap=True)]  # fmt: skip
    leads = bd.ctx.analysis.leads
    rows = [[m.key, m.title, leads.get(m.goal, ""), de_short(m.baseline), de_short(m.forecast),
             str(slip_days(m))] for m in shown]  # fmt: skip
    add_table(bd, cols, rows)
    return len(items)


def conflict_table(bd: Briefing) -> int:
    found = bd.ctx.conflicts
    if not found:
        bd.paragraph("Es bestehen keine Terminkonflikte bei harten Abhängigkeiten.")
        return 0
    cols = [Column("wartendes Ziel", 1.1, nowrap=True, keys=True),
            Column("wartet ab", 1.1, "right", nowrap=True),
            Column("benötigtes Ziel", 1.1, nowrap=True, keys=True),
            Column("fertig am", 1.1, "right", nowrap=True),
            Column("Tage zu spät", 0.9, "right", nowrap=True),
            Column("Ressorts", 1.6, nowrap=True)]  # fmt: skip
    leads = bd.ctx.analysis.leads
    rows = []
    for c in found:
        a = leads.get(c.dependent) or bd.ctx.portfolio.goals[c.dependent].lead
        b = leads.get(c.prerequisite) or bd.ctx.portfolio.goals[c.prerequisite].lead
        rows.append([_with_ms(c.dependent, c.waiting_milestone), de_short(c.waiting),
                     _with_ms(c.prerequisite, c.needed_milestone), de_short(c.needed),
                     str(c.days), a if a == b else f"{a} ← {b}"])  # fmt: skip
    add_table(bd, cols, rows)
    return len(found)


def _with_ms(goal: str, ms: str | None) -> str:
    return f"{goal} ({ms})" if ms else goal


def annex_table(bd: Briefing) -> None:
    """Every selected goal with theme field, ministries, status and its direct dependencies."""
    ctx = bd.ctx
    needs: dict[str, list[str]] = {k: [] for k in ctx.keys}
    needed_by: dict[str, list[str]] = {k: [] for k in ctx.keys}
    for d in ctx.portfolio.dependencies:
        tag = "" if d.kind.value == "hard" else " (weich)"
        if d.dependent in needs:
            needs[d.dependent].append(d.prerequisite + tag)
        if d.prerequisite in needed_by:
            needed_by[d.prerequisite].append(d.dependent + tag)
    cols = [Column("Ziel", 0.7, nowrap=True, keys=True), Column("Titel", 3.2),
            Column("Themen­feld", 0.8, nowrap=True),
            Column("Feder­führung / Beteiligung", 1.4), Column("Status", 1.4, status=True),
            Column("benötigt", 1.3, keys=True), Column("wird benötigt von", 1.3, keys=True)]  # fmt: skip
    rows = []
    for key in ctx.keys:
        goal = ctx.portfolio.goals[key]
        lead = ctx.analysis.leads.get(key, goal.lead)
        partners = ", ".join(goal.partners)
        rows.append([key, goal.title, goal.theme, f"{lead} / {partners}" if partners else lead,
                     goal.status, ", ".join(sorted(needs[key], key=natural_key)) or "–",
                     ", ".join(sorted(needed_by[key], key=natural_key)) or "–"])  # fmt: skip
    add_table(bd, cols, rows, font_size=8)


def figure_box(bd: Briefing) -> tuple[float, float]:
    """Inches a figure may fill on the current page: the text width, the text height less
    room for a heading and the caption."""
    return bd.text_width.inches, bd.text_height.inches - 1.35


def add_figures(bd: Briefing, figures, number: list[int], dpi: int | None = None) -> None:
    """Embed (Figure, caption) pairs, numbered „Abbildung n“ across the document."""
    box = figure_box(bd)
    for fig, caption in figures:
        png, size = png_of(fig, box, dpi) if dpi else png_of(fig, box)
        number[0] += 1
        bd.figure(png, size, f"Abbildung {number[0]}: {caption}")

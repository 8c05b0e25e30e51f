"""Vermerk on one goal (or a few): the facts from the data; assessment and proposal by the author."""

from __future__ import annotations

from sa2030_desktop.domain import graph as g
from sa2030_desktop.domain.conflicts import conflict_of
from sa2030_desktop.domain.dates import de_long, de_short
from sa2030_desktop.domain.grammar import days_de, goals_de, verb_de
from sa2030_desktop.domain.ministries import lead_at, partners_at
from sa2030_desktop.domain.rules import is_late_achieved, slip_days
from sa2030_desktop.domain.selection import natural_key
from sa2030_desktop.export.briefing.context import DEMO_NOTE, BriefingContext
from sa2030_desktop.export.briefing.document import Briefing
from sa2030_desktop.export.briefing.tables import Column, add_table, key_value_table

MILESTONE_COLUMNS = [
    Column("Meilenstein", 1.2, nowrap=True, keys=True), Column("Titel", 3.1),
    Column("Basistermin", 1.15, "right", nowrap=True),
    Column("Prognose", 1.15, "right", nowrap=True), Column("Ist", 1.15, "right", nowrap=True),
    Column("Verzug (Tage)", 0.95, "right", nowrap=True),
]  # fmt: skip
DEPENDENCY_COLUMNS = [
    Column("Richtung", 1.5), Column("Ziel", 0.7, nowrap=True, keys=True), Column("Titel", 2.6),
    Column("Feder­führung", 1.0, nowrap=True), Column("Art", 0.7, nowrap=True),
    Column("Meilenstein", 1.1, nowrap=True, keys=True),
    Column("Termin­konflikt", 1.2, nowrap=True),
]  # fmt: skip


def build(bd: Briefing, progress=None) -> None:
    ctx = bd.ctx
    bd.title("Vermerk")
    info = [("Herausgebende Stelle", ctx.portfolio.info.issuing_office or "–"),
            ("Geschäftszeichen", bd.reference_text() or "–"),
            ("Datum", de_long(ctx.issued)),
            ("Bearbeitung", ctx.options.author or "–"),
            ("Stichtag der Daten", de_long(ctx.as_of))]  # fmt: skip
    key_value_table(bd, info)
    if ctx.demo:
        bd.paragraph(f"{DEMO_NOTE}: Alle Angaben sind fiktiv.", italic=True)
    par = bd.paragraph()
    par.add_run("Betreff: ").bold = True
    par.add_run(subject(ctx)).bold = True

    bd.heading("1. Sachverhalt", 1)
    for n, key in enumerate(ctx.keys, 1):
        if len(ctx.keys) > 1:
            bd.heading(f"1.{n} {key} – {ctx.portfolio.goals[key].title}", 2)
        facts(bd, key)
        if progress:
            progress(0.1 + 0.7 * n / len(ctx.keys), f"Sachverhalt {key}")

    bd.heading("2. Bewertung", 1)
    bd.placeholder("Bitte ergänzen: Bewertung der Bearbeiterin / des Bearbeiters – wird nicht "
                   "aus den Daten erzeugt.")  # fmt: skip
    bd.heading("3. Vorschlag", 1)
    bd.placeholder("Bitte ergänzen: Vorschlag zum weiteren Vorgehen – wird nicht aus den "
                   "Daten erzeugt.")  # fmt: skip
    bd.heading("Verteiler", 2)
    for line in distribution(ctx):
        bd.bullet(line)


def subject(ctx: BriefingContext) -> str:
    if len(ctx.keys) == 1:
        goal = ctx.portfolio.goals[ctx.keys[0]]
        return f"Ziel {goal.key} „{goal.title}“ – Sachstand zum {de_long(ctx.as_of)}"
    return f"{goals_de(len(ctx.keys))} – {ctx.scope} – Sachstand zum {de_long(ctx.as_of)}"


def facts(bd: Briefing, key: str) -> None:
    ctx = bd.ctx
    p = ctx.portfolio
    goal = p.goals[key]
    lead = lead_at(p, goal, ctx.as_of)
    partners = partners_at(p, goal, ctx.as_of)
    theme = p.themes.get(goal.theme)
    category = ctx.category_name(theme.category) if theme else ""
    text = (f"Das Ziel {key} „{goal.title}“ gehört zum Themenfeld {ctx.theme_name(goal.theme)}"
            f"{f' (Zielkategorie {category})' if category else ''}. Die Federführung liegt beim "
            f"{ctx.ministry_name(lead)} ({lead}).")  # fmt: skip
    if partners:
        names = ", ".join(f"{ctx.ministry_name(c)} ({c})" for c in partners)
        text += f" Beteiligt: {names}."
    else:
        text += " Weitere Ressorts sind nicht beteiligt."
    bd.paragraph(text)
    if goal.description:
        bd.paragraph(goal.description)
    status = f"Status zum Stichtag {de_long(ctx.as_of)}: {goal.status.label}"
    reason = goal.status_reason.strip().rstrip(".")
    bd.paragraph(status + (f" – {reason}" if reason else "") + ".")

    milestones = p.milestones_of(key)
    if milestones:
        bd.paragraph("Meilensteine (Basistermin, Prognose, Ist und Verzug in Tagen):")
        rows = [[m.key, m.title, de_short(m.baseline) or "–", de_short(m.forecast) or "–",
                 de_short(m.actual) or "offen", str(slip_days(m)) if slip_days(m) else "–"]
                for m in milestones]  # fmt: skip
        add_table(bd, MILESTONE_COLUMNS, rows)
        for m in milestones:
            if slip_days(m):
                bd.bullet(f"{m.key}: Prognose {de_long(m.forecast)} liegt {days_de(slip_days(m))} "
                          f"nach dem Basistermin {de_long(m.baseline)}.")  # fmt: skip
            elif is_late_achieved(m):
                bd.bullet(f"{m.key}: erreicht am {de_long(m.actual)}, "
                          f"{days_de((m.actual - m.baseline).days)} nach dem Basistermin.")  # fmt: skip
    else:
        bd.paragraph("Für das Ziel sind keine Meilensteine erfasst.")
    _dependencies(bd, key)


def _dependencies(bd: Briefing, key: str) -> None:
    ctx = bd.ctx
    p = ctx.portfolio
    rows = []
    pre = sorted((d for d in p.dependencies if d.dependent == key),
                 key=lambda d: natural_key(d.prerequisite))  # fmt: skip
    post = sorted((d for d in p.dependencies if d.prerequisite == key),
                  key=lambda d: natural_key(d.dependent))  # fmt: skip
    for direction, deps, other in (("benötigt", pre, "prerequisite"),
                                   ("wird benötigt von", post, "dependent")):  # fmt: skip
        for d in deps:
            okey = getattr(d, other)
            ogoal = p.goals[okey]
            conflict = conflict_of(p, d)
            ms = d.prerequisite_milestone or d.dependent_milestone or "–"
            rows.append([direction, okey, ogoal.title, lead_at(p, ogoal, ctx.as_of), d.kind.label,
                         ms, days_de(conflict.days) if conflict else "–"])  # fmt: skip
    all_pre = g.predecessors(ctx.graph, key)
    all_post = g.dependents(ctx.graph, key)
    bd.paragraph(f"Abhängigkeiten: {key} setzt direkt {goals_de(len(pre))} und insgesamt (über "
                 f"Ketten) {goals_de(len(all_pre))} voraus; direkt {goals_de(len(post))} und "
                 f"insgesamt {goals_de(len(all_post))} {verb_de(len(all_post), 'hängt', 'hängen')} "
                 "von ihm ab.")  # fmt: skip
    if rows:
        add_table(bd, DEPENDENCY_COLUMNS, rows)


def distribution(ctx: BriefingContext) -> list[str]:
    """Lead and co-ministries of the goals, then the ministries of directly linked goals."""
    p = ctx.portfolio
    own: list[str] = []
    linked: list[str] = []
    chosen = set(ctx.keys)
    for key in ctx.keys:
        goal = p.goals[key]
        for code in [lead_at(p, goal, ctx.as_of), *partners_at(p, goal, ctx.as_of)]:
            if code not in own:
                own.append(code)
    for d in p.dependencies:
        for a, b in ((d.dependent, d.prerequisite), (d.prerequisite, d.dependent)):
            if a in chosen and b not in chosen:
                code = lead_at(p, p.goals[b], ctx.as_of)
                if code not in own and code not in linked:
                    linked.append(code)
    lines = [f"{ctx.ministry_name(c)} ({c})" for c in own]
    lines += [
        f"{ctx.ministry_name(c)} ({c}) – zur Kenntnis (abhängige Ziele)" for c in sorted(linked)
    ]
    return [*lines, "z. d. A."]

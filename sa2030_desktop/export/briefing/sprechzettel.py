"""Sprechzettel: what the minister says in a meeting – short, in large readable type."""

from __future__ import annotations

from docx.shared import Pt

from sa2030_desktop.domain.dates import de_long
from sa2030_desktop.domain.grammar import conflicts_de, days_de, goals_dative, verb_de
from sa2030_desktop.domain.model import Status
from sa2030_desktop.domain.rules import slip_days
from sa2030_desktop.export.briefing import sections as sec
from sa2030_desktop.export.briefing.context import BriefingContext
from sa2030_desktop.export.briefing.document import Briefing
from sa2030_desktop.export.briefing.tables import Column, add_table

BODY_PT = 13.0
MAX_POINTS = 5  # active points beyond the summary: a Sprechzettel stays short
SHORT_LIST = 12  # more goals than this: the background table lists only the critical ones


def build(bd: Briefing, progress=None) -> None:
    ctx = bd.ctx
    _large_type(bd)
    sec.title_block(bd, subtitle=f"Sachsen-Anhalt Digital 2030 – {ctx.scope}")
    bd.labelled("Anlass", ctx.options.occasion or "–")
    bd.labelled("Termin", de_long(ctx.options.meeting_date) if ctx.options.meeting_date else "–")

    bd.heading("1. Gesprächsziel", 1)
    bd.paragraph(goal_of_talk(ctx))

    bd.heading("2. Sprechpunkte (aktiv)", 1)
    for text in active_points(ctx):
        bd.bullet(text)

    bd.heading("3. Reaktive Sprechpunkte", 1)
    points = reactive_points(ctx)
    for prefix, text in points:
        bd.bullet(text, bold_prefix=prefix)
    if not points:
        bd.paragraph("Keine kritischen Nachfragen zu erwarten: kein Ziel ist verzögert oder "
                     "gefährdet, es bestehen keine Terminkonflikte.")  # fmt: skip

    if progress:
        progress(0.6, "Hintergrund")
    bd.heading("4. Hintergrund", 1)
    bd.paragraph(sec.summary_sentence(ctx))
    grouped = sec.keys_by_status(ctx)
    keys = [k for ks in grouped.values() for k in ks]
    if len(keys) > SHORT_LIST:  # a Sprechzettel stays short: the critical goals only
        keys = [k for s in (Status.AT_RISK, Status.DELAYED) for k in grouped[s]]
        rest = len(ctx.keys) - len(keys)
        bd.paragraph(f"Verzögerte und gefährdete Ziele; {'das übrige Ziel ist' if rest == 1 else f'die übrigen {rest} Ziele sind'} "
                     "im Plan, abgeschlossen oder noch nicht begonnen (Einzelheiten im "
                     "Statusbericht).")  # fmt: skip
    cols = [Column("Ziel", 0.7, nowrap=True, keys=True), Column("Titel", 3.6),
            Column("Feder­führung", 1.1, nowrap=True), Column("Status", 1.5, status=True),
            Column("Verzug (Tage)", 1.0, "right", nowrap=True)]  # fmt: skip
    rows = [[r[0], r[1], r[2], r[3], r[5]] for r in sec.goal_rows(ctx, keys)]
    add_table(bd, cols, rows, font_size=11)


def _large_type(bd: Briefing) -> None:
    """Larger type for reading aloud: body, lists and table text of this document only."""
    for name in ("Normal", "List Bullet"):
        if bd.style(name):
            bd.doc.styles[name].font.size = Pt(BODY_PT)
            bd.doc.styles[name].paragraph_format.space_after = Pt(8)


def goal_of_talk(ctx: BriefingContext) -> str:
    c = ctx.analysis.status_counts
    critical = c["delayed"] + c["at_risk"]
    n = len(ctx.keys)
    what = f"des Ziels {ctx.keys[0]}" if n == 1 else f"der {n} Ziele {sec.scope_phrase(ctx)}"
    text = f"Über den Umsetzungsstand {what} zum Stichtag {de_long(ctx.as_of)} informieren"  # fmt: skip
    if critical or ctx.conflicts:
        text += "; Unterstützung bei den verzögerten und gefährdeten Zielen vereinbaren"
    if ctx.conflicts:
        text += " und die Terminkonflikte mit den beteiligten Ressorts klären"
    return text + "."


def active_points(ctx: BriefingContext) -> list[str]:
    c = ctx.analysis.status_counts
    total = len(ctx.keys)
    busy = ctx.analysis.in_progress
    points = [
        f"Von {goals_dative(total)} {verb_de(busy, 'ist', 'sind')} {busy} "
        f"in Umsetzung ({sec.share(busy, total)}) und {c['done']} abgeschlossen "
        f"({sec.share(c['done'], total)}).",
    ]
    done = [
        ctx.portfolio.goals[k] for k in ctx.keys if ctx.portfolio.goals[k].status is Status.DONE
    ]
    if done:
        names = ", ".join(f"{g.key} „{g.title}“" for g in done[:3])
        points.append(f"Abgeschlossen sind unter anderem: {names}.")
    for ms in ctx.analysis.slipped_milestones[: MAX_POINTS - 2]:
        goal = ctx.portfolio.goals[ms.goal]
        points.append(
            f"{goal.key} „{goal.title}“: Meilenstein „{ms.title}“ verschiebt sich um "
            f"{days_de(slip_days(ms))} auf den {de_long(ms.forecast)} (Basistermin "
            f"{de_long(ms.baseline)})."
        )
    if ctx.conflicts:
        first = ctx.conflicts[0]
        points.append(
            f"{conflicts_de(len(ctx.conflicts))} zwischen Zielen"
            f"{': ' if len(ctx.conflicts) == 1 else ', der größte: '}{first.dependent} "
            f"wartet ab dem {de_long(first.waiting)} auf {first.prerequisite}, das erst am "
            f"{de_long(first.needed)} fertig wird ({days_de(first.days)} später)."
        )
    return points


def reactive_points(ctx: BriefingContext) -> list[tuple[str, str]]:
    """„Falls nach … gefragt:“ – the critical goals with their reasons, at-risk first."""
    out = []
    for status in (Status.AT_RISK, Status.DELAYED):
        for key in ctx.keys:
            goal = ctx.portfolio.goals[key]
            if goal.status is not status:
                continue
            slip = max((slip_days(m) for m in ctx.portfolio.milestones_of(key)), default=0)
            reason = goal.status_reason.strip() or "Begründung liegt nicht vor."
            if reason[-1] not in ".!?…":
                reason += "."
            extra = f" Größter Verzug: {days_de(slip)}." if slip else ""
            out.append((f"Falls nach {key} gefragt ({status.label}): ",
                        f"„{goal.title}“ – {reason}{extra}"))  # fmt: skip
            if len(out) >= 6:
                return out
    return out

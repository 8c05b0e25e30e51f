"""Kabinettsvorlage: the decision paper to the state government on the state of the strategy
(the annual Umsetzungsbericht from a closed round is umsetzungsbericht.py)."""

from __future__ import annotations

from collections import Counter

from sa2030_desktop.domain.dates import de_long
from sa2030_desktop.domain.grammar import conflicts_de, verb_de
from sa2030_desktop.domain.ministries import lead_at, partners_at
from sa2030_desktop.domain.model import Status
from sa2030_desktop.export.briefing import figures as fg
from sa2030_desktop.export.briefing import sections as sec
from sa2030_desktop.export.briefing.document import Briefing
from sa2030_desktop.export.briefing.tables import Column, add_table


def build(bd: Briefing, progress=None) -> None:
    ctx = bd.ctx
    a = ctx.analysis
    step = progress or (lambda _f, _t: None)
    sec.title_block(bd, subtitle="Umsetzungsbericht Sachsen-Anhalt Digital 2030")
    par = bd.paragraph()
    par.add_run("Betreff: ").bold = True
    par.add_run(f"Umsetzungsbericht zur Digitalstrategie „Sachsen-Anhalt Digital 2030“ – "
                f"Stand {de_long(ctx.as_of)}"
                f"{'' if ctx.scope == 'Gesamtportfolio' else ' – ' + ctx.scope}")  # fmt: skip

    bd.heading("I. Beschlussvorschlag", 1)
    bd.paragraph(f"Die Landesregierung nimmt den Umsetzungsbericht zur Digitalstrategie "
                 f"„Sachsen-Anhalt Digital 2030“ zum Stichtag {de_long(ctx.as_of)} zur Kenntnis.")  # fmt: skip
    if ctx.conflicts or a.status_counts["at_risk"]:
        bd.paragraph("Die Ressorts werden gebeten, für die gefährdeten Ziele und die "
                     "Terminkonflikte (Abschnitt IV) bis zum nächsten Bericht abgestimmte "
                     "Lösungen vorzulegen.")  # fmt: skip
    bd.placeholder("Bitte ergänzen: weitere Beschlusspunkte")

    bd.heading("II. Begründung", 1)
    bd.heading("1. Umsetzungsstand insgesamt", 2)
    bd.paragraph(sec.summary_sentence(ctx))
    sec.status_summary_table(bd)
    bd.heading("2. Umsetzungsstand nach Zielkategorie", 2)
    sec.counts_table(bd, "Zielkategorie", a.by_category, ctx.category_name)
    bd.heading("3. Umsetzungsstand nach Ressort", 2)
    sec.counts_table(bd, "Ressort (federführend)", a.by_lead, ctx.ministry_name)
    if ctx.options.figures:
        step(0.3, "Diagramm")
        sec.add_figures(bd, [(fg.ampel_by_ministry(ctx), "Umsetzungsstand je federführendem "
                              "Ressort (Anzahl Ziele je Status)")], [0])  # fmt: skip
    bd.heading("4. Verzögerte und gefährdete Ziele", 2)
    critical = [k for s in (Status.AT_RISK, Status.DELAYED)
                for k in sec.keys_by_status(ctx)[s]]  # fmt: skip
    if critical:
        sec.goal_table(bd, critical)
    else:
        bd.paragraph("Kein Ziel ist verzögert oder gefährdet.")

    step(0.6, "Beteiligung")
    bd.heading("III. Beteiligung der Ressorts", 1)
    bd.paragraph("Die Vorlage wurde mit den Ressorts abgestimmt. Die Ressorts sind an den Zielen "
                 "wie folgt beteiligt:")  # fmt: skip
    involvement_table(bd)
    bd.placeholder("Bitte ergänzen: Ergebnis der Ressortabstimmung")

    bd.heading("IV. Strittige Punkte", 1)
    if ctx.conflicts:
        n = len(ctx.conflicts)
        bd.paragraph(f"Strittig {verb_de(n, 'ist', 'sind')} {conflicts_de(n)}: Ein Ziel wartet auf "
                     "ein Ziel eines anderen oder desselben Ressorts, das erst nach dem "
                     "benötigten Termin fertig wird.")  # fmt: skip
    sec.conflict_table(bd)

    bd.heading("V. Anlagen", 1)
    bd.bullet("Anlage 1: Übersicht aller Ziele mit Status und Abhängigkeiten")
    step(0.8, "Anlage")
    bd.heading("Anlage 1: Übersicht aller Ziele mit Status und Abhängigkeiten", 1, new_page=True)
    sec.annex_table(bd)


def involvement_table(bd: Briefing) -> None:
    """Per ministry: goals led, goals involved in, cross-ministry dependencies touching them."""
    ctx = bd.ctx
    p = ctx.portfolio
    leads = ctx.analysis.leads
    led, involved, cross = Counter(), Counter(), Counter()
    for key in ctx.keys:
        goal = p.goals[key]
        led[leads.get(key) or lead_at(p, goal, ctx.as_of)] += 1
        for code in partners_at(p, goal, ctx.as_of):
            involved[code] += 1
    for d in ctx.selected.dependencies:
        a, b = leads.get(d.dependent), leads.get(d.prerequisite)
        if a and b and a != b:
            cross[a] += 1
            cross[b] += 1
    codes = sorted(set(led) | set(involved))
    cols = [Column("Ressort", 3.6), Column("federführend", 1.1, "right", nowrap=True),
            Column("beteiligt", 1.0, "right", nowrap=True),
            Column("ressortübergreifende Abhängigkeiten", 1.8, "right", nowrap=True)]  # fmt: skip
    rows = [[f"{c} – {ctx.ministry_name(c)}", led[c], involved[c], cross[c]] for c in codes]
    add_table(bd, cols, rows)

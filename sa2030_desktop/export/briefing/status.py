"""Statusbericht: the Umsetzungsstand of the whole portfolio, a ministry or a theme field."""

from __future__ import annotations

from sa2030_desktop.domain.dates import de_long
from sa2030_desktop.domain.grammar import conflicts_de, deps_de, milestones_de, verb_de
from sa2030_desktop.export.briefing import changes
from sa2030_desktop.export.briefing import figures as fg
from sa2030_desktop.export.briefing import sections as sec
from sa2030_desktop.export.briefing.document import Briefing


def build(bd: Briefing, progress=None) -> None:
    ctx = bd.ctx
    a = ctx.analysis
    step = progress or (lambda _fraction, _text: None)
    sec.title_block(bd)
    fig_no = [0]
    n = 0

    def heading(text: str, new_page: bool = False) -> None:
        nonlocal n
        n += 1
        bd.heading(f"{n}. {text}", 1, new_page=new_page)

    heading("Zusammenfassung")
    bd.paragraph(sec.summary_sentence(ctx))
    extra = []
    if a.slipped_goals:
        slipped = len(a.slipped_goals)
        extra.append(f"{sec.goals_de(slipped)} {'hat' if slipped == 1 else 'haben'} mindestens einen "
                     "Meilenstein mit Verzug")  # fmt: skip
    if ctx.conflicts:
        k = len(ctx.conflicts)
        extra.append(f"{conflicts_de(k)} bei harten Abhängigkeiten {verb_de(k, 'ist', 'sind')} "
                     "offen")  # fmt: skip
    if a.overdue:
        k = len(a.overdue)
        extra.append(f"{milestones_de(k)} {verb_de(k, 'ist', 'sind')} überfällig (Prognose "
                     "verstrichen, kein Ist)")  # fmt: skip
    if extra:
        bd.paragraph("; ".join(extra) + ".")
    sec.status_summary_table(bd)
    if ctx.options.figures:
        step(0.15, "Diagramm Umsetzungsstand")
        sec.add_figures(bd, [(fg.ampel_by_ministry(ctx), "Umsetzungsstand je federführendem "
                              "Ressort (Anzahl Ziele je Status)")], fig_no)  # fmt: skip

    heading("Umsetzungsstand nach Ressort")
    sec.counts_table(bd, "Ressort (federführend)", a.by_lead, ctx.ministry_name)
    if len([c for c in a.by_category.values() if c["total"]]) > 1:
        bd.paragraph()
        sec.counts_table(bd, "Zielkategorie", a.by_category, ctx.category_name)

    step(0.3, "Tabellen")
    heading("Ziele nach Status")
    grouped = sec.keys_by_status(ctx)
    sub = 0
    for status, keys in grouped.items():
        if not keys:
            continue
        sub += 1
        bd.heading(f"{n}.{sub} {status.label[:1].upper()}{status.label[1:]} ({len(keys)})", 2)
        sec.goal_table(bd, keys)

    heading("Meilensteine mit Verzug")
    sec.slipped_table(bd)
    heading("Terminkonflikte")
    if ctx.conflicts:
        bd.paragraph("Ein Ziel wartet auf ein Ziel, das nach dem benötigten Termin fertig wird "
                     "(nur harte Abhängigkeiten; größter Abstand zuerst).")  # fmt: skip
    sec.conflict_table(bd)
    if ctx.options.changes_since:
        heading(f"Änderungen seit dem {de_long(ctx.options.changes_since)}")
        changes.changes_table(bd)
    if ctx.options.figures:
        step(0.5, "Abhängigkeitsgraph")
        bd.new_section(landscape=True)
        heading("Abhängigkeiten")
        bd.paragraph(f"{deps_de(len(ctx.selected.dependencies))} zwischen den ausgewählten "
                     f"Zielen, davon {a.deps_by_kind['hard']} hart und {a.deps_by_kind['soft']} "
                     f"weich; {a.cross_ministry} {verb_de(a.cross_ministry, 'verbindet', 'verbinden')}"
                     " Ziele verschiedener Ressorts.")  # fmt: skip
        sec.add_figures(bd, fg.graph_figures(ctx), fig_no)
        step(0.7, "Zeitplan")
        heading("Zeitplan", new_page=True)
        sec.add_figures(bd, fg.timeline_figures(ctx, sec.figure_box(bd)), fig_no)
        bd.new_section(landscape=False)
    step(0.85, "Anlage")
    bd.heading("Anlage: Ziele und Abhängigkeiten", 1, new_page=not ctx.options.figures)
    bd.paragraph("„benötigt“: Ziele, die dieses Ziel voraussetzt; „wird benötigt von“: Ziele, "
                 "die auf dieses Ziel warten (direkte Abhängigkeiten; weich gekennzeichnet).")  # fmt: skip
    sec.annex_table(bd)

"""Umsetzungsbericht: the annual report to the cabinet from the frozen state of a closed round
(REPORTING.md) – status with the change since the previous round, the ministries' Sachstand
per Zielkategorie and Themenfeld, the indicators against their target paths, the missing
reports; the internal variant adds remarks and review comments, the public one never does."""

from __future__ import annotations

import copy

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from sa2030_desktop.domain.dates import de_long, de_short, number_de, parse_date, percent_de
from sa2030_desktop.domain.grammar import goals_dative, verb_de
from sa2030_desktop.domain.indicators import BEHIND_LIMIT, ON_TRACK_LIMIT, Assessment, assess
from sa2030_desktop.domain.model import STATUS_ORDER, Status
from sa2030_desktop.domain.reporting import REPORT_STATE_LABELS, ReportState
from sa2030_desktop.domain.selection import natural_key
from sa2030_desktop.export.briefing import round_changes as rc
from sa2030_desktop.export.briefing import sections as sec
from sa2030_desktop.export.briefing.context import DEMO_NOTE, BriefingContext
from sa2030_desktop.export.briefing.document import Briefing
from sa2030_desktop.export.briefing.indicator_figures import DPI, indicator_figures
from sa2030_desktop.export.briefing.round_figures import status_comparison
from sa2030_desktop.export.briefing.tables import Column, add_table

NO_REPORT = "keine Meldung"
# Nine columns on a portrait page: status headers may break at a soft hyphen, so that the
# theme field's name keeps room (seen: „TF12 Gute Arbeit im digitalen Zeitalter“ in 4 lines).
HYPHENATED = {"nicht begonnen": "nicht be\u00adgonnen", "verzögert": "ver\u00adzögert",
              "gefährdet": "ge\u00adfährdet", "abgeschlossen": "abge\u00adschlossen"}  # fmt: skip


def build(bd: Briefing, progress=None) -> None:
    ctx = bd.ctx
    step = progress or (lambda _f, _t: None)
    changes = rc.changes_of(ctx)
    fig_no = [0]
    _title(bd)

    bd.heading("1. Zusammenfassung", 1)
    bd.paragraph(sec.summary_sentence(ctx))
    bd.paragraph(_reports_sentence(ctx))
    bd.paragraph(rc.summary_sentence(changes) if changes else rc.no_previous_sentence(ctx))
    _status_table(bd, changes)
    if ctx.options.figures and changes:
        step(0.15, "Diagramm Umsetzungsstand")
        sec.add_figures(bd, [status_comparison(ctx, changes)], fig_no)

    step(0.25, "Veränderungen")
    previous = changes.comparison.from_key if changes else ""
    bd.heading(f"2. Veränderungen seit der Berichtsrunde {previous}".rstrip() if changes
               else "2. Veränderungen seit der vorigen Berichtsrunde", 1)  # fmt: skip
    if changes:
        rc.write_changes(bd, changes, "2")
    else:
        bd.paragraph(rc.no_previous_sentence(ctx))

    step(0.4, "Sachstände")
    bd.heading("3. Umsetzungsstand nach Zielkategorie und Themenfeld", 1)
    bd.paragraph("Je Themenfeld die Ziele mit ihrem Status und dem Sachstand, wie ihn das "
                 "federführende Ressort gemeldet hat. Ziele ohne Meldung tragen ihren Stand "
                 f"zum Abschluss der Berichtsrunde und den Vermerk „{NO_REPORT}“.")  # fmt: skip
    _by_category(bd, changes)

    step(0.65, "Indikatoren")
    bd.heading("4. Indikatoren", 1)
    _indicators(bd, changes, fig_no)

    step(0.85, "Fehlende Meldungen")
    bd.heading("5. Fehlende Meldungen", 1)
    _missing(bd)
    if not ctx.options.public:
        bd.heading("6. Interne Anmerkungen (nicht zur Veröffentlichung)", 1)
        _internal(bd)


def _title(bd: Briefing) -> None:
    ctx = bd.ctx
    rnd = ctx.options.round.frozen.round
    scope = "" if ctx.scope == "Gesamtportfolio" else f" – {ctx.scope}"
    bd.title("Umsetzungsbericht", f"Sachsen-Anhalt Digital 2030 – {rnd.title}{scope}")
    bd.labelled("Stichtag", de_long(ctx.as_of))
    closed = f", abgeschlossen am {de_short(_day(rnd.closed_at))}" if rnd.closed_at else ""
    bd.labelled("Berichtsrunde", f"{rnd.key} (Meldeschluss {de_short(rnd.deadline)}{closed})")
    ref = bd.reference_text()
    if ref:
        bd.labelled("Geschäftszeichen", ref)
    bd.labelled("Fassung", "öffentliche Fassung" if ctx.options.public else
                "interne Fassung – enthält Prüfkommentare und interne Anmerkungen, nicht zur "
                "Veröffentlichung")  # fmt: skip
    if ctx.demo:
        bd.paragraph(f"{DEMO_NOTE}: Alle Angaben sind fiktiv.", italic=True)


def _day(stamp: str):
    return parse_date(stamp[:10]) if stamp else None


def _reports_sentence(ctx: BriefingContext) -> str:
    total = len(ctx.keys)
    answered = sum(1 for k in ctx.keys if not ctx.reports[k].no_report)
    missing = total - answered
    text = (f"Zu {goals_dative(total)} im Umfang der Berichtsrunde {verb_de(answered, 'liegt', 'liegen')} "
            f"{answered} {'Meldung' if answered == 1 else 'Meldungen'} der Ressorts vor "
            f"({percent_de(answered / total if total else 0)}).")  # fmt: skip
    if missing:
        text += f" Zu {goals_dative(missing)} fehlt die Meldung (Abschnitt 5)."
    return text


def _status_table(bd: Briefing, changes: rc.Changes | None) -> None:
    if changes is None:
        sec.status_summary_table(bd)
        return
    c = changes.comparison
    before = changes.counts_before()
    now = bd.ctx.analysis.status_counts
    rows = []
    for s in STATUS_ORDER:
        diff = now[s.value] - before[s]
        rows.append([s, before[s], now[s.value], _signed(diff)])
    total_before, total_now = sum(before.values()), sum(now.values())
    rows.append(["Summe", total_before, total_now, _signed(total_now - total_before)])
    cols = [Column("Status", 3.0, status=True),
            Column(f"{c.from_key} ({de_short(c.from_as_of)})", 1.6, "right", nowrap=True),
            Column(f"{c.to_key} ({de_short(c.to_as_of)})", 1.6, "right", nowrap=True),
            Column("Veränderung", 1.2, "right", nowrap=True)]  # fmt: skip
    bd.paragraph("Ziele je Status in der vorigen und in dieser Berichtsrunde (vorige: die "
                 "ausgewählten Ziele, die es damals gab):")  # fmt: skip
    add_table(bd, cols, rows)


def _signed(n: int) -> str:
    """+1, ±0, −1 (typographic minus)."""
    return "±0" if n == 0 else f"+{n}" if n > 0 else f"\u2212{-n}"


def _by_category(bd: Briefing, changes: rc.Changes | None) -> None:
    ctx = bd.ctx
    by_theme: dict[str, list[str]] = {}
    for key in ctx.keys:
        by_theme.setdefault(ctx.portfolio.goals[key].theme, []).append(key)
    by_cat: dict[str, list[str]] = {}
    for theme in by_theme:
        t = ctx.portfolio.themes.get(theme)
        by_cat.setdefault(t.category if t else "", []).append(theme)
    order = {code: i for i, code in enumerate(ctx.portfolio.categories)}  # the portfolio's order
    for n, cat in enumerate(sorted(by_cat, key=lambda c: order.get(c, len(order))), start=1):
        name = ctx.category_name(cat) if cat else "ohne Zielkategorie"
        bd.heading(f"3.{n} {name}" + (f" ({cat})" if cat else ""), 2)
        themes = sorted(by_cat[cat], key=natural_key)
        _theme_table(bd, themes, by_theme, changes)
        for m, theme in enumerate(themes, start=1):
            bd.heading(f"3.{n}.{m} {ctx.theme_name(theme)} ({theme})", 3)
            _goal_table(bd, by_theme[theme], changes)


def _theme_table(bd: Briefing, themes: list[str], by_theme: dict[str, list[str]],
                 changes: rc.Changes | None) -> None:  # fmt: skip
    ctx = bd.ctx
    cols = [Column("Themenfeld", 4.0, words=True), Column("Ziele", 0.7, "right", nowrap=True)]
    cols += [Column(HYPHENATED.get(s.label, s.label), 0.9, "right", header_status=s, nowrap=True)
             for s in STATUS_ORDER]  # fmt: skip
    if changes:
        cols += [Column("ver­schlech­tert", 0.9, "right", nowrap=True),
                 Column("ver­bessert", 0.9, "right", nowrap=True)]  # fmt: skip
    rows = []
    for theme in themes:
        keys = by_theme[theme]
        counts = {s: 0 for s in STATUS_ORDER}
        for k in keys:
            counts[ctx.portfolio.goals[k].status] += 1
        row = [f"{theme} {ctx.theme_name(theme)}", len(keys), *counts.values()]
        if changes:
            row += [sum(1 for k in keys if changes.trend(k) == rc.WORSENED),
                    sum(1 for k in keys if changes.trend(k) == rc.IMPROVED)]  # fmt: skip
        rows.append(row)
    add_table(bd, cols, rows, font_size=8.5)


def _goal_table(bd: Briefing, keys: list[str], changes: rc.Changes | None) -> None:
    """Ziel | Titel und Sachstand | Federführung | Status | Status der vorigen Runde."""
    ctx = bd.ctx
    cols = [Column("Ziel", 0.65, nowrap=True, keys=True), Column("Titel und Sachstand", 5.0),
            Column("Feder­führung", 1.0, nowrap=True), Column("Status", 1.4, status=True)]  # fmt: skip
    if changes:
        cols.append(Column(f"Status {changes.comparison.from_key}", 1.4, status=True))
    rows, texts = [], []
    for key in keys:
        goal = ctx.portfolio.goals[key]
        report = ctx.reports[key]
        row = [key, goal.title, ctx.analysis.leads.get(key, goal.lead), goal.status]
        if changes:
            old = changes.comparison.status_from.get(key)
            row.append(old if old is not None else "neu")
        rows.append(row)
        if report.no_report:
            lines = [(NO_REPORT, True)]
        else:
            lines = [(report.progress or "Kein Sachstand gemeldet.", not report.progress)]
        if goal.status in (Status.DELAYED, Status.AT_RISK) and goal.status_reason.strip():
            lines.append((f"Grund für „{goal.status.label}“: {goal.status_reason}", False))
        texts.append(lines)
    table = add_table(bd, cols, rows)
    _second_lines(table, 1, texts)


def _second_lines(table, col: int, texts: list[list[tuple[str, bool]]]) -> None:
    """The title in column `col` bold, below it line by line the Sachstand and the reason of
    a delayed or endangered status (italic when a line is a note)."""
    trs = table._tbl.findall(qn("w:tr"))[1:]
    for tr, lines in zip(trs, texts, strict=True):
        tc = tr.findall(qn("w:tc"))[col]
        run = tc.find(".//" + qn("w:r"))
        plain = copy.deepcopy(run)
        run.get_or_add_rPr().insert(0, OxmlElement("w:b"))
        par = run.getparent()
        for text, italic in lines:
            line = copy.deepcopy(plain)
            if italic:
                line.get_or_add_rPr().insert(0, OxmlElement("w:i"))
            t = line.find(qn("w:t"))
            t.text = text
            t.set(qn("xml:space"), "preserve")
            line.insert(list(line).index(t), OxmlElement("w:br"))
            par.append(line)


def _limit(gap: float) -> str:
    """−0.10 → „10 %“: the assessment's limits as the domain defines them."""
    return f"{round(-gap * 100)}\u00a0%"


def _value(v: float | None, unit: str) -> str:
    if v is None:
        return "–"
    return f"{number_de(v)} {unit}".strip()


def _indicators(bd: Briefing, changes: rc.Changes | None, fig_no: list[int]) -> None:
    ctx = bd.ctx
    chosen = set(ctx.keys)
    inds = sorted((i for i in ctx.portfolio.indicators if i.goal in chosen),
                  key=lambda i: (natural_key(i.goal), i.name))  # fmt: skip
    if not inds:
        bd.paragraph("Zu den Zielen dieses Berichts sind keine Indikatoren erfasst.")
        return
    states = [assess(i, ctx.as_of) for i in inds]
    before = {}
    if changes:
        before = {(i.goal, i.name): i.assessment_from for i in changes.comparison.indicators}
    bd.paragraph(f"{len(inds)} {'Indikator' if len(inds) == 1 else 'Indikatoren'} mit dem "
                 f"letzten Messwert bis zum Stichtag {de_short(ctx.as_of)}. „Soll“ ist der Wert "
                 "des Zielpfads am Messtag; die Bewertung misst den Abstand dazu am ganzen Weg "
                 f"vom Ausgangs- zum Zielwert (auf Kurs: höchstens {_limit(ON_TRACK_LIMIT)}, "
                 f"hinter Plan: bis {_limit(BEHIND_LIMIT)}, deutlich hinter Plan: mehr als "
                 f"{_limit(BEHIND_LIMIT)} zurück).")  # fmt: skip
    cols = [Column("Ziel", 0.6, nowrap=True, keys=True), Column("Indikator", 2.2),
            Column("Ausgangs­wert", 1.2, "right"), Column("Zielwert", 1.2, "right"),
            Column("Messwert", 1.2, "right"), Column("Soll", 0.9, "right"),
            Column("Bewertung", 1.3, words=True)]  # fmt: skip
    if changes:
        cols.append(Column(f"Bewertung {changes.comparison.from_key}", 1.3, words=True))
    rows = []
    for s in states:
        i = s.indicator
        row = [i.goal, i.name,
               f"{_value(i.baseline, i.unit)} ({de_short(i.baseline_date)})" if i.baseline_date
               else _value(i.baseline, i.unit),
               f"{_value(i.target, i.unit)} ({de_short(i.target_date)})" if i.target_date
               else _value(i.target, i.unit),
               f"{_value(s.latest.value, i.unit)} ({de_short(s.latest.date)})" if s.latest else "–",
               _value(round(s.expected, 2) if s.expected is not None else None, i.unit),
               s.assessment.label]  # fmt: skip
        if changes:
            old = before.get((i.goal, i.name), "")
            row.append(Assessment(old).label if old else "neu")
        rows.append(row)
    add_table(bd, cols, rows, font_size=8.5)
    if ctx.options.figures:
        sec.add_figures(bd, indicator_figures(states, ctx.as_of), fig_no, DPI)


def _missing(bd: Briefing) -> None:
    ctx = bd.ctx
    missing = [k for k in ctx.keys if ctx.reports[k].no_report]
    if not missing:
        bd.paragraph("Zu allen Zielen dieses Berichts haben die federführenden Ressorts gemeldet.")
        return
    per = {}
    for k in missing:
        per.setdefault(ctx.reports[k].ministry, []).append(k)
    listing = ", ".join(f"{m} ({len(keys)})" for m, keys in sorted(per.items()))
    n = len(missing)
    bd.paragraph(f"Zu {goals_dative(n)} hat das federführende Ressort bis zum Abschluss der "
                 "Berichtsrunde keine Meldung abgegeben oder eine zurückgegebene Meldung nicht "
                 f"erneuert: {listing}. {verb_de(n, 'Dieses Ziel ist', 'Diese Ziele sind')} mit "
                 "dem Stand zum Abschluss eingefroren.")  # fmt: skip
    cols = [Column("Ressort", 0.9, nowrap=True), Column("Ziel", 0.7, nowrap=True, keys=True),
            Column("Titel", 3.6), Column("Meldung", 1.3, nowrap=True)]  # fmt: skip
    internal = not ctx.options.public
    if internal:
        cols.append(Column("Prüfkommentar", 2.4))
    rows = []
    for m, keys in sorted(per.items()):
        for k in keys:
            r = ctx.reports[k]
            row = [m, k, ctx.portfolio.goals[k].title, REPORT_STATE_LABELS[ReportState(r.state)]]
            if internal:
                row.append(r.review_comment or "–")
            rows.append(row)
    add_table(bd, cols, rows)


def _internal(bd: Briefing) -> None:
    ctx = bd.ctx
    keys = [k for k in ctx.keys if ctx.reports[k].remark or ctx.reports[k].review_comment]
    if not keys:
        bd.paragraph("Keine Meldung enthält eine interne Anmerkung oder einen Prüfkommentar.")
        return
    bd.paragraph("Nur für den Dienstgebrauch der Koordinierungsstelle: interne Anmerkungen der "
                 "Ressorts und Kommentare der Prüfung, mit Absender der Meldung.")  # fmt: skip
    cols = [Column("Ziel", 0.7, nowrap=True, keys=True), Column("gemeldet von", 1.6),
            Column("interne Anmerkung", 2.6), Column("Prüfkommentar", 2.4)]  # fmt: skip
    rows = []
    for k in keys:
        r = ctx.reports[k]
        who = ", ".join(t for t in (r.submitted_by, r.ministry,
                                    de_short(_day(r.submitted_at))) if t)  # fmt: skip
        rows.append([k, who or "–", r.remark or "–", r.review_comment or "–"])
    add_table(bd, cols, rows)

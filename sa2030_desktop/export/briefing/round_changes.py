"""The Umsetzungsbericht's change since the previous round: the core's comparison
(domain/reporting_compare.py) narrowed to the goals the report covers, written as tables.

Nothing here decides what is worse, shifted or in conflict – the comparison did; this module
only keeps the entries of the selected goals and words them."""

from __future__ import annotations

from dataclasses import dataclass, field

from sa2030_desktop.domain.dates import de_long, de_short
from sa2030_desktop.domain.grammar import count_de, goals_de, milestones_de, verb_de
from sa2030_desktop.domain.model import STATUS_ORDER, Portfolio, Status
from sa2030_desktop.domain.reporting_compare import Comparison
from sa2030_desktop.domain.selection import natural_key
from sa2030_desktop.export.briefing.context import BriefingContext
from sa2030_desktop.export.briefing.document import Briefing
from sa2030_desktop.export.briefing.tables import Column, add_table

WORSENED, IMPROVED, SAME = "verschlechtert", "verbessert", "unverändert"


@dataclass(slots=True)
class Changes:
    """The comparison's entries that concern the report's goals."""

    comparison: Comparison
    previous: Portfolio
    transitions: dict[tuple[Status, Status], list[str]] = field(default_factory=dict)
    worsened: list[str] = field(default_factory=list)
    improved: list[str] = field(default_factory=list)
    new_goals: list[str] = field(default_factory=list)
    removed_goals: list[str] = field(default_factory=list)
    achieved: list[str] = field(default_factory=list)
    shifted: list[tuple[str, int]] = field(default_factory=list)
    new_conflicts: list[str] = field(default_factory=list)
    resolved_conflicts: list[str] = field(default_factory=list)
    verdicts: dict[str, str] = field(default_factory=dict)  # goal → WORSENED / IMPROVED

    def counts_before(self) -> dict[Status, int]:
        """The report's goals per status in the previous round (those that existed then)."""
        before = {s: 0 for s in STATUS_ORDER}
        for (old, _new), keys in self.transitions.items():
            before[old] += len(keys)
        for key in self.removed_goals:
            before[self.previous.goals[key].status] += 1
        return before

    def trend(self, key: str) -> str:
        """The comparison's verdict on one goal."""
        return self.verdicts.get(key, SAME)


def changes_of(ctx: BriefingContext) -> Changes | None:
    """The change of the selected goals, or None without a previous round."""
    source = ctx.options.round
    if source is None or source.previous is None or source.comparison is None:
        return None
    c, before = source.comparison, source.previous
    chosen = set(ctx.keys)
    earlier = set(ctx.selection.apply(before.portfolio, before.as_of)) & set(before.reports)
    owner = {k: m.goal for k, m in ctx.portfolio.milestones.items()}
    out = Changes(c, before.portfolio)
    pairs: dict[tuple[Status, Status], list[str]] = {}
    for key, old in c.status_from.items():
        if key in chosen:
            pairs.setdefault((old, c.status_to[key]), []).append(key)
    order = {s: i for i, s in enumerate(STATUS_ORDER)}
    out.transitions = dict(sorted(pairs.items(), key=lambda t: (order[t[0][0]], order[t[0][1]])))
    out.worsened = [k for k in c.worsened if k in chosen]
    out.improved = [k for k in c.improved if k in chosen]
    out.verdicts = {k: WORSENED for k in out.worsened} | {k: IMPROVED for k in out.improved}
    out.new_goals = [k for k in c.new_goals if k in chosen]
    out.removed_goals = [k for k in c.removed_goals if k in earlier]
    out.achieved = [k for k in c.achieved_milestones if owner.get(k) in chosen]
    out.shifted = [(k, d) for k, d in c.shifted_milestones if owner.get(k) in chosen]

    def touches(pair: str) -> bool:
        return any(part in chosen for part in pair.split(">"))

    out.new_conflicts = [p for p in c.new_conflicts if touches(p)]
    out.resolved_conflicts = [p for p in c.resolved_conflicts if touches(p)]
    return out


def summary_sentence(ch: Changes) -> str:
    c = ch.comparison
    w, i = len(ch.worsened), len(ch.improved)
    s, a = len(ch.shifted), len(ch.achieved)
    n, r = len(ch.new_conflicts), len(ch.resolved_conflicts)
    return (
        f"Gegenüber der Berichtsrunde {c.from_key} (Stichtag {de_long(c.from_as_of)}) "
        f"{verb_de(w, 'hat', 'haben')} sich {goals_de(w)} verschlechtert und {goals_de(i)} "
        f"verbessert; {milestones_de(a)} {verb_de(a, 'wurde', 'wurden')} erreicht, "
        f"{milestones_de(s)} {verb_de(s, 'wurde', 'wurden')} verschoben; "
        f"{count_de(n, 'Terminkonflikt ist', 'Terminkonflikte sind')} neu, "
        f"{count_de(r, 'Terminkonflikt ist', 'Terminkonflikte sind')} gelöst."
    )


def no_previous_sentence(ctx: BriefingContext) -> str:
    key = ctx.options.round.frozen.round.key if ctx.options.round else ""
    return (f"Vor der Berichtsrunde {key} gibt es keine abgeschlossene Berichtsrunde. Ein "
            "Vergleich mit einem früheren Stand entfällt daher in diesem Bericht.")  # fmt: skip


def write_changes(bd: Briefing, ch: Changes, number: str) -> None:
    """Subsections n.1 … n.5: transitions, worse/better goals, new/removed goals, milestones,
    date conflicts."""
    ctx = bd.ctx
    before = ctx.options.round.previous.round if ctx.options.round and ctx.options.round.previous \
        else None  # fmt: skip
    title = f" „{before.title}“" if before and before.title else ""
    bd.paragraph(f"Verglichen wird mit dem eingefrorenen Stand der Berichtsrunde "
                 f"{ch.comparison.from_key}{title} zum Stichtag "
                 f"{de_long(ch.comparison.from_as_of)}. Ein Ziel gilt als verschlechtert, wenn "
                 "sein Status schlechter eingestuft ist als damals (abgeschlossen vor im Plan "
                 "und nicht begonnen vor verzögert vor gefährdet), als verbessert im "
                 "umgekehrten Fall.")  # fmt: skip
    bd.heading(f"{number}.1 Statusübergänge", 2)
    if ch.transitions:
        bd.paragraph(f"Ziele, die in beiden Berichtsrunden enthalten sind, nach ihrem Status "
                     f"zum Stichtag {de_short(ch.comparison.from_as_of)} und zum Stichtag "
                     f"{de_short(ch.comparison.to_as_of)}:")  # fmt: skip
        # Every goal of one pair has the same verdict: the first one's stands for the row.
        rows = [[old, new, len(keys), ch.trend(keys[0])]
                for (old, new), keys in ch.transitions.items()]  # fmt: skip
        cols = [Column(f"Status {ch.comparison.from_key}", 1.4, status=True),
                Column(f"Status {ch.comparison.to_key}", 1.4, status=True),
                Column("Ziele", 0.7, "right", nowrap=True),
                Column("Veränderung", 1.2, nowrap=True)]  # fmt: skip
        add_table(bd, cols, rows)
    else:
        bd.paragraph("Kein ausgewähltes Ziel ist in beiden Berichtsrunden enthalten.")
    bd.heading(f"{number}.2 Verschlechterte und verbesserte Ziele", 2)
    for keys, word in ((ch.worsened, WORSENED), (ch.improved, IMPROVED)):
        if not keys:
            bd.paragraph(f"Kein Ziel hat sich {word}.")
            continue
        bd.paragraph(f"{verb_de(len(keys), 'Verschlechtert hat', 'Verschlechtert haben')} sich "
                     f"{goals_de(len(keys))}:" if word == WORSENED else
                     f"{verb_de(len(keys), 'Verbessert hat', 'Verbessert haben')} sich "
                     f"{goals_de(len(keys))}:")  # fmt: skip
        _status_change_table(bd, ch, keys)
    bd.heading(f"{number}.3 Neue und entfallene Ziele", 2)
    _goal_list(
        bd, ch.new_goals, ctx.portfolio, "Neu aufgenommen", "Kein Ziel ist neu hinzugekommen."
    )
    _goal_list(bd, ch.removed_goals, ch.previous, "Entfallen", "Kein Ziel ist entfallen.")
    bd.heading(f"{number}.4 Meilensteine", 2)
    _achieved_table(bd, ch)
    _shifted_table(bd, ch)
    bd.heading(f"{number}.5 Terminkonflikte", 2)
    _conflicts_table(bd, ch)


def _status_change_table(bd: Briefing, ch: Changes, keys: list[str]) -> None:
    ctx = bd.ctx
    cols = [Column("Ziel", 0.7, nowrap=True, keys=True), Column("Titel", 4.0),
            Column("Feder­führung", 1.1, nowrap=True),
            Column(f"Status {ch.comparison.from_key}", 1.45, status=True),
            Column(f"Status {ch.comparison.to_key}", 1.45, status=True)]  # fmt: skip
    rows = [[k, ctx.portfolio.goals[k].title, ctx.analysis.leads.get(k, ctx.portfolio.goals[k].lead),
             ch.comparison.status_from[k], ch.comparison.status_to[k]] for k in keys]  # fmt: skip
    add_table(bd, cols, rows)


def _goal_list(bd: Briefing, keys: list[str], portfolio: Portfolio, label: str,
               none: str) -> None:  # fmt: skip
    if not keys:
        bd.paragraph(none)
        return
    bd.paragraph(f"{label}: {goals_de(len(keys))}.")
    cols = [Column("Ziel", 0.7, nowrap=True, keys=True), Column("Titel", 4.6),
            Column("Feder­führung", 1.1, nowrap=True), Column("Status", 1.45, status=True)]  # fmt: skip
    rows = [[k, portfolio.goals[k].title, portfolio.goals[k].lead, portfolio.goals[k].status]
            for k in keys]  # fmt: skip
    add_table(bd, cols, rows)


def _day(ms) -> str:
    return de_short(ms.actual or ms.forecast) if ms else "–"


def _achieved_table(bd: Briefing, ch: Changes) -> None:
    c = ch.comparison
    if not ch.achieved:
        bd.paragraph(f"Zwischen den Stichtagen {de_short(c.from_as_of)} und "
                     f"{de_short(c.to_as_of)} wurde kein Meilenstein erreicht.")  # fmt: skip
    else:
        bd.paragraph(f"Erreicht zwischen den Stichtagen {de_short(c.from_as_of)} und "
                     f"{de_short(c.to_as_of)}: {milestones_de(len(ch.achieved))}.")  # fmt: skip
        cols = [Column("Meilenstein", 1.0, nowrap=True, keys=True), Column("Titel", 4.2),
                Column("Basistermin", 1.15, "right", nowrap=True),
                Column("Ist", 1.15, "right", nowrap=True)]  # fmt: skip
        ms = bd.ctx.portfolio.milestones
        rows = [[k, ms[k].title, de_short(ms[k].baseline), de_short(ms[k].actual)]
                for k in ch.achieved]  # fmt: skip
        add_table(bd, cols, rows)


def _shifted_table(bd: Briefing, ch: Changes) -> None:
    if not ch.shifted:
        bd.paragraph("Kein Meilenstein wurde gegenüber der vorigen Berichtsrunde verschoben.")
        return
    c = ch.comparison
    bd.paragraph(f"Verschoben (maßgeblich ist das Ist-, sonst das Prognosedatum): "
                 f"{milestones_de(len(ch.shifted))}, größte Verschiebung zuerst.")  # fmt: skip
    cols = [Column("Meilenstein", 1.0, nowrap=True, keys=True), Column("Titel", 3.4),
            Column("Feder­führung", 1.0, nowrap=True),
            Column(f"Termin {c.from_key}", 1.15, "right", nowrap=True),
            Column(f"Termin {c.to_key}", 1.15, "right", nowrap=True),
            Column("Tage später", 0.9, "right", nowrap=True)]  # fmt: skip
    ctx = bd.ctx
    ms = ctx.portfolio.milestones
    rows = []
    for key, days in sorted(ch.shifted, key=lambda s: (-s[1], natural_key(s[0]))):
        goal = ms[key].goal
        rows.append([key, ms[key].title, ctx.analysis.leads.get(goal, ""),
                     _day(ch.previous.milestones.get(key)), _day(ms[key]), str(days)])  # fmt: skip
    add_table(bd, cols, rows)


def _conflicts_table(bd: Briefing, ch: Changes) -> None:
    if not ch.new_conflicts and not ch.resolved_conflicts:
        bd.paragraph("Kein Terminkonflikt ist neu entstanden, keiner wurde gelöst.")
        return
    bd.paragraph("„A>B“: Ziel A wartet auf Ziel B (harte Abhängigkeit), B wird erst nach dem "
                 "benötigten Termin fertig.")  # fmt: skip
    cols = [Column("Abhängigkeit", 1.1, nowrap=True, keys=True),
            Column("wartendes Ziel", 2.6), Column("benötigtes Ziel", 2.6),
            Column("Veränderung", 1.0, nowrap=True)]  # fmt: skip
    rows = []
    for pairs, word, portfolio in ((ch.new_conflicts, "neu", bd.ctx.portfolio),
                                   (ch.resolved_conflicts, "gelöst", ch.previous)):  # fmt: skip
        for pair in pairs:
            a, _, b = pair.partition(">")
            rows.append([pair, _named(portfolio, a), _named(portfolio, b), word])
    add_table(bd, cols, rows)


def _named(portfolio: Portfolio, key: str) -> str:
    goal = portfolio.goals.get(key)
    return f"{key} {goal.title} ({goal.lead})" if goal else key

"""The sheets `Indikatoren` and `Messwerte` of the Excel/CSV exchange (REPORTING.md, Exchange):
reading their rows into indicator records, and their rows for export.

`Messwerte` holds one row per measured value. When the sheet is there it is the series: every
indicator named in it, and every indicator of the sheet `Indikatoren`, gets exactly the values
listed (an indicator of `Indikatoren` without rows in `Messwerte` then has none). An indicator
named only in `Messwerte` must already be in the portfolio: values never create an indicator.
"""

from __future__ import annotations

from datetime import date

from sa2030_desktop.domain.codes import StoredCodes
from sa2030_desktop.domain.dates import number_exact_de, parse_number
from sa2030_desktop.domain.errors import Issue
from sa2030_desktop.domain.model import Indicator, IndicatorValue, Portfolio
from sa2030_desktop.domain.selection import natural_key
from sa2030_desktop.services.bundle import Bundle, Record

# (attribute, column) of the indicator's cells that are numbers and dates
_NUMBERS = (("baseline", "basiswert"), ("target", "zielwert"))
_DATES = (("baseline_date", "basisdatum"), ("target_date", "zieldatum"))


def number(r, name: str) -> float | None:
    """A number cell of row `r` (tabular._Row), its problem recorded with the column."""
    if name not in r.cells:
        return None
    col, value = r.cells[name]
    r.fields.add(col.attr)
    try:
        return parse_number(value)
    except (ValueError, TypeError):
        r.error("bad_number", name, field=col.attr, value=str(value)[:80])
        return None


def read_indicator(r, goal: str, name: str) -> tuple[Record, None]:
    numbers = {attr: number(r, column) for attr, column in _NUMBERS}
    dates = {attr: r.date(column) for attr, column in _DATES}
    ind = Indicator(goal, name, r.text("einheit").strip(), **numbers, **dates)
    r.fields -= {"goal", "name"}
    return Record(ind, r.place, frozenset(r.fields)), None


class ValueRows:
    """The rows of `Messwerte`, grouped by indicator, until the bundle is complete."""

    def __init__(self) -> None:
        self.series: dict[tuple[str, str], list[IndicatorValue]] = {}
        self.places: dict[tuple[str, str], dict] = {}
        self.dates: dict[tuple[str, str, date], int] = {}  # → line of its first value
        self.present = False

    def read(self, r, goal: str, name: str) -> None:
        day = r.date("datum")
        value = number(r, "wert")
        for column, given in (("datum", day), ("wert", value)):
            if given is None and column in r.cells and not r.text(column).strip():
                r.error("missing_value", column, value=column)
        key = (goal, name)
        self.places.setdefault(key, dict(r.place))
        series = self.series.setdefault(key, [])
        if day is None or value is None:
            return
        first = self.dates.setdefault((goal, name, day), r.place.get("line", 0))
        if first != r.place.get("line", 0):
            r.error("indicator_value_twice", "datum", value=day.strftime("%d.%m.%Y"))
            return
        series.append(IndicatorValue(day, value, r.text("quelle").strip()))

    def complete(self, bundle: Bundle) -> None:
        """Give each indicator its series; indicators only named here update existing ones."""
        if not self.present:
            return
        defined = {(rec.obj.goal, rec.obj.name): rec for rec in bundle.indicators}
        self._match_goals({goal for goal, _ in defined})
        for key, rec in defined.items():
            rec.obj.values = sorted(self.series.get(key, []), key=lambda v: v.date)
            rec.fields = rec.fields | {"values"}
        only_values = [k for k in self.series if k not in defined]
        for goal, name in only_values:
            values = sorted(self.series[(goal, name)], key=lambda v: v.date)
            place = self.places[(goal, name)]
            bundle.indicators.append(
                Record(Indicator(goal, name, values=values), place, frozenset({"values"}))
            )
        if only_values:
            places = {k: self.places[k] for k in only_values}
            bundle.must_exist.append(lambda current: _unknown(current, places))

    def _match_goals(self, defined: set[str]) -> None:
        """`z02` in Messwerte means the Z02 of Indikatoren (domain/codes.py): one series."""
        goal_of = StoredCodes(defined)
        series: dict[tuple[str, str], list[IndicatorValue]] = {}
        for (goal, name), values in self.series.items():
            key = (goal_of(goal), name)
            series.setdefault(key, []).extend(values)
            self.places.setdefault(key, self.places[(goal, name)])
        self.series = series


def _unknown(current: Portfolio, places: dict[tuple[str, str], dict]) -> list[Issue]:
    """Values of an indicator the portfolio does not have (and the file does not define)."""
    known = {(i.goal, i.name) for i in current.indicators}
    goal_of = StoredCodes(current.goals)
    return [
        Issue("unknown_indicator", {**place, "column": "indikator"}, {"key": goal, "value": name})
        for (goal, name), place in places.items()
        if (goal_of(goal), name) not in known
    ]  # fmt: skip


def indicator_rows(portfolio: Portfolio, dates_as_text: bool) -> tuple[list, list]:
    """(rows of `Indikatoren`, rows of `Messwerte`) in template column order. CSV cells carry
    numbers with a decimal comma, as German Excel reads them; .xlsx/.ods cells are numbers."""

    def d(day):
        return None if day is None else (day.isoformat() if dates_as_text else day)

    def n(value):
        return number_exact_de(value) if dates_as_text else value

    indicators, values = [], []
    for ind in sorted(portfolio.indicators, key=lambda i: (natural_key(i.goal), i.name)):
        indicators.append([ind.goal, ind.name, ind.unit, n(ind.baseline), d(ind.baseline_date),
                           n(ind.target), d(ind.target_date)])  # fmt: skip
        for v in sorted(ind.values, key=lambda v: v.date):
            values.append([ind.goal, ind.name, d(v.date), n(v.value), v.source])
    return indicators, values

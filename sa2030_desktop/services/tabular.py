"""Excel/CSV import (the template of EXCHANGE.md, with the indicator sheets of REPORTING.md) into
a Bundle; export delegated to `tabular_write`. Every problem is collected with file, sheet, line
and value — never just the first — and the Bundle is validated and written all-or-nothing by
`importing`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sa2030_desktop.domain.codes import StoredCodes
from sa2030_desktop.domain.dates import parse_date
from sa2030_desktop.domain.entities import KEY_FIELDS, record_key
from sa2030_desktop.domain.errors import Issue, ValidationError
from sa2030_desktop.domain.model import (
    Dependency,
    DependencyKind,
    Goal,
    Milestone,
    Portfolio,
    Status,
)
from sa2030_desktop.domain.tasks import checkpoint
from sa2030_desktop.domain.values import normalise_key, parse_priority
from sa2030_desktop.services.bundle import Bundle, Record, field_set
from sa2030_desktop.services.csv_format import RawTable, read_csv
from sa2030_desktop.services.ods_read import read_ods
from sa2030_desktop.services.tabular_indicators import ValueRows, read_indicator
from sa2030_desktop.services.tabular_schema import (
    COLUMNS,
    DEPENDENCIES,
    ENTITY_OF,
    GOALS,
    INDICATORS,
    MILESTONES,
    SHEET_NAMES,
    TABLES,
    VALUES,
    map_headers,
    recognise,
    sheet_table,
)
from sa2030_desktop.services.xlsx_format import read_workbook

WORKBOOKS = (".xlsx", ".xlsm", ".ods")

_KEY_ATTRS = {
    "key",
    "goal",
    "theme",
    "lead",
    "dependent",
    "prerequisite",
    "prerequisite_milestone",
    "dependent_milestone",
    "name",  # of an indicator: its key within the goal
}


def read_raw(sources: list[Path], issues: list[Issue]) -> dict[str, RawTable]:
    """The tables by kind, from one workbook or from CSV files (one per table)."""
    tables: dict[str, RawTable] = {}
    raw: list[tuple[str | None, RawTable]] = []
    sources = [Path(s) for s in sources]
    if len(sources) == 1 and sources[0].suffix.lower() in WORKBOOKS:
        read = read_ods if sources[0].suffix.lower() == ".ods" else read_workbook
        for t in read(sources[0], issues):
            raw.append((sheet_table(t.sheet or "") or recognise(t.headers), t))
    else:
        for src in sources:
            suffix = src.suffix.lower()
            if suffix in WORKBOOKS:
                issues.append(Issue("one_workbook_only", {"file": src.name}))
                continue
            if suffix not in (".csv", ".txt", ".tsv"):
                issues.append(
                    Issue("unknown_source_kind", {"file": src.name}, {"ext": suffix or src.name})
                )
                continue
            t = read_csv(src, issues)
            if t is not None:
                kind = recognise(t.headers)
                if kind is None:
                    issues.append(
                        Issue(
                            "unrecognised_table",
                            {"file": src.name},
                            {"headers": "; ".join(t.headers)[:200]},
                        )
                    )
                    continue
                raw.append((kind, t))
    for kind, table in raw:
        if kind is None:
            continue
        if kind in tables:
            first = tables[kind]
            issues.append(
                Issue(
                    "table_twice", _where(table), {"table": SHEET_NAMES[kind], "first": first.file}
                )
            )
            continue
        tables[kind] = table
    return tables


def _where(table: RawTable, line: int | None = None) -> dict:
    place: dict[str, object] = {"file": table.file}
    if table.sheet:
        place["sheet"] = table.sheet
    if line is not None:
        place["line"] = line
    return place


def read_tabular(sources: list[Path], mapping: dict[str, str] | None = None) -> Bundle:
    """A Bundle from an `.xlsx`/`.ods` workbook or CSV files (recognised by their headers).

    File-level problems (empty, not what the extension says, no sheets, missing columns)
    raise ValidationError at once; field problems are collected in `bundle.issues`.
    """
    sources = [Path(s) for s in sources]
    source = ", ".join(s.name for s in sources)
    issues: list[Issue] = []
    tables = read_raw(sources, issues)
    if not issues and not tables:
        issues.append(Issue("no_tables", {"file": source}))
    bundle = Bundle(source=source)
    # (reader, key columns) per table
    value_rows = ValueRows()
    readers = {
        GOALS: (_goal, ("ziel_id",)),
        MILESTONES: (_milestone, ("meilenstein_id",)),
        DEPENDENCIES: (_dependency, ("abhaengig", "benoetigt")),
        INDICATORS: (read_indicator, ("ziel_id", "indikator")),
        VALUES: (value_rows.read, ("ziel_id", "indikator")),
    }
    parsed: list[tuple[str, RawTable, list]] = []
    for kind in TABLES:
        table = tables.get(kind)
        if table is None:
            continue
        columns, unknown = map_headers(kind, table.headers, mapping)
        present = {c.name for c in columns if c is not None}
        for col in COLUMNS[kind]:
            if col.required and col.name not in present:
                issues.append(
                    Issue(
                        "missing_column",
                        _where(table, table.header_line),
                        {"value": col.name, "table": SHEET_NAMES[kind]},
                    )
                )
        for _pos, header in unknown:
            bundle.notes.append(
                Issue(
                    "extra_column",
                    {**_where(table), "column": header},
                    {"value": header, "table": kind},
                    severity="warning",
                )
            )
        # hidden sheets and rows are imported like visible ones – and said so (README)
        if getattr(table, "hidden", False):
            bundle.notes.append(Issue("hidden_sheet", _where(table), {"value": table.sheet},
                                      severity="warning"))  # fmt: skip
        hidden_rows = getattr(table, "hidden_rows", [])
        if hidden_rows:
            shown = ", ".join(str(n) for n in hidden_rows[:10]) + (
                " …" if len(hidden_rows) > 10 else ""
            )
            bundle.notes.append(Issue("hidden_rows", _where(table),
                                      {"count": len(hidden_rows), "rows": shown},
                                      severity="warning"))  # fmt: skip
        parsed.append((kind, table, columns))
    if issues:
        error = ValidationError(issues, source)
        error.notes = bundle.notes  # unknown columns: the wizard offers to map them
        raise error
    categories: list[tuple[Record, str, str]] = []
    for kind, table, columns in parsed:
        for line, values in table.rows:
            checkpoint()  # Abbrechen is noticed within a row, not after the whole workbook
            cells = {}
            for col, value in zip(columns, values, strict=False):
                if col is not None:
                    cells[col.name] = (col, value)
            place = {**_where(table, line), "entity": ENTITY_OF[kind]}
            read, key_columns = readers[kind]
            r = _Row(cells, place, bundle)
            keys = r.keys(ENTITY_OF[kind], *key_columns)
            if keys is None:
                continue
            if kind == VALUES:  # value rows complete the indicators once all are read
                read(r, *keys)
                continue
            record, category = read(r, *keys)
            getattr(bundle, kind).append(record)  # a table is named like its bundle section
            if category:
                categories.append((record, category, str(cells["kategorie"][0].name)))
    value_rows.present = VALUES in tables
    value_rows.complete(bundle)
    if categories:
        bundle.checks.append(lambda portfolio: _check_categories(portfolio, categories))
    return bundle


class _Row:
    """Cell access for one row that records each problem with its column and value."""

    def __init__(self, cells: dict, place: dict, bundle: Bundle) -> None:
        self.cells, self.place, self.bundle = cells, place, bundle
        self.fields: set[str] = set()

    def error(self, code: str, column: str, **data: object) -> None:
        self.bundle.issues.append(Issue(code, {**self.place, "column": column}, data))

    def text(self, name: str) -> str:
        if name not in self.cells:
            return ""
        col, value = self.cells[name]
        self.fields.add(col.attr)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, date):
            value = value.isoformat()
        text = str(value)
        return normalise_key(text) if col.attr in _KEY_ATTRS else text

    def date(self, name: str) -> date | None:
        if name not in self.cells:
            return None
        col, value = self.cells[name]
        self.fields.add(col.attr)
        try:
            return parse_date(value.strip() if isinstance(value, str) else value)
        except (ValueError, TypeError):
            self.error("bad_date", name, field=col.attr, value=str(value)[:80])
            return None

    def choice(self, name: str, parse, default, code: str, attr: str):
        """A code from a fixed list (status, kind); `default` for an empty or wrong cell."""
        text = self.text(name).strip()
        if not text:
            return default
        try:
            return parse(text)
        except ValueError:
            self.error(code, name, field=attr, value=text[:80])
            return default

    def keys(self, entity: str, *names: str) -> list[str] | None:
        """The key cells of the row, each empty one reported; None when one is empty."""
        values = [self.text(n) for n in names]
        for name, value in zip(names, values, strict=True):
            if not value:
                self.error("missing_value", name, value=name)
        if not all(values):
            return None
        self.place["key"] = record_key(entity, dict(zip(KEY_FIELDS[entity], values, strict=True)))
        return values

    def codes(self, name: str) -> list[str]:
        text = self.text(name)
        return [normalise_key(c) for c in text.replace(";", ",").split(",") if c.strip()]


# (attribute, column) of the goal's plain text cells, in the template's order
_GOAL_TEXTS = (
    ("title", "titel"),
    ("theme", "themenfeld_id"),
    ("lead", "federfuehrung"),
    ("description", "beschreibung"),
    ("status_reason", "status_begruendung"),
)


def _goal(r: _Row, key: str):
    status = r.choice("status", Status.parse, None, "bad_status", "status")
    if status is None:  # an empty cell keeps the stored status (a wrong one refuses the import)
        status = Status.NOT_STARTED
        r.fields.discard("status")
    priority = 2
    prio_text = r.text("prioritaet").strip()
    if prio_text:
        try:  # 1, 2 or 3; „2,9“ or 2.7 is no priority, never silently 2
            priority = parse_priority(prio_text.removesuffix(",0").removesuffix(".0"))
        except ValueError:
            r.error("bad_priority", "prioritaet", field="priority", value=prio_text[:40])
    elif "priority" in r.fields:
        r.fields.discard("priority")
    texts = {a: r.text(c) for a, c in _GOAL_TEXTS}
    goal = Goal(key=key, status=status, priority=priority, partners=r.codes("beteiligt"),
                tags=r.codes("schlagworte"), **texts)  # fmt: skip
    category = r.text("kategorie").strip() if "kategorie" in r.cells else ""
    r.fields.discard(None)
    r.fields.discard("key")
    return Record(goal, r.place, field_set(r.fields)), category


def _milestone(r: _Row, key: str):
    texts = {a: r.text(c) for a, c in (("goal", "ziel_id"), ("title", "titel"))}
    days = {a: r.date(c) for a, c in (("baseline", "basistermin"), ("forecast", "prognose"),
                                      ("actual", "ist"))}  # fmt: skip
    ms = Milestone(key=key, note=r.text("bemerkung"), **texts, **days)
    if ms.forecast is None and ms.baseline is not None:
        ms.forecast = ms.baseline  # an empty Prognose means: as planned
        r.fields.add("forecast")
    r.fields.discard("key")
    return Record(ms, r.place, field_set(r.fields)), None


def _dependency(r: _Row, dependent: str, prerequisite: str):
    kind = r.choice("art", DependencyKind.parse, DependencyKind.HARD, "bad_kind", "kind")
    dep = Dependency(
        dependent,
        prerequisite,
        kind,
        r.text("benoetigter_meilenstein") or None,
        r.text("wartender_meilenstein") or None,
        r.text("begruendung"),
    )
    r.fields -= {"dependent", "prerequisite"}
    return Record(dep, r.place, field_set(r.fields)), None


def _check_categories(portfolio: Portfolio, items) -> list[Issue]:
    """`kategorie` must agree with the theme field's category in the portfolio."""
    issues = []
    by_name = {c.name.casefold(): c.code for c in portfolio.categories.values()}
    stored = StoredCodes(portfolio.categories)  # a code in another case: domain/codes.py
    for record, given, column in items:
        place = {**record.place, "column": column}
        code = stored(given)
        if code not in portfolio.categories:
            code = by_name.get(given.casefold())
        if code is None:
            issues.append(Issue("unknown_category", place, {"value": given}))
            continue
        theme = portfolio.themes.get(record.obj.theme)
        if theme is not None and theme.category != code:
            issues.append(
                Issue("category_mismatch", place, {"value": given, "expected": theme.category})
            )
    return issues


def write_tabular(portfolio: Portfolio, target: Path) -> Path:
    """`.xlsx`/`.ods` workbook, or a folder with one CSV file per table (see `tabular_write`)."""
    from sa2030_desktop.services.tabular_write import write_csv_folder, write_ods, write_xlsx

    target = Path(target)
    if target.suffix.lower() == ".xlsx":
        return write_xlsx(portfolio, target)
    if target.suffix.lower() == ".ods":
        return write_ods(portfolio, target)
    return write_csv_folder(portfolio, target)

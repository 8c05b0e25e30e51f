"""Excel/CSV export of the template's tables (dependencies included), formula-injection
safe and atomic; the blank template with an explanation sheet and drop-down lists."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.model import STATUS_LABELS, Portfolio
from sa2030_desktop.domain.selection import natural_key
from sa2030_desktop.domain.tasks import checkpoint
from sa2030_desktop.export.atomic import atomic_folder, atomic_target, check_target
from sa2030_desktop.services.book import DropDown, Sheet
from sa2030_desktop.services.csv_format import csv_bytes
from sa2030_desktop.services.tabular_indicators import indicator_rows
from sa2030_desktop.services.tabular_schema import (
    COLUMNS,
    CSV_NAMES,
    DEPENDENCIES,
    GOALS,
    INDICATORS,
    MILESTONES,
    SHEET_NAMES,
    TABLES,
    VALUES,
    canonical_names,
)

DEMO_LABEL = "Demodaten – illustrativ"
EXPLAIN_SHEET = "Erlaeuterungen"
CODES_SHEET = "Codes"


def table_rows(portfolio: Portfolio, dates_as_text: bool) -> dict[str, list[list[object]]]:
    """Rows per table in template column order; dates as ISO text (CSV) or date values (xlsx)."""

    def d(day):
        return None if day is None else (day.isoformat() if dates_as_text else day)

    goals = []
    for g in sorted(portfolio.goals.values(), key=lambda g: natural_key(g.key)):
        theme = portfolio.themes.get(g.theme)
        goals.append(
            [
                g.key,
                theme.category if theme else "",
                g.theme,
                theme.name if theme else "",
                g.title,
                g.lead,
                ", ".join(g.partners),
                g.status.label,
                g.description,
                g.status_reason,
                g.priority,
                ", ".join(g.tags),
            ]
        )
    milestones = [
        [m.key, m.goal, m.title, d(m.baseline), d(m.forecast), d(m.actual), m.note]
        for m in sorted(portfolio.milestones.values(), key=lambda m: natural_key(m.key))
    ]
    deps = [
        [
            x.dependent,
            x.prerequisite,
            x.kind.label,
            x.prerequisite_milestone or "",
            x.rationale,
            x.dependent_milestone or "",
        ]
        for x in sorted(
            portfolio.dependencies,
            key=lambda x: (natural_key(x.dependent), natural_key(x.prerequisite)),
        )
    ]
    indicators, values = indicator_rows(portfolio, dates_as_text)
    return {GOALS: goals, MILESTONES: milestones, DEPENDENCIES: deps, INDICATORS: indicators,
            VALUES: values}  # fmt: skip


def export_sheets(portfolio: Portfolio) -> list[Sheet]:
    """The tables (dates as date values) and the explanation sheet, for .xlsx and .ods."""
    rows = table_rows(portfolio, dates_as_text=False)
    checkpoint()  # cancelled while the rows were built: stop before any file is written
    sheets = [Sheet(SHEET_NAMES[t], canonical_names(t), rows[t], _widths(t)) for t in TABLES]
    sheets.append(_explanation(portfolio))
    return sheets


def write_xlsx(portfolio: Portfolio, target: Path) -> Path:
    """Three sheets plus an explanation sheet; text cells never become formulas."""
    return _write_book(export_sheets(portfolio), Path(target))


def write_ods(portfolio: Portfolio, target: Path) -> Path:
    """The same sheets as `write_xlsx`, as an OpenDocument spreadsheet."""
    return _write_book(export_sheets(portfolio), Path(target))


def _write_book(sheets: list[Sheet], target: Path) -> Path:
    if target.suffix.lower() == ".ods":
        from sa2030_desktop.services.ods_write import write_book
    else:
        from sa2030_desktop.services.xlsx_write import write_book
    with atomic_target(target) as tmp:
        write_book(sheets, tmp)
    return target


_WIDE = {
    "titel": 50,
    "beschreibung": 60,
    "themenfeld": 30,
    "begruendung": 50,
    "status_begruendung": 40,
    "bemerkung": 40,
    "indikator": 45,
    "quelle": 30,
}


def _widths(table: str) -> list[float]:
    """Readable columns when the file is opened in Excel (dates and codes narrow, text wide)."""
    return [_WIDE.get(name, max(12, len(name) + 3)) for name in canonical_names(table)]


def _explanation(portfolio: Portfolio | None) -> Sheet:
    lines: list[list[object]] = []
    if portfolio is not None:
        title = portfolio.info.title
        lines.append([f"Export aus SA2030 Planner: {title}"])
        if portfolio.info.demo:
            lines.append([DEMO_LABEL])
        if portfolio.info.as_of:
            lines.append([f"Stichtag: {de_short(portfolio.info.as_of)}"])
    else:
        lines.append(["Vorlage für den Import in SA2030 Planner"])
    lines.append(
        [
            "Blätter: Ziele, Meilensteine, Abhaengigkeiten, Indikatoren, Messwerte (ein Wert je "
            "Zeile). Die erste Zeile enthält die Spaltennamen; zusätzliche Spalten werden beim "
            "Import ignoriert. Ist das Blatt Messwerte dabei, ersetzt es die Messreihe jedes "
            "darin oder im Blatt Indikatoren genannten Indikators."
        ]
    )
    lines.append(
        [
            "Datumsangaben als 31.03.2026 oder 2026-03-31. Alles oder nichts: ein Import mit "
            "Fehlern schreibt nichts und nennt jeden Fehler mit Blatt und Zeile."
        ]
    )
    lines.append([])
    lines.append(["Blatt", "Spalte", "Pflicht", "Bedeutung"])
    for table in TABLES:
        for col in COLUMNS[table]:
            lines.append([SHEET_NAMES[table], col.name, "ja" if col.required else "nein", col.help])
    lines.append([])
    lines.append(["Status", "Code"])
    for status, label in STATUS_LABELS.items():
        lines.append([label, status.value])
    return Sheet(EXPLAIN_SHEET, [], lines, freeze_header=False, bold_first_row=True)


def write_csv_folder(portfolio: Portfolio, target: Path) -> Path:
    """A folder with ziele.csv, meilensteine.csv, abhaengigkeiten.csv (UTF-8 with BOM, `;`).

    Written into a temporary folder beside the target, then renamed, so the folder is always
    complete. An existing folder is replaced only when it holds nothing but such an export.
    """
    target = Path(target)
    ours = set(CSV_NAMES.values()) | {"LIESMICH.txt"}
    real = check_target(target, folder=True)
    if real.is_dir() and any(p.name not in ours for p in real.iterdir()):
        raise DomainError("target_folder_foreign", path=str(target))
    rows = table_rows(portfolio, dates_as_text=True)
    with atomic_folder(target) as work:
        for table in TABLES:
            checkpoint()  # a cancel leaves only the private temporary folder, removed then
            (work / CSV_NAMES[table]).write_bytes(csv_bytes(canonical_names(table), rows[table]))
        readme = ["Export aus SA2030 Planner – die Tabellen im Format der Vorlage."]
        if portfolio.info.demo:
            readme.append(DEMO_LABEL)
        (work / "LIESMICH.txt").write_text("\r\n".join(readme) + "\r\n", encoding="utf-8-sig")
    return target


def write_template(
    target: Path, portfolio: Portfolio | None = None, as_of: date | None = None
) -> Path:
    """The blank template: headers, explanation sheet, drop-down lists for codes and statuses.
    Only ministries valid at `as_of` (default: the portfolio's Stichtag, else today) are offered:
    a ministry closed by a rename is no choice for new rows. `.ods` or `.xlsx` by the name."""
    from sa2030_desktop.domain.ministries import ministries_valid_at

    day = as_of or (portfolio.info.as_of if portfolio else None) or date.today()
    lists = {
        "status": [label for label in STATUS_LABELS.values()],
        "art": ["hart", "weich"],
        "themenfeld": sorted(portfolio.themes) if portfolio else [],
        "ressort": sorted(ministries_valid_at(portfolio, day)) if portfolio else [],
        "kategorie": sorted(portfolio.categories) if portfolio else [],
    }
    names = list(lists)
    depth = max(len(v) for v in lists.values())
    codes = Sheet(
        CODES_SHEET,
        names,
        [[v[i] if i < len(v) else None for v in lists.values()] for i in range(depth)],
        freeze_header=False,
        hidden=True,
    )
    drop = {
        GOALS: {
            "status": "status",
            "themenfeld_id": "themenfeld",
            "federfuehrung": "ressort",
            "kategorie": "kategorie",
        },
        DEPENDENCIES: {"art": "art"},
    }
    sheets = []
    for table in TABLES:
        header = canonical_names(table)
        sheet = Sheet(SHEET_NAMES[table], header, [], [max(14, len(n) + 4) for n in header])
        for column, list_name in drop.get(table, {}).items():
            if lists[list_name]:
                sheet.drop_downs.append(
                    DropDown(
                        header.index(column),
                        CODES_SHEET,
                        names.index(list_name),
                        len(lists[list_name]),
                    )
                )
        sheets.append(sheet)
    return _write_book([*sheets, codes, _explanation(None)], Path(target))

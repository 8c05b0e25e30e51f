"""Sample tables with umlauts, „quotes“ and ß, written as real CSV/XLSX files."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date
from pathlib import Path

from sa2030_desktop.persistence.store import Store

GOALS = [
    [
        "ziel_id",
        "kategorie",
        "themenfeld_id",
        "themenfeld",
        "titel",
        "federfuehrung",
        "beteiligt",
        "status",
        "beschreibung",
        "status_begruendung",
    ],
    [
        "Z1",
        "VV",
        "TF03",
        "Digitale Dienstleistungen",
        "Bürgerportal „Mein Sachsen-Anhalt“ ausbauen",
        "MID",
        "MI, MF",
        "im Plan",
        'Straße; Maß, "Zitat" und Größe',
        "läuft planmäßig",
    ],
    [
        "Z2",
        "DI",
        "TF09",
        "Open Data",
        "Größere Öffnung für Open Data",
        "MWL",
        "",
        "verzögert",
        "",
        "Ausschreibung verzögert – Einspruch",
    ],
    [
        "Z3",
        "VG",
        "TF13",
        "",
        "=SUMME(A1) – nur Text",
        "MI",
        "MID",
        "not_started",
        "+49 Hotline",
        "@intern",
    ],
]
MILESTONES = [
    ["meilenstein_id", "ziel_id", "titel", "basistermin", "prognose", "ist"],
    ["Z1-M1", "Z1", "Übergabe an das Bürgerbüro", "2026-03-31", "2026-04-30", ""],
    ["Z1-M2", "Z1", "Schlußabnahme „Portal“", "2026-09-30", "2026-09-30", ""],
    ["Z2-M1", "Z2", "Datenkatalog veröffentlicht", "2025-06-30", "2025-06-30", "2025-06-15"],
    ["Z3-M1", "Z3", "-Konzept fertig", "2027-01-15", "", ""],
]
DEPENDENCIES = [
    ["abhaengig", "benoetigt", "art", "benoetigter_meilenstein", "begruendung"],
    ["Z2", "Z1", "hart", "Z1-M1", "Daten aus dem Portal „Mein ST“ nötig; Maßnahme"],
    ["Z3", "Z1", "weich", "", ""],
]
TABLES = {"ziele": GOALS, "meilensteine": MILESTONES, "abhaengigkeiten": DEPENDENCIES}


def german_date(text: str) -> str:
    if not text or "-" not in text[:5]:
        return text
    y, m, d = text.split("-")
    return f"{d}.{m}.{y}"


def csv_text(rows: list[list[str]], sep: str, de_dates: bool, date_cols=()) -> str:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    for i, row in enumerate(rows):
        if i and de_dates:
            row = [german_date(v) if j in date_cols else v for j, v in enumerate(row)]
        writer.writerow(row)
    return buf.getvalue()


def write_csv_set(
    folder: Path, encoding: str, sep: str, de_dates: bool, tables: dict | None = None
) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, (name, rows) in enumerate((tables or TABLES).items()):
        text = csv_text(rows, sep, de_dates, date_cols=(3, 4, 5) if name == "meilensteine" else ())
        path = folder / f"{i}_{name}_export.csv"
        if encoding == "utf-8-bom":
            data = text.encode("utf-8-sig")
        else:
            data = text.encode(encoding)
        path.write_bytes(data)
        paths.append(path)
    return list(reversed(paths))  # order must not matter


def write_xlsx(
    path: Path, tables: dict | None = None, real_dates: bool = True, sheet_names: dict | None = None
) -> Path:
    from openpyxl import Workbook

    names = sheet_names or {
        "ziele": "Ziele",
        "meilensteine": "Meilensteine",
        "abhaengigkeiten": "Abhaengigkeiten",
    }
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in (tables or TABLES).items():
        ws = wb.create_sheet(names[name])
        for i, row in enumerate(rows):
            values = []
            for j, v in enumerate(row):
                if i and name == "meilensteine" and j in (3, 4, 5) and v and real_dates:
                    values.append(date.fromisoformat(v))
                else:
                    values.append(v or None)
            ws.append(values)
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    wb.save(path)
    return path


def copy_store(base: Path, target: Path) -> Store:
    shutil.copy(base, target)
    return Store.open(target)


def assert_sample_imported(store: Store) -> None:
    p = store.snapshot()
    z1, z2, z3 = p.goals["Z1"], p.goals["Z2"], p.goals["Z3"]
    assert z1.title == "Bürgerportal „Mein Sachsen-Anhalt“ ausbauen"
    assert (z1.theme, z1.lead, z1.partners, z1.status.value) == (
        "TF03",
        "MID",
        ["MI", "MF"],
        "on_track",
    )
    assert z1.description == 'Straße; Maß, "Zitat" und Größe'
    assert z1.status_reason == "läuft planmäßig"
    assert (z2.title, z2.theme, z2.lead, z2.partners, z2.status.value) == (
        "Größere Öffnung für Open Data",
        "TF09",
        "MWL",
        [],
        "delayed",
    )
    assert z2.status_reason == "Ausschreibung verzögert – Einspruch"
    assert (z3.title, z3.description, z3.status_reason) == (
        "=SUMME(A1) – nur Text",
        "+49 Hotline",
        "@intern",
    )
    assert (z3.partners, z3.status.value) == (["MID"], "not_started")
    m = p.milestones
    assert (m["Z1-M1"].title, m["Z1-M1"].baseline, m["Z1-M1"].forecast, m["Z1-M1"].actual) == (
        "Übergabe an das Bürgerbüro",
        date(2026, 3, 31),
        date(2026, 4, 30),
        None,
    )
    assert m["Z1-M2"].title == "Schlußabnahme „Portal“"
    assert m["Z2-M1"].actual == date(2025, 6, 15)
    assert (m["Z3-M1"].title, m["Z3-M1"].forecast) == ("-Konzept fertig", date(2027, 1, 15))
    deps = {d.pair: d for d in p.dependencies}
    assert set(deps) == {("Z2", "Z1"), ("Z3", "Z1")}
    d = deps[("Z2", "Z1")]
    assert (d.kind.value, d.prerequisite_milestone, d.rationale) == (
        "hard",
        "Z1-M1",
        "Daten aus dem Portal „Mein ST“ nötig; Maßnahme",
    )
    assert deps[("Z3", "Z1")].kind.value == "soft"
    assert len(p.goals) == 3 and len(p.milestones) == 4

"""Broken files are refused with every error's place; the portfolio stays exactly as it was."""

from __future__ import annotations

import zipfile

import pytest

from sa2030_desktop.domain.errors import ValidationError
from sa2030_desktop.messages import format_error
from sa2030_desktop.services.exchange import import_sources
from tests.support.exchange import GOALS, MILESTONES, TABLES, write_csv_set, write_xlsx


def _refused(store, files) -> tuple[ValidationError, str]:
    before = store.snapshot()
    log_before = len(store.changes())
    with pytest.raises(ValidationError) as info:
        import_sources(store, files)
    store.invalidate()
    assert store.snapshot() == before
    assert len(store.changes()) == log_before
    return info.value, format_error(info.value)


def _with(**changes):
    tables = dict(TABLES)
    tables.update(changes)
    return tables


def test_bad_dates_unknown_codes_and_bad_status_all_reported(fresh, tmp_path):
    goals = [
        GOALS[0],
        [*GOALS[1][:2], "TF99", *GOALS[1][3:5], "XYZ", "MI, ABC", *GOALS[1][7:]],
        [*GOALS[2][:7], "halb fertig", *GOALS[2][8:]],
        GOALS[3],
    ]
    milestones = [
        MILESTONES[0],
        ["Z1-M1", "Z1", "Start", "31.13.2026", "morgen", ""],
        *MILESTONES[2:],
    ]
    store = fresh()
    files = write_csv_set(
        tmp_path / "f", "utf-8", ";", False, _with(ziele=goals, meilensteine=milestones)
    )
    error, text = _refused(store, files)
    found = {(i.code, i.place.get("line"), str(i.data.get("value"))) for i in error.issues}
    assert ("bad_date", 2, "31.13.2026") in found
    assert ("bad_date", 2, "morgen") in found
    assert ("bad_status", 3, "halb fertig") in found
    assert ("unknown_theme", 2, "TF99") in found
    assert ("unknown_ministry", 2, "XYZ") in found
    assert ("unknown_ministry", 2, "ABC") in found
    assert "1_meilensteine_export.csv, Zeile 2, Meilenstein Z1-M1, Spalte basistermin" in text
    assert "„31.13.2026“ in „Basistermin“ ist kein Datum" in text
    assert "0_ziele_export.csv, Zeile 2, Ziel Z1: Unbekanntes Ressort „XYZ“" in text
    assert "nichts wurde übernommen" in text


def test_cycle_is_refused_with_its_path(fresh, tmp_path):
    deps = [
        TABLES["abhaengigkeiten"][0],
        ["Z1", "Z2", "hart", "", ""],
        ["Z2", "Z3", "weich", "", ""],
        ["Z3", "Z1", "hart", "", ""],
    ]
    store = fresh()
    error, text = _refused(
        store, [write_xlsx(tmp_path / "zyklus.xlsx", _with(abhaengigkeiten=deps))]
    )
    cycle = [i for i in error.issues if i.code == "cycle"]
    assert len(cycle) == 1
    path = cycle[0].data["path"]
    assert path[0] == path[-1] and set(path) == {"Z1", "Z2", "Z3"}
    assert "Kreis schließen: " + " → ".join(path) in text
    assert "Blatt Abhaengigkeiten, Zeile" in text


def test_every_separate_cycle_is_named_not_only_the_first(fresh, tmp_path):
    """EXCHANGE.md: all errors at once. Two cycles that share no goal are two errors, each
    with its own row, so the planner need not import again to find the second one."""
    goals = [*GOALS, ["Z4", "VG", "TF13", "", "Zweites Netz", "MI", "", "im Plan", "", ""]]
    deps = [
        TABLES["abhaengigkeiten"][0],
        ["Z2", "Z1", "hart", "", ""],
        ["Z1", "Z2", "weich", "", ""],
        ["Z3", "Z4", "hart", "", ""],
        ["Z4", "Z3", "hart", "", ""],
    ]
    store = fresh()
    error, text = _refused(
        store, [write_xlsx(tmp_path / "zyklen.xlsx", _with(ziele=goals, abhaengigkeiten=deps))]
    )
    cycles = [i for i in error.issues if i.code == "cycle"]
    assert sorted(sorted(set(i.data["path"])) for i in cycles) == [["Z1", "Z2"], ["Z3", "Z4"]]
    for issue in cycles:
        path = issue.data["path"]
        assert path[0] == path[-1]
        assert "Kreis schließen: " + " → ".join(path) in text
    assert {i.place["line"] for i in cycles} <= {2, 3, 4, 5} and len(cycles) == 2


def test_missing_columns_are_named(fresh, tmp_path):
    goals = [[c for c in row if c != row[4]] for row in GOALS]  # no titel
    goals = [
        row[:4] + row[5:] if i else row
        for i, row in enumerate(
            [[h for h in GOALS[0] if h != "titel"]] + [r[:4] + r[5:] for r in GOALS[1:]]
        )
    ]
    ms = [[h for h in MILESTONES[0] if h != "basistermin"]] + [
        r[:3] + r[4:] for r in MILESTONES[1:]
    ]
    store = fresh()
    error, text = _refused(
        store,
        write_csv_set(tmp_path / "m", "utf-8", ";", False, _with(ziele=goals, meilensteine=ms)),
    )
    assert {(i.code, i.data["value"]) for i in error.issues} == {
        ("missing_column", "titel"),
        ("missing_column", "basistermin"),
    }
    assert "Pflichtspalte „titel“ fehlt" in text


def test_duplicate_keys_and_category_mismatch(fresh, tmp_path):
    goals = [*GOALS, ["Z1", "VV", "TF03", "", "Nochmal", "MID", "", "im Plan", "", ""]]
    goals[2] = [*goals[2][:1], "VG", *goals[2][2:]]  # Z2 is TF09 (DI), not VG
    store = fresh()
    error, text = _refused(store, [write_xlsx(tmp_path / "d.xlsx", _with(ziele=goals))])
    codes = {(i.code, i.place.get("line"), i.place.get("key")) for i in error.issues}
    assert ("duplicate_key", 5, "Z1") in codes
    assert ("category_mismatch", 3, "Z2") in codes
    assert "Blatt Ziele, Zeile 3, Ziel Z2, Spalte kategorie: Kategorie „VG“ passt nicht" in text


@pytest.mark.parametrize(
    "kind", ["empty_csv", "xlsx_is_csv", "csv_is_xlsx", "no_sheets", "unknown_table", "empty_xlsx"]
)
def test_files_that_are_not_what_they_claim(fresh, tmp_path, kind):
    store = fresh()
    if kind == "empty_csv":
        path = tmp_path / "ziele.csv"
        path.write_bytes(b"")
        expect = "Die Datei ist leer"
    elif kind == "empty_xlsx":
        path = tmp_path / "leer.xlsx"
        path.write_bytes(b"")
        expect = "Die Datei ist leer"
    elif kind == "xlsx_is_csv":
        path = tmp_path / "mappe.xlsx"
        path.write_text("ziel_id;titel\nZ1;x\n", encoding="utf-8")
        expect = "keine Excel-Mappe"
    elif kind == "csv_is_xlsx":
        path = write_xlsx(tmp_path / "x.xlsx")
        path = path.rename(tmp_path / "ziele.csv")
        expect = "keine CSV-Textdatei"
    elif kind == "no_sheets":
        path = write_xlsx(
            tmp_path / "s.xlsx",
            sheet_names={
                "ziele": "Tabelle1",
                "meilensteine": "Tabelle2",
                "abhaengigkeiten": "Tabelle3",
            },
        )
        expect = "keines der Blätter „Ziele“"
    else:
        path = tmp_path / "notizen.csv"
        path.write_text("a;b;c\n1;2;3\n", encoding="utf-8")
        expect = "an ihren Spaltennamen nicht zu erkennen"
    _error, text = _refused(store, [path])
    assert expect in text and path.name in text


def test_zip_bomb_is_refused_before_parsing(fresh, tmp_path):
    path = write_xlsx(tmp_path / "bombe.xlsx")
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/media/leer.bin", b"\0" * (300 * 1024 * 1024))
    assert path.stat().st_size < 2 * 1024 * 1024
    _error, text = _refused(fresh(), [path])
    assert "unverhältnismäßig groß" in text


def test_xml_entities_are_refused(fresh, tmp_path):
    src = write_xlsx(tmp_path / "ok.xlsx")
    path = tmp_path / "entity.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                dtd = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
                if data.startswith(b"<?xml"):
                    end = data.index(b"?>") + 2
                    data = data[:end] + dtd + data[end:]
                else:
                    data = dtd + data
                data = data.replace(b"<t>Z1</t>", b"<t>&b;</t>", 1)
            zout.writestr(item, data)
    _error, text = _refused(fresh(), [path])
    assert "XML-Entitäten" in text and "sheet1.xml" in text
    # second line of defence: openpyxl itself (defusedxml) refuses to expand the entities
    from openpyxl import load_workbook

    with pytest.raises(Exception) as info:
        wb = load_workbook(path, read_only=True, data_only=True)
        [c.value for row in wb.worksheets[0].iter_rows() for c in row]
    assert "Entit" in type(info.value).__name__ or "entit" in str(info.value).lower()


def test_openpyxl_itself_uses_defusedxml():
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML is True


def test_fast_reader_never_expands_entities_even_unchecked(tmp_path):
    """Even without the pre-check, the lxml reader neither resolves entities nor loads DTDs."""
    import zipfile as zf_mod

    from sa2030_desktop.services import xlsx_fast

    src = write_xlsx(tmp_path / "ok.xlsx")
    path = tmp_path / "entity.xlsx"
    dtd = b'<!DOCTYPE x [<!ENTITY a "GEHEIMGEHEIM"><!ENTITY b "&a;&a;&a;">]>'
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = dtd + data.split(b"?>", 1)[-1] if data.startswith(b"<?xml") else dtd + data
                data = data.replace(b"<t>Z1</t>", b"<t>&b;</t>", 1)
            zout.writestr(item, data)
    with zf_mod.ZipFile(path) as z:
        try:
            rows = list(xlsx_fast.read_rows(z, "xl/worksheets/sheet1.xml", [], set()))
        except Exception:
            return  # refused: fine
    assert not any("GEHEIM" in str(v) for _n, values in rows for v in values)


def test_fast_reader_and_openpyxl_agree(tmp_path):
    from sa2030_desktop.services.xlsx_format import _read_fast, _read_openpyxl

    path = write_xlsx(tmp_path / "m.xlsx")
    fast, names = _read_fast(path)
    slow, slow_names = _read_openpyxl(path, [])
    assert names == slow_names
    assert [(t.sheet, t.headers, t.header_line) for t in fast] == [
        (t.sheet, t.headers, t.header_line) for t in slow
    ]
    for a, b in zip(fast, slow, strict=True):
        assert len(a.rows) == len(b.rows)
        for (n, v), (m, w) in zip(a.rows, b.rows, strict=True):
            width = max(len(v), len(w))
            assert n == m
            assert v + [None] * (width - len(v)) == w + [None] * (width - len(w))


def _csv(path, text):
    path.write_text(text, encoding="utf-8")
    return path


HEAD = "ziel_id,kategorie,themenfeld_id,themenfeld,titel,federfuehrung,beteiligt,status\n"


def test_a_row_wider_than_its_header_is_named_not_shifted(fresh, tmp_path):
    """A comma inside a title without quotes (written by hand or by a tool that does not
    quote) pushed every later cell one column to the right; the import then blamed an
    „unknown Ressort »mit Komma«“. The row is named with its count of fields instead."""
    store = fresh()
    src = _csv(tmp_path / "ziele.csv", HEAD
               + "K4,VV,TF01,,Titel, mit Komma,MID,,im Plan\n"
               + "K5,VV,TF01,,Ohne Komma,MID,,im Plan\n"
               + "K6,VV,TF02,,Noch eins, und noch, eins,MF,,im Plan\n")  # fmt: skip
    error, text = _refused(store, [src])
    found = [(i.code, i.place.get("line"), i.data.get("count")) for i in error.issues]
    assert found == [("csv_row_width", 2, 9), ("csv_row_width", 4, 10)], text
    assert "ziele.csv, Zeile 2: Die Zeile hat 9 Felder, die Kopfzeile 8" in text
    assert "(Trennzeichen „,“)" in text and "Anführungszeichen" in text


def test_a_row_in_another_separator_is_named(fresh, tmp_path):
    store = fresh()
    mixed = HEAD.replace(",", ";") + "K7,VV,TF01,,Gemischt,MID,,im Plan\n"
    src = _csv(tmp_path / "ziele.csv", mixed)
    error, text = _refused(store, [src])
    assert [(i.code, i.place.get("line")) for i in error.issues] == [("csv_row_one_field", 2)], text
    assert "ziele.csv, Zeile 2: Die Zeile hat 1 Feld, die Kopfzeile 8 (Trennzeichen „;“)" in text


def test_a_row_without_its_empty_last_fields_is_still_read(fresh, tmp_path):
    store = fresh()
    src = _csv(tmp_path / "ziele.csv", HEAD + "K8,VV,TF01,,Kurz,MID\n")
    import_sources(store, [src])
    assert store.snapshot().goals["K8"].lead == "MID"

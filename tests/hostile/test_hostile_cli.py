"""Every subcommand against a table of hostile inputs (issue 16): exit status 1 or 2, one
German message on stderr without traceback or English fragments, the portfolio's sha256
unchanged, no stray files (-wal/-shm, temporary files) beside it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.hostile.conftest import assert_german, leftovers, sha256

LONG = "x" * 300


def _json(folder: Path, name: str, goals=None, **sections) -> Path:
    doc = {"format": "sa2030-portfolio", "version": 1, "goals": goals or [], **sections}
    path = folder / name
    path.write_text(json.dumps(doc, ensure_ascii=False, allow_nan=True), encoding="utf-8")
    return path


def _goal(**fields) -> dict:
    return {"key": "Z01", "title": "T", "theme": "TF01", "lead": "MID", **fields}


def _sources(folder: Path) -> dict[str, Path]:
    """Hostile import files, one problem each."""
    deep = folder / "tief.json"
    deep.write_text('{"format": "sa2030-portfolio", "version": 1, "goals": ' + "[" * 10_000
                    + "]" * 10_000 + "}", encoding="utf-8")  # fmt: skip
    dup = folder / "doppelt.json"
    dup.write_text('{"format": "sa2030-portfolio", "version": 1, "goals": [{"key": "Z01", '
                   '"key": "Z02", "title": "T", "theme": "TF01", "lead": "MID"}]}')  # fmt: skip
    inf = folder / "unendlich.json"
    inf.write_text(json.dumps({"format": "sa2030-portfolio", "version": 1,
                               "goals": [_goal(priority=float("inf"))]}))  # fmt: skip
    out = {
        "deep": deep,
        "duplicate-key": dup,
        "priority-inf": inf,
        "priority-1e30": _json(folder, "p30.json", [_goal(priority=1e30)]),
        "priority-minus5": _json(folder, "pm5.json", [_goal(priority=-5)]),
        "priority-0": _json(folder, "p0.json", [_goal(priority=0)]),
        "priority-99": _json(folder, "p99.json", [_goal(priority=99)]),
        "priority-true": _json(folder, "ptrue.json", [_goal(priority=True)]),
        "priority-2.7": _json(folder, "p27.json", [_goal(priority=2.7)]),
        "priority-2,9": _json(folder, "p29.json", [_goal(priority="2,9")]),
        "empty-key": _json(folder, "leer.json", [_goal(key="")]),
        "newline-key": _json(folder, "zeile.json", [_goal(key="Z\n1")]),
        "separator-key": _json(folder, "pfeil.json", [_goal(key="Z1>Z2")]),
        "invisible-key": _json(folder, "unsichtbar.json", [_goal(key="Z0\u200b1")]),
        "long-key": _json(folder, "lang.json", [_goal(key="Z" * 41)]),
        "year-9999": _json(
            folder,
            "y9999.json",
            milestones=[{"key": "Z01-M9", "goal": "Z01", "title": "T", "baseline": "9999-12-31"}],
        ),
        "year-0001": _json(
            folder,
            "y1.json",
            milestones=[{"key": "Z01-M9", "goal": "Z01", "title": "T", "baseline": "0001-01-01"}],
        ),
        "nan-target": _json(
            folder, "nan.json", indicators=[{"goal": "Z01", "name": "I", "target": float("nan")}]
        ),
        "sort-text": _json(folder, "sort.json", categories=[{"code": "VV", "name": "x", "sort": "abc"}]),
        "sort-huge": _json(folder, "sort2.json", themes=[
            {"code": "TF01", "name": "x", "category": "VV", "sort": 1e300}]),
        "goals-object": folder / "objekt.json",
        "no-version": folder / "ohneversion.json",
        "csv-priority": folder / "ziele.csv",
        "binary-csv": folder / "binaer.csv",
    }
    out["goals-object"].write_text('{"format": "sa2030-portfolio", "version": 1, "goals": {}}')
    out["no-version"].write_text('{"format": "sa2030-portfolio", "goals": []}')
    out["csv-priority"].write_text(
        "ziel_id;kategorie;themenfeld_id;themenfeld;titel;federfuehrung;beteiligt;status;prioritaet\n"
        "Z01;VV;TF01;;Titel;MID;;im Plan;2,9\n", encoding="utf-8")  # fmt: skip
    out["binary-csv"].write_bytes(b"PK\x03\x04" + bytes(range(256)) * 10)
    return out


IMPORT_CASES = [
    "deep", "duplicate-key", "priority-inf", "priority-1e30", "priority-minus5", "priority-0",
    "priority-99", "priority-true", "priority-2.7", "priority-2,9", "empty-key", "newline-key",
    "separator-key", "invisible-key", "long-key", "year-9999", "year-0001", "nan-target",
    "goals-object", "no-version", "csv-priority", "binary-csv", "sort-text", "sort-huge",
]  # fmt: skip


@pytest.mark.parametrize("dry_run", [False, True], ids=["import", "dry-run"])
@pytest.mark.parametrize("case", IMPORT_CASES)
def test_hostile_import_is_refused_the_same_with_and_without_dry_run(cli, demo, tmp_path, case,
                                                                     dry_run):  # fmt: skip
    source = _sources(tmp_path)[case]
    digest = sha256(demo)
    code, out, err = cli("import", demo, source, *(["--dry-run"] if dry_run else []))
    assert code == 1, (out, err)
    assert_german(err)
    assert "nichts wurde übernommen" in err or "nichts" in err
    assert sha256(demo) == digest
    assert leftovers(tmp_path) == []


def test_a_key_in_another_unicode_form_is_the_same_goal(cli, demo, tmp_path):
    decomposed = "Ze\u0301"  # „Zé“ as e + combining accent
    source = _json(tmp_path, "nfd.json", [_goal(key=decomposed)])
    code, _, err = cli("import", demo, source)
    assert code == 0, err
    code, out, err = cli("goal", demo, "Z\u00e9", "--json")
    assert code == 0, err
    assert json.loads(out)["key"] == "Z\u00e9"
    code, out, err = cli("goal", demo, decomposed, "--json")  # either form finds it
    assert code == 0 and json.loads(out)["key"] == "Z\u00e9"


def _damaged(kind: str, demo: Path) -> Path:
    sql = {
        "lost-table": "DROP TABLE indicator",
        "text-in-date": "UPDATE milestone SET forecast = 'kein Datum' WHERE rowid = 1",
        "user-version-0": "PRAGMA user_version = 0",
    }.get(kind)
    if sql:
        conn = sqlite3.connect(demo)
        conn.execute(sql)
        conn.commit()
        conn.close()  # the last connection folds the WAL in: the file alone holds the damage
    elif kind == "damaged-pages":
        import random

        rnd = random.Random(16)
        with open(demo, "r+b") as fh:
            for page in (20, 40, 60):
                fh.seek(4096 * page + 200)
                fh.write(bytes(rnd.randrange(256) for _ in range(2000)))
    for side in ("-wal", "-shm"):
        Path(f"{demo}{side}").unlink(missing_ok=True)
    return demo


READERS = [
    ["check", "{file}"],
    ["stats", "{file}"],
    ["goal", "{file}", "Z01"],
    ["whatif", "{file}", "--set", "Z01-M1=2027-01-01"],
    ["export", "{file}", "{dir}/aus.json"],
    ["graph", "{file}", "{dir}/g.svg"],
    ["timeline", "{file}", "{dir}/t.pdf"],
    ["briefing", "{file}", "{dir}/b.docx", "--kind", "status"],
    ["copy", "{file}", "{dir}/kopie.sa2030"],
    ["package", "{file}", "MID", "{dir}/paket.sa2030"],
    ["import", "{file}", "{dir}/leer.json"],
    ["ministry", "rename", "{file}", "MID", "MDX", "--name", "X", "--effective", "2027-01-01"],
]
READER_IDS = ["-".join(a for a in r[:2] if not a.startswith("{")) for r in READERS]


@pytest.mark.parametrize("command", READERS, ids=READER_IDS)
@pytest.mark.parametrize("kind", ["lost-table", "text-in-date", "user-version-0", "damaged-pages"])
def test_a_damaged_portfolio_is_refused_in_german_and_left_alone(cli, demo, tmp_path, command,
                                                                 kind):  # fmt: skip
    _json(tmp_path, "leer.json")
    out_dir = tmp_path / "aus"
    out_dir.mkdir()
    path = _damaged(kind, demo)
    digest = sha256(path)
    args = [a.format(file=path, dir=out_dir) for a in command]
    code, out, err = cli(*args)
    if kind == "user-version-0":
        # an older format: a writable open migrates it (with a backup first), a reading
        # command reads a migrated temporary copy and leaves the file as it was
        assert code in (0, 1), err
        if command[0] in READERS_ONLY:
            assert sha256(path) == digest
    else:
        assert code == 1, (out, err)
        assert_german(err)
        assert sha256(path) == digest
        assert list(out_dir.iterdir()) == []
    assert leftovers(tmp_path) == []


READERS_ONLY = {"check", "stats", "goal", "whatif", "export", "graph", "timeline", "briefing",
                "copy", "package"}  # fmt: skip


BAD_FILES = {
    "missing": lambda d: d / "fehlt.sa2030",
    "folder": lambda d: (d / "ordner.sa2030").mkdir() or d / "ordner.sa2030",
    "empty": lambda d: (d / "leer.sa2030").write_bytes(b"") or d / "leer.sa2030",
    "text": lambda d: (d / "text.sa2030").write_text("kein SQLite\n" * 100) or d / "text.sa2030",
    "long-name": lambda d: d / (LONG + ".sa2030"),
    "fifo": lambda d: __import__("os").mkfifo(d / "pipe.sa2030") or d / "pipe.sa2030",
}


@pytest.mark.parametrize("command", READERS, ids=READER_IDS)
@pytest.mark.parametrize("bad", list(BAD_FILES))
def test_a_file_that_is_no_portfolio_is_refused_in_german(cli, tmp_path, command, bad):
    _json(tmp_path, "leer.json")
    out_dir = tmp_path / "aus"
    out_dir.mkdir()
    path = BAD_FILES[bad](tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    code, out, err = cli(*[a.format(file=path, dir=out_dir) for a in command])
    assert code == 1, (out, err)
    assert_german(err)
    assert LONG not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert list(out_dir.iterdir()) == []


@pytest.mark.parametrize("command", [
    ["stats", "{file}", "--as-of", "9999-12-31"],
    ["stats", "{file}", "--as-of", "0001-01-01"],
    ["timeline", "{file}", "{dir}/t.pdf", "--as-of", "9999-12-31"],
    ["briefing", "{file}", "{dir}/b.docx", "--kind", "status", "--as-of", "9999-12-31"],
    ["whatif", "{file}", "--set", "Z01-M1=9999-12-31"],
    ["ministry", "rename", "{file}", "MID", "neu x", "--name", "X", "--effective", "2027-01-01"],
    ["ministry", "rename", "{file}", "MID", "MDX", "--name", "X", "--effective", "9999-01-01"],
    ["goal", "{file}", "Z\u200b01"],
    ["import", "{file}", "{dir}/a.json", "{dir}/a.json"],
], ids=["as-of-9999", "as-of-0001", "timeline-9999", "briefing-9999", "whatif-9999",
        "rename-bad-code", "rename-9999", "goal-invisible", "import-twice"])  # fmt: skip
def test_hostile_arguments_are_refused_in_german(cli, demo, tmp_path, command):
    out_dir = tmp_path / "aus"
    out_dir.mkdir()
    _json(out_dir, "a.json", [_goal(title="Neu")])
    digest = sha256(demo)
    code, out, err = cli(*[a.format(file=demo, dir=out_dir) for a in command])
    assert code in (1, 2), (out, err)
    assert_german(err.split("Falscher Aufruf:")[-1])  # argparse's usage line is German too
    assert sha256(demo) == digest
    assert sorted(p.name for p in out_dir.iterdir()) == ["a.json"]
    assert leftovers(tmp_path) == []


def test_an_exported_csv_folder_imports_with_its_own_readme(cli, demo, tmp_path):
    folder = tmp_path / "csv"
    assert cli("export", demo, folder)[0] == 0
    code, out, err = cli("import", demo, *sorted(folder.iterdir()), "--dry-run")
    assert code == 0, err
    assert "0 neu" in out


def test_an_internal_error_names_the_log_and_shows_no_traceback(cli, demo, monkeypatch):
    import os

    from sa2030_desktop.services import portfolio

    def broken(*_a, **_k):
        return {}["fehlt"]

    monkeypatch.setattr(portfolio, "stats", broken)
    code, _, err = cli("stats", demo)
    assert code == 1
    log = Path(os.environ["SA2030_DATA_DIR"]) / "fehlerprotokoll.txt"
    assert err.startswith("sa2030 stats: Interner Fehler (KeyError in ")
    assert f"„{log}“" in err and "Traceback" not in err
    assert "KeyError: 'fehlt'" in log.read_text(encoding="utf-8")


def test_hidden_sheets_and_rows_are_imported_with_a_note(cli, demo, tmp_path):
    from openpyxl import load_workbook

    book = tmp_path / "export.xlsx"
    assert cli("export", demo, book)[0] == 0
    wb = load_workbook(book)
    wb["Meilensteine"].sheet_state = "hidden"
    wb["Ziele"].row_dimensions[3].hidden = True
    wb["Ziele"].row_dimensions[5].hidden = True
    wb.save(book)
    code, out, err = cli("import", demo, book, "--dry-run")
    assert code == 0, err
    assert "Das Blatt „Meilensteine“ ist ausgeblendet" in err
    assert "Ausgeblendete Zeilen (2: Zeile 3, 5)" in err
    assert_german(err.replace("Hinweis:", ""))


def test_hidden_rows_of_an_ods_are_imported_with_a_note(cli, demo, tmp_path):
    import re
    import zipfile

    book = tmp_path / "export.ods"
    assert cli("export", demo, book)[0] == 0
    hidden = tmp_path / "versteckt.ods"
    with zipfile.ZipFile(book) as zin, zipfile.ZipFile(hidden, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "content.xml":
                text = data.decode("utf-8")
                start = text.index('table:name="Ziele"')
                rows = [m.start() for m in re.finditer(r"<table:table-row\b", text[start:])]
                at = start + rows[2]  # the third row of Ziele: Calc's row 3
                text = text[:at] + '<table:table-row table:visibility="collapse"' + text[
                    at + len("<table:table-row"):]  # fmt: skip
                data = text.encode("utf-8")
            zout.writestr(item, data)
    code, out, err = cli("import", demo, hidden, "--dry-run")
    assert code == 0, err
    assert "Ausgeblendete Zeilen (1: Zeile 3)" in err


def test_a_hidden_ods_sheet_is_imported_with_a_note(cli, demo, tmp_path):
    import zipfile

    book = tmp_path / "export.ods"
    assert cli("export", demo, book)[0] == 0
    hidden = tmp_path / "versteckt.ods"
    style = ('<style:style style:name="taHid" style:family="table">'
             '<style:table-properties table:display="false"/></style:style>')  # fmt: skip
    with zipfile.ZipFile(book) as zin, zipfile.ZipFile(hidden, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "content.xml":
                text = data.decode("utf-8").replace("<office:automatic-styles>",
                                                    "<office:automatic-styles>" + style, 1)  # fmt: skip
                text = text.replace('table:name="Meilensteine" table:style-name="ta1"',
                                    'table:name="Meilensteine" table:style-name="taHid"')  # fmt: skip
                data = text.encode("utf-8")
            zout.writestr(item, data)
    code, out, err = cli("import", demo, hidden, "--dry-run")
    assert code == 0, err
    assert "Das Blatt „Meilensteine“ ist ausgeblendet" in err


@pytest.mark.parametrize("damage", ["deflate", "crc"])
def test_a_damaged_workbook_part_is_refused_in_german(cli, demo, tmp_path, damage):
    import zipfile

    from sa2030_desktop.cli.exchange_commands import reference_portfolio
    from sa2030_desktop.services.tabular_write import write_template

    book = write_template(tmp_path / "vorlage.xlsx", reference_portfolio())
    bad = tmp_path / "kaputt.xlsx"
    if damage == "deflate":  # compressed data that no longer inflates
        data = bytearray(book.read_bytes())
        with zipfile.ZipFile(book) as zf:
            info = zf.infolist()[2]
        data[info.header_offset + 30 + len(info.filename) + len(info.extra) + 5] ^= 0xFF
    else:  # stored data changed: only the CRC-32 notices
        with zipfile.ZipFile(book) as zin, zipfile.ZipFile(bad, "w", zipfile.ZIP_STORED) as zout:
            for item in zin.infolist():
                zout.writestr(item.filename, zin.read(item))
        data = bytearray(bad.read_bytes())
        data[data.find(b"<sheetData") + 3] ^= 0x01
    bad.write_bytes(bytes(data))
    digest = sha256(demo)
    code, out, err = cli("import", demo, bad)
    assert code == 1, (out, err)
    assert_german(err)
    assert "beschädigt" in err and "Interner Fehler" not in err
    assert sha256(demo) == digest


@pytest.mark.parametrize("kind", ["fifo", "device-link"])
def test_an_import_source_that_never_ends_is_refused(cli, demo, tmp_path, kind):
    import os

    source = tmp_path / ("rohr.csv" if kind == "fifo" else "null.json")
    if kind == "fifo":
        os.mkfifo(source)
    else:
        source.symlink_to("/dev/zero")
    digest = sha256(demo)
    code, out, err = cli("import", demo, source)
    assert code == 1, (out, err)
    assert_german(err)
    assert "keine gewöhnliche Datei" in err
    assert sha256(demo) == digest
    assert leftovers(tmp_path) == []

"""`sa2030 import`/`export` with Excel and CSV as cabinet staff script them."""

from __future__ import annotations

import subprocess
import sys

from sa2030_desktop.persistence.store import Store
from tests.support.exchange import MILESTONES, TABLES, write_csv_set, write_xlsx


def _cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "sa2030_desktop.cli.main", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_import_csv_then_export_xlsx_and_reimport(base_file, tmp_path):
    import shutil

    target = tmp_path / "p.sa2030"
    shutil.copy(base_file, target)
    files = write_csv_set(tmp_path / "csv", "cp1252", "\t", True)
    run = _cli("import", target, *files)
    assert run.returncode == 0, run.stderr
    assert "Import übernommen: 9 neu, 0 geändert, 0 unverändert." in run.stdout
    run = _cli("export", target, tmp_path / "aus.xlsx")
    assert run.returncode == 0, run.stderr
    again = tmp_path / "q.sa2030"
    shutil.copy(base_file, again)
    run = _cli("import", again, tmp_path / "aus.xlsx", "--dry-run", "--json")
    assert run.returncode == 0 and '"added": 3' in run.stdout


def test_import_refused_names_every_place_and_writes_nothing(base_file, tmp_path):
    import shutil

    target = tmp_path / "p.sa2030"
    shutil.copy(base_file, target)
    ms = [MILESTONES[0], ["Z1-M1", "Z9", "x", "2026-13-01", "", ""], *MILESTONES[2:]]
    book = write_xlsx(tmp_path / "kaputt.xlsx", {**TABLES, "meilensteine": ms}, real_dates=False)
    run = _cli("import", target, book)
    assert run.returncode == 1
    assert "kaputt.xlsx, Blatt Meilensteine, Zeile 2, Meilenstein Z1-M1, Spalte basistermin" in (
        run.stderr
    )
    assert "Unbekanntes Ziel „Z9“" in run.stderr and "nichts wurde übernommen" in run.stderr
    store = Store.open(target, readonly=True)
    try:
        assert store.snapshot().goals == {}
    finally:
        store.close()

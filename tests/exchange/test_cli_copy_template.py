"""`sa2030 copy` leaves only the copy (no -wal/-shm beside it or the original);
`sa2030 template --file` offers only ministries valid at the Stichtag."""

from __future__ import annotations

import shutil
from datetime import date, timedelta

from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services.exchange import import_sources
from sa2030_desktop.services.reference import rename_ministry
from tests.exchange.test_cli_exchange import _cli
from tests.support.exchange import write_csv_set


def test_copy_leaves_only_the_file(base_file, tmp_path):
    folder = tmp_path / "ordner"
    folder.mkdir()
    office = folder / "office.sa2030"
    shutil.copy(base_file, office)
    store = Store.open(office)
    import_sources(store, write_csv_set(tmp_path / "csv", "utf-8", ";", False))
    store.close()
    assert sorted(p.name for p in folder.iterdir()) == ["office.sa2030"]
    run = _cli("copy", office, folder / "laptop.sa2030")
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["laptop.sa2030", "office.sa2030"]
    copy = Store.open(folder / "laptop.sa2030", readonly=True)
    try:
        assert sorted(copy.snapshot().goals) == ["Z1", "Z2", "Z3"]
    finally:
        copy.close()
    assert sorted(p.name for p in folder.iterdir()) == ["laptop.sa2030", "office.sa2030"]


def _ressort_choices(path):
    from openpyxl import load_workbook

    wb = load_workbook(path)
    header = [c.value for c in wb["Codes"][1]]
    col = header.index("ressort")
    return [r[col] for r in wb["Codes"].iter_rows(min_row=2, values_only=True) if r[col]]


def test_template_offers_only_ministries_valid_at_the_stichtag(base_file, tmp_path):
    target = tmp_path / "p.sa2030"
    shutil.copy(base_file, target)
    store = Store.open(target)
    codes = sorted(store.snapshot().ministries)
    old = codes[0]
    effective = date.today() - timedelta(days=30)
    rename_ministry(store, [old], "MNEU", "Ministerium mit neuem Namen", effective)
    store.close()
    run = _cli("template", tmp_path / "heute.xlsx", "--file", target)
    assert run.returncode == 0, run.stderr
    today = _ressort_choices(tmp_path / "heute.xlsx")
    assert old not in today and "MNEU" in today
    assert set(today) == (set(codes) - {old}) | {"MNEU"}
    before = (effective - timedelta(days=10)).strftime("%d.%m.%Y")
    run = _cli("template", tmp_path / "frueher.xlsx", "--file", target, "--as-of", before)
    assert run.returncode == 0, run.stderr
    earlier = _ressort_choices(tmp_path / "frueher.xlsx")
    assert old in earlier and "MNEU" not in earlier

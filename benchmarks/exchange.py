"""Benchmark: Excel/CSV import and export, and the three-way merge, for large portfolios.

    .venv/bin/python benchmarks/exchange.py [--sizes 1000 10000] [--runs 3] [--no-merge]

Prints size × operation → median seconds (and the ratio to a raw read of the same file with
openpyxl / the csv module, measured in the same run). Not collected by pytest.

The writers and readers we chose are measured against the alternatives in the same run:
„export xlsx (openpyxl write-only)“ writes the same sheets with openpyxl's streaming mode (the
writer before XlsxWriter); „raw read ods (odfpy)“ loads the .ods with odfpy (when installed:
`pip install odfpy`) and walks its cells, against „raw read ods (ods_read)“, our lxml reader.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sa2030_desktop.persistence.store import Store  # noqa: E402
from sa2030_desktop.services import merge  # noqa: E402
from sa2030_desktop.services.exchange import export_to, import_sources  # noqa: E402
from sa2030_desktop.services.merge_state import save_copy_with_base  # noqa: E402
from sa2030_desktop.services.portfolio import create_portfolio, import_json  # noqa: E402

MINISTRIES = ["StK", "MI", "MF", "MJ", "MB", "MS", "MWL", "MWU", "MID"]


def document(n: int, seed: int = 7) -> dict:
    rnd = random.Random(seed)
    goals, milestones, deps = [], [], []
    start = date(2024, 1, 31)
    for i in range(1, n + 1):
        lead = rnd.choice(MINISTRIES)
        partners = rnd.sample([m for m in MINISTRIES if m != lead], rnd.randint(0, 2))
        goals.append(
            {
                "key": f"Z{i}",
                "title": f"Ziel {i}: Größere Maßnahme „{i}“",
                "theme": f"TF{rnd.randint(1, 18):02d}",
                "lead": lead,
                "partners": partners,
                "status": rnd.choice(["not_started", "on_track", "delayed"]),
                "description": "Beschreibung mit Umlauten äöü ß " * 3,
            }
        )
        for m in range(1, 4):
            base = start + timedelta(days=rnd.randint(0, 2000))
            milestones.append(
                {
                    "key": f"Z{i}-M{m}",
                    "goal": f"Z{i}",
                    "title": f"Meilenstein {m}",
                    "baseline": base.isoformat(),
                    "forecast": (base + timedelta(days=rnd.randint(0, 90))).isoformat(),
                }
            )
    pairs = set()
    while len(deps) < 2 * n:
        a, b = rnd.randint(2, n), 0
        b = rnd.randint(1, a - 1)
        if (a, b) in pairs:
            continue
        pairs.add((a, b))
        deps.append(
            {
                "dependent": f"Z{a}",
                "prerequisite": f"Z{b}",
                "kind": rnd.choice(["hard", "soft"]),
                "rationale": "benötigt",
            }
        )
    return {
        "format": "sa2030-portfolio",
        "version": 1,
        "goals": goals,
        "milestones": milestones,
        "dependencies": deps,
    }


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def raw_xlsx(path: Path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    for ws in wb.worksheets:
        for _row in ws.iter_rows(values_only=True):
            pass
    wb.close()


def raw_csv(folder: Path) -> None:
    for p in folder.glob("*.csv"):
        with open(p, encoding="utf-8-sig", newline="") as fh:
            for _row in csv.reader(fh, delimiter=";"):
                pass


def openpyxl_export(store, work: Path) -> None:
    """The same sheets with openpyxl's write-only mode: the writer XlsxWriter replaced."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    from sa2030_desktop.services.tabular_write import export_sheets

    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    for sheet in export_sheets(store.snapshot()):
        ws = wb.create_sheet(sheet.name)
        ws.freeze_panes = "A2"
        header = []
        for text in sheet.header:
            cell = WriteOnlyCell(ws, value=text)
            cell.font = bold
            header.append(cell)
        ws.append(header)
        for row in sheet.rows:
            cells = []
            for value in row:
                cell = WriteOnlyCell(ws, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"
                elif isinstance(value, date):
                    cell.number_format = "DD.MM.YYYY"
                cells.append(cell)
            ws.append(cells)
    wb.save(work / "openpyxl.xlsx")


def raw_ods(path: Path) -> None:
    from sa2030_desktop.services.ods_read import read_ods

    issues: list = []
    read_ods(path, issues)
    assert not issues, issues


def odfpy_available() -> bool:
    try:
        import odf.opendocument  # noqa: F401
    except ImportError:
        return False
    return True


def raw_odfpy(path: Path) -> None:
    """What a reader on odfpy costs: load the document, walk every cell's value and text."""
    from odf import opendocument, table, text

    doc = opendocument.load(str(path))
    for sheet in doc.spreadsheet.getElementsByType(table.Table):
        for row in sheet.getElementsByType(table.TableRow):
            for cell in row.getElementsByType(table.TableCell):
                cell.getAttribute("valuetype")
                for p in cell.getElementsByType(text.P):
                    str(p)


def bench(n: int, runs: int, work: Path, merge_too: bool = True) -> dict[str, list[float]]:
    src = work / f"src{n}.json"
    src.write_text(json.dumps(document(n), ensure_ascii=False), encoding="utf-8")
    source = create_portfolio(work / f"quelle{n}.sa2030")
    import_json(source, src)
    xlsx, folder = work / f"export{n}.xlsx", work / f"csv{n}"
    times: dict[str, list[float]] = {}

    def add(name, value):
        times.setdefault(name, []).append(value)

    ods = work / f"export{n}.ods"
    for r in range(runs):
        add("export xlsx", timed(lambda: export_to(source, xlsx)))
        add("export xlsx (openpyxl write-only)", timed(lambda: openpyxl_export(source, work)))
        add("export ods", timed(lambda: export_to(source, ods)))
        add("export csv", timed(lambda: export_to(source, folder)))
        add("raw read xlsx (openpyxl)", timed(lambda: raw_xlsx(xlsx)))
        add("raw read ods (ods_read)", timed(lambda: raw_ods(ods)))
        if odfpy_available() and n <= 1000:  # the DOM of 10,000 goals takes minutes
            add("raw read ods (odfpy)", timed(lambda: raw_odfpy(ods)))
        add("raw read csv (csv module)", timed(lambda: raw_csv(folder)))
        kinds = (("xlsx", [xlsx]), ("ods", [ods]), ("csv", sorted(folder.glob("*.csv"))))
        for kind, sources in kinds:
            target = create_portfolio(work / f"ziel{n}-{kind}-{r}.sa2030")
            add(f"import {kind} (new)", timed(lambda t=target, s=sources: import_sources(t, s)))
            add(
                f"re-import {kind} (unchanged)",
                timed(lambda t=target, s=sources: import_sources(t, s)),
            )
            target.close()
        if not merge_too:
            continue
        # merge: a copy with its base, ~5 % of goals and milestones edited on each side
        copy = work / f"kopie{n}-{r}.sa2030"
        save_copy_with_base(source, copy)
        mine_path = work / f"mein{n}-{r}.sa2030"
        save_copy_with_base(source, mine_path)
        mine, theirs = Store.open(mine_path), Store.open(copy)
        _edit(mine, n, "Büro", 0)
        _edit(theirs, n, "Laptop", 1)
        done: dict = {}

        def do_merge(mine=mine, theirs=theirs, done=done):
            done["report"] = merge.compare(mine, theirs)
            merge.apply(mine, done["report"])

        add("merge (compare + write)", timed(do_merge))
        assert not done["report"].conflicts, len(done["report"].conflicts)
        theirs.close()
        mine.close()
    source.close()
    return times


def _edit(store: Store, n: int, who: str, offset: int) -> None:
    portfolio = store.snapshot()
    import dataclasses

    with store.transaction(f"Bearbeitung {who}") as uow:
        uow.save_many(
            [
                dataclasses.replace(portfolio.goals[f"Z{i}"], title=f"{who} {i}")
                for i in range(1 + offset, n + 1, 20)
            ]
        )
        uow.save_many(
            [
                dataclasses.replace(portfolio.milestones[f"Z{i}-M1"], note=who)
                for i in range(1 + offset, n + 1, 20)
            ]
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-merge", action="store_true", help="only import and export")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for n in args.sizes:
            times = bench(n, args.runs, Path(tmp), not args.no_merge)
            med = {k: statistics.median(v) for k, v in times.items()}
            for name, value in med.items():
                ratio = ""
                if name.startswith(("import xlsx", "re-import xlsx")):
                    ratio = f"{value / med['raw read xlsx (openpyxl)']:.1f}× raw"
                elif name.startswith(("import ods", "re-import ods")):
                    ratio = f"{value / med['raw read ods (ods_read)']:.1f}× raw"
                elif name.startswith(("import csv", "re-import csv")):
                    ratio = f"{value / med['raw read csv (csv module)']:.1f}× raw"
                rows.append((n, name, value, ratio))
        print(f"{'goals':>6}  {'operation':<34} {'median s':>9}  ratio")
        for n, name, value, ratio in rows:
            print(f"{n:>6}  {name:<34} {value:>9.2f}  {ratio}")


if __name__ == "__main__":
    main()

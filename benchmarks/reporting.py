"""Benchmark: a reporting round over a synthetic portfolio (issue 12) — open the round, write the
9 Meldebögen, collect them back (each edited as a ministry would: every third goal „gefährdet“
with a reason, every fourth open milestone a month later), close, compare with the current state.

    .venv/bin/python benchmarks/reporting.py [--sizes 150 1000] [--runs 3]

Prints size × step → median seconds over the runs (wall clock, and the process's CPU time —
the machines are shared and a loaded one stretches the wall clock), peak Python memory of the step (tracemalloc,
one extra run) and the ratio to a raw baseline measured in the same run: for writing, XlsxWriter
writing the same cells without protection, validation or prefill copy; for collecting, reading
the same 9 workbooks with the bare cell reader (xlsx_fast). Target (issue 12): every step under
3 s at 1,000 goals. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import portfolio_file  # noqa: E402
from sa2030_desktop.services import reporting  # noqa: E402
from sa2030_desktop.services.portfolio import open_portfolio  # noqa: E402
from sa2030_desktop.services.reporting import meldebogen_collect as mc  # noqa: E402
from sa2030_desktop.services.reporting import meldebogen_write as mw  # noqa: E402

AS_OF, DEADLINE = date(2026, 6, 30), date(2026, 7, 31)
TODAY = date(2026, 8, 1)


def edit_forms(paths: list[Path]) -> int:
    """Answer as ministries do (not timed); returns the number of changed cells."""
    import openpyxl

    changed = 0
    for path in paths:
        wb = openpyxl.load_workbook(path)
        goals, ms = wb["Ziele"], wb["Meilensteine"]
        for n, row in enumerate(goals.iter_rows(min_row=5, max_col=6), start=0):
            if row[0].value and n % 3 == 0 and row[4].value != "gefährdet":
                row[4].value, row[5].value = "gefährdet", "Benchmark: Verzug"
                changed += 2
        for n, row in enumerate(ms.iter_rows(min_row=5, max_col=6), start=0):
            forecast, actual = row[4].value, row[5].value
            if row[0].value and n % 4 == 0 and actual is None and isinstance(forecast, datetime):
                row[4].value = forecast + timedelta(days=30)
                changed += 1
        wb.save(path)
    return changed


def raw_write(books: dict[str, dict], out: Path) -> None:
    """The same cells written plainly: every sheet's values, no formats, no protection."""
    import xlsxwriter

    for name, sheets in books.items():
        wb = xlsxwriter.Workbook(str(out / name), {"constant_memory": True})
        for title, rows in sheets.items():
            ws = wb.add_worksheet(title)
            for r in sorted(rows):
                for c, value in enumerate(rows[r]):
                    if isinstance(value, int | float):
                        ws.write_number(r - 1, c, value)
                    elif value is not None:
                        ws.write_string(r - 1, c, str(value))
        wb.close()


def raw_read(paths: list[Path]) -> None:
    from sa2030_desktop.services import xlsx_fast

    for path in paths:
        with zipfile.ZipFile(path) as zf:
            strings, dates = xlsx_fast.shared_strings(zf), xlsx_fast.date_styles(zf)
            for _title, part in xlsx_fast.sheet_paths(zf):
                for _row in xlsx_fast.read_rows(zf, part, strings, dates):
                    pass


def one_run(base: Path, work: Path, measure_memory: bool = False) -> dict[str, float]:
    """One round from opening to comparing; {step: seconds} (or peak MB with measure_memory)."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir()
    pf = work / "runde.sa2030"
    shutil.copy(base, pf)
    out: dict[str, float] = {}
    store = open_portfolio(pf)
    forms = work / "boegen"

    def step(name, fn):
        if measure_memory:
            tracemalloc.start()
            result = fn()
            out[name] = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
            return result
        t, cpu = time.perf_counter(), time.process_time()
        result = fn()
        out[name] = time.perf_counter() - t
        out[name + " cpu"] = time.process_time() - cpu
        return result

    try:
        step("open round", lambda: reporting.open_round(store, "B1", "Benchmark", AS_OF, DEADLINE))
        written = step("write 9 Meldebögen", lambda: mw.write_forms(store, "B1", forms))
        paths = [w.path for w in written]
        raw = work / "raw"
        raw.mkdir()
        books = {p.name: mc.read_sheets(p) for p in paths}
        step("raw write (XlsxWriter, same cells)", lambda: raw_write(books, raw))
        edit_forms(paths)
        step("raw read (xlsx_fast, 9 workbooks)", lambda: raw_read(paths))
        results = step("collect 9 Meldebögen",
                       lambda: mc.collect_many(store, "B1", paths, today=TODAY))  # fmt: skip
        refused = [r for r in results if r.error is not None]
        if refused:
            raise SystemExit(f"refused: {refused[0].path.name}: {refused[0].error}")
        step("close round", lambda: reporting.close(store, "B1"))
        step("compare with current state",
             lambda: reporting.compare(store, "B1", "aktuell", TODAY).as_dict())  # fmt: skip
    finally:
        store.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[150, 1000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = []
        for n in args.sizes:
            base = portfolio_file(folder, n)
            runs = [one_run(base, folder / f"w{n}") for _ in range(args.runs)]
            memory = one_run(base, folder / f"w{n}", measure_memory=True)
            med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            for name, value in med.items():
                if name.endswith(" cpu"):
                    continue
                ratio = ""
                if name == "write 9 Meldebögen":
                    ratio = f"{value / med['raw write (XlsxWriter, same cells)']:.1f}× raw"
                elif name == "collect 9 Meldebögen":
                    ratio = f"{value / med['raw read (xlsx_fast, 9 workbooks)']:.1f}× raw"
                rows.append((n, name, value, med[name + " cpu"], memory[name], ratio))
        print(f"{'goals':>6}  {'step':<36} {'median s':>9} {'cpu s':>7} {'peak MB':>8}  ratio")
        for n, name, value, cpu, peak, ratio in rows:
            print(f"{n:>6}  {name:<36} {value:>9.2f} {cpu:>7.2f} {peak:>8.1f}  {ratio}")


if __name__ == "__main__":
    main()

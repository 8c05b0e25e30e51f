"""Benchmark of the core (issue 2): open, stats and JSON import at 150, 1,000 and 10,000 goals,
with the ratio to reading the same rows with plain sqlite3. Run:

    .venv/bin/python benchmarks/core.py [--sizes 150 1000 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import portfolio_file, write  # noqa: E402
from sa2030_desktop.persistence.store import Store  # noqa: E402
from sa2030_desktop.services import portfolio  # noqa: E402

TABLES = ["goal", "goal_partner", "milestone", "dependency", "theme", "ministry", "category"]


def timed(fn, runs):
    """Median wall time of `runs` calls, then one more call under tracemalloc for peak memory
    (tracing slows Python several-fold, so it never runs while timing)."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return statistics.median(times), peak / 1e6


def raw_read(path: Path) -> None:
    conn = sqlite3.connect(path)
    for t in TABLES:
        conn.execute(f"SELECT * FROM {t}").fetchall()
    conn.close()


def open_and_load(path: Path) -> None:
    store = Store.open(path)
    store.snapshot()
    store.close()


def stats(path: Path) -> None:
    store = Store.open(path, readonly=True)
    portfolio.stats(store)
    store.close()


def json_import(folder: Path, n: int) -> None:
    src = folder / f"bench-{n}.json"
    if not src.exists():
        write(src, n)
    target = folder / f"import-{n}-{time.perf_counter_ns()}.sa2030"
    store = portfolio.create_portfolio(target)
    t0 = time.perf_counter()
    portfolio.import_json(store, src)
    elapsed = time.perf_counter() - t0
    store.close()
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[150, 1000, 10000])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    print(f"{'goals':>7} {'operation':<22} {'median s':>9} {'peak MB':>8} {'× raw':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in args.sizes:
            path = portfolio_file(folder, n)
            raw, raw_mem = timed(lambda p=path: raw_read(p), args.runs)
            rows = [("raw sqlite3 read", raw, raw_mem)]
            rows.append(("open + snapshot", *timed(lambda p=path: open_and_load(p), args.runs)))
            rows.append(("open + stats", *timed(lambda p=path: stats(p), args.runs)))
            imports = [json_import(folder, n) for _ in range(args.runs)]
            rows.append(("JSON import (new file)", statistics.median(imports), float("nan")))
            for name, t, mem in rows:
                print(f"{n:>7} {name:<22} {t:>9.3f} {mem:>8.1f} {t / raw:>7.1f}")


if __name__ == "__main__":
    main()

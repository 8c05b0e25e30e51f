"""Bounded cost under hostile sizes (issue 16) – not a test.

Run: .venv/bin/python benchmarks/hostile.py [1000 10000 20000]
Each measurement is a fresh process (time and peak RSS of that process):
- what-if on a long-chained portfolio (every goal needs one of the 200 before it, so a change of
  the first goal reaches all): the one-pass explanation (now) and the former search of one
  shortest path per affected goal (before, re-enacted on the same snapshot);
- graph, timeline and status briefing of the whole portfolio (refused beyond 2,000 goals with a
  hint, before the layout starts);
- a 29 KB-class workbook claiming column XFD in every row, and a CSV with a 50 MB line.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import portfolio_file  # noqa: E402

PY = sys.executable

WHATIF = """
import sys, time
from datetime import date
from sa2030_desktop.services.portfolio import open_portfolio, what_if
store = open_portfolio(sys.argv[1], readonly=True)
key = sys.argv[2]
t = time.perf_counter()
from sa2030_desktop.domain import graph as g
snap = store.snapshot()
graph = g.build_graph(snap)
goal = snap.milestones[key].goal
t = time.perf_counter()
if sys.argv[3] == "before":  # the former way: one shortest-path search per affected goal
    paths = {t: g.explaining_path(graph, goal, t) for t in g.dependents(graph, goal)}
    n = len(paths)
elif sys.argv[3] == "after":  # now: one breadth-first pass, prefixes shared
    parents = g.explaining_parents(graph, [goal])
    cache = {}
    n = len([g.path_from_parents(parents, {goal}, t, cache) for t in parents])
else:  # the whole what-if (before/after sides, conflicts, statuses, affected goals)
    n = len(what_if(store, {key: date(2031, 6, 30)}).affected)
print(n, time.perf_counter() - t)
"""


def measure(args: list[str]) -> tuple[float, float, str]:
    """(seconds, peak MB, first output line) of one process."""
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *args], capture_output=True, text=True,
                          cwd=ROOT)  # fmt: skip
    seconds = time.perf_counter() - start
    peak_kb = int(done.stderr.strip().splitlines()[-1])
    lines = (done.stdout or done.stderr).strip().splitlines()
    first = lines[0][:90] if lines else ""
    return seconds, peak_kb / 1024, first


def median_of(runs: int, args: list[str]) -> tuple[float, float, str]:
    results = [measure(args) for _ in range(runs)]
    return (statistics.median(r[0] for r in results), max(r[1] for r in results), results[0][2])


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 10000, 20000]
    folder = Path(tempfile.gettempdir()) / "sa2030-bench-hostile"  # schema of this checkout
    folder.mkdir(exist_ok=True)
    cli = [PY, "-m", "sa2030_desktop.cli.main"]
    print("| work | goals | time (median of 3) | peak memory | result |")
    print("|---|---|---|---|---|")
    for n in sizes:
        path = portfolio_file(folder, n)
        key = f"Z{1:0{len(str(n))}d}-M1"
        # the former search takes minutes beyond 10,000 goals: BEFORE_MAX=0 skips it there
        before_max = int(os.environ.get("BEFORE_MAX", "1000000"))
        for side in ("before", "after", "whole") if n <= before_max else ("after", "whole"):
            runs = 1 if side == "before" and n >= 10000 else 3
            results = [measure([PY, "-c", WHATIF, str(path), key, side]) for _ in range(runs)]
            inner = statistics.median(float(r[2].split()[1]) for r in results)
            s = statistics.median(r[0] for r in results)
            mb = max(r[1] for r in results)
            print(
                f"| {'whatif, whole' if side == 'whole' else f'whatif paths ({side})'} | {n:,} | "
                f"{inner:.2f} s (process {s:.1f} s) | "
                f"{mb:.0f} MB | {results[0][2].split()[0]} affected |"
            )
    big = portfolio_file(folder, max(sizes))
    out_dir = Path(tempfile.mkdtemp())
    for name, args in (
        ("graph (refused)", ["graph", str(big), str(out_dir / "g.svg")]),
        ("timeline (refused)", ["timeline", str(big), str(out_dir / "t.pdf")]),
        ("briefing (refused)", ["briefing", str(big), str(out_dir / "b.docx"), "--kind", "status"]),
        ("graph --ministry MID --theme TF01", ["graph", str(big), str(out_dir / "m.svg"),
                                               "--ministry", "MID", "--theme", "TF01"]),
    ):  # fmt: skip
        s, mb, out = median_of(3, [*cli, *args])
        print(f"| {name} | {max(sizes):,} | {s:.1f} s | {mb:.0f} MB | {out[:60]} |")
    wide = out_dir / "wide.csv"
    wide.write_bytes(b"ziel_id;titel\nZ01;" + b"x" * (50 * 1024 * 1024) + b"\n")
    s, mb, out = median_of(3, [*cli, "import", str(portfolio_file(folder, 1000)), str(wide),
                               "--dry-run"])  # fmt: skip
    print(f"| CSV with a 50 MB line (refused) | – | {s:.1f} s | {mb:.0f} MB | {out[:60]} |")


if __name__ == "__main__":
    main()

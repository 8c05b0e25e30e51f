"""The window on a fresh machine: numba's disk cache empty, the graph's kernels compiled for the
first time (not a test).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/graph_first_run.py [--runs R]
Each run is a fresh process with an empty NUMBA_CACHE_DIR and a 10 ms timer on the GUI thread
while the kernels are made ready: 'child' as the window does it (a child process compiles into
the cache, this process loads it: infrastructure/numba_warm.py), 'in-process' as before (the
compiler in a background thread of the window's process, holding its GIL). Prints the time
until the kernels are ready and the longest and 99th-percentile gap of the event loop meanwhile.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = """
import json, sys, time
from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from sa2030_desktop.domain import graph_compiled
from sa2030_desktop.services.layout import warm_up_layout
gaps, clock = [], QElapsedTimer()
def tick():
    gaps.append(clock.restart())
    if graph_compiled.kernels() is not None:
        app.quit()
timer = QTimer()
timer.timeout.connect(tick)
timer.start(10)
start = time.perf_counter()
clock.start()
warm_up_layout() if sys.argv[1] == "child" else graph_compiled.warm_up()
app.exec()
gaps.sort()
print(json.dumps({"ready": time.perf_counter() - start, "max": gaps[-1],
                  "p99": gaps[min(len(gaps) - 1, int(0.99 * len(gaps)))]}))
"""


def run(mode: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="sa2030-numba-") as cache:
        env = {**os.environ, "NUMBA_CACHE_DIR": cache}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, mode], capture_output=True, text=True, cwd=ROOT,
            env=env, check=True,
        )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs of each mode (default: 1)")
    runs = parser.parse_args().runs
    print(f"{'mode':>10} {'ready s':>8} {'max gap ms':>11} {'p99 gap ms':>11}")
    for _ in range(runs):
        for mode in ("in-process", "child"):
            row = run(mode)
            print(f"{mode:>10} {row['ready']:>8.1f} {row['max']:>11.0f} {row['p99']:>11.0f}")


if __name__ == "__main__":
    main()

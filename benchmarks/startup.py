"""Start-up times of the `sa2030` command and of the desktop window (issue 11 item 5; not a test).

    .venv/bin/python benchmarks/startup.py                 # this checkout, 10 runs each
    .venv/bin/python benchmarks/startup.py --tree DIR      # another checkout (e.g. before a change)
    .venv/bin/python benchmarks/startup.py --runs 5

Every figure is a whole process, from before it is started until it has ended (CLI) or until the
main window with the demo portfolio is shown and its event loop is idle (offscreen), the median
of --runs runs, with the ratio to `python -c pass` measured in the same run. The demo portfolio
is created once in a temporary folder; the window is started with its own empty settings and
data folder, so that nothing of the user's is read or written.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The child of the window figure: the real `sa2030 FILE` start (gui.application.main), with the
# event loop told to quit at its first idle moment, i.e. once the shown window has been laid
# out and painted and the events queued during start-up are handled.
WINDOW_CHILD = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

_exec = QApplication.exec

def _exec_until_idle(*_self):
    def done():
        print(time.time(), flush=True)
        QApplication.quit()
    QTimer.singleShot(0, done)
    return _exec()

QApplication.exec = _exec_until_idle
from sa2030_desktop.cli.main import main
sys.exit(main([sys.argv[1]]))
"""


def _env(tree: Path, home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(tree),
        "QT_QPA_PLATFORM": "offscreen",
        "SA2030_DATA_DIR": str(home / "data"),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
    }


def _whole_process(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    took = time.perf_counter() - start
    if done.returncode not in (0, 1):  # `check` exits 1 on findings, which is a result
        raise SystemExit(f"{' '.join(cmd)} scheiterte:\n{done.stderr}")
    return took


def _window(env: dict[str, str], cwd: Path, demo: Path) -> float:
    start = time.time()
    done = subprocess.run([sys.executable, "-c", WINDOW_CHILD, str(demo)], env=env, cwd=cwd,
                          capture_output=True, text=True)  # fmt: skip
    if done.returncode != 0 or not done.stdout.strip():
        raise SystemExit(f"Fensterstart scheiterte:\n{done.stderr}")
    return float(done.stdout.split()[-1]) - start


def measure(tree: Path, runs: int) -> list[tuple[str, float]]:
    with tempfile.TemporaryDirectory(prefix="sa2030-start-") as tmp:
        home = Path(tmp)
        env = _env(tree, home)
        demo = home / "demo.sa2030"
        cli = [sys.executable, "-m", "sa2030_desktop.cli.main"]
        subprocess.run([*cli, "new", str(demo), "--demo"], env=env, cwd=home, check=True,
                       capture_output=True)  # fmt: skip
        cases = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "sa2030 --help": [*cli, "--help"],
            "sa2030 stats (Demo)": [*cli, "stats", str(demo)],
            "sa2030 check (Demo)": [*cli, "check", str(demo)],
            "sa2030 goal Z05 (Demo)": [*cli, "goal", str(demo), "Z05"],
        }
        times: dict[str, list[float]] = {name: [] for name in [*cases, "Fenster mit Demo"]}
        for _ in range(runs):  # interleaved, so that a busy moment of the machine hits all
            for name, cmd in cases.items():
                times[name].append(_whole_process(cmd, env, home))
            times["Fenster mit Demo"].append(_window(env, home, demo))
        return [(name, statistics.median(values)) for name, values in times.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=ROOT, help="source checkout to measure")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    rows = measure(args.tree.resolve(), args.runs)
    baseline = rows[0][1]
    print(f"## Start-up, {args.tree.resolve()}, median of {args.runs} runs")
    print(f"| {'process':<24} | median s | × python -c pass |")
    print(f"|{'-' * 26}|----------|------------------|")
    for name, value in rows:
        print(f"| {name:<24} | {value:8.3f} | {value / baseline:16.1f} |")


if __name__ == "__main__":
    main()

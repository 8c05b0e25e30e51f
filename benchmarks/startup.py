"""Start-up times of the `sa2030` command and of the desktop window (issue 11 item 5; not a test).

    .venv/bin/python benchmarks/startup.py                 # this checkout, 10 runs each
    .venv/bin/python benchmarks/startup.py --tree DIR      # another checkout
    .venv/bin/python benchmarks/startup.py --before DIR    # and a checkout before the change
    .venv/bin/python benchmarks/startup.py --runs 5
    .venv/bin/python benchmarks/startup.py --no-bytecode   # compile every module each start

Every figure is a whole process, from before it is started until it has ended (CLI) or until the
main window with the demo portfolio is shown and its event loop is idle (offscreen), the median
of --runs runs, with the ratio to `python -c pass` measured in the same run. The demo portfolio
is created once in a temporary folder; the window is started with its own empty settings and
data folder, so that nothing of the user's is read or written.

Modules are loaded from bytecode caches (in the temporary folder, written by one unmeasured
warm-up run of every case), as an installed application loads its compiled modules: a shell
with PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module of the application from
source at every start, which no user's start does. --no-bytecode measures that way.

The window starts on a virtual 1920×1080 screen (the offscreen plugin's configfile), the office
screen the views are made for: Qt's default offscreen screen of 800×800 would make every start
a laptop start, with the window maximized and the small-screen hint box opened (--small-screen
measures that way, as figures before 2026-12-03 11:00 did).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The child of the window figure: the real `sa2030 FILE` start (gui.application.main), with the
# event loop told to quit at its first idle moment, i.e. once the shown window has been laid
# out and painted and the events queued during start-up are handled. After the time it says how
# many goals the shown window's table holds: a start that showed an empty window would fail.
# Then it asks for the store's engine as a write at that moment would (made in a worker after
# the first paint; a tree without that made it before showing) and prints when it has it: from
# then on a write does not wait for SQLAlchemy.
WINDOW_CHILD = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

_exec = QApplication.exec

def _exec_until_idle(*_self):
    def done():
        now = time.time()
        shown = [w for w in QApplication.topLevelWidgets()
                 if w.objectName() == "MainWindow" and w.isVisible()]
        print(now, shown[0].table.proxy.rowCount() if shown else 0, flush=True)
        store = shown[0].bridge.store if shown else None
        if hasattr(store, "open_engine"):  # as a write at this moment: waits for the worker
            store.open_engine()
        print(time.time(), flush=True)
        QApplication.quit()
    QTimer.singleShot(0, done)
    return _exec()

QApplication.exec = _exec_until_idle
from sa2030_desktop.cli.main import main
sys.exit(main([sys.argv[1]]))
"""


def _env(tree: Path, home: Path, bytecode: bool = True) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not (bytecode and k == "PYTHONDONTWRITEBYTECODE")}
    if bytecode:  # one cache per tree: a file of the same path may differ between checkouts
        env["PYTHONPYCACHEPREFIX"] = str(home / "pycache" / str(tree).strip("/").replace("/", "_"))
    return {
        **env,
        "PYTHONPATH": str(tree),
        "QT_QPA_PLATFORM": "offscreen",
        "SA2030_DATA_DIR": str(home / "data"),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
    }


def _cpu() -> float:
    """CPU seconds of all ended children: on a shared, loaded machine the wall time mostly
    says how long the process waited for a core, the CPU time what the start costs."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _whole_process(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    cpu, start = _cpu(), time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    took = time.perf_counter() - start
    if done.returncode not in (0, 1):  # `check` exits 1 on findings, which is a result
        raise SystemExit(f"{' '.join(cmd)} scheiterte:\n{done.stderr}")
    return took, _cpu() - cpu


SCREEN = {"screens": [{"name": "office", "x": 0, "y": 0, "width": 1920, "height": 1080,
                       "logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}]}  # fmt: skip


def _window(env: dict[str, str], cwd: Path, demo: Path,
            small: bool = False) -> tuple[tuple[float, float], tuple[float, float]]:  # fmt: skip
    """((wall until shown and idle, CPU of the whole process), (wall until the store's engine
    is made, the same CPU))."""
    if not small:
        screen = cwd / "screen.json"
        screen.write_text(json.dumps(SCREEN), encoding="utf-8")
        env = {**env, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}"}
    cpu, start = _cpu(), time.time()
    done = subprocess.run([sys.executable, "-c", WINDOW_CHILD, str(demo)], env=env, cwd=cwd,
                          capture_output=True, text=True)  # fmt: skip
    lines = done.stdout.split()
    if done.returncode != 0 or len(lines) < 3:
        raise SystemExit(f"Fensterstart scheiterte:\n{done.stderr}")
    stamp, goals, ready = lines[-3:]
    if goals != "50":  # the demo's goals, in the table of a shown window
        raise SystemExit(f"Fenster ohne die 50 Ziele des Demoportfolios: {goals}")
    used = _cpu() - cpu
    return (float(stamp) - start, used), (float(ready) - start, used)


def measure(trees: list[Path], runs: int, bytecode: bool = True,
            small: bool = False) -> dict[Path, list[tuple[str, float, float]]]:  # fmt: skip
    """Median per tree and case; the trees' runs interleave, so that a busy moment of this
    shared machine hits all of them alike."""
    with tempfile.TemporaryDirectory(prefix="sa2030-start-") as tmp:
        home = Path(tmp)
        demo = home / "demo.sa2030"
        cli = [sys.executable, "-m", "sa2030_desktop.cli.main"]
        subprocess.run([*cli, "new", str(demo), "--demo"], env=_env(trees[0], home, bytecode), cwd=home,
                       check=True, capture_output=True)  # fmt: skip
        cases = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "sa2030 --help": [*cli, "--help"],
            "sa2030 stats (Demo)": [*cli, "stats", str(demo)],
            "sa2030 check (Demo)": [*cli, "check", str(demo)],
            "sa2030 goal Z05 (Demo)": [*cli, "goal", str(demo), "Z05"],
        }
        names = [*cases, "Fenster mit Demo", "… Store bereit (Engine)"]
        times = {tree: {name: [] for name in names} for tree in trees}
        for run in range(-1, runs):  # run -1: the warm-up, not counted
            for tree in trees:
                env = _env(tree, home, bytecode)
                taken = [_whole_process(cmd, env, home) for cmd in cases.values()]
                taken.extend(_window(env, home, demo, small))
                if run >= 0:
                    for name, took in zip(names, taken, strict=True):
                        times[tree][name].append(took)
        return {tree: [(n, statistics.median(w for w, _ in times[tree][n]),
                        statistics.median(c for _, c in times[tree][n])) for n in names]
                for tree in trees}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=ROOT, help="source checkout to measure")
    parser.add_argument("--before", type=Path, help="a checkout before the change, measured "
                        "in the same runs for comparison")  # fmt: skip
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--no-bytecode", action="store_true", help="no bytecode caches: "
                        "every module compiled from source at every start")  # fmt: skip
    parser.add_argument("--small-screen", action="store_true", help="the window on Qt's "
                        "default offscreen screen (800×800: a laptop start)")  # fmt: skip
    args = parser.parse_args()
    trees = [p.resolve() for p in (args.before, args.tree) if p is not None]
    results = measure(trees, args.runs, bytecode=not args.no_bytecode, small=args.small_screen)
    labels = ["before", "after"] if len(trees) == 2 else [trees[0].name]
    print(f"## Start-up, median of {args.runs} whole-process runs: wall s, CPU s, "
          "× = wall / wall of python -c pass; "
          f"{'no bytecode caches' if args.no_bytecode else 'from bytecode caches'}, "
          f"window on {'800×800' if args.small_screen else '1920×1080'}, "
          f"load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    print(f"| {'process':<24} | " + " | ".join(f"{lb} wall | {lb} CPU | ×" for lb in labels)
          + " |")  # fmt: skip
    print("|" + "-" * 26 + "|" + "---:|---:|---:|" * len(trees))
    for i, name in enumerate(r[0] for r in results[trees[0]]):
        cells = []
        for tree in trees:
            _n, wall, cpu = results[tree][i]
            cells.append(f"{wall:.3f} | {cpu:.3f} | {wall / results[tree][0][1]:.1f}")
        print(f"| {name:<24} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()

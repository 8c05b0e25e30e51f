"""The first run on a machine (numba's disk cache empty) does not freeze the window: numba's
compiler holds the GIL of the process it runs in for ~10 s, so the window's process has a child
process compile the layout kernels into the disk cache and only loads them
(infrastructure/numba_warm.py). Runs in a fresh process with an empty NUMBA_CACHE_DIR."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

_CHILD = """
import json, os, sys
from numba.core import compiler
compiled_here = []
real = compiler.compile_extra
def spy(*args, **kwargs):
    compiled_here.append(args[2].__name__ if len(args) > 2 else "?")
    return real(*args, **kwargs)
compiler.compile_extra = spy  # every function numba compiles in this process passes here

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from sa2030_desktop.domain import graph_compiled
from sa2030_desktop.services.layout import warm_up_layout
turns = []  # event-loop turns of the GUI thread while the kernels were not ready yet
def tick():
    if graph_compiled.kernels() is None:
        turns.append(1)
    else:
        app.quit()
timer = QTimer()
timer.timeout.connect(tick)
timer.start(20)
warm_up_layout()
app.exec()
cache = [n for _r, _d, files in os.walk(os.environ["NUMBA_CACHE_DIR"]) for n in files]
print(json.dumps({
    "ready": graph_compiled.kernels() is not None,
    "compiled_here": sorted(set(compiled_here)),
    "turns": len(turns),
    "cached": sum(n.endswith(".nbi") for n in cache),
}))
"""


@pytest.mark.slow
def test_the_window_compiles_nothing_itself_and_answers_meanwhile(tmp_path):
    env = {**os.environ, "NUMBA_CACHE_DIR": str(tmp_path / "numba"), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD], capture_output=True, text=True, timeout=600, cwd=ROOT,
        env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["ready"]  # the kernels are there for the layouts after
    assert seen["cached"] >= 5  # compiled into the empty cache – by the child process …
    assert seen["compiled_here"] == []  # … and loaded here: the window's GIL stayed free
    assert seen["turns"] > 0  # the event loop ran while the child compiled

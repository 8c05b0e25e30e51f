"""numba's disk cache of the graph's compiled layout steps (domain/graph_kernels.py), filled in
a child process.

Compiling takes ~10 s CPU the first time on a machine (or after an update), and numba's
compiler holds the GIL of the process that runs it: in the window's own process the GUI thread
stood still meanwhile, although the compiling ran in a background thread. The child compiles
and writes the cache; the window's process only loads it afterwards (~0.7 s CPU,
domain/graph_compiled.py), and its layouts use the uncompiled steps meanwhile. Offline: the
child is this Python with this package, nothing else.

Run by hand: python -m sa2030_desktop.infrastructure.numba_warm
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CHILD_SECONDS = 600  # a slow laptop compiles in a minute; a child that hangs is given up


def fill_cache() -> bool:
    """Compile the kernels into numba's disk cache in a child process and wait for it (the
    calling thread waits without the GIL). False where no child can be started (a frozen
    bundle: its executable is the app) or it failed: the caller then compiles in-process."""
    if getattr(sys, "frozen", False):
        return False
    package_root = str(Path(__file__).resolve().parents[2])
    path = os.environ.get("PYTHONPATH")
    env = {**os.environ, "PYTHONPATH": package_root + (os.pathsep + path if path else "")}
    try:
        done = subprocess.run(  # noqa: S603 - this Python, this module: no outside input
            [sys.executable, "-m", __name__],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            timeout=CHILD_SECONDS,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


if __name__ == "__main__":
    from sa2030_desktop.domain.graph_compiled import compile_here

    sys.exit(0 if compile_here() is not None else 1)

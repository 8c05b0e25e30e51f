"""The compiled parts of the graph layout (graph_kernels.py: crossing reduction and network
simplex, compiled with numba), made ready in the background once the window's graph is built.

Loading numba and the compiled code from numba's cache costs ~0.7 s CPU once per session;
compiling afresh (the first run on a machine, or after an update) ~10 s, with the GIL held by
numba's compiler – so the window has a child process compile into the disk cache first
(`warm_up(prepare)`, infrastructure/numba_warm.py) and only loads it. Meanwhile the layout
runs the same steps without numba — numpy calls for the crossing reduction
(graph_mincross.py), plain Python for the network simplex (graph_simplex.py) — with the same
result, only slower; also where numba is missing or cannot compile.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from types import ModuleType

from sa2030_desktop.domain.tasks import checkpoint

_READY: list[ModuleType] = []
_STARTED: list[threading.Thread] = []
_LOCK = threading.Lock()


def compile_here() -> ModuleType | None:
    """Compile (or load from numba's cache) every kernel in this process, with the argument
    types the layout uses; graph_kernels, or None where numba is missing or fails."""
    try:
        import numpy as np

        from sa2030_desktop.domain import graph_kernels as kernels

        trial = kernels.Compiled.of([[], [0]], [[1], []], [0, 0], [[0], [1]])
        trial.sweep(downward=True, reverse=False)
        trial.transpose(equal_swaps=True)
        trial.crossings()
        trial.mincross(trial.snapshot(), 2, 8, 0.995)
        kernels.depth_first(trial.ptr, trial.flat, trial.at, trial.lane, trial.size)
        one = np.ones(1, dtype=np.int64)
        kernels.network_simplex(one * 0, one, one, one, 2, 10, one * 0)
        two = np.array([0, 1, 1], dtype=np.int64)
        lower = np.array([0, 0, 1], dtype=np.int64)
        rank, met, levels = kernels.generations(2, two, one, lower, one * 0)
        kernels.tighten(rank, met, two, one, lower, one * 0, levels, 4)
    except Exception:  # noqa: BLE001 - ImportError, or numba failing to compile or cache
        return None
    return kernels


def _load(prepare: Callable[[], object] | None) -> None:
    if prepare is not None:
        prepare()  # the cache filled elsewhere: below, numba only loads (or compiles, if not)
    kernels = compile_here()
    if kernels is not None:
        _READY.append(kernels)


def warm_up(prepare: Callable[[], object] | None = None) -> None:
    """Start making the compiled code ready in the background – for a process that lives on
    (the window's graph, built once it is first shown): a short command (`sa2030 graph` of the
    demo) would pay the load (~1.3 s CPU) and end before it could use it. `prepare` runs first
    in that thread (the window's fills numba's disk cache in a child process)."""
    with _LOCK:
        if not _STARTED:
            thread = threading.Thread(target=_load, args=(prepare,), name="numba", daemon=True)
            _STARTED.append(thread)
            thread.start()


def kernels(wait: bool = False) -> ModuleType | None:
    """graph_kernels if numba has it ready (warm_up), else None. `wait`: load it now, until it
    is ready or numba failed (the network simplex from 400 goals, tests, benchmarks)."""
    if wait:
        warm_up()
        while _STARTED[0].is_alive():  # a cancelled layout does not wait for the compiler
            checkpoint()
            _STARTED[0].join(0.1)
    return _READY[0] if _READY else None

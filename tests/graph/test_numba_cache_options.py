"""The compiled layout kernels release the GIL (nogil) - and numba's disk cache must not hand
back code cached without it. numba keys cache entries by signature and bytecode only, so after
nogil=True was added the kernels whose source file had not changed (graph_simplex.py) were
loaded from the old cache and held the GIL: the GUI thread stood still while the worker ran
the network simplex (0.5 s at 5,000 goals). graph_kernels.njit keys entries by the options too."""

from __future__ import annotations

import importlib.util
import sys

import pytest

numba = pytest.importorskip("numba")

SOURCE = """
def total(n):
    s = 0
    for i in range(n):
        s += i
    return s
"""


def _module(folder, name):
    path = folder / f"{name}.py"
    path.write_text(SOURCE, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_code_cached_without_the_options_is_not_loaded(tmp_path):
    from sa2030_desktop.domain.graph_kernels import njit

    module = _module(tmp_path, "sa2030_cache_probe")
    try:
        plain = numba.njit(cache=True)(module.total)  # as the kernels were cached before
        assert plain(10) == 45
        assert plain.stats.cache_misses  # compiled and written to the cache

        ours = njit()(module.total)
        assert ours(10) == 45
        assert not ours.stats.cache_hits  # the entry without nogil is not taken
        assert ours.stats.cache_misses

        again = njit()(module.total)  # a later session loads its own entry from the cache
        assert again(10) == 45
        assert again.stats.cache_hits
        assert not again.stats.cache_misses
    finally:
        sys.modules.pop("sa2030_cache_probe", None)


def test_every_kernel_releases_the_gil():
    from sa2030_desktop.domain import graph_kernels

    kernels = [v for v in vars(graph_kernels).values() if hasattr(v, "targetoptions")]
    assert len(kernels) >= 10
    for kernel in kernels:
        assert kernel.targetoptions.get("nogil") is True, kernel.py_func.__name__
        assert kernel._cache._index_key.__func__ is not numba.core.caching.Cache._index_key

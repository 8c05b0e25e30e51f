"""Without a working numba the graph is laid out as with it (domain/graph_compiled.py): numba
missing from the installation, or present but unable to compile or cache its kernels (no
writable cache folder), leaves the numpy steps – the same orders, no message, no traceback.
Each case runs in a child process: the compiled steps are loaded once per process."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from sa2030_desktop.domain import graph_compiled, graph_rank
from sa2030_desktop.domain.graph_order import order_layers

ROOT = Path(__file__).resolve().parents[2]

_CHILD = """
import json, random, sys
{prelude}
def _nodes(g):
    return [n for layer in g[0] for n in layer]
from sa2030_desktop.domain import graph_compiled, graph_rank
from sa2030_desktop.domain.graph_order import order_layers
steps = graph_compiled.kernels(wait=True)
graph_rank.OPTIMAL_FROM = 1  # the network simplex (compiled, or plain Python) on small graphs
graphs = json.loads(sys.argv[1])
print(json.dumps({{"steps": None if steps is None else steps.__name__,
                  "orders": [order_layers(*g) for g in graphs],
                  "ranks": [graph_rank.ranks(_nodes(g), [tuple(e) for e in g[1]]) for g in graphs]}}))
"""

CASES = {
    # numba not installed (an installation without it, a platform without wheels)
    "missing": ("import sys; sys.modules['numba'] = None", {}),
    # numba there, but its kernels cannot be cached (NUMBA_CACHE_LOCATOR_CLASSES names no
    # usable locator: as when neither the install folder nor a user cache folder is writable)
    "broken": ("", {"NUMBA_CACHE_LOCATOR_CLASSES": "KeinOrt"}),
}


def _graphs() -> list:
    rnd = random.Random(2030)
    graphs = []
    for _ in range(8):
        depth = rnd.randint(2, 6)
        layers = [[f"{chr(97 + i)}{j}" for j in range(rnd.randint(4, 12))] for i in range(depth)]
        edges = sorted({(rnd.choice(layers[i]), rnd.choice(layers[rnd.randint(i + 1, depth - 1)]))
                        for i in range(depth - 1) for _ in range(rnd.randint(1, 12))})  # fmt: skip
        lane = {n: rnd.randrange(2) for layer in layers for n in layer}
        graphs.append((layers, edges, lane))
    return graphs


@pytest.mark.parametrize("case", list(CASES))
def test_without_working_numba_the_numpy_steps_give_the_same_orders(case, monkeypatch):
    prelude, env = CASES[case]
    graphs = _graphs()
    compiled = graph_compiled.kernels(wait=True)  # this process has numba
    run = subprocess.run(
        [sys.executable, "-c", _CHILD.format(prelude=prelude), json.dumps(graphs)],
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""  # no warning, no traceback reaches the user
    child = json.loads(run.stdout)
    assert child["steps"] is None  # fell back
    monkeypatch.setattr(graph_compiled, "kernels", lambda wait=False: None)  # numpy, Python
    monkeypatch.setattr(graph_rank, "OPTIMAL_FROM", 1)
    expected = [order_layers(*g) for g in graphs]
    assert child["orders"] == json.loads(json.dumps(expected))
    ranks = [graph_rank.ranks([n for layer in g[0] for n in layer], g[1]) for g in graphs]
    assert child["ranks"] == ranks
    # and the same as the compiled path gives (depth-first start, mincross loop, layers: the
    # child ran their Python code, the parent now runs what numba compiled from it)
    assert compiled is not None
    monkeypatch.setattr(graph_compiled, "kernels", lambda wait=False: compiled)
    assert child["orders"] == json.loads(json.dumps([order_layers(*g) for g in graphs]))
    ranks = [graph_rank.ranks([n for layer in g[0] for n in layer], g[1]) for g in graphs]
    assert child["ranks"] == ranks


_FIRST_LAYOUT = """
import random, sys
from sa2030_desktop.domain import graph_kernels, graph_rank, graph_simplex

# graph_kernels has compiled its own copy; the plain one now says if it runs (a profiler
# cannot tell: numba reports its compiled calls to one as calls of the Python function)
def plain(*_args):
    sys.exit("plain Python network simplex ran")

graph_simplex.network_simplex = plain
rnd = random.Random(5)
nodes = [f"n{i}" for i in range(graph_rank.OPTIMAL_FROM)]
edges = [(nodes[rnd.randrange(max(0, i - 30), i)], nodes[i]) for i in range(1, len(nodes))]
ranks = graph_rank.ranks(nodes, edges)
assert all(ranks[v] - ranks[u] >= 1 for u, v in edges)
"""


def test_the_first_large_layout_of_a_session_waits_for_the_compiled_simplex():
    """The network simplex in plain Python costs minutes at 10,000 goals (217 s measured, the
    compiled one 3 s, scipy's HiGHS before it 8 s): the first layout of a session – and every
    `sa2030 graph`, which never lives long enough to see numba ready – must not run it while
    numba is merely still loading (0.7 s from its cache). Only a missing numba falls back."""
    run = subprocess.run([sys.executable, "-c", _FIRST_LAYOUT], cwd=ROOT, capture_output=True,
                         text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})  # fmt: skip
    assert run.returncode == 0, run.stderr


def test_a_short_command_does_not_load_numba_it_would_not_use(tmp_path):
    """`sa2030 graph` of the demo (50 goals, below the network simplex's 400) orders with the
    numpy steps: starting numba in the background there cost ~1.3 s CPU of a run that ends
    before numba is ready. The window's graph (a process that lives on) warms it up."""
    code = (
        "import sys\n"
        "from sa2030_desktop.cli.main import main\n"
        "code = main(['new', sys.argv[1], '--demo'])\n"
        "code = code or main(['graph', sys.argv[1], sys.argv[2]])\n"
        "print(code, 'numba' in sys.modules)\n"
    )
    demo, out = tmp_path / "demo.sa2030", tmp_path / "graph.png"
    done = subprocess.run(
        [sys.executable, "-c", code, str(demo), str(out)],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-2:] == ["0", "False"], done.stdout
    assert out.read_bytes().startswith(b"\x89PNG")


def test_the_windows_graph_warms_numba_up(window, qtbot, monkeypatch):
    calls = []
    monkeypatch.setattr(graph_compiled, "warm_up", lambda prepare=None: calls.append("warm_up"))
    assert not window.feature("graph").lazy.is_built() and not calls  # not at the start
    window.show_view(window.feature("graph").page)
    assert calls == ["warm_up"]  # begun once the graph is built, ready for the later layouts

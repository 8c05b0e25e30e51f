"""Readable graph (issue 14 item 3): edge crossings and layout time of our layered layout
against Graphviz `dot`, on the demo portfolio and on 150 / 1,000-goal synthetic portfolios
(benchmarks/generate.py). Not a test, and Graphviz is no dependency of the product: without
`dot` on the PATH the dot columns say „–“ (apt-get install graphviz for the comparison).

Run: .venv/bin/python benchmarks/graph_crossings.py [demo 150 1000] [--lanes]

Both drawings are counted the same two ways: on the drawing (domain/graph_metrics.py: each
edge as drawn — our routes through the row gaps, dot's splines — a pair of edges that cross
counts once) and per layer („je Lage“, by_layers: each edge's points where it passes the
layers' middles, i.e. its dummy points, a pair of segments between two layers in opposite
order counts). Layout time with the box sizes given (dot gets them too): our place_sized vs.
`dot -Tplain` as a process, medians of 5, its start-up included (6–14 ms CPU for an empty
graph on the benchmark machine), as a user of dot would pay it.
"""

from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sa2030_desktop.domain import graph_layout as gl
from sa2030_desktop.domain.graph_metrics import count_crossings, flatten_cubic
from sa2030_desktop.domain.graph_view import GraphOptions, build_view

AS_OF = date(2026, 3, 31)
DPI = 72.0  # dot works in inches; our scene units are taken as points


def load(case: str, folder: Path):
    from sa2030_desktop.services.portfolio import create_portfolio, open_portfolio

    if case == "demo":
        store = create_portfolio(folder / "demo.sa2030", demo=True)
    else:
        from benchmarks.generate import portfolio_file

        store = open_portfolio(portfolio_file(folder, int(case)))
    try:
        return store.snapshot()
    finally:
        store.close()


def model_of(portfolio, lanes: str | None):
    model = build_view(portfolio, GraphOptions(swimlanes=lanes), AS_OF)
    for node in model.nodes.values():
        gl.size_node(node)
    return model


def ours(portfolio, lanes: str | None) -> tuple[int, int, float, float]:
    times, cpu, model = [], [], None
    for _ in range(5):
        model = model_of(portfolio, lanes)
        start, start_cpu = time.perf_counter(), time.process_time()
        positions = gl.place_sized(model)  # sizes given, as dot gets them
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    for key, (x, y) in positions.items():
        model.nodes[key].x, model.nodes[key].y = x, y
    edges = [
        (
            e.source,
            e.target,
            flatten_cubic(gl.edge_route(model.nodes[e.source], model.nodes[e.target], e.via)),
        )
        for e in model.edges
    ]
    centres = {k: (n.x, n.y) for k, n in model.nodes.items()}
    return (count_crossings(edges), by_layers(edges, centres), statistics.median(times) * 1000,
            statistics.median(cpu) * 1000)  # fmt: skip


def by_layers(edges, centres: dict[str, tuple[float, float]]) -> int:
    """Crossings counted the textbook way, the same for both drawings: each edge followed
    from layer to layer (where its drawn line passes each layer's middle, i.e. its dummy
    points), and a pair of such segments between the same two layers in opposite order."""
    xs = sorted({round(x, 1) for x, _y in centres.values()})
    where = {x: i for i, x in enumerate(xs)}
    gaps: dict[int, list] = {}
    for source, target, line in edges:
        (xa, ya), (xb, yb) = centres[source], centres[target]
        if xa > xb:
            source, target, (xa, ya), (xb, yb) = target, source, (xb, yb), (xa, ya)
        ys = [ya]
        for x in xs[where[round(xa, 1)] + 1 : where[round(xb, 1)]]:
            ys.append(next(y1 + (y2 - y1) * (x - x1) / (x2 - x1)
                           for (x1, y1), (x2, y2) in zip(line, line[1:], strict=False)
                           if min(x1, x2) <= x <= max(x1, x2) and x1 != x2))  # fmt: skip
        ys.append(yb)
        for k, pair in enumerate(zip(ys, ys[1:], strict=False)):
            gaps.setdefault(where[round(xa, 1)] + k, []).append((source, target, *pair))
    return sum(1 for segs in gaps.values() for i, (s1, t1, a1, b1) in enumerate(segs)
               for s2, t2, a2, b2 in segs[i + 1 :]
               if not {s1, t1} & {s2, t2} and (a1 - a2) * (b1 - b2) < 0)  # fmt: skip


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def dot_source(model) -> str:
    lines = ["digraph G {", "rankdir=LR; nodesep=0.3; ranksep=1.1; splines=true;",
             "node [shape=box, fixedsize=true];"]  # fmt: skip
    clusters: dict[str, list[str]] = {}
    for node in model.nodes.values():
        name = f'"{node.id}" [width={node.width / DPI:.3f}, height={node.height / DPI:.3f}];'
        if model.lanes:
            clusters.setdefault(node.lane, []).append(name)
        else:
            lines.append(name)
    for i, members in enumerate(clusters.values()):  # a ministry's goals kept together
        lines.append(f"subgraph cluster_{i} {{ {' '.join(members)} }}")
    lines += [f'"{e.source}" -> "{e.target}";' for e in model.edges]
    lines.append("}")
    return "\n".join(lines)


def parse_plain(text: str, centres: dict | None = None) -> list:
    edges = []
    for line in text.splitlines():
        parts = line.split()
        if parts and parts[0] == "node" and centres is not None:
            centres[parts[1].strip('"')] = (float(parts[2]) * DPI, float(parts[3]) * DPI)
        if parts and parts[0] == "edge":
            tail, head, n = parts[1].strip('"'), parts[2].strip('"'), int(parts[3])
            pts = [(float(parts[4 + 2 * i]), float(parts[5 + 2 * i])) for i in range(n)]
            edges.append((tail, head, flatten_cubic([(x * DPI, y * DPI) for x, y in pts])))
    return edges


def graphviz(model) -> tuple[int, int, float, float]:
    source = dot_source(model)
    times, cpu, out = [], [], ""
    for _ in range(5):
        start, start_cpu = time.perf_counter(), _child_cpu()
        out = subprocess.run(["dot", "-Tplain"], input=source, capture_output=True, text=True,
                             check=True).stdout  # fmt: skip
        times.append(time.perf_counter() - start)
        cpu.append(_child_cpu() - start_cpu)
    centres: dict[str, tuple[float, float]] = {}
    edges = parse_plain(out, centres)
    return (count_crossings(edges), by_layers(edges, centres), statistics.median(times) * 1000,
            statistics.median(cpu) * 1000)  # fmt: skip


def main(argv: list[str]) -> None:
    lanes = "lead" if "--lanes" in argv else None
    cases = [a for a in argv if not a.startswith("--")] or ["demo", "150", "1000"]
    has_dot = shutil.which("dot") is not None
    from sa2030_desktop.domain.graph_compiled import kernels

    steps = "numba" if kernels(wait=True) else "numpy"  # loaded once per session, not timed
    print(f"Schritte: {steps}")
    print(f"Bahnen: {lanes or 'keine'}; dot: {'ja' if has_dot else 'nicht installiert'}")
    print("| Portfolio | Ziele | Kanten | Kreuzungen unser | Kreuzungen dot | je Lage unser | "
          "je Lage dot | unser ms (CPU) | dot ms (CPU) | schneller (CPU) |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            portfolio = load(case, Path(tmp))
            model = model_of(portfolio, lanes)
            ours_x, ours_l, ours_ms, ours_cpu = ours(portfolio, lanes)
            dot_x, dot_l, dot_ms, dot_cpu = (graphviz(model_of(portfolio, lanes)) if has_dot
                                             else (None, None, None, None))  # fmt: skip
            ratio = f"{dot_ms / ours_ms:.0f}× ({dot_cpu / ours_cpu:.0f}×)" if dot_ms else "–"
            dot_text = f"{dot_ms:.0f} ({dot_cpu:.0f})" if dot_ms else "–"
            print(f"| {case} | {len(model.nodes)} | {len(model.edges)} | {ours_x} | "
                  f"{dot_x if dot_x is not None else '–'} | {ours_l} | "
                  f"{dot_l if dot_l is not None else '–'} | {ours_ms:.0f} ({ours_cpu:.0f}) | "
                  f"{dot_text} | {ratio} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main(sys.argv[1:])

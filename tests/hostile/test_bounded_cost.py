"""Bounded cost (issue 16): readers stop early on oversized workbooks and CSV lines; what-if
explains every affected goal in one breadth-first pass; the graph image refuses an unreadable
size before its layout. Timings live in benchmarks/hostile.py, not here."""

from __future__ import annotations

import random
import tracemalloc
import zipfile
from datetime import date

import networkx as nx
import pytest

from sa2030_desktop.domain import graph as g
from tests.hostile.conftest import assert_german, sha256
from tests.support.builders import dep, goal, ms


def _far_right_workbook(src, dst, rows: int = 2000):
    """A small workbook whose Ziele sheet claims column XFD (16,384) in every row."""
    cells = "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>Z{r}</t></is></c>'
        f'<c r="XFD{r}" t="inlineStr"><is><t>x</t></is></c></row>'
        for r in range(1, rows)
    )
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
             'openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD2000"/>'
             f"<sheetData>{cells}</sheetData></worksheet>").encode()  # fmt: skip
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = sheet if item.filename == "xl/worksheets/sheet1.xml" else zin.read(item)
            zout.writestr(item, data)
    return dst


def test_a_workbook_claiming_far_right_columns_is_refused_early(cli, demo, tmp_path):
    from sa2030_desktop.cli.exchange_commands import reference_portfolio
    from sa2030_desktop.services.tabular_write import write_template

    template = write_template(tmp_path / "vorlage.xlsx", reference_portfolio())
    bad = _far_right_workbook(template, tmp_path / "breit.xlsx")
    assert bad.stat().st_size < 200_000
    digest = sha256(demo)
    tracemalloc.start()
    code, out, err = cli("import", demo, bad)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert code == 1, (out, err)
    assert_german(err)
    assert "größer als erlaubt" in err and "Spalte 16384" in err
    assert peak < 100 * 1024 * 1024  # generous: the old reader needed 3.8 GB
    assert sha256(demo) == digest


def test_a_csv_with_an_endless_line_is_refused_before_decoding(cli, demo, tmp_path):
    bad = tmp_path / "ziele.csv"
    bad.write_bytes(b"ziel_id;titel\nZ01;" + b"x" * (3 * 1024 * 1024) + b"\n")
    tracemalloc.start()
    code, out, err = cli("import", demo, bad)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert code == 1
    assert_german(err)
    assert "ziele.csv, Zeile 2" in err and "Bytes lang" in err
    assert peak < 40 * 1024 * 1024


@pytest.mark.parametrize(("content", "german"), [
    (b"ziel_id;titel\nZ01;" + b"y" * 200_000 + b"\n", "ein Feld ist zu lang"),
])  # fmt: skip
def test_csv_errors_are_german(cli, demo, tmp_path, content, german):
    bad = tmp_path / "ziele.csv"
    bad.write_bytes(content)
    code, _, err = cli("import", demo, bad)
    assert code == 1
    assert_german(err)
    assert german in err


def test_whatif_paths_come_from_one_pass_and_are_shortest():
    rnd = random.Random(16)
    for _ in range(300):
        n = rnd.randint(4, 40)
        graph = nx.DiGraph()
        graph.add_nodes_from(range(n))
        for _ in range(rnd.randint(0, 80)):
            a, b = sorted(rnd.sample(range(n), 2))
            graph.add_edge(a, b)
        sources = rnd.sample(range(n), rnd.randint(1, 4))
        parents = g.explaining_parents(graph, sources)
        expected = {t for s in sources for t in nx.descendants(graph, s)}
        assert set(parents) == expected
        cache: dict = {}
        for target in parents:
            path = g.path_from_parents(parents, set(sources), target, cache)
            shortest = min(len(nx.shortest_path(graph, s, target)) for s in sources
                           if nx.has_path(graph, s, target) and s != target)  # fmt: skip
            assert path[0] in sources and path[-1] == target
            assert all(graph.has_edge(a, b) for a, b in zip(path, path[1:], strict=False))
            assert len(path) == shortest


def test_whatif_on_a_long_chain_explains_every_goal(make_store):
    goals = [goal(f"K{i:04d}") for i in range(1500)]
    deps = [dep(f"K{i:04d}", f"K{i - 1:04d}") for i in range(1, 1500)]
    milestones = [ms("K0000-M1", "2027-01-01")]
    store = make_store(goals=goals, dependencies=deps, milestones=milestones)
    from sa2030_desktop.services.portfolio import what_if

    result = what_if(store, {"K0000-M1": date(2027, 6, 30)}, date(2026, 12, 1))
    assert len(result.affected) == 1499
    assert result.affected[-1].path == [f"K{i:04d}" for i in range(1500)]


def test_a_graph_image_beyond_a_readable_size_is_refused_with_a_hint(cli, make_store, tmp_path):
    from sa2030_desktop.services.graph import MAX_FIGURE_GOALS

    store = make_store(goals=[goal(f"G{i:04d}") for i in range(MAX_FIGURE_GOALS + 1)])
    path = store.path
    store.close()
    code, _, err = cli("graph", path, tmp_path / "g.svg")
    assert code == 1
    assert_german(err)
    assert f"{MAX_FIGURE_GOALS + 1} Ziele" in err and "--ministry" in err
    assert not (tmp_path / "g.svg").exists()

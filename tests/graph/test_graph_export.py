"""Exported graph files: content checked against the filter, text stays text, nothing cut."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest
from defusedxml import ElementTree

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.graph_view import GraphOptions, build_view
from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.export.graph_figure import graph_figure, save_graph

AS_OF = date(2026, 3, 31)
SVG = "{http://www.w3.org/2000/svg}"


def _svg(path):
    root = ElementTree.parse(path).getroot()
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    ids = [el.get("id") or "" for el in root.iter()]
    return texts, ids


def test_svg_holds_the_filtered_nodes_and_edges_as_text(demo_store, tmp_path):
    p = demo_store.snapshot()
    options = GraphOptions(selection=Selection(theme="TF09"), hops=1)
    model = build_view(p, options, AS_OF)
    out = save_graph(p, AS_OF, tmp_path / "tf09.svg", options)
    texts, ids = _svg(out)
    node_ids = {i.removeprefix("node-") for i in ids if i.startswith("node-")}
    assert node_ids == set(model.nodes)
    edge_ids = {i for i in ids if i.startswith("edge-")}
    assert edge_ids == {f"edge-{a}-{b}" for a, b in (e.id for e in model.edges)}
    heads = [t for t in texts if re.match(r"^Z\d+ · ", t)]
    assert sorted(h.split(" · ")[0] for h in heads) == sorted(model.nodes)
    assert "Demodaten – illustrativ" in texts
    assert any("Stichtag: 31.03.2026" in t for t in texts)
    assert {"im Plan", "gefährdet", "harte Abhängigkeit (benötigt → abhängig)"} <= set(texts)
    assert not list(tmp_path.glob(".*tmp"))


def test_conflicts_carry_the_text_konflikt(demo_store, tmp_path):
    p = demo_store.snapshot()
    texts, _ = _svg(save_graph(p, AS_OF, tmp_path / "all.svg"))
    assert texts.count("Konflikt") == 4


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils fehlt")
def test_pdf_text_is_searchable(demo_store, tmp_path):
    p = demo_store.snapshot()
    out = save_graph(
        p, AS_OF, tmp_path / "fokus.pdf", GraphOptions(focus="Z16", focus_mode="predecessors")
    )
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Z16 · MID" in text
    assert "Demodaten – illustrativ" in text
    assert "Fokus Z16 (Voraussetzungen)" in text


def test_png_resolution_follows_dpi(demo_store, tmp_path):
    from matplotlib.image import imread

    p = demo_store.snapshot()
    options = GraphOptions(selection=Selection(theme="TF09"))
    low = imread(save_graph(p, AS_OF, tmp_path / "a.png", options, dpi=72))
    high = imread(save_graph(p, AS_OF, tmp_path / "b.png", options, dpi=144))
    assert high.shape[1] == pytest.approx(2 * low.shape[1], abs=2)


@pytest.mark.parametrize("lanes", [None, "theme"])
def test_no_text_is_cut_at_the_border(demo_store, lanes):
    fig = graph_figure(demo_store.snapshot(), AS_OF, GraphOptions(swimlanes=lanes))
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    for artist in fig.findobj(lambda a: hasattr(a, "get_text") and a.get_text()):
        if not artist.get_visible():
            continue
        ext = artist.get_window_extent(renderer)
        assert box.x0 - 0.5 <= ext.x0 and ext.x1 <= box.x1 + 0.5, artist.get_text()
        assert box.y0 - 0.5 <= ext.y0 and ext.y1 <= box.y1 + 0.5, artist.get_text()


def test_node_text_fits_inside_its_box(demo_store):
    fig = graph_figure(demo_store.snapshot(), AS_OF, GraphOptions())
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    boxes = [
        p.get_window_extent(renderer) for p in ax.patches if type(p).__name__ == "FancyBboxPatch"
    ]
    texts = [t for t in ax.texts if t.get_text() != "Konflikt"]
    for t in texts:
        ext = t.get_window_extent(renderer)
        assert any(b.x0 <= ext.x0 and ext.x1 <= b.x1 + 0.5 for b in boxes), t.get_text()


def test_unknown_extension_and_missing_folder_write_nothing(demo_store, tmp_path):
    p = demo_store.snapshot()
    with pytest.raises(DomainError) as err:
        save_graph(p, AS_OF, tmp_path / "graph.gif")
    assert err.value.code == "unknown_extension"
    with pytest.raises(DomainError) as err:
        save_graph(p, AS_OF, tmp_path / "fehlt" / "graph.png")
    assert err.value.code == "folder_missing"
    with pytest.raises(DomainError):
        save_graph(p, AS_OF, tmp_path / "x.png", dpi=5)
    assert [f.name for f in tmp_path.iterdir()] == ["demo.sa2030"] or not list(
        tmp_path.glob("*.png")
    )

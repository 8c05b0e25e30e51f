"""`sa2030 graph`: exit codes, German messages, no partial file."""

from __future__ import annotations

import json

import pytest
from defusedxml import ElementTree

from sa2030_desktop.cli.main import main


@pytest.fixture
def demo_file(demo_store):
    path = demo_store.path
    demo_store.close()
    return str(path)


def test_graph_with_filters_writes_svg_and_reports_json(demo_file, tmp_path, capsys):
    out = tmp_path / "tf09.svg"
    rc = main(
        [
            "graph",
            demo_file,
            str(out),
            "--theme",
            "TF09",
            "--hops",
            "1",
            "--as-of",
            "2026-03-31",
            "--json",
        ]
    )
    assert rc == 0
    data = json.loads(capsys.readouterr().out)
    root = ElementTree.parse(out).getroot()
    ids = {el.get("id") for el in root.iter() if (el.get("id") or "").startswith("node-")}
    assert ids == {f"node-{k}" for k in data["nodes"]}
    assert data["goals"] == len(data["nodes"]) and data["dependencies"] == len(data["edges"])


@pytest.mark.parametrize(
    ("args", "ext"),
    [
        (["--focus", "Z16", "--predecessors"], "pdf"),
        (["--longest-chain"], "svg"),
        (["--swimlanes", "lead"], "svg"),
        (["--cross-ministry"], "svg"),
        (["--ministry", "MID", "--involved"], "png"),
    ],
)
def test_graph_options_are_accepted(demo_file, tmp_path, args, ext):
    out = tmp_path / f"g.{ext}"
    assert main(["graph", demo_file, str(out), *args]) == 0
    magic = {"pdf": b"%PDF", "svg": b"<?xml", "png": b"\x89PNG"}[ext]
    assert out.read_bytes().startswith(magic)


def test_unknown_extension_is_refused_with_exit_1(demo_file, tmp_path, capsys):
    assert main(["graph", demo_file, str(tmp_path / "g.gif")]) == 1
    assert "Unbekanntes Dateiformat „.gif“" in capsys.readouterr().err
    assert not (tmp_path / "g.gif").exists()


def test_unwritable_target_and_empty_selection_exit_1(demo_file, tmp_path, capsys):
    assert main(["graph", demo_file, str(tmp_path / "fehlt" / "g.png")]) == 1
    assert "Den Ordner" in capsys.readouterr().err
    assert main(
        ["graph", demo_file, str(tmp_path / "g.png"), "--theme", "TF09", "--status", "done"]
    ) in (0, 1)
    assert main(["graph", demo_file, str(tmp_path / "z.png"), "--goal", "Z99"]) == 1
    assert "Z99" in capsys.readouterr().err
    assert not (tmp_path / "z.png").exists()


def test_bad_usage_exits_2(demo_file, tmp_path, capsys):
    for args in (["--hops", "x"], ["--predecessors"], ["--swimlanes", "quer"]):
        with pytest.raises(SystemExit) as exc:
            main(["graph", demo_file, str(tmp_path / "g.png"), *args])
        assert exc.value.code == 2
        assert "Falscher Aufruf" in capsys.readouterr().err
    assert not list(tmp_path.glob("g.png"))

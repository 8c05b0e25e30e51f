"""`sa2030 stats` in words a reader accepts on a small or empty portfolio (a new portfolio, a
Ressortpaket of a ministry without goals): no „0 Abhängigkeiten ()“, no „1 Abhängigkeiten“."""

from sa2030_desktop.cli.main import main
from tests.support.builders import build_store, dep, goal


def _stats(tmp_path, capsys, **sections):
    path = tmp_path / "klein.sa2030"
    build_store(path, **sections).close()
    assert main(["stats", str(path), "--as-of", "2026-12-03"]) == 0
    return [line for line in capsys.readouterr().out.splitlines() if "Längste Kette" in line]


def test_no_dependency_means_no_chain(tmp_path, capsys):
    assert _stats(tmp_path, capsys) == ["Längste Kette: keine (keine Abhängigkeiten)"]


def test_one_dependency_is_singular(tmp_path, capsys):
    lines = _stats(tmp_path, capsys, goals=[goal("A"), goal("B")], dependencies=[dep("B", "A")])
    assert lines == ["Längste Kette: 1 Abhängigkeit (A → B)"]


def test_longer_chains_keep_their_wording(tmp_path, capsys):
    lines = _stats(tmp_path, capsys, goals=[goal("A"), goal("B"), goal("C")],
                   dependencies=[dep("B", "A"), dep("C", "B")])  # fmt: skip
    assert lines == ["Längste Kette: 2 Abhängigkeiten (A → B → C)"]


def test_graph_summary_counts_in_singular(tmp_path, capsys):
    path = tmp_path / "zwei.sa2030"
    build_store(path, goals=[goal("A"), goal("B")], dependencies=[dep("B", "A")]).close()
    out = tmp_path / "g.svg"
    assert main(["graph", str(path), str(out), "--goal", "A"]) == 0
    assert capsys.readouterr().out.strip() == f"Graph geschrieben: {out} (1 Ziel, 0 Abhängigkeiten)"
    assert main(["graph", str(path), str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"Graph geschrieben: {out} (2 Ziele, 1 Abhängigkeit)"


def test_goal_without_milestones_says_so(tmp_path, capsys):
    path = tmp_path / "ohne.sa2030"
    build_store(path, goals=[goal("A")]).close()
    assert main(["goal", str(path), "A", "--as-of", "2026-12-03"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2] == "Meilensteine: keine"

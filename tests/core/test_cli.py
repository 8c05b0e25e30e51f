"""The `sa2030` command line: exit statuses 0/1/2, German messages, --json documents."""

import hashlib
import json

import pytest

from sa2030_desktop.cli.main import main


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def sha(path):
    if isinstance(path, str):  # the portfolio on the team server: a digest of all its rows
        from tests.support.pgserver import state_digest

        return state_digest(path)
    return hashlib.sha256(path.read_bytes()).hexdigest()


# Every test on the demo portfolio runs on a file and on the team server (TEAM.md: the same
# services behind both stores).
@pytest.fixture(params=["file", "server"])
def demo_file(request, tmp_path, capsys):
    if request.param == "server":
        return request.getfixturevalue("pg_demo")
    path = tmp_path / "demo.sa2030"
    code, out, _ = run(capsys, "new", path, "--demo")
    assert code == 0 and "50 Ziele" in out
    return path


def test_stats_json_agrees_with_the_demo_data(demo_file, capsys):
    code, out, _ = run(capsys, "stats", demo_file, "--json", "--as-of", "2026-11-28")
    assert code == 0
    data = json.loads(out)
    raw = json.loads((__import__("sa2030_desktop.assets").assets.demo_portfolio()).read_text("utf-8"))
    assert data["as_of"] == "2026-11-28"
    assert data["goals"] == len(raw["goals"]) == 50
    assert data["milestones"] == len(raw["milestones"])
    assert data["dependencies"] == len(raw["dependencies"])
    kinds = {"hard": 0, "soft": 0}
    for d in raw["dependencies"]:
        kinds[d["kind"]] += 1
    assert data["dependencies_by_kind"] == kinds
    statuses = {}
    for g in raw["goals"]:
        statuses[g["status"]] = statuses.get(g["status"], 0) + 1
    assert {k: v for k, v in data["status"].items() if v} == statuses
    assert sum(r["total"] for r in data["by_category"].values()) == 50
    assert sum(r["total"] for r in data["by_lead_ministry"].values()) == 50
    assert len(data["conflicts"]) == 4
    assert data["longest_chain"]["length"] == len(data["longest_chain"]["path"]) - 1 >= 5
    for key in ("slipped_goals", "slipped_milestones", "late_achieved_milestones",
                "overdue_milestones", "cross_ministry_dependencies"):
        assert key in data


def test_check_reports_no_error_on_the_demo(demo_file, capsys):
    code, out, _ = run(capsys, "check", demo_file, "--json", "--as-of", "2026-11-28")
    assert code == 0
    data = json.loads(out)
    assert data["errors"] == []
    assert {w["code"] for w in data["warnings"]} == {
        "contradiction", "conflict", "overdue", "indicator_behind"
    }
    # Z12 im Plan: 281 on 30.09.2026 against 387.32 expected on 140 → 500 (2024 to 2027)
    behind = [w for w in data["warnings"] if w["code"] == "indicator_behind"]
    assert [w["place"]["key"] for w in behind] == ["Z12"]
    assert "erwartet 387,32 (Abstand −29,5 % des Zielwegs)" in behind[0]["message"]


def test_goal_json(demo_file, capsys):
    code, out, _ = run(capsys, "goal", demo_file, "Z05", "--json", "--as-of", "2026-11-28")
    assert code == 0
    data = json.loads(out)
    for key in ("key", "title", "lead", "partners", "status", "milestones", "predecessors",
                "dependents", "direct_predecessors", "direct_dependents", "conflicts"):
        assert key in data
    assert data["key"] == "Z05"
    assert all("slip_days" in m for m in data["milestones"])
    assert set(p["key"] for p in data["direct_predecessors"]) <= set(data["predecessors"])
    code, _, err = run(capsys, "goal", demo_file, "Z999")
    assert code == 1 and "Ziel „Z999“ gibt es nicht" in err


def test_whatif_writes_nothing_and_explains(demo_file, capsys):
    before = sha(demo_file)
    code, out, _ = run(capsys, "whatif", demo_file, "--set", "Z04-M2=2027-12-31", "--json",
                       "--as-of", "2026-11-28")
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"before", "after", "affected_goals", "affected_ministries"}
    assert {"conflicts", "slipped_milestones"} <= set(data["before"])
    assert data["affected_goals"], "Z04 has dependents in the demo portfolio"
    for a in data["affected_goals"]:
        assert a["path"][0] == "Z04" and a["path"][-1] == a["key"]
    assert sorted({a["lead"] for a in data["affected_goals"]}) == data["affected_ministries"]
    assert sha(demo_file) == before
    code, out, _ = run(capsys, "whatif", demo_file, "--set", "Z04-M2=2027-12-31")
    assert code == 0 and "wartet" in out and "Betroffene Ressorts" in out


def test_ministry_rename_keeps_history(demo_file, capsys):
    code, out, _ = run(capsys, "ministry", "rename", demo_file, "MID", "MDI",
                       "--name", "Ministerium für Digitales und Infrastruktur", "--effective", "2027-01-01")
    assert code == 0 and "umbenannt" in out
    _, out, _ = run(capsys, "stats", demo_file, "--json", "--as-of", "2026-12-31")
    assert "MID" in json.loads(out)["by_lead_ministry"]
    _, out, _ = run(capsys, "stats", demo_file, "--json", "--as-of", "2027-01-01")
    leads = json.loads(out)["by_lead_ministry"]
    assert "MID" not in leads and leads["MDI"]["total"] == 12


@pytest.mark.parametrize(
    "args",
    [
        ["stats"],  # missing file
        ["whatif", "{f}", "--set", "Z04-M2"],  # no date
        # a date that is no date is refused data, exit 1: tests/core/test_cli_dates.py
        ["frobnicate", "{f}", "x"],  # unknown command is read as a file to open plus extra
    ],
)
def test_wrong_usage_exits_2(demo_file, capsys, args):
    args = [a.replace("{f}", str(demo_file)) for a in args]
    with pytest.raises(SystemExit) as info:
        code = main(args)
        raise SystemExit(code)
    assert info.value.code == 2
    assert "Falscher Aufruf" in capsys.readouterr().err


def test_refused_files_exit_1_and_stay_unchanged(tmp_path, capsys):
    foreign = tmp_path / "fremd.db"
    foreign.write_bytes(b"kein sqlite " * 20)
    before = sha(foreign)
    code, _, err = run(capsys, "stats", foreign)
    assert code == 1 and "keine SA2030-Portfoliodatei" in err
    assert sha(foreign) == before
    code, _, err = run(capsys, "check", tmp_path)
    assert code == 1 and "Ordner" in err
    code, _, err = run(capsys, "stats", tmp_path / "fehlt.sa2030")
    assert code == 1 and "gibt es nicht" in err


def test_import_refusal_exit_1_lists_lines(demo_file, tmp_path, capsys):
    src = tmp_path / "neu.json"
    src.write_text(json.dumps({"format": "sa2030-portfolio", "version": 1, "goals": [
        {"key": "Z60", "title": "A", "theme": "TF99", "lead": "MID"},
        {"key": "Z61", "title": "B", "theme": "TF01", "lead": "MID", "partners": ["MID"]},
    ], "dependencies": [{"dependent": "Z01", "prerequisite": "Z01"}]}, indent=1), encoding="utf-8")
    before = sha(demo_file)
    code, _, err = run(capsys, "import", demo_file, src)
    assert code == 1
    assert "3 Fehler in neu.json" in err
    text = src.read_text("utf-8").splitlines()

    def object_line(marker):  # the line of the "{" that opens the record containing marker
        i = next(n for n, line in enumerate(text) if marker in line)
        while not text[i].rstrip().endswith("{"):
            i -= 1
        return i + 1

    assert f"Zeile {object_line('Z60')}, Ziel Z60: Unbekanntes Themenfeld „TF99“" in err
    assert f"Zeile {object_line('Z61')}, Ziel Z61" in err
    assert f"Zeile {object_line('dependent')}, Abhängigkeit Z01>Z01" in err
    assert sha(demo_file) == before


def test_export_and_reimport_json(demo_file, tmp_path, capsys):
    out = tmp_path / "aus.json"
    code, _, _ = run(capsys, "export", demo_file, out, "--ministry", "MID")
    assert code == 0
    data = json.loads(out.read_text("utf-8"))
    raw = json.loads(__import__("sa2030_desktop.assets").assets.demo_portfolio().read_text("utf-8"))
    mid = {g["key"] for g in raw["goals"] if g["lead"] == "MID"}
    touching = {(d["dependent"], d["prerequisite"]) for d in raw["dependencies"]
                if d["dependent"] in mid or d["prerequisite"] in mid}
    # exports carry every dependency of the selection, also those across ministries, and the
    # goals at their other end as context, so the file is complete in itself
    assert {(d["dependent"], d["prerequisite"]) for d in data["dependencies"]} == touching
    assert any(g["lead"] != "MID" for g in data["goals"])
    assert mid <= {g["key"] for g in data["goals"]}
    code, _, err = run(capsys, "export", demo_file, out, "--ministry", "XYZ")
    assert code == 1 and "Unbekanntes Ressort „XYZ“" in err
    target = tmp_path / "neu.sa2030"
    run(capsys, "new", target)
    code, out_text, _ = run(capsys, "import", target, out)
    assert code == 0 and "übernommen" in out_text

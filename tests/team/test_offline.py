"""checkout → offline edits → checkin merges like `sa2030 merge` (TEAM.md, Offline)."""

from __future__ import annotations

import json

import psycopg

from sa2030_desktop.cli.main import main
from sa2030_desktop.services import goals
from sa2030_desktop.services.portfolio import open_portfolio


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def title(url, key):
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT title FROM goal WHERE key = %s", (key,)).fetchone()[0]


def edit(target, **titles):
    store = open_portfolio(target)
    try:
        for key, text in titles.items():
            goals.update_goal(store, key, title=text)
    finally:
        store.close()


def test_checkout_offline_edits_checkin(team, tmp_path, capsys):
    laptop = tmp_path / "laptop.sa2030"
    code, out, err = run(capsys, "checkout", team["stab"], laptop)
    assert code == 0, err
    assert "50 Ziele" in out and laptop.exists()
    # the same merge as `sa2030 merge`: a second checkout that takes the office's edits too
    mirror = tmp_path / "spiegel.sa2030"
    assert run(capsys, "checkout", team["admin"], mirror)[0] == 0
    edit(laptop, Z04="Offline geändert", Z01="Offline Z01")  # on the train
    for office in (team["stab"], mirror):  # meanwhile in the office (and in the mirror)
        edit(office, Z05="Im Büro geändert", Z01="Im Büro Z01")
    code, expected, _ = run(capsys, "merge", mirror, laptop, "--dry-run", "--json")
    code, out, err = run(capsys, "checkin", team["stab"], laptop, "--json")
    assert code == 1  # Z01 changed on both sides: a conflict, nothing written
    report, mirror_report = json.loads(out), json.loads(expected)
    assert report["conflicts"] == mirror_report["conflicts"]
    assert report["taken"] == mirror_report["taken"]
    assert [(c["key"], c["field"]) for c in report["conflicts"]] == [("Z01", "title")]
    assert title(team["admin"], "Z04") != "Offline geändert"
    code, out, err = run(capsys, "checkin", team["stab"], laptop, "--take", "goal:Z01:title=theirs")
    assert code == 0, err
    assert title(team["admin"], "Z04") == "Offline geändert"
    assert title(team["admin"], "Z05") == "Im Büro geändert"
    assert title(team["admin"], "Z01") == "Offline Z01"


def test_checkout_of_one_ministry_is_its_package(team, tmp_path, capsys):
    package = tmp_path / "mid.sa2030"
    code, out, err = run(capsys, "checkout", team["mid"], package, "--ministry", "MID")
    assert code == 0, err and "Ressortpaket MID" in out
    edit(package, Z01="MID unterwegs")
    code, out, err = run(capsys, "checkin", team["mid"], package)
    assert code == 0, err
    assert title(team["admin"], "Z01") == "MID unterwegs"


def test_checkout_refuses_an_existing_file_and_writes_nothing(team, tmp_path, capsys):
    target = tmp_path / "da.sa2030"
    target.write_bytes(b"schon da")
    code, _, err = run(capsys, "checkout", team["stab"], target)
    assert code == 1 and target.read_bytes() == b"schon da"
    code, _, err = run(capsys, "checkout", "service=gibtsnicht", tmp_path / "neu.sa2030")
    assert code == 1 and not (tmp_path / "neu.sa2030").exists()

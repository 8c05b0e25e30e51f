"""Roles and row-level security (TEAM.md, Roles): through the application and through raw SQL
as each role, because a user with psql and their own password must not do more."""

from __future__ import annotations

from datetime import date

import psycopg
import pytest

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.messages import format_error
from sa2030_desktop.services import goals
from sa2030_desktop.services.portfolio import open_portfolio

# Z01 is led by MID, Z04 by MI (demo portfolio)


def sql(url, statement, *args):
    """Run one statement as the login of `url`; (rows changed, rows returned or None)."""
    with psycopg.connect(url) as conn:
        cur = conn.execute(statement, args)
        rows = cur.fetchall() if cur.description else None
        return cur.rowcount, rows


def title(url, key):
    return sql(url, "SELECT title FROM goal WHERE key = %s", key)[1][0][0]


def test_ressort_changes_own_goals_only_through_the_application(team):
    store = open_portfolio(team["mid"])
    try:
        assert store.where.endswith("als u_mid (Ressort MID)")
        goals.update_goal(store, "Z01", title="Neu von MID")
        goals.update_milestone(store, "Z01-M1", note="Vermerk MID")
        with pytest.raises(DomainError) as info:
            goals.update_goal(store, "Z04", title="Fremd")
        text = format_error(info.value)
        assert "Als u_mid (Ressort MID) dürfen Sie Ziel Z04 nicht ändern" in text
        with pytest.raises(DomainError):
            goals.update_milestone(store, "Z04-M1", note="fremd")
        with pytest.raises(DomainError):  # and the lead of an own goal stays with MID
            goals.update_goal(store, "Z01", lead="MI", comment="abgeben")
    finally:
        store.close()
    assert title(team["admin"], "Z01") == "Neu von MID"
    assert title(team["admin"], "Z04") != "Fremd"


def test_ressort_raw_sql_cannot_touch_another_ministrys_rows(team):
    url = team["mid"]
    before = title(team["admin"], "Z04")
    assert sql(url, "UPDATE goal SET title = 'psql' WHERE key = 'Z04'")[0] == 0
    assert sql(url, "UPDATE milestone SET note = 'psql' WHERE goal = 'Z04'")[0] == 0
    assert sql(url, "DELETE FROM dependency WHERE dependent = 'Z04'")[0] == 0
    # taking another ministry's goal over: the row is not there to be updated
    assert sql(url, "UPDATE goal SET lead = 'MID' WHERE key = 'Z04'")[0] == 0
    with pytest.raises(psycopg.errors.InsufficientPrivilege):  # giving an own goal away
        sql(url, "UPDATE goal SET lead = 'MI' WHERE key = 'Z01'")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):  # reference data
        sql(url, "UPDATE ministry SET name = 'psql' WHERE code = 'MID'")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):  # a new goal of another ministry
        sql(
            url,
            "INSERT INTO goal (key, title, description, theme, lead, status, status_reason,"
            " priority, tags, created, updated) VALUES ('Z99', 't', '', 'TF01', 'MI',"
            " 'not_started', '', 2, '', '', '')",
        )
    assert sql(url, "UPDATE goal SET title = 'psql eigen' WHERE key = 'Z01'")[0] == 1
    assert title(team["admin"], "Z04") == before
    # reading everything is allowed
    assert sql(url, "SELECT count(*) FROM goal")[1][0][0] == 50


def test_ressort_dependency_rights_follow_the_dependent_goal(team):
    url = team["mi"]  # MI leads Z04 and Z06; Z04 needs two goals in the demo
    assert sql(url, "UPDATE dependency SET rationale = 'MI' WHERE dependent = 'Z04'")[0] == 2
    assert sql(url, "UPDATE dependency SET rationale = 'MI' WHERE dependent = 'Z03'")[0] == 0


def test_leser_cannot_write(team):
    store = open_portfolio(team["leser"])
    try:
        assert store.readonly
        assert len(store.snapshot().goals) == 50
        with pytest.raises(DomainError) as info:
            goals.update_goal(store, "Z01", title="Leser")
        assert "Rolle Leser" in format_error(info.value)
    finally:
        store.close()
    for statement in (
        "UPDATE goal SET title = 'x' WHERE key = 'Z01'",
        "DELETE FROM milestone WHERE key = 'Z01-M1'",
        "INSERT INTO layout (view, goal, x, y) VALUES ('v', 'Z01', 1, 1)",
    ):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sql(team["leser"], statement)


def test_stabsstelle_changes_everything(team):
    store = open_portfolio(team["stab"])
    try:
        goals.update_goal(store, "Z04", title="Von der Koordinierungsstelle")
        goals.update_goal(store, "Z01", title="Auch dieses")
    finally:
        store.close()
    assert sql(team["stab"], "UPDATE ministry SET name = 'Neu' WHERE code = 'MB'")[0] == 1


@pytest.mark.parametrize("who", ["stab", "mid", "leser", "admin"])
def test_nobody_alters_the_log(team, who):
    url = team[who]
    count = sql(team["admin"], "SELECT count(*) FROM change_log")[1][0][0]
    for statement in (
        "UPDATE change_log SET comment = 'gefälscht'",
        "DELETE FROM change_log",
        "TRUNCATE change_log",
    ):
        try:
            changed, _ = sql(url, statement)
        except psycopg.errors.InsufficientPrivilege:
            continue
        assert changed == 0, statement
    with pytest.raises(psycopg.errors.InsufficientPrivilege):  # nor write it by hand
        if who == "admin":
            raise psycopg.errors.InsufficientPrivilege("the owner's trigger functions do")
        sql(
            url,
            'INSERT INTO change_log (timestamp, "user", entity, key, field, comment,'
            " action) VALUES ('2020-01-01', 'jemand', 'goal', 'Z01', 'title', '', 0)",
        )
    assert sql(team["admin"], "SELECT count(*) FROM change_log")[1][0][0] == count


def test_the_log_names_the_login_and_the_server_time(team):
    store = open_portfolio(team["mid"])
    try:
        goals.update_goal(store, "Z01", title="Protokolliert", comment="Rundlauf")
    finally:
        store.close()
    sql(team["mid"], "UPDATE milestone SET note = 'per psql' WHERE key = 'Z01-M1'")
    rows = sql(
        team["admin"],
        'SELECT "user", field, old, new, comment, timestamp'
        " FROM change_log ORDER BY id DESC LIMIT 2",
    )[1]
    (psql_user, psql_field, _o, psql_new, psql_comment, stamp), app = rows
    assert (psql_user, psql_field, psql_new, psql_comment) == ("u_mid", "note", "per psql", "")
    assert app[:5] == ("u_mid", "title", app[2], "Protokolliert", "Rundlauf")
    assert stamp.startswith(date.today().isoformat()[:4])


def test_server_user_list_and_status(team, capsys):
    from sa2030_desktop.cli.main import main

    assert main(["server", "user", team["admin"], "list"]) == 0
    out = capsys.readouterr().out
    assert "u_mid: Ressort MID" in out and "u_leser: Leser" in out
    assert "u_stab: Koordinierungsstelle" in out
    assert main(["server", "user", team["admin"], "add", "u_mid", "--role", "ressort"]) == 1
    assert "braucht ein Ressort" in capsys.readouterr().err
    assert (
        main(
            ["server", "user", team["admin"], "add", "u_x", "--role", "ressort", "--ministry", "XX"]
        )
        == 1
    )
    assert "„XX“ gibt es" in capsys.readouterr().err
    assert main(["server", "user", team["admin"], "add", "postgres", "--role", "leser"]) == 1
    assert "Superuser" in capsys.readouterr().err
    # a planner's login cannot administer
    assert main(["server", "user", team["mid"], "add", "u_y", "--role", "leser"]) == 1
    assert "fehlen die Rechte" in capsys.readouterr().err
    assert main(["server", "status", team["admin"], "--json"]) == 0
    import json

    info = json.loads(capsys.readouterr().out)
    assert info["schema"] == "0006" and info["counts"]["goal"] == 50 and info["users"] == 4


def test_server_user_takes_the_ministry_code_in_another_case(team, capsys):
    """`--ministry mid` means MID, as on every other command line (README, codes typed in
    another case): the login is recorded with the stored code, not refused."""
    from sa2030_desktop.cli.main import main

    args = ["server", "user", team["admin"], "add", "u_klein", "--role", "ressort"]
    assert main([*args, "--ministry", "mid"]) == 0
    assert "Ressort MID" in capsys.readouterr().out
    assert main(["server", "user", team["admin"], "list"]) == 0
    assert "u_klein: Ressort MID" in capsys.readouterr().out

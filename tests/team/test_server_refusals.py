"""Bad input at the connection (issue 13): each gives a German message that says what to do,
exit status 1, and nothing written."""

from __future__ import annotations

import pytest

from sa2030_desktop.cli.main import main
from tests.support.pgserver import dbname_of, state_digest
from tests.team.conftest import login_url


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_wrong_password(team, capsys):
    before = state_digest(team["admin"])
    bad = login_url(team["admin"], "u_mid", "falsch")
    code, out, err = run(capsys, "stats", bad)
    assert code == 1 and out == ""
    assert "Anmeldung am Teamserver" in err and "„u_mid“ abgelehnt" in err
    assert ".pgpass" in err and "falsch" not in err  # the password is never repeated
    code, _, err = run(
        capsys, "ministry", "rename", bad, "MID", "MDI", "--name", "X", "--effective", "2027-01-01"
    )
    assert code == 1 and "abgelehnt" in err
    assert state_digest(team["admin"]) == before


def test_unreachable_server(tmp_path, capsys):
    url = f"postgresql://postgres@/sa2030?host={tmp_path}"  # no server listens there
    code, _, err = run(capsys, "stats", url)
    assert code == 1
    assert "ist nicht erreichbar" in err and "IT-Dienstleister" in err
    assert list(tmp_path.iterdir()) == []


def test_database_without_our_schema(pg_empty, capsys):
    before = state_digest(pg_empty)
    code, _, err = run(capsys, "check", pg_empty)
    assert code == 1
    assert "enthält kein SA2030-Portfolio" in err and "sa2030 server init" in err
    assert state_digest(pg_empty) == before


def test_schema_newer_than_the_application(pg_demo, pg_cluster, capsys):
    db = dbname_of(pg_demo)
    pg_cluster.admin_sql("UPDATE alembic_version SET version_num = '0099'", db)
    before = state_digest(pg_demo)
    code, _, err = run(capsys, "stats", pg_demo)
    assert code == 1
    assert "neueres Schema (0099)" in err and "Anwendung aktualisieren" in err
    code, _, err = run(capsys, "server", "init", pg_demo)
    assert code == 1 and "neueres Schema" in err
    # nor is a login added to a schema this version does not know (role and mapping)
    code, _, err = run(capsys, "server", "user", pg_demo, "add", "u_neuschema", "--role", "leser")
    assert code == 1 and "neueres Schema (0099)" in err
    assert state_digest(pg_demo) == before
    import psycopg

    with psycopg.connect(pg_demo) as conn:
        role = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = 'u_neuschema'").fetchone()
    assert role is None


def test_schema_older_than_the_application(pg_demo, pg_cluster, capsys):
    """Opening and adding a login refuse an older schema alike (server_connect.require_schema):
    the admin brings it up to date with `server init` first."""
    db = dbname_of(pg_demo)
    pg_cluster.admin_sql("UPDATE alembic_version SET version_num = '0005'", db)
    before = state_digest(pg_demo)
    code, _, err = run(capsys, "stats", pg_demo)
    assert code == 1
    assert "älteres Schema (0005, diese Version braucht 0006)" in err and "server init" in err
    code, _, err = run(capsys, "server", "user", pg_demo, "add", "u_altschema", "--role", "leser")
    assert code == 1 and "älteres Schema (0005" in err
    assert state_digest(pg_demo) == before


def test_login_without_role_mapping(pg_demo, pg_cluster, capsys):
    pg_cluster.admin_sql(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
        "'u_niemand') THEN CREATE ROLE u_niemand LOGIN PASSWORD 'pw'; END IF; "
        "END $$"
    )
    pg_cluster.admin_sql("GRANT SELECT ON alembic_version TO u_niemand", dbname_of(pg_demo))
    before = state_digest(pg_demo)
    code, _, err = run(capsys, "stats", login_url(pg_demo, "u_niemand", "pw"))
    assert code == 1
    assert "„u_niemand“ hat" in err and "keine Rolle" in err and "sa2030 server user" in err
    assert state_digest(pg_demo) == before


@pytest.mark.parametrize(
    "typo",
    [
        "sevice=sa2030",  # unknown keyword
        "host=/tmp dbname",  # keyword without value
    ],
)
def test_connection_string_with_a_typo(typo, capsys):
    code, _, err = run(capsys, "stats", typo)
    assert code == 1
    assert "Serververbindung" in err and "fehlerhaft geschrieben" in err
    assert "service=sa2030" in err  # an example of how it is written


def test_a_file_named_like_a_connection_opens_as_the_file(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, _ = run(capsys, "new", "service=x.sa2030")
    # `new` refuses a connection: the portfolio on a server is made by `server init`
    assert code == 1
    code, _, err = run(capsys, "new", "./service=x.sa2030")
    assert code == 0, err
    code, out, err = run(capsys, "stats", "service=x.sa2030")  # it exists: the file
    assert code == 0 and "Ziele: 0" in out
    assert "vorhandene Datei und wird als Datei geöffnet" in err


def test_new_refuses_a_server(pg_demo, capsys):
    code, _, err = run(capsys, "new", pg_demo)
    assert code == 1 and "sa2030 server init" in err

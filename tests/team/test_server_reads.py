"""`stats`, `check` and `goal` read a portfolio file on plain sqlite3 (issue 11 item 5); on the
team server they still read through the ServerStore – and say what they say of the same
portfolio in a file."""

from __future__ import annotations

import pytest

from sa2030_desktop.cli.main import main
from sa2030_desktop.services.portfolio import create_portfolio
from tests.support.pgserver import state_digest


@pytest.mark.parametrize("command", [
    ["stats"], ["stats", "--json", "--ministry", "MID"], ["check"], ["check", "--json"],
    ["goal", "Z05"],
], ids=" ".join)  # fmt: skip
def test_server_reads_say_what_the_file_says(pg_demo, tmp_path, capsys, command):
    demo = tmp_path / "demo.sa2030"
    create_portfolio(demo, demo=True).close()
    name, *rest = command
    before = state_digest(pg_demo)
    on_server = main([name, pg_demo, *rest]), *capsys.readouterr()
    in_file = main([name, str(demo), *rest]), *capsys.readouterr()
    assert on_server[0] == 0 and on_server[1].strip()
    assert on_server == in_file
    assert state_digest(pg_demo) == before

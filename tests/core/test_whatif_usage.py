"""`sa2030 whatif --help` shows the order that works. --set takes every value after it
(several changes after one --set, 4266c81), so `whatif --set Z01-M3=… DATEI` takes the file for
a change and is refused; argparse's own usage line put DATEI last – exactly that order."""

from __future__ import annotations

import json

import pytest

from sa2030_desktop.cli.main import main
from sa2030_desktop.services.portfolio import create_portfolio


def _usage(capsys) -> str:
    with pytest.raises(SystemExit):
        main(["whatif", "--help"])
    text = capsys.readouterr().out
    return " ".join(text.split("\n\n")[0].split())


def test_the_usage_line_names_the_file_before_set_and_that_order_runs(capsys, tmp_path):
    usage = _usage(capsys)
    assert usage.startswith("Aufruf: sa2030 whatif [-h] DATEI --set MEILENSTEIN=DATUM"), usage
    assert usage.index("DATEI") < usage.index("--set")
    for option in ("[--as-of DATUM]", "[--json]", "[MEILENSTEIN=DATUM ...]"):
        assert option in usage
    path = tmp_path / "demo.sa2030"
    create_portfolio(path, demo=True).close()
    # the words of the usage line, in its order, with the demo's milestones
    args = ["whatif", str(path), "--set", "Z01-M3=2027-01-01", "Z04-M2=2027-12-31", "--json"]
    assert main(args) == 0
    moved = [c["milestone"] for c in json.loads(capsys.readouterr().out)["changes"]]
    assert sorted(moved) == ["Z01-M3", "Z04-M2"]

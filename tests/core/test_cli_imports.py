"""`sa2030 --help`, stats, check and goal load no export or GUI library, and on a
portfolio file not even SQLAlchemy (they read it on plain sqlite3: persistence/file_reader.py):
each subcommand imports what it uses, so that the command line starts fast (issue 11 item 5).
Measured in a fresh process, because the test process itself has long imported everything."""

import json
import subprocess
import sys

import pytest

from sa2030_desktop.services.portfolio import create_portfolio

HEAVY = ("matplotlib", "docx", "openpyxl", "PySide6", "xlsxwriter", "sqlmodel", "alembic",
         "networkx", "numpy", "sqlalchemy", "psycopg")

# Runs the real `sa2030` entry point, then reports which heavy packages ended up loaded.
CHILD = """
import contextlib, io, json, sys
from sa2030_desktop.cli.main import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        code = main(sys.argv[2:])
    except SystemExit as exc:  # --help
        code = exc.code
heavy = json.loads(sys.argv[1])
loaded = sorted({m.split(".")[0] for m in sys.modules} & set(heavy))
print(json.dumps({"code": code, "loaded": loaded, "out": out.getvalue()}))
"""


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("start") / "demo.sa2030"
    create_portfolio(path, demo=True).close()
    return path


def run_child(*args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, json.dumps(HEAVY), *args],
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.parametrize("command", [
    ["--help"],
    ["stats", "{file}"],
    ["stats", "{file}", "--json", "--ministry", "MID"],
    ["check", "{file}"],
    ["goal", "{file}", "Z05"],
    ["goal", "{file}", "Z05", "--json"],
], ids=lambda c: " ".join(c).replace("{file}", "DEMO"))  # fmt: skip
def test_command_loads_no_export_or_gui_library(demo_file, command):
    result = run_child(*[part.format(file=demo_file) for part in command])
    assert result["code"] in (0, 1)  # check exits 1 when it finds errors; the demo has none
    assert result["out"].strip(), "the command printed nothing"
    assert result["loaded"] == []


def test_the_child_notices_a_heavy_import(demo_file):
    """The probe can fail: `graph` draws with matplotlib, and the child reports it."""
    out = demo_file.with_name("graph.svg")
    result = run_child("graph", str(demo_file), str(out))
    assert result["code"] == 0 and out.exists()
    assert "matplotlib" in result["loaded"]


def test_a_file_opened_for_export_still_goes_through_the_store(demo_file):
    """The probe sees SQLAlchemy where the full open is used (export reads through the Store)."""
    out = demo_file.with_name("export.json")
    result = run_child("export", str(demo_file), str(out))
    assert result["code"] == 0 and out.exists()
    assert "sqlalchemy" in result["loaded"]

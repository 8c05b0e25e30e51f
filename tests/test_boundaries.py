"""Boundaries of issue 11 item 3: SQL text lives only in persistence/."""

import io
import re
import subprocess
import tokenize
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "sa2030_desktop"
PERSISTENCE = PACKAGE / "persistence"

# A statement at the start of a string literal (upper case, as this code base writes SQL).
SQL = re.compile(
    r"^[rbuf]*(\"\"\"|'''|\"|')\s*(SELECT\s|INSERT\s+(OR\s+\w+\s+)?INTO\s|UPDATE\s+\S+\s+SET\s"
    r"|DELETE\s+FROM\s|PRAGMA\s|(CREATE|DROP|ALTER)\s+(TEMP\s+)?(TABLE|INDEX|VIEW|TRIGGER)\s"
    r"|BEGIN(\s+(IMMEDIATE|EXCLUSIVE|DEFERRED))?\W|WITH\s+\w+\s+AS\s*\()"
)


def sql_literals(path: Path) -> list[str]:
    """`file:line: literal` for each string literal in `path` that starts with SQL."""
    found = []
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    for tok in tokens:
        if tok.type == tokenize.STRING and SQL.match(tok.string):
            found.append(f"{path.relative_to(PACKAGE)}:{tok.start[0]}: {tok.string[:60]}")
        elif tok.type == getattr(tokenize, "FSTRING_START", -1) and SQL.match(tok.string + tok.line[tok.end[1]:]):
            found.append(f"{path.relative_to(PACKAGE)}:{tok.start[0]}: {tok.line.strip()[:60]}")
    return found


def test_no_sql_text_outside_persistence():
    offenders = [
        hit
        for path in sorted(PACKAGE.rglob("*.py"))
        if PERSISTENCE not in path.parents
        for hit in sql_literals(path)
    ]
    assert offenders == [], "SQL outside persistence/:\n" + "\n".join(offenders)


def test_the_sql_finder_sees_sql(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        'conn.execute("SELECT 1")\n'
        "conn.exec_driver_sql(\n    f'UPDATE goal SET key = ?'\n)\n"
        'text = "Select a goal"\n'
        'x = """\n  DELETE FROM layout"""\n',
        encoding="utf-8",
    )
    global PACKAGE
    saved, PACKAGE = PACKAGE, tmp_path
    try:
        hits = sql_literals(sample)
    finally:
        PACKAGE = saved
    assert [h.split(":")[1] for h in hits] == ["1", "3", "6"]


def test_the_issue_grep_finds_no_sql_outside_persistence():
    """The check of the issue's „Done means“, literally."""
    result = subprocess.run(
        ["grep", "-rlE",
         r"""(text\(|exec_driver_sql|execute\()\s*f?["'](SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE)""",
         "--include=*.py", "--exclude-dir=persistence", str(PACKAGE)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.stdout == "", result.stdout

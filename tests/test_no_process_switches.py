"""Cancelling is cooperative: nothing in the package injects exceptions into other threads or
switches the garbage collector off for the whole process (issue 11 item 2)."""

from pathlib import Path

import sa2030_desktop

PACKAGE = Path(sa2030_desktop.__file__).parent
FORBIDDEN = ("PyThreadState_SetAsyncExc", "gc.disable(", "gc.freeze(", "setswitchinterval(")


def test_no_async_exceptions_and_no_gc_switch():
    found = [
        f"{path.relative_to(PACKAGE)}: {needle}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for needle in FORBIDDEN
        if needle in path.read_text(encoding="utf-8")
    ]
    assert found == []


def test_the_search_finds_what_it_looks_for(tmp_path):
    """The check above would see a use: the needles are spelled as code writes them."""
    sample = tmp_path / "sample.py"
    sample.write_text("import gc\ngc.disable()\nctypes.pythonapi.PyThreadState_SetAsyncExc\n")
    text = sample.read_text(encoding="utf-8")
    assert [n for n in FORBIDDEN if n in text] == list(FORBIDDEN[:2])

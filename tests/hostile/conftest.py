"""Hostile and careless input (issue 16): what every case asserts – exit status, German text,
the portfolio unchanged, no leftovers. The demo portfolio made once and the CLI run in-process
(`demo_file`, `demo`, `cli`) are shared fixtures in tests/conftest.py."""

from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

import pytest

# English fragments that must never reach a user (Python, SQLite, csv, zipfile, openpyxl)
ENGLISH = re.compile(
    r"Traceback|Error\b|Exception|error:|\bline \d|expected|invalid|\bfile\b|database|"
    r"No such|Permission denied|denied|disk I/O|year \d+ is out of range|Bad CRC|"
    r"\(ValueError\)|\bNone\b|out of range|not supported|cannot|could not|Warning",
)


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def assert_german(err: str) -> None:
    assert err.strip(), "a refusal says why"
    found = ENGLISH.search(re.sub(r"„[^“]*“", "„…“", err))  # paths are the user's words
    assert found is None, f"English or traceback text in: {err!r}"


def leftovers(folder: Path) -> list[str]:
    """Temporary files of a writer, -wal/-shm/-journal of SQLite."""
    out = []
    for p in Path(folder).rglob("*"):
        name = p.name
        if name.endswith((".tmp", "-wal", "-shm", "-journal", ".entsteht")) or ".alt-" in name:
            out.append(str(p.relative_to(folder)))
        elif name.startswith(".") and p.is_dir():
            out.append(str(p.relative_to(folder)))
    return out


@pytest.fixture
def small_disk(tmp_path):
    """A real 512 KB tmpfs, nearly filled: writers meet a full disk (needs root; else skip)."""
    mount = tmp_path / "klein"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)],
                          capture_output=True)  # fmt: skip
    if done.returncode != 0:
        pytest.skip("kein tmpfs einhängbar (nur als root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def fill(folder: Path, keep: int = 4096) -> None:
    """Fill the file system of `folder` but `keep` bytes."""
    import os

    vfs = os.statvfs(folder)
    free = vfs.f_bavail * vfs.f_frsize
    with open(folder / "ballast", "wb") as fh:
        fh.write(b"\0" * max(0, free - keep))

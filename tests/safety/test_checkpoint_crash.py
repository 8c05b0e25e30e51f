"""A crash in the middle of a WAL checkpoint: the file looks short, but nothing is lost.

Found by benchmarks/reliability.py (1 of 50 kills inside the import's write transaction): the
checkpoint had written page 1 (new page count) but not yet extended the file. SQLite recovers
from the WAL; the header check must not call such a file truncated (and offer an old backup).
"""

from __future__ import annotations

import shutil
import sqlite3
import struct
from pathlib import Path

import pytest

from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services.portfolio import create_portfolio
from tests.support.safety import count, integrity

pytestmark = pytest.mark.slow  # writes 10,000 rows into the WAL before the simulated crash


def _crash_mid_checkpoint(folder: Path) -> Path:
    path = folder / "p.sa2030"
    create_portfolio(path, demo=True).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    with conn:
        conn.executemany(
            "INSERT INTO goal (key, title, description, theme, lead, status, status_reason,"
            " priority, tags, created, updated) VALUES (?, ?, '', 'TF01', 'MID', 'on_track', '',"
            " 0, '', '2026-11-28', '2026-11-28')",
            [(f"K{i:05d}", "Importziel " * 10) for i in range(10_000)],
        )
    crashed = folder / "abgestuerzt.sa2030"
    shutil.copy(path, crashed)  # the power cut: file and WAL as they are on disk
    shutil.copy(Path(f"{path}-wal"), Path(f"{crashed}-wal"))
    conn.close()
    wal = Path(f"{crashed}-wal").read_bytes()
    page_size = struct.unpack(">I", wal[8:12])[0]
    page_one, offset = None, 32
    while offset + 24 + page_size <= len(wal):
        if struct.unpack(">I", wal[offset : offset + 4])[0] == 1:
            page_one = wal[offset + 24 : offset + 24 + page_size]
        offset += 24 + page_size
    with open(crashed, "r+b") as fh:  # the checkpoint got as far as page 1
        fh.write(page_one)
    header = crashed.read_bytes()[:100]
    assert struct.unpack(">I", header[28:32])[0] * page_size > crashed.stat().st_size
    return crashed


def test_crash_during_checkpoint_opens_with_everything(tmp_path):
    crashed = _crash_mid_checkpoint(tmp_path)
    store = Store.open(crashed)
    assert len(store.snapshot().goals) == 10_050
    store.close()
    assert integrity(crashed) == "ok"
    assert count(crashed, "goal") == 10_050


def test_same_file_without_its_wal_is_still_refused(tmp_path):
    crashed = _crash_mid_checkpoint(tmp_path)
    Path(f"{crashed}-wal").unlink()
    import pytest

    from sa2030_desktop.domain.errors import FileRefusedError

    with pytest.raises(FileRefusedError) as caught:
        Store.open(crashed)
    assert caught.value.code == "file_truncated"

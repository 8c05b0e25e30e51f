"""A portfolio file replaced on disk (a sync client, a copy put back) is read afresh after
„Neu laden“ (gui/exchange/disk_watch.py: store.reconnect(), then reload) – also by a store
whose engine is not made yet (opened later in the session, or read-only and never written):
its reads share one plain sqlite3 connection, which keeps the replaced file's inode open."""

from __future__ import annotations

import os
import shutil

import pytest

from sa2030_desktop.services.portfolio import create_portfolio, open_portfolio


@pytest.mark.parametrize("readonly", [False, True], ids=["writable", "read-only"])
def test_a_replaced_file_is_read_afresh_after_reconnect(tmp_path, readonly):
    path = tmp_path / "p.sa2030"
    create_portfolio(path, demo=True).close()
    other = tmp_path / "other.sa2030"
    create_portfolio(other, title="Anderes Portfolio").close()
    store = open_portfolio(path, readonly=readonly)
    try:
        assert not store.engine_open
        assert len(store.snapshot().goals) == 50
        shutil.copy(other, tmp_path / "neu.sa2030")
        os.replace(tmp_path / "neu.sa2030", path)  # as a sync client puts its copy in place
        store.reconnect()
        store.invalidate()
        assert len(store.snapshot().goals) == 0  # the new file's, not the old inode's
    finally:
        store.close()

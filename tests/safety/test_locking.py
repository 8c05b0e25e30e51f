"""One writer: a second instance is refused (named holder) or reads; stale locks are taken over."""

from __future__ import annotations

import json
import os
import socket
from datetime import datetime, timedelta

import pytest

from sa2030_desktop.domain.errors import FileRefusedError
from sa2030_desktop.messages import format_error
from sa2030_desktop.persistence import locking
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services import goals as goal_service
from sa2030_desktop.services.portfolio import create_portfolio
from tests.support.safety import count, python, sha256

HOLDER = """
import sys, time
from sa2030_desktop.persistence.store import Store
store = Store.open(sys.argv[1])
print("offen", flush=True)
sys.stdin.readline()
store.close()
print("zu", flush=True)
"""


def test_lock_file_names_holder_and_is_removed_on_close(tmp_path):
    path = tmp_path / "p.sa2030"
    store = create_portfolio(path)
    info = json.loads(locking.lock_path(path).read_text())
    assert info["pid"] == os.getpid()
    assert info["host"] == socket.gethostname()
    assert info["user"]
    assert oct(locking.lock_path(path).stat().st_mode & 0o777) == "0o600"
    store.close()
    assert not locking.lock_path(path).exists()


def test_second_instance_is_refused_and_can_read(tmp_path):
    path = tmp_path / "p.sa2030"
    create_portfolio(path, demo=True).close()
    holder = python(HOLDER, str(path), stdin=__import__("subprocess").PIPE)
    try:
        assert holder.stdout.readline().strip() == "offen"
        before = sha256(path)
        with pytest.raises(locking.FileLockedError) as caught:
            Store.open(path)
        assert caught.value.holder.pid == holder.pid
        text = format_error(caught.value)
        assert "wird gerade von" in text and socket.gethostname() in text
        assert "schreibgeschützt" in text
        # the refused instance offers read-only: it reads, and cannot write
        reader = Store.open(path, readonly=True)
        assert len(reader.snapshot().goals) == 50
        with pytest.raises(FileRefusedError) as refused:
            goal_service.update_goal(reader, "Z01", title="Überschrieben")
        assert refused.value.code == "readonly"
        reader.close()
        assert sha256(path) == before
        assert locking.lock_path(path).exists()  # the reader did not remove the holder's lock
    finally:
        holder.communicate("\n", timeout=20)
    assert holder.returncode == 0
    Store.open(path).close()  # released on close: now we may write


def test_cli_import_while_locked_is_refused_with_holder(tmp_path):
    path = tmp_path / "p.sa2030"
    create_portfolio(path, demo=True).close()
    source = tmp_path / "neu.json"
    source.write_text(
        json.dumps(
            {
                "format": "sa2030-portfolio",
                "version": 1,
                "goals": [{"key": "N1", "title": "Neu", "theme": "TF01", "lead": "MID"}],
            }
        ),
        encoding="utf-8",
    )
    with _opened(path):
        proc = python(
            "import sys; from sa2030_desktop.cli.main import main; sys.exit(main(sys.argv[1:]))",
            "import",
            str(path),
            str(source),
        )
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 1, err
        assert "wird gerade von" in err
    assert count(path, "goal") == 50


class _opened:
    def __init__(self, path):
        self.store = Store.open(path)

    def __enter__(self):
        return self.store

    def __exit__(self, *exc):
        self.store.close()


def _write_lock(path, **fields):
    now = datetime.now().astimezone().isoformat(timespec="seconds")
    data = {
        "user": "mueller",
        "host": socket.gethostname(),
        "pid": 999_999,
        "started": "",
        "since": now,
        "heartbeat": now,
        **fields,
    }
    locking.lock_path(path).write_text(json.dumps(data), encoding="utf-8")


def test_stale_lock_of_dead_process_is_taken_over(tmp_path):
    path = tmp_path / "p.sa2030"
    create_portfolio(path).close()
    dead = python("import os; print(os.getpid())")
    pid = int(dead.communicate(timeout=20)[0])
    _write_lock(path, pid=pid)
    store = Store.open(path)
    assert json.loads(locking.lock_path(path).read_text())["pid"] == os.getpid()
    store.close()


def test_reused_pid_is_recognised_by_its_start_time(tmp_path):
    path = tmp_path / "p.sa2030"
    create_portfolio(path).close()
    _write_lock(path, pid=os.getppid(), started="1")  # pid alive, but a different process
    Store.open(path).close()


def test_lock_from_other_host(tmp_path):
    path = tmp_path / "p.sa2030"
    create_portfolio(path).close()
    _write_lock(path, host="laptop-mid-07")
    with pytest.raises(locking.FileLockedError) as caught:
        Store.open(path)
    assert "laptop-mid-07" in format_error(caught.value)
    old = (datetime.now().astimezone() - timedelta(hours=9)).isoformat(timespec="seconds")
    _write_lock(path, host="laptop-mid-07", since=old, heartbeat=old)
    Store.open(path).close()  # no heartbeat for 9 hours: stale


def test_half_written_lock_is_stale(tmp_path):
    path = tmp_path / "p.sa2030"
    create_portfolio(path).close()
    locking.lock_path(path).write_text('{"user": "mu', encoding="utf-8")
    Store.open(path).close()


def test_heartbeat_refreshes_lock(tmp_path):
    path = tmp_path / "p.sa2030"
    store = create_portfolio(path)
    first = json.loads(locking.lock_path(path).read_text())
    old = (datetime.now().astimezone() - timedelta(hours=1)).isoformat(timespec="seconds")
    locking.lock_path(path).write_text(json.dumps({**first, "heartbeat": old}))
    store.lock.refresh()
    beat = json.loads(locking.lock_path(path).read_text())["heartbeat"]
    assert datetime.fromisoformat(beat) > datetime.fromisoformat(old)
    store.close()


def test_readonly_open_takes_no_lock(tmp_path):
    path = tmp_path / "p.sa2030"
    create_portfolio(path).close()
    reader = Store.open(path, readonly=True)
    assert not locking.lock_path(path).exists()
    reader.close()

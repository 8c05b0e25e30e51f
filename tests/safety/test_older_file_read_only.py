"""An older-format portfolio in a folder the user may not write (chmod 0555) opens read-only:
migrated in a temporary copy, the file and its folder untouched, with the German hint to save
it under a new name – which gives a file of today's format that opens for editing. (The
read-only disk, a real read-only bind mount: tests/hostile/test_readonly_disk_open.py.)"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from sa2030_desktop.persistence.fileformat import HEAD_REVISION, current_revision
from tests.support.schemas import file_at_revision

HINT = "hat ein älteres Dateiformat und lässt sich hier nicht umstellen"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def older_in_locked_folder(tmp_path, monkeypatch):
    """alt.sa2030 (schema 0004) in a folder chmod 0555. The tests run as root, whom the mode
    does not stop: os.access – what the app asks (persistence/fileformat.py) – answers as it
    would for a user."""
    folder = tmp_path / "nur-lesen"
    folder.mkdir()
    path = file_at_revision(folder / "alt.sa2030", "0004")
    folder.chmod(0o555)
    real = os.access

    def access(target, mode, *args, **kwargs):
        if mode & os.W_OK and Path(target).resolve() in (folder, path):
            return False
        return real(target, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    yield folder, path
    folder.chmod(0o755)


def test_it_opens_read_only_from_a_migrated_copy(older_in_locked_folder, tmp_path, qtbot):
    from sa2030_desktop.gui.commands import push_operation
    from sa2030_desktop.gui.safety.opening import open_interactively
    from sa2030_desktop.gui.store_bridge import StoreBridge
    from sa2030_desktop.services import operations as ops
    from sa2030_desktop.services.file_copy import save_copy
    from sa2030_desktop.services.portfolio import open_portfolio

    folder, path = older_in_locked_folder
    before, files = sha256(path), sorted(p.name for p in folder.iterdir())
    asked = []
    store = open_interactively(None, path, ask=lambda *a: asked.append(a) or "ok")
    assert store is not None and store.readonly
    copy = store.shown_copy
    try:
        assert len(store.snapshot().goals) == 160 and store.engine is not None
        assert [kind for kind, *_ in asked] == ["readonly"]
        assert asked[0][1].startswith(f"„{path}“ {HINT}")
        assert "unter neuem Namen speichern" in asked[0][1]
        # an edit is refused with the German reason; nothing reaches the file
        told = []
        bridge = StoreBridge(store)
        operation = ops.UpdateGoal("Z001", {"title": "Geändert"})
        assert not push_operation(None, QUndoStack(), operation, bridge, told.append)
        assert told == [f"„{path}“ ist schreibgeschützt geöffnet; Änderungen sind nicht möglich."]
        # „Kopie speichern unter…“: a file of today's format, opened for editing unmigrated
        saved = save_copy(store, tmp_path / "neu.sa2030")
    finally:
        store.close()
    assert not copy.exists() and not copy.parent.exists()
    assert sha256(path) == before
    assert sorted(p.name for p in folder.iterdir()) == files
    assert current_revision(saved) == HEAD_REVISION
    edited = open_portfolio(saved)
    try:
        assert not edited.readonly and len(edited.snapshot().goals) == 160
    finally:
        edited.close()


def test_the_command_line_reads_it_with_the_hint(older_in_locked_folder, cli):
    folder, path = older_in_locked_folder
    before = sha256(path)
    code, out, err = cli("stats", path)
    assert code == 0 and "160" in out
    assert err.startswith(f"Hinweis: „{path}“ {HINT}")
    assert sha256(path) == before


def test_reading_commands_read_an_older_writable_file_from_a_copy(tmp_path, cli):
    """Reading needs no write: an older file that could be written is read from a migrated
    temporary copy too (it used to be refused with „einmal in der Anwendung öffnen“); the
    file stays as it was – no migration, no backup, no -wal/-shm beside it."""
    from sa2030_desktop.services.portfolio import open_portfolio

    path = file_at_revision(tmp_path / "alt.sa2030", "0004")
    before, files = sha256(path), sorted(p.name for p in tmp_path.iterdir())
    code, out, err = cli("stats", path)
    assert (code, err) == (0, f"Hinweis: {OLDER_WRITABLE.format(path)}\n"), err
    assert "160" in out
    code, out, err = cli("check", path, "--json")
    assert code in (0, 1) and "einmal in der Anwendung" not in err and out.startswith("{")
    code, out, err = cli("goal", path, "Z001")
    assert code == 0 and "Z001" in out
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == files
    assert current_revision(path) != HEAD_REVISION
    # opened to edit, it is migrated as before (with a backup first)
    store = open_portfolio(path)
    try:
        assert not store.readonly and len(store.snapshot().goals) == 160
    finally:
        store.close()
    assert current_revision(path) == HEAD_REVISION


OLDER_WRITABLE = (
    "„{0}“ hat ein älteres Dateiformat. Zum Lesen wurde sie in einer temporären Kopie "
    "umgestellt; die Datei selbst bleibt unverändert. Beim ersten Öffnen zum Bearbeiten wird "
    "sie umgestellt (vorher gesichert)."
)

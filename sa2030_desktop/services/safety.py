"""Data-safety use cases: backups, recovery of damaged files, work copies of remote files.

The GUI and the CLI call these; each one says in its return value what happened so the user
can be told (which backup, where the damaged file was put, whether a copy was written back).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sa2030_desktop.domain.errors import FileRefusedError
from sa2030_desktop.persistence import backup as backups
from sa2030_desktop.persistence import locking
from sa2030_desktop.persistence.copies import copy_database
from sa2030_desktop.persistence.engine import checkpoint
from sa2030_desktop.persistence.fileformat import read_header
from sa2030_desktop.persistence.location import Location, classify
from sa2030_desktop.persistence.store import Store

BackupInfo = backups.BackupInfo
DAMAGE_CODES = {"file_damaged", "file_truncated", "not_sqlite", "file_empty"}


def backup_now(store: Store, reason: str = "", force: bool = False) -> BackupInfo | None:
    """A verified backup of the open file (None when nothing changed since the newest one)."""
    return backups.create_backup(store.path, reason=reason, force=force)


def backup_file(
    path: str | Path, reason: str = "", owner: str | Path | None = None
) -> BackupInfo | None:
    """A verified backup of the file at `path`, filed under `owner` (a work copy's backups go
    with its remote file); None when nothing changed since the newest one."""
    return backups.create_backup(Path(path), reason=reason, belongs_to=Path(owner or path))


def list_backups(path: str | Path) -> list[BackupInfo]:
    """Verified backups of `path`, newest first, with date, title and counts."""
    return backups.list_backups(Path(path))


def newest_backup(path: str | Path) -> BackupInfo | None:
    """The newest backup of `path` that passes integrity_check now."""
    return backups.newest_verified(Path(path))


def is_damage(error: BaseException) -> bool:
    return isinstance(error, FileRefusedError) and error.kind in DAMAGE_CODES


@dataclass(slots=True, frozen=True)
class Recovery:
    restored: Path  # the portfolio file, now holding the backup's content
    backup: BackupInfo
    damaged_copy: Path | None  # where the damaged file was put, byte for byte


def recover_from_backup(path: str | Path, backup: BackupInfo | None = None) -> Recovery:
    """Replace a damaged file by a verified backup; the damaged file is kept aside untouched."""
    path = Path(path)
    chosen = backup or newest_backup(path)
    if chosen is None:
        raise FileRefusedError("no_backup", str(path))
    aside = backups.restore(chosen.path, path, replace=True)
    return Recovery(path, chosen, aside)


def restore_as_new(backup: BackupInfo, target: str | Path) -> Path:
    """Write a backup to a new file (never over an existing one). The target passes the one
    output path's checks first (export/atomic.py); a full disk leaves nothing behind."""
    from sa2030_desktop.export.atomic import check_target, os_error

    check_target(Path(target), database=True)  # an existing file: refused below as file_exists
    try:
        backups.restore(backup.path, Path(target), replace=False)
    except OSError as exc:
        raise os_error(exc, str(target)) from None
    return Path(target)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def location(path: str | Path) -> Location:
    """local / network / synced — see persistence/location.py."""
    return classify(Path(path))


@dataclass(slots=True)
class WorkCopy:
    """A local working copy of a file on a network share or in a synchronised folder."""

    remote: Path
    local: Path
    remote_sha256: str
    local_sha256: str
    store: Store
    resumed: bool = False  # continues a copy a crashed session did not write back
    listeners: list = field(default_factory=list)  # called with the WorkCopy after close

    result: WriteBack | None = None
    error: BaseException | None = None

    def write_back(self) -> WriteBack:
        """Close the copy and write it back when the remote file is unchanged since the copy
        was taken; otherwise keep both (the remote untouched, ours beside it) and say so.
        Runs by itself when the store is closed (`result` / `error` then tell what happened)."""
        self.store.close()  # runs _on_close once
        if self.error is not None:
            raise self.error
        assert self.result is not None
        return self.result

    def _on_close(self) -> None:
        try:
            self.result = self._write_back()
        except Exception as exc:  # reported by whoever closed it; the copy stays in place
            self.error = exc
        for listener in list(self.listeners):
            listener(self)

    def _write_back(self) -> WriteBack:
        checkpoint(self.local)
        if sha256(self.local) == self.local_sha256:
            _remove(self.local)
            return WriteBack(self.remote, changed=False)
        try:
            remote_now = sha256(self.remote) if self.remote.exists() else ""
        except OSError:
            remote_now = ""
        if remote_now == self.remote_sha256:
            _copy_atomic(self.local, self.remote)
            _remove(self.local)
            return WriteBack(self.remote, changed=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        beside = self.remote.with_name(
            f"{self.remote.stem} (eigene Fassung {stamp}){self.remote.suffix}"
        )
        _copy_atomic(self.local, beside)
        _remove(self.local)
        return WriteBack(beside, changed=True, conflict=True)


@dataclass(slots=True, frozen=True)
class WriteBack:
    target: Path
    changed: bool
    conflict: bool = False


def work_dir() -> Path:
    folder = backups.data_root() / "arbeitskopien"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def open_work_copy(path: str | Path, folder: Path | None = None) -> WorkCopy:
    """Open a remote file through a local copy (checked like any file before it is copied)."""
    remote = Path(path)
    read_header(remote)
    folder = folder or work_dir()
    # the lock beside the remote file warns colleagues who open it from the share, too
    remote_lock = locking.acquire(remote)
    try:
        copy = _open_copy(remote, folder)
    except BaseException:
        remote_lock.release()
        raise
    copy.store.after_close(remote_lock.release)
    return copy


def _open_copy(remote: Path, folder: Path) -> WorkCopy:
    digest = sha256(remote)
    # same file name as the remote (window title, messages), in a folder of its own; the folder
    # is named after the remote's content, so a copy found there was taken from exactly this
    # remote: a session that crashed before writing back is continued, never thrown away
    local = folder / digest[:12] / remote.name
    if local.exists():
        try:
            store = Store.open(local)
        except FileRefusedError:
            backups.set_aside(local, "beschaedigt")
        else:
            return _work_copy(remote, local, digest, "", store, resumed=True)
    local.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(local, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    copy_database(remote, local, journal="WAL")  # consistent even with a WAL beside the remote
    if sha256(remote) != digest:  # changed while we copied
        _remove(local)
        raise FileRefusedError("remote_busy", str(remote))
    checkpoint(local)
    return _work_copy(remote, local, digest, sha256(local), Store.open(local))


def _work_copy(remote, local, digest, local_digest, store, resumed=False) -> WorkCopy:
    copy = WorkCopy(remote, local, digest, local_digest, store, resumed=resumed)
    store.after_close(copy._on_close)
    store.work_copy = copy  # the GUI tells the user that a copy is being edited
    return copy


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # the copy's own folder, when empty
        path.parent.rmdir()


def _copy_atomic(src: Path, target: Path) -> None:
    from sa2030_desktop.export.atomic import atomic_target

    with atomic_target(target, database=True) as tmp:  # the portfolio itself, written back
        with open(src, "rb") as a, open(tmp, "wb") as b:
            shutil.copyfileobj(a, b, 1 << 20)
    problem = backups.verify(target)
    if problem:
        raise FileRefusedError("write_back_failed", str(target), detail=problem, copy=str(src))


def store_work(store: Store, work, *args, **kwargs):
    """`work(store, *args)` as a task for the GUI's runner: `(progress, token) -> result`,
    cancellable as in run_cancellable."""

    def run(progress, token):
        return run_cancellable(store, token, work, *args, **kwargs)

    return run


def run_cancellable(store: Store, token, work, *args, **kwargs):
    """Run `work(store, *args)` (an import, a merge …) in a worker thread so that
    `token.cancel()` from the GUI thread stops it quickly; then nothing is written (Cancelled).
    The token is polled by SQLite during statements and checked between batches."""
    engine = store.engine  # before cancel.py's `from sqlalchemy.exc` (Store.open_engine)
    from sa2030_desktop.persistence.cancel import Cancelled, cancellable

    try:
        with cancellable(engine, token):
            return work(store, *args, **kwargs)
    except Cancelled:
        store.invalidate()
        store.engine.dispose()  # a connection interrupted mid-way is not reused
        raise

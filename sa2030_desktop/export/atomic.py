"""Exports never leave a half-written file: write beside the target, fsync, then replace."""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sa2030_desktop.domain.errors import DomainError


@contextlib.contextmanager
def atomic_target(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target` in one step."""
    target = Path(target)
    if target.is_dir():
        raise DomainError("target_is_directory", path=str(target))
    if not target.parent.is_dir():
        raise DomainError("folder_missing", path=str(target.parent))
    _sweep_stale(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except PermissionError as exc:
        raise DomainError("target_unwritable", path=str(target)) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        try:
            os.replace(tmp, target)
        except PermissionError as exc:
            raise DomainError("target_locked", path=str(target)) from exc
        with contextlib.suppress(OSError):  # make the rename itself durable
            dir_fd = os.open(target.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
    finally:
        tmp.unlink(missing_ok=True)


STALE_TEMP_SECONDS = 3600


def _sweep_stale(target: Path) -> None:
    """Temporary files of an export that was killed (power cut, kill -9) stay behind hidden;
    the next export to the same target removes those older than an hour (a younger one may
    belong to an export still running)."""
    now = time.time()
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > STALE_TEMP_SECONDS:
                leftover.unlink()


def atomic_write_bytes(target: Path, data: bytes) -> Path:
    with atomic_target(target) as tmp:
        tmp.write_bytes(data)
    return Path(target)


def atomic_write_with(target: Path, writer: Callable[[Path], None]) -> Path:
    with atomic_target(target) as tmp:
        writer(tmp)
    return Path(target)

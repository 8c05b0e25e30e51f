"""The one output path of every writer (exports, template, graph, timeline, briefing, copy,
package, restore): look at the target first, write beside it, fsync, then replace.

What a target may be (README, „Ausgabedateien“):
- a missing file in an existing folder, or an existing regular file that is writable;
- a symbolic link: written *through* – the file it points to is replaced, the link stays;
- never a folder, device, FIFO or socket, never a read-only file (refused, as Word does).
New files are owner-only (0600, a CSV folder 0700), like the portfolio file and its backups –
an export carries the same data; a replaced file keeps its permissions. Whatever fails – full disk, over-long name, missing folder, a writer
that stops half way – leaves the old file as it was and no temporary file behind, and says so in
German through a typed error.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sa2030_desktop.domain.errors import DomainError
from sa2030_desktop.domain.tasks import Cancelled
from sa2030_desktop.infrastructure.disks import on_readonly_disk

OWNER_ONLY, OWNER_ONLY_FOLDER = 0o600, 0o700
NAME_MAX = 255  # bytes of one path component on every file system we write to
LOW_SPACE = 1 << 20  # a writer that fails with less free space than this failed on a full disk


def _new_mode(folder: bool = False) -> int:
    """Owner-only, like the portfolio file and its backups: an export carries the same data."""
    return OWNER_ONLY_FOLDER if folder else OWNER_ONLY


def resolve_target(
    target: Path, folder: bool = False, database: bool = False
) -> tuple[Path, int | None]:
    """The path that will really be replaced (a symlink is followed) and the mode to give it.

    Raises a DomainError naming the problem for anything that must not be replaced."""
    shown = str(target)
    target = Path(os.path.abspath(target))
    for part in target.parts:
        if len(os.fsencode(part)) > NAME_MAX:
            raise DomainError("name_too_long", path=_short(shown), limit=NAME_MAX)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    try:
        st = target.stat()
    except FileNotFoundError:
        st = None
    except NotADirectoryError:
        raise DomainError("folder_missing", path=str(target.parent)) from None
    except OSError as exc:
        raise os_error(exc, shown) from None
    parent = target.parent
    if not parent.is_dir():
        raise DomainError("folder_missing", path=str(parent))
    if st is None:
        if not os.access(parent, os.W_OK | os.X_OK):
            raise _unwritable(parent, shown)
        return target, _new_mode(folder)
    if folder:
        if not stat.S_ISDIR(st.st_mode):
            raise DomainError("target_not_folder", path=shown)
    elif stat.S_ISDIR(st.st_mode):
        raise DomainError("target_is_directory", path=shown)
    elif not stat.S_ISREG(st.st_mode):
        raise DomainError("target_not_regular", path=shown)
    if on_readonly_disk(parent):  # before the file's own protection: that is not the cause
        raise DomainError("readonly_filesystem", path=shown)
    if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise DomainError("target_readonly", path=shown)
    if not folder and not database and _is_database(target):  # out.json → link to the portfolio
        raise DomainError("target_is_portfolio", path=shown)
    if not os.access(parent, os.W_OK | os.X_OK):
        raise _unwritable(parent, shown)
    return target, stat.S_IMODE(st.st_mode)


def _unwritable(folder: Path, shown: str) -> DomainError:
    """A folder that cannot be written to: read-only disk (EROFS) or no permission (EACCES)
    – os.access says only „no“ for both."""
    if on_readonly_disk(folder):
        return DomainError("readonly_filesystem", path=shown)
    return DomainError("target_unwritable", path=shown)


def _is_database(path: Path) -> bool:
    """An SQLite file (a portfolio, a backup) is never replaced by an export."""
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _short(text: str) -> str:
    """An over-long name as a message can show it: its start and end."""
    return text if len(text) <= 80 else f"{text[:40]}…{text[-30:]}"


def check_target(target: Path, folder: bool = False, database: bool = False) -> Path:
    """Only the checks (for a writer that must check before long work starts)."""
    return resolve_target(Path(target), folder, database)[0]


_DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def os_error(exc: OSError, path: str) -> DomainError:
    """An operating-system error while writing `path`, as the German message's code."""
    code = exc.errno
    if code in _DISK_FULL:
        return DomainError("target_disk_full", path=path)
    if code == errno.ENAMETOOLONG:
        return DomainError("name_too_long", path=_short(path), limit=NAME_MAX)
    if code in (errno.ENOENT, errno.ENOTDIR):
        return DomainError("folder_missing", path=str(Path(path).parent))
    if code in (errno.EACCES, errno.EPERM):
        return DomainError("target_unwritable", path=path)
    if code == errno.EROFS:
        return DomainError("readonly_filesystem", path=path)
    if code == errno.EISDIR:
        return DomainError("target_is_directory", path=path)
    return DomainError("write_failed", path=path, detail=errno.errorcode.get(code or 0, str(code)))


def _low_space(folder: Path) -> bool:
    try:
        vfs = os.statvfs(folder)
    except OSError:
        return False
    return vfs.f_bavail * vfs.f_frsize < LOW_SPACE


def write_error(exc: BaseException, folder: Path, shown: str) -> BaseException:
    """A failed write in German: a full disk is named as such whatever the writer raised (lxml
    „SerialisationError“, SQLite „disk I/O error“, zipfile …), so never „beschädigt“."""
    if not isinstance(exc, Exception) or isinstance(exc, Cancelled):
        return exc  # cancel, Ctrl-C: passed on untouched
    if _low_space(folder):
        return DomainError("target_disk_full", path=shown)
    if isinstance(exc, DomainError):
        return exc
    if isinstance(exc, OSError):
        return os_error(exc, shown)
    return exc


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # make the rename itself durable
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


@contextlib.contextmanager
def atomic_target(target: Path, database: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target` in one step.
    Only with `database` (a work copy written back) may the target be an SQLite file."""
    shown = str(target)
    real, mode = resolve_target(Path(target), database=database)
    _sweep_stale(real)
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{real.name[:200]}.", suffix=".tmp", dir=real.parent
        )
    except OSError as exc:
        raise os_error(exc, shown) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        try:
            yield tmp
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            if mode is not None:
                os.chmod(tmp, mode)
            os.replace(tmp, real)
        except BaseException as exc:
            translated = write_error(exc, real.parent, shown)
            if translated is exc:
                raise
            if isinstance(exc, PermissionError) and real.exists():
                translated = DomainError("target_locked", path=shown)
            raise translated from None
        _fsync_dir(real.parent)
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """The same for a folder of files (the CSV export): yield an empty private folder beside
    `target`; on success it takes the target's place (the old folder is removed afterwards)."""
    shown = str(target)
    real, mode = resolve_target(Path(target), folder=True)
    try:
        work = Path(tempfile.mkdtemp(prefix=f".{real.name[:200]}.", dir=real.parent))
    except OSError as exc:
        raise os_error(exc, shown) from None
    old: Path | None = None
    try:
        try:
            yield work
            file_mode = _new_mode()
            for path in work.iterdir():  # mkstemp files are private (0600)
                with open(path, "rb+") as fh:
                    os.fsync(fh.fileno())
                os.chmod(path, file_mode)
            os.chmod(work, mode if mode is not None else _new_mode(folder=True))
            if real.exists():
                old = real.with_name(f".{real.name[:200]}.alt-{os.getpid()}")
                os.replace(real, old)
            os.replace(work, real)
        except BaseException as exc:
            if old is not None and not real.exists():
                os.replace(old, real)
            old = None
            translated = write_error(exc, real.parent, shown)
            if translated is exc:
                raise
            raise translated from None
        _fsync_dir(real.parent)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


STALE_TEMP_SECONDS = 3600


def _sweep_stale(target: Path) -> None:
    """Temporary files of an export that was killed (power cut, kill -9) stay behind hidden;
    the next export to the same target removes those older than an hour (a younger one may
    belong to an export still running)."""
    now = time.time()
    for leftover in target.parent.glob(f".{glob.escape(target.name[:200])}.*.tmp"):
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

"""One writer per portfolio file: a lock file beside it, naming who holds it.

`<file>.lock` is created exclusively (O_EXCL) and holds JSON with user, host, pid, process start
and times. A second process gets `FileLockedError` naming the holder, so the GUI can offer
read-only or cancel. A lock left behind by a crash is stale and is taken over: on the same host
when its process is gone (or the pid now belongs to another process), from another host when its
heartbeat is older than `STALE_AFTER`. The holder refreshes the heartbeat in a daemon thread.

Within one process the lock is re-entrant (counted): SQLite serialises writers of one process
itself, and a window that re-opens its own file must not lock itself out.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
import threading
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sa2030_desktop.domain.errors import FileRefusedError
from sa2030_desktop.persistence.copies import write_new_file

STALE_AFTER = timedelta(hours=8)  # another host's lock without heartbeat for this long is dead
HEARTBEAT_SECONDS = 300.0
_TAKEOVER_GUARD_STALE = 30.0  # seconds: a takeover guard left by a crash mid-takeover


@dataclass(slots=True, frozen=True)
class LockInfo:
    user: str
    host: str
    pid: int
    started: str  # process start marker (Linux: /proc start time) to see through pid reuse
    since: str  # ISO time the lock was taken
    heartbeat: str  # ISO time of the last refresh

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> LockInfo:
        data = json.loads(text)
        return cls(
            user=str(data.get("user", "")),
            host=str(data.get("host", "")),
            pid=int(data.get("pid", 0)),
            started=str(data.get("started", "")),
            since=str(data.get("since", "")),
            heartbeat=str(data.get("heartbeat", data.get("since", ""))),
        )


class FileLockedError(FileRefusedError):
    """Another instance writes to this file. `holder` says who, since when."""

    def __init__(self, path: str, holder: LockInfo) -> None:
        super().__init__(
            "file_locked",
            path,
            user=holder.user,
            host=holder.host,
            pid=holder.pid,
            since=_de_time(holder.since),
        )
        self.holder = holder


def lock_path(path: Path) -> Path:
    return Path(path).with_name(Path(path).name + ".lock")


def _de_time(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).strftime("%d.%m.%Y %H:%M")
    except ValueError:
        return iso or "unbekannt"


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some services, containers)
        return "unbekannt"


def _host() -> str:
    return socket.gethostname() or "unbekannt"  # local call, no network


def process_started(pid: int) -> str:
    """A marker that changes when a pid is reused; empty where the platform cannot tell."""
    if sys.platform.startswith("linux"):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
            return stat.rsplit(")", 1)[1].split()[19]  # field 22: starttime
        except (OSError, IndexError):
            return ""
    return ""


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, belongs to someone else
        return True
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):  # a zombie is dead for our purpose
            if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                return False
    return True


def is_stale(info: LockInfo, now: datetime | None = None) -> bool:
    now = now or datetime.now().astimezone()
    if info.host == _host():
        if not pid_alive(info.pid):
            return True
        started = process_started(info.pid)
        return bool(info.started and started and started != info.started)
    try:
        beat = datetime.fromisoformat(info.heartbeat)
    except ValueError:
        return True
    if beat.tzinfo is None:
        beat = beat.astimezone()
    return now - beat > STALE_AFTER


def read_lock(path: Path) -> LockInfo | None:
    """Who holds `path` (the portfolio file), or None."""
    try:
        text = lock_path(path).read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError:
        text = ""
    try:
        return LockInfo.from_json(text)
    except (ValueError, TypeError):
        # Half-written by a crash between create and write: treat as a dead lock of unknown owner.
        return LockInfo("unbekannt", "", 0, "", "", "")


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class _Held:
    def __init__(self, path: Path, info: LockInfo) -> None:
        self.path = path
        self.info = info
        self.count = 1
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._beat, name="sa2030-lock-heartbeat", daemon=True)
        self.thread.start()

    def _beat(self) -> None:
        while not self.stop.wait(HEARTBEAT_SECONDS):
            with contextlib.suppress(OSError):
                self.refresh()

    def refresh(self) -> None:
        from dataclasses import replace

        self.info = replace(self.info, heartbeat=_now())
        target = lock_path(self.path)
        tmp = target.with_name(target.name + f".{os.getpid()}.tmp")
        write_new_file(tmp, self.info.to_json())
        os.replace(tmp, target)


_held: dict[str, _Held] = {}
_held_guard = threading.Lock()


def _key(path: Path) -> str:
    return str(Path(path).resolve())


class WriterLock:
    """The lock of one open, writable portfolio file. `release()` on close."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._released = False

    @property
    def info(self) -> LockInfo:
        return _held[_key(self.path)].info

    def refresh(self) -> None:
        with _held_guard:
            held = _held.get(_key(self.path))
        if held is not None and not self._released:
            held.refresh()

    def release(self) -> None:
        if self._released:
            return
        self._released = True
        with _held_guard:
            held = _held.get(_key(self.path))
            if held is None:
                return
            held.count -= 1
            if held.count:
                return
            del _held[_key(self.path)]
        held.stop.set()
        current = read_lock(self.path)
        if current is not None and current.pid == os.getpid() and current.host == held.info.host:
            lock_path(self.path).unlink(missing_ok=True)

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def acquire(path: Path) -> WriterLock:
    """Take the writer lock of `path`, taking over a stale one; FileLockedError if held."""
    path = Path(path)
    key = _key(path)
    with _held_guard:
        held = _held.get(key)
        if held is not None:
            held.count += 1
            return WriterLock(path)
        info = LockInfo(_user(), _host(), os.getpid(), process_started(os.getpid()), _now(), _now())
        target = lock_path(path)
        for _attempt in range(3):
            try:
                write_new_file(target, info.to_json())
            except FileExistsError:
                holder = read_lock(path)
                if holder is None:
                    continue  # released meanwhile: try again
                if not is_stale(holder) or not _take_over(path, holder):
                    raise FileLockedError(str(path), read_lock(path) or holder) from None
                continue
            except FileNotFoundError:
                raise
            except OSError as exc:  # no permission, read-only file system
                raise FileRefusedError("file_unwritable", str(path)) from exc
            _held[key] = _Held(path, info)
            return WriterLock(path)
        raise FileLockedError(str(path), read_lock(path) or info)


def _take_over(path: Path, stale: LockInfo) -> bool:
    """Remove a stale lock, guarded so that two takers cannot remove each other's fresh lock."""
    guard = lock_path(path).with_name(lock_path(path).name + ".takeover")
    try:
        write_new_file(guard, str(os.getpid()))
    except FileExistsError:
        with contextlib.suppress(OSError):
            if time.time() - guard.stat().st_mtime > _TAKEOVER_GUARD_STALE:
                guard.unlink()
        return False
    try:
        if read_lock(path) != stale:  # someone else took it over meanwhile
            return read_lock(path) is None
        lock_path(path).unlink(missing_ok=True)
        return True
    finally:
        guard.unlink(missing_ok=True)

"""Verified backups of a portfolio file: snapshot, verify, keep, thin, restore.

A backup is a consistent snapshot taken with SQLite's backup API from a read-only connection
(so a writer may keep writing), written to a temporary file with owner-only permissions,
verified with `integrity_check` and only then renamed to its final name: a name without the
`.tmp` suffix means "verified". A failed backup (disk full, damage) is removed and never
replaces or thins a good one. Backups live in the user's data folder:
`<user data>/backups/<file stem>-<hash of its folder>/<stem>-YYYYMMDD-HHMMSS[-reason].sa2030`,
each with a small JSON sidecar (content summary and fingerprint).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sa2030_desktop.domain.errors import FileRefusedError
from sa2030_desktop.persistence.copies import copy_database, write_new_file
from sa2030_desktop.persistence.fileformat import APPLICATION_ID, readonly_uri

APP_NAME = "SA2030 Planner"
KEEP_LAST = 10
KEEP_DAYS = 14
KEEP_WEEKS = 8
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}(?:-\d{6})?)(?:-(?P<reason>[a-z-]+))?\.sa2030$"
)


@dataclass(slots=True, frozen=True)
class BackupInfo:
    path: Path
    taken: datetime
    reason: str
    title: str
    goals: int
    milestones: int
    dependencies: int
    fingerprint: str
    source: str


def data_root() -> Path:
    """The user's data folder for the application (platformdirs; SA2030_DATA_DIR overrides)."""
    override = os.environ.get("SA2030_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def backup_dir(path: Path, root: Path | None = None) -> Path:
    path = Path(path)
    folder = hashlib.sha256(str(path.resolve().parent).encode("utf-8")).hexdigest()[:8]
    return (root or data_root() / "backups") / f"{path.stem}-{folder}"


def _private_dir(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    for part in (folder, folder.parent):
        with contextlib.suppress(OSError):
            os.chmod(part, 0o700)
    return folder


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(readonly_uri(Path(path)), uri=True)


def summary(conn: sqlite3.Connection) -> dict:
    """Title, counts and a fingerprint of the content (changes when any action is recorded)."""

    def one(sql: str, default: object = 0) -> object:
        try:
            row = conn.execute(sql).fetchone()
        except sqlite3.DatabaseError:
            return default
        return row[0] if row and row[0] is not None else default

    counts = {
        "goals": one("SELECT count(*) FROM goal"),
        "milestones": one("SELECT count(*) FROM milestone"),
        "dependencies": one("SELECT count(*) FROM dependency"),
    }
    last = one("SELECT max(id) FROM change_log")
    total_log = one("SELECT count(*) FROM change_log")
    return {
        "title": one("SELECT title FROM portfolio_info WHERE id = 1", ""),
        **counts,
        "fingerprint": f"{last}/{total_log}/{counts['goals']}/{counts['milestones']}"
        f"/{counts['dependencies']}",
    }


def verify(path: Path) -> str | None:
    """None when `path` is a whole portfolio file of ours, else what is wrong (short text)."""
    try:
        conn = _ro(path)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    if rows != ["ok"]:
        return "; ".join(rows[:3])
    if app_id != APPLICATION_ID:
        return "keine SA2030-Portfoliodatei"
    return None


def create_backup(
    path: Path,
    reason: str = "",
    root: Path | None = None,
    force: bool = False,
    belongs_to: Path | None = None,
) -> BackupInfo | None:
    """Take a verified backup of `path` now. Returns None when the newest backup already holds
    the same content (unless `force`). Raises FileRefusedError("backup_failed") and leaves every
    earlier backup untouched when the snapshot cannot be taken or does not verify.
    `belongs_to`: file the backup is filed under (a work copy's backups go with the remote)."""
    path = Path(path)
    owner = Path(belongs_to or path)
    folder = _private_dir(backup_dir(owner, root))
    src = _ro(path)
    try:
        info = summary(src)
        newest = list_backups(owner, root)
        if not force and newest and newest[0].fingerprint == info["fingerprint"]:
            return None
        now = datetime.now()
        stamp = now.strftime("%Y%m%d-%H%M%S-%f")
        name = f"{owner.stem}-{stamp}{'-' + reason if reason else ''}.sa2030"
        final = folder / name
        tmp = folder / (name + ".tmp")
        try:
            # a backup is one self-contained file (no WAL beside it)
            _copy_verified(src, tmp, "DELETE", "backup_failed", path)
            meta = {
                **info,
                "taken": now.isoformat(timespec="seconds"),
                "reason": reason,
                "source": str(owner.resolve()),
            }
            _write_private(final.with_suffix(".json"), json.dumps(meta, ensure_ascii=False))
            os.replace(tmp, final)
            _fsync_dir(folder)
        except sqlite3.DatabaseError as exc:
            raise FileRefusedError("backup_failed", str(path), detail=_why(exc)) from exc
        except OSError as exc:
            raise FileRefusedError("backup_failed", str(path), detail=_why(exc)) from exc
        finally:
            tmp.unlink(missing_ok=True)
            for suffix in ("-journal", "-wal", "-shm"):
                Path(f"{tmp}{suffix}").unlink(missing_ok=True)
            if not final.exists():
                final.with_suffix(".json").unlink(missing_ok=True)
    finally:
        src.close()
    thin(owner, root)
    return _info_of(final)


def _copy_verified(source, tmp: Path, journal: str, refusal: str, named: Path) -> None:
    """Snapshot `source` into the new owner-only file `tmp` (consistent even while others
    write), verify it and force it to disk; FileRefusedError(`refusal`) when it is not whole."""
    write_new_file(tmp, "")
    copy_database(source, tmp, journal=journal)
    problem = verify(tmp)
    if problem:
        raise FileRefusedError(refusal, str(named), detail=problem)
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())


def _why(exc: BaseException) -> str:
    text = str(exc)
    if isinstance(exc, OSError) and exc.errno == 28 or "full" in text.lower():
        return "Datenträger voll"
    return text


def _write_private(path: Path, text: str) -> None:
    path.unlink(missing_ok=True)
    write_new_file(path, text)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _info_of(path: Path) -> BackupInfo | None:
    match = _NAME.match(path.name)
    if not match or not path.is_file():
        return None
    try:
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = {}
    stamp = match["stamp"]
    fmt = "%Y%m%d-%H%M%S-%f" if stamp.count("-") == 2 else "%Y%m%d-%H%M%S"
    return BackupInfo(
        path=path,
        taken=datetime.strptime(stamp, fmt),
        reason=match["reason"] or "",
        title=str(meta.get("title", "")),
        goals=int(meta.get("goals", 0)),
        milestones=int(meta.get("milestones", 0)),
        dependencies=int(meta.get("dependencies", 0)),
        fingerprint=str(meta.get("fingerprint", "")),
        source=str(meta.get("source", "")),
    )


def list_backups(path: Path, root: Path | None = None) -> list[BackupInfo]:
    """The verified backups of `path`, newest first."""
    folder = backup_dir(path, root)
    if not folder.is_dir():
        return []
    found = [_info_of(p) for p in folder.glob("*.sa2030")]
    return sorted((b for b in found if b), key=lambda b: b.taken, reverse=True)


def newest_verified(path: Path, root: Path | None = None) -> BackupInfo | None:
    """The newest backup that still passes integrity_check now (a backup can rot on disk)."""
    for candidate in list_backups(path, root):
        if verify(candidate.path) is None:
            return candidate
    return None


def keep_set(backups: list[BackupInfo], today: date | None = None) -> set[Path]:
    """Which backups thinning keeps: the last KEEP_LAST, the newest of each of the last
    KEEP_DAYS days and the newest of each of the last KEEP_WEEKS ISO weeks."""
    today = today or date.today()
    ordered = sorted(backups, key=lambda b: b.taken, reverse=True)
    keep = {b.path for b in ordered[:KEEP_LAST]}
    days: set[date] = set()
    weeks: set[tuple[int, int]] = set()
    for b in ordered:
        day = b.taken.date()
        if today - day < timedelta(days=KEEP_DAYS) and day not in days:
            days.add(day)
            keep.add(b.path)
        week = tuple(day.isocalendar())[:2]
        if today - day < timedelta(weeks=KEEP_WEEKS) and week not in weeks:
            weeks.add(week)
            keep.add(b.path)
    return keep


def thin(path: Path, root: Path | None = None, today: date | None = None) -> list[Path]:
    """Delete the backups `keep_set` does not keep; returns what was deleted."""
    backups = list_backups(path, root)
    keep = keep_set(backups, today)
    removed = []
    for b in backups:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            b.path.with_suffix(".json").unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def restore(backup: Path, target: Path, replace: bool = False) -> Path | None:
    """Write the verified `backup` to `target`. An existing target is refused unless `replace`;
    then it is first moved aside untouched (with its -wal/-shm) and its new name returned."""
    backup, target = Path(backup), Path(target)
    problem = verify(backup)
    if problem:
        raise FileRefusedError("backup_damaged", str(backup), detail=problem)
    if target.exists() and not replace:
        raise FileRefusedError("file_exists", str(target))
    tmp = target.with_name(target.name + ".wiederherstellung")
    for leftover in (tmp, Path(f"{tmp}-journal")):
        leftover.unlink(missing_ok=True)
    try:
        _copy_verified(backup, tmp, "WAL", "backup_damaged", backup)
    except (OSError, sqlite3.DatabaseError) as exc:
        tmp.unlink(missing_ok=True)
        raise FileRefusedError("restore_failed", str(target), detail=_why(exc)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    aside = set_aside(target) if target.exists() else None
    for suffix in ("-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    os.replace(tmp, target)
    _fsync_dir(target.parent)
    return aside


def set_aside(path: Path, label: str = "beschaedigt") -> Path:
    """Rename `path` (and its -wal/-shm) to `<name>.<label>-<stamp>` without touching a byte."""
    path = Path(path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.{label}-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.{label}-{stamp}-{n}")
    # the WAL first: a main file without its WAL would look older than it is, never torn
    for suffix in ("-wal", "-shm"):
        side = Path(f"{path}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{aside}{suffix}"))
    os.replace(path, aside)
    _fsync_dir(path.parent)
    return aside

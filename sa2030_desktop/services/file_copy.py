"""„Kopie speichern unter…“: a consistent snapshot of the open portfolio into a new file."""

from __future__ import annotations

from pathlib import Path

from sa2030_desktop.domain.errors import DomainError, FileRefusedError
from sa2030_desktop.export.atomic import atomic_target, check_target
from sa2030_desktop.persistence.copies import copy_database
from sa2030_desktop.persistence.store import Store


def save_copy(store: Store, target: str | Path) -> Path:
    """Copy the portfolio with SQLite's backup API (consistent even while it is written to),
    verify the copy, then move it into place. The open file is never touched; an existing
    target is refused, and the open file itself cannot be the target."""
    from sa2030_desktop.services.merge_state import refuse_server_copy

    refuse_server_copy(store)
    target = Path(target)
    if target.is_file():  # a copy never replaces a file, portfolio or not: say that first
        raise FileRefusedError("file_exists", str(target))
    check_target(target)  # devices, FIFOs, folders, missing folders, over-long names
    if target.exists():
        raise FileRefusedError("file_exists", str(target))
    with atomic_target(target) as tmp:
        # an older file shown read-only: its migrated copy, so the new file has today's format
        ok = copy_database(store.data_path, tmp, journal="WAL", check=True)
        for suffix in ("-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
        if ok != "ok":
            raise DomainError("file_damaged", path=str(target), detail=str(ok))
        # the copy remembers the state it was made from: merging it back later finds the base
        from sa2030_desktop.services.merge_state import stamp_base

        stamp_base(tmp, "copy", store.path.name)
    return target

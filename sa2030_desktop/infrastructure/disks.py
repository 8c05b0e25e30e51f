"""Whether a folder lies on a read-only disk – one rule for every writer (export/atomic.py) and
for the portfolio file opened to be changed (persistence/store.py), which may not import each
other (and the domain asks no file system, ARCHITECTURE.md): os.access() says only „no“ for
both a read-only disk (EROFS) and missing rights (EACCES); the file system's flag tells them
apart."""

from __future__ import annotations

import os
from pathlib import Path


def on_readonly_disk(folder: Path) -> bool:
    """The folder lies on a file system mounted read-only (a locked USB stick, an ro share)."""
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # AttributeError: no statvfs (Windows)
        return False

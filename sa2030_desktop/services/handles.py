"""The core types the GUI and the CLI hold on to, named at the services boundary so that they
never import persistence: the open portfolio file (`Store`), what one action changed
(`ChangeSet`) and the refusal when another instance writes to the file (`FileLockedError`)."""

from __future__ import annotations

from sa2030_desktop.persistence.locking import FileLockedError
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.persistence.unit_of_work import ChangeSet

__all__ = ["ChangeSet", "FileLockedError", "Store"]

"""Creating, opening and reading portfolios; JSON exchange; the analyses at an as-of date."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sa2030_desktop import assets
from sa2030_desktop.domain.analysis import Analysis, analyse, stats_dict
from sa2030_desktop.domain.goal_report import goal_dict
from sa2030_desktop.domain.model import Portfolio
from sa2030_desktop.domain.preconditions import check_open
from sa2030_desktop.domain.selection import Selection, restrict
from sa2030_desktop.domain.whatif import WhatIfResult, evaluate
from sa2030_desktop.persistence.fileformat import change_fingerprint

# Imported where used: stats, check and goal on a file never load SQLAlchemy (the Store's
# engine) nor read JSON (issue 11 item 5; tests/core/test_cli_imports.py).
if TYPE_CHECKING:
    from sa2030_desktop.persistence.file_reader import FileReader
    from sa2030_desktop.persistence.store import Store
    from sa2030_desktop.services.importing import ImportPreview


def create_portfolio(path: str | Path, demo: bool = False, title: str | None = None) -> Store:
    """A new portfolio file with the reference data (categories, theme fields, ministries);
    with `demo`, the bundled demo portfolio. The file appears only when it is complete."""
    import uuid

    from sa2030_desktop.export.atomic import check_target, write_error
    from sa2030_desktop.persistence.engine import checkpoint, remove_unfinished, work_path
    from sa2030_desktop.persistence.store import Store
    from sa2030_desktop.services.importing import apply_bundle
    from sa2030_desktop.services.json_format import read_json
    from sa2030_desktop.services.server import is_server

    if is_server(path):  # a server's portfolio is created by its admin: `sa2030 server init`
        from sa2030_desktop.domain.errors import FileRefusedError

        raise FileRefusedError("server_use_init", str(path))
    path = Path(path)
    # a device, FIFO, folder or over-long name: refused in German; an existing file – a
    # portfolio too – below as file_exists („gibt es schon“), not as an export's target
    check_target(path, database=True)
    work = work_path(path, ".entsteht")
    store = None
    try:
        store = Store.create(work)
        with store.transaction("Neues Portfolio angelegt") as uow:
            uow.create_info(title or "Neues Portfolio", str(uuid.uuid4()))
        apply_bundle(store, read_json(assets.reference_data()), "Stammdaten angelegt")
        if demo:
            apply_bundle(store, read_json(assets.demo_portfolio()), "Demoportfolio angelegt")
        store.close()
        checkpoint(work)
        os.replace(work, path)
    except BaseException as exc:
        if store is not None:
            store.close()
        remove_unfinished(work)
        translated = write_error(exc, path.parent, str(path))  # a full disk said as such
        if translated is exc:
            raise
        raise translated from None
    return Store.open(path)


def open_portfolio(path: str | Path, readonly: bool = False) -> Store:
    """A portfolio file, or the portfolio on a team server when `path` is a connection
    (`postgresql://…`, `service=…`; TEAM.md)."""
    from sa2030_desktop.persistence.store import Store
    from sa2030_desktop.services import server

    if server.is_server(path):
        return server.open_server(str(path), readonly=readonly)
    return Store.open(path, readonly=readonly)


def finish_opening(store: Store) -> None:
    """Make the open store's engine now (importing SQLAlchemy: about a third of the window's
    start). `open_portfolio` checks the file and takes its lock without it, and the first
    snapshot is read on plain sqlite3, so the window shows the portfolio first and calls this
    in a worker; a write asked for meanwhile waits until the engine is there."""
    store.open_engine()


def open_to_read(path: str | Path) -> Store | FileReader:
    """A portfolio to read one snapshot from and close (`stats`, `check`, `goal`): a file is
    read with the standard library's sqlite3 after the same checks as `open_portfolio(path,
    readonly=True)`, with the same refusals; a team server opens as there."""
    from sa2030_desktop.persistence.server_connect import is_server

    if is_server(path):
        return open_portfolio(path, readonly=True)
    from sa2030_desktop.persistence.file_reader import FileReader

    return FileReader.open(path)


def older_copy_hint(store) -> str | None:
    """What to tell the user when `store` reads an older-format file from a migrated
    temporary copy (persistence: a read-only open never writes); None otherwise."""
    if getattr(store, "shown_copy", None) is None:
        return None
    from sa2030_desktop.messages import format_code
    from sa2030_desktop.persistence.fileformat import can_write

    code = "older_read_from_copy" if can_write(store.path) else "older_shown_readonly"
    return format_code(code, {"path": str(store.path)})


def disk_fingerprint(path: str | Path) -> tuple | None:
    """The file's identity and its newest recorded action, read afresh from disk: differs when
    another program or instance changed the file. None while it is being replaced."""
    try:
        inode = os.stat(path).st_ino
    except OSError:
        return None
    state = change_fingerprint(Path(path))
    return None if state is None else (inode, *state)


def default_as_of(portfolio: Portfolio, as_of: date | None = None) -> date:
    """The Stichtag: given, else the portfolio's default, else today."""
    return as_of or portfolio.info.as_of or date.today()


def import_json(store: Store, source: str | Path, dry_run: bool = False) -> ImportPreview:
    from sa2030_desktop.services.importing import apply_bundle, preview_bundle
    from sa2030_desktop.services.json_format import read_json

    bundle = read_json(Path(source))
    if dry_run:
        return preview_bundle(store, bundle)
    return apply_bundle(store, bundle)


def export_json(
    store: Store, target: str | Path, selection: Selection | None = None, as_of: date | None = None
) -> Path:
    from sa2030_desktop.services.exchange import export_to

    return export_to(store, Path(target), selection, as_of)


def selected(
    portfolio: Portfolio, selection: Selection | None, as_of: date | None = None
) -> Portfolio:
    if selection is None or selection.is_empty:
        return portfolio
    day = default_as_of(portfolio, as_of)
    return restrict(portfolio, set(selection.apply(portfolio, day)))


def analysis(
    store: Store, as_of: date | None = None, selection: Selection | None = None
) -> Analysis:
    portfolio = selected(store.snapshot(), selection, as_of)
    return analyse(portfolio, default_as_of(portfolio, as_of))


def stats(store: Store, as_of: date | None = None, selection: Selection | None = None) -> dict:
    portfolio = selected(store.snapshot(), selection, as_of)
    return stats_dict(portfolio, analyse(portfolio, default_as_of(portfolio, as_of)))


def goal_report(store: Store, key: str, as_of: date | None = None) -> dict:
    portfolio = store.snapshot()
    return goal_dict(portfolio, key, default_as_of(portfolio, as_of))


def what_if(store: Store, changes: dict[str, date], as_of: date | None = None) -> WhatIfResult:
    """Evaluate hypothetical forecasts on a copy of the snapshot. Never writes. An achieved
    milestone is refused (`milestone_achieved`), as in the timeline's simulation."""
    portfolio = store.snapshot()
    for key in changes:
        if key in portfolio.milestones:
            check_open(portfolio.milestones[key])
    return evaluate(portfolio, changes, default_as_of(portfolio, as_of))

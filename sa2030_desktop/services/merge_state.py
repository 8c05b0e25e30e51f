"""Portfolio states for merging: base snapshots kept inside copies, documents ↔ snapshots, and
writing a whole target state in one transaction (merge result, or its undo)."""

from __future__ import annotations

import dataclasses
import json
import uuid
from datetime import UTC, datetime
from pathlib import Path

from sa2030_desktop.domain.errors import ValidationError
from sa2030_desktop.domain.model import Portfolio, PortfolioInfo
from sa2030_desktop.persistence import merge_base
from sa2030_desktop.persistence.copies import copy_database
from sa2030_desktop.persistence.engine import checkpoint
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.persistence.unit_of_work import ChangeSet
from sa2030_desktop.services.json_format import _bundle, portfolio_document


def now() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


def stamp_base(path: Path, kind: str = "copy", origin: str = "") -> str:
    """Record, inside the (new) copy at `path`, the state it was copied from: the common
    ancestor a later three-way merge of the copy and its original needs. Returns the base id."""
    store = Store.open(path)
    try:
        portfolio = store.snapshot()
        base_id = str(uuid.uuid4())
        doc = json.dumps(portfolio_document(portfolio), ensure_ascii=False)
        merge_base.add_base(store.engine, base_id, portfolio.info.lineage, now(), kind, origin, doc)
    finally:
        store.close()
    checkpoint(path)  # the copy is moved as one file: nothing may stay behind in its WAL
    return base_id


def base_rows(store: Store, lineage: str) -> list[tuple[str, str, str]]:
    """(base_id, created, document) of the bases of `lineage` stored in this file."""
    return merge_base.bases_of(store.engine, lineage)


def find_base(mine: Store, theirs: Store) -> dict | None:
    """The common ancestor: the newest base both files hold; else the oldest either holds
    (an older ancestor only adds conflicts, it never loses a change); None when none."""
    from sa2030_desktop.persistence.server_store import ServerStore

    lineage = mine.snapshot().info.lineage
    a, b = base_rows(mine, lineage), base_rows(theirs, lineage)
    if isinstance(mine, ServerStore) and b:  # checkin: the copy knows when it was checked out
        return json.loads(b[-1][2])
    common = {r[0] for r in a} & {r[0] for r in b}
    rows = [r for r in a if r[0] in common]
    if rows:
        return json.loads(rows[-1][2])
    union = sorted(a + b, key=lambda r: r[1])
    return json.loads(union[0][2]) if union else None


def document_of(portfolio: Portfolio) -> dict:
    return portfolio_document(portfolio)


def portfolio_from_document(doc: dict, info: PortfolioInfo | None = None) -> Portfolio:
    """A snapshot from an exchange document (the merge result); raises on unreadable data."""
    bundle = _bundle(doc, "Zusammenführung")
    if bundle.issues:
        raise ValidationError(bundle.issues, "Zusammenführung")
    new_info = info or PortfolioInfo()
    if bundle.info is not None:
        new_info = dataclasses.replace(
            new_info, **{f: getattr(bundle.info.obj, f) for f in bundle.info.fields}
        )
    return Portfolio(
        info=new_info,
        categories={r.obj.code: r.obj for r in bundle.categories},
        themes={r.obj.code: r.obj for r in bundle.themes},
        ministries={r.obj.code: r.obj for r in bundle.ministries},
        goals={r.obj.key: r.obj for r in bundle.goals},
        milestones={r.obj.key: r.obj for r in bundle.milestones},
        dependencies=[r.obj for r in bundle.dependencies],
        indicators=[r.obj for r in bundle.indicators],
    )


def write_state(store: Store, target: Portfolio, comment: str, also=None) -> ChangeSet:
    """Make the file equal to `target` in one transaction; every change logged under
    `comment`. Deletions first (children before parents), then inserts and updates.
    `also(uow)` writes more in the same transaction (the reports a Ressortpaket brings)."""
    current = store.snapshot()
    target_pairs = {x.pair for x in target.dependencies}
    gone_deps = [d for d in current.dependencies if d.pair not in target_pairs]
    target_inds = {(i.goal, i.name) for i in target.indicators}
    with store.transaction(comment) as uow:
        for d in gone_deps:
            uow.delete("dependency", {"dependent": d.dependent, "prerequisite": d.prerequisite})
        for ind in current.indicators:
            if (ind.goal, ind.name) not in target_inds:
                uow.delete("indicator", {"goal": ind.goal, "name": ind.name})
        for key in current.milestones.keys() - target.milestones.keys():
            uow.delete("milestone", {"key": key})
        for key in current.goals.keys() - target.goals.keys():
            uow.delete("goal", {"key": key})
        if dataclasses.replace(target.info, lineage=current.info.lineage) != current.info:
            uow.save(dataclasses.replace(target.info, lineage=current.info.lineage))
        uow.save_many(list(target.categories.values()))
        uow.save_many(list(target.themes.values()))
        new_ministries = [m for k, m in target.ministries.items() if k not in current.ministries]
        uow.save_many([dataclasses.replace(m, successor=None) for m in new_ministries])
        uow.save_many(list(target.ministries.values()))
        uow.save_many(list(target.goals.values()))
        uow.save_many(list(target.milestones.values()))
        uow.save_many(list(target.dependencies))
        for ind in target.indicators:
            uow.save(ind)
        for key in current.themes.keys() - target.themes.keys():
            uow.delete("theme", {"code": key})
        for key in current.ministries.keys() - target.ministries.keys():
            uow.delete("ministry", {"code": key})
        for key in current.categories.keys() - target.categories.keys():
            uow.delete("category", {"code": key})
        if also is not None:
            also(uow)
    return uow.changes


def save_copy_with_base(store: Store, target: Path, kind: str = "copy", prepare=None) -> Path:
    """„Kopie speichern unter“ for later merging: a consistent copy (SQLite backup API) that
    carries the base snapshot; `prepare(sqlite3.Connection)` may cut it down (Ressortpaket)
    before the base is taken. The copy appears only when complete; the original is not touched."""
    from sa2030_desktop.domain.errors import FileRefusedError
    from sa2030_desktop.export.atomic import atomic_target, check_target

    refuse_server_copy(store)
    target = Path(target)
    check_target(target, database=True)  # an existing portfolio too: file_exists below
    if target.exists():
        raise FileRefusedError("file_exists", str(target))
    with atomic_target(target) as tmp:
        copy_database(store.data_path, tmp, journal="DELETE", prepare=prepare)  # today's format
        stamp_base(tmp, kind, store.path.name)
        for suffix in ("-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    return target


def refuse_server_copy(store: Store) -> None:
    """A copy of the team server's portfolio is made by `sa2030 checkout` (the file copy works
    on SQLite files): say so instead of failing on the missing file."""
    from sa2030_desktop.domain.errors import DomainError
    from sa2030_desktop.persistence.server_store import ServerStore

    if isinstance(store, ServerStore):
        raise DomainError("server_use_checkout", path=store.session.name)

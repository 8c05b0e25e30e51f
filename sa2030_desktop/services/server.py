"""The team server's use cases: telling a connection from a file, opening, administration.

The CLI and the GUI reach the server only through here and through `open_portfolio`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sa2030_desktop import assets
from sa2030_desktop.persistence import server_connect
from sa2030_desktop.persistence.unit_of_work import ChangeSet

# The server's modules (SQLAlchemy, psycopg) are imported where used: the window and the CLI
# ask is_server/where at every start, before SQLAlchemy is needed (issue 11 item 5).
if TYPE_CHECKING:
    from sa2030_desktop.persistence.server_store import ServerStore
    from sa2030_desktop.persistence.store import Store


def is_server(target: str | Path) -> bool:
    """Whether `target` names a server connection (URL or libpq keywords) rather than a file."""
    return server_connect.is_server(target)


def looks_like_server(target: str | Path) -> bool:
    return server_connect.looks_like_server(target)


def open_server(conninfo: str, readonly: bool = False) -> ServerStore:
    from sa2030_desktop.persistence.server_store import ServerStore

    return ServerStore.open(conninfo, readonly=readonly)


def where(store: Store) -> str | None:
    """„Server lokal/db als mi_mueller (Ressort MI)“, or None for a portfolio file."""
    return getattr(store, "where", None)  # None on a file's Store


def init_server(conninfo: str, source: str | Path | None = None, title: str | None = None) -> dict:
    """Create the portfolio on the server: empty (with the reference data, like `sa2030 new`)
    or from a portfolio file. An older schema is brought up to date."""
    import uuid

    from sa2030_desktop.persistence import server_admin
    from sa2030_desktop.persistence.server_store import ServerStore
    from sa2030_desktop.services.importing import apply_bundle
    from sa2030_desktop.services.json_format import read_json
    from sa2030_desktop.services.portfolio import open_portfolio

    if source is not None:
        src = open_portfolio(source, readonly=True)
        try:
            done = server_admin.init_schema(conninfo, src.engine)
        finally:
            src.close()
    else:
        done = server_admin.init_schema(conninfo)
        if done == "created":
            store = ServerStore.open(conninfo)
            try:
                with store.transaction("Neues Portfolio angelegt") as uow:
                    uow.create_info(title or "Neues Portfolio", str(uuid.uuid4()))
                apply_bundle(store, read_json(assets.reference_data()), "Stammdaten angelegt")
            finally:
                store.close()
    return {"done": done, **server_admin.status(conninfo)}


def add_user(
    conninfo: str, login: str, role: str, ministry: str | None = None
) -> tuple[bool, str | None]:
    """(whether the login is new, the ministry's code as stored: `mid` means MID)"""
    from sa2030_desktop.persistence import server_admin

    return server_admin.add_user(conninfo, login, role, ministry)


def list_users(conninfo: str) -> list[dict]:
    from sa2030_desktop.persistence import server_admin

    return server_admin.list_users(conninfo)


def status(conninfo: str) -> dict:
    from sa2030_desktop.persistence import server_admin

    return server_admin.status(conninfo)


def listen(store: Store):
    """A listener for the announcements of the store's server (None for a portfolio file)."""
    if getattr(store, "where", None) is None:  # a portfolio file
        return None
    from sa2030_desktop.persistence.server_listen import ChangeListener

    return ChangeListener(store.conninfo)


def apply_notices(store: ServerStore, notices: list) -> tuple[ChangeSet, list]:
    """Read again just the rows others changed; (what changed, the notices of others)."""
    from sa2030_desktop.persistence.server_listen import touched

    others = [n for n in notices if n.action not in store.own_actions]
    if not others:
        return ChangeSet(), []
    rows = touched(others)
    store.refresh_rows(rows)
    return ChangeSet(updated=[(e, k) for e, keys in rows.items() for k in sorted(keys)]), others


def conflict_report(store: Store, error) -> object | None:
    """A refused stale write as a merge review (the merge dialog's report): the state stored on
    the server against the user's change, three-way from what the user had read. Deciding
    „Ihre Änderung“ writes it onto the newer row; nothing is lost either way."""
    import copy

    from sa2030_desktop.domain.entities import BY_NAME, record_key
    from sa2030_desktop.services import merge
    from sa2030_desktop.services.merge_state import document_of

    base = getattr(store, "conflict_base", None)
    entity, key = error.data.get("entity"), error.data.get("key")
    if base is None or entity not in BY_NAME or not BY_NAME[entity].section:
        return None
    base_doc = document_of(base)
    mine_doc = copy.deepcopy(base_doc)
    section = BY_NAME[entity].section
    record = next((r for r in mine_doc.get(section, []) if record_key(entity, r) == key), None)
    if record is None:
        return None
    for name, value in (error.data.get("values") or {}).items():
        if name not in record:
            continue
        if isinstance(record[name], list):
            value = [v for v in str(value or "").split(",") if v]
        record[name] = value
    return merge.compare_documents(store, mine_doc, "Ihrer Änderung", base_doc)

"""The frozen state (Berichtsstand) as stored text, and a read-only view of it for `--round`.

The text is canonical JSON (sorted keys, no spaces): the same state gives the same bytes and
so the same sha256, whenever and wherever it is written again (export, import)."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

from sa2030_desktop.domain.dates import iso
from sa2030_desktop.domain.errors import DomainError, NotFoundError
from sa2030_desktop.domain.model import Change, Portfolio
from sa2030_desktop.domain.reporting import ReportingRound, RoundState
from sa2030_desktop.domain.reporting_freeze import Frozen, FrozenReport
from sa2030_desktop.persistence import reporting_repository as repo
from sa2030_desktop.persistence.store import Store

FORMAT = "sa2030-berichtsstand"
VERSION = 1


def round_dict(rnd: ReportingRound) -> dict:
    return {"key": rnd.key, "title": rnd.title, "as_of": iso(rnd.as_of),
            "deadline": iso(rnd.deadline), "scope": list(rnd.scope), "state": rnd.state.value,
            "opened_by": rnd.opened_by, "opened_at": rnd.opened_at,
            "closed_by": rnd.closed_by, "closed_at": rnd.closed_at}  # fmt: skip


def round_of(data: dict) -> ReportingRound:
    return ReportingRound(
        str(data["key"]), str(data.get("title", "")), date.fromisoformat(data["as_of"]),
        date.fromisoformat(data["deadline"]), [str(c) for c in data.get("scope") or []],
        RoundState(data.get("state", "closed")), str(data.get("opened_by", "")),
        str(data.get("opened_at", "")), str(data.get("closed_by", "")),
        str(data.get("closed_at", "")),
    )  # fmt: skip


_REPORT_FIELDS = ("goal", "ministry", "state", "progress", "remark", "review_comment",
                  "submitted_by", "submitted_at")  # fmt: skip


def frozen_document(frozen: Frozen) -> dict:
    from sa2030_desktop.services.json_writer import portfolio_document

    return {
        "format": FORMAT,
        "version": VERSION,
        "round": round_dict(frozen.round),
        "portfolio": portfolio_document(frozen.portfolio),
        "reports": [{f: getattr(r, f) for f in _REPORT_FIELDS} for r in frozen.reports.values()],
    }


def canonical(doc: dict) -> str:
    return json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def frozen_text(frozen: Frozen) -> tuple[str, str]:
    """(canonical JSON text, its sha256) of a frozen state."""
    text = canonical(frozen_document(frozen))
    return text, hashlib.sha256(text.encode("utf-8")).hexdigest()


def frozen_of_document(doc: dict) -> Frozen:
    from sa2030_desktop.services.merge_state import portfolio_from_document

    portfolio = portfolio_from_document(doc["portfolio"])
    rnd = round_of(doc["round"])
    portfolio.info.as_of = rnd.as_of
    reports = {
        r["goal"]: FrozenReport(**{f: str(r.get(f, "")) for f in _REPORT_FIELDS})
        for r in doc.get("reports", [])
    }
    return Frozen(rnd, portfolio, reports)


def load_frozen(store: Store, key: str) -> Frozen:
    """The frozen state of a closed round. Unknown round, or an open one: a refusal."""
    with store.engine.connect() as conn:
        rounds = repo.load_rounds(conn)
        stored = repo.load_frozen(conn, key) if key in rounds else None
    if key not in rounds:
        raise NotFoundError("round", key)
    if stored is None:
        raise DomainError("round_not_closed", key=key)
    return frozen_of_document(json.loads(stored[0]))


class FrozenStore:
    """A read-only stand-in for the Store on a frozen state: what the reading services
    (stats, graph, timeline, briefings, export) ask of a store, answered from the round —
    so `--round KEY` gives the same content whenever it is run."""

    readonly = True

    def __init__(self, store: Store, frozen: Frozen) -> None:
        self.store = store
        self.frozen = frozen
        self.path = Path(store.path)
        self.engine = store.engine
        self.round = frozen.round

    def snapshot(self) -> Portfolio:
        return self.frozen.portfolio

    def changes(self, **_filters: object) -> list[Change]:
        return []  # a frozen state has no later history

    def layout(self, view: str) -> dict[str, tuple[float, float]]:
        return self.store.layout(view)

    def close(self) -> None:
        self.store.close()


def frozen_store(store: Store, key: str) -> FrozenStore:
    return FrozenStore(store, load_frozen(store, key))

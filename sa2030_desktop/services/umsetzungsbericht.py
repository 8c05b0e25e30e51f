"""The Umsetzungsbericht (REPORTING.md, issue 12): the annual report to the cabinet, written
from the frozen state of a closed round – never from the live portfolio – and compared with
the previous closed round by the core's comparison (domain/reporting_compare.py).

`export_umsetzungsbericht` writes it; `umsetzungsbericht_text` gives its text without writing
a file (to check that a round's report reads the same before and after later edits);
`round_source` loads what both need (also for the briefing dialog, which hands plain data to
its worker). The CLI reaches the same code through `export_briefing` on `--round KEY`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sa2030_desktop.domain.reporting import ReportingRound, RoundState
from sa2030_desktop.domain.reporting_compare import compare
from sa2030_desktop.domain.reporting_freeze import Frozen
from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.export.briefing import BriefingOptions, build_document
from sa2030_desktop.export.briefing.context import RoundSource
from sa2030_desktop.persistence import reporting_repository as repo
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services.briefing import BriefingResult, check_selection, write_briefing
from sa2030_desktop.services.reporting.frozen import load_frozen

KIND = "umsetzungsbericht"

__all__ = ["KIND", "export_umsetzungsbericht", "previous_round", "round_source",
           "umsetzungsbericht_text"]  # fmt: skip


def previous_round(rounds: dict[str, ReportingRound], key: str) -> str | None:
    """The closed round the report compares with: of the closed rounds with an earlier as-of
    date, the latest (on equal dates the one closed last); None when there is none."""
    current = rounds[key]
    earlier = [r for r in rounds.values() if r.key != key and r.state is RoundState.CLOSED
               and r.as_of < current.as_of]  # fmt: skip
    if not earlier:
        return None
    return max(earlier, key=lambda r: (r.as_of, r.closed_at, r.key)).key


def round_source(store: Store, key: str, frozen: Frozen | None = None) -> RoundSource:
    """The closed round `key` with its previous closed round and their comparison.
    Refused: an unknown round (NotFoundError), an open one (round_not_closed)."""
    frozen = frozen or load_frozen(store, key)
    with store.engine.connect() as conn:
        rounds = repo.load_rounds(conn)
    before = previous_round(rounds, key) if key in rounds else None
    if before is None:
        return RoundSource(frozen)
    earlier = load_frozen(store, before)
    comparison = compare(earlier.portfolio, before, earlier.as_of,
                         frozen.portfolio, key, frozen.as_of)  # fmt: skip
    return RoundSource(frozen, earlier, comparison)


def _options(store: Store, key: str, options: BriefingOptions | None) -> BriefingOptions:
    return replace(options or BriefingOptions(), round=round_source(store, key), changes=[],
                   changes_since=None)  # fmt: skip


def export_umsetzungsbericht(
    store: Store,
    target: str | Path,
    key: str,
    selection: Selection | None = None,
    options: BriefingOptions | None = None,
    progress=None,
    token=None,
) -> BriefingResult:
    """Write the Umsetzungsbericht of the closed round `key` to `target` (.docx, .odt, .pdf).

    Reads the round's frozen state only: the same round gives the same text whenever it is
    run (the date of issue on the first page is `options.issued`, default today). Refused with
    a DomainError, nothing written: an unknown or open round, and everything `write_briefing`
    refuses (also a public variant marked VS-NfD)."""
    opts = _options(store, key, options)
    return write_briefing(opts.round.frozen.portfolio, target, KIND, selection, None, opts,
                          progress, token)  # fmt: skip


def umsetzungsbericht_text(store: Store, key: str, public: bool = False,
                           selection: Selection | None = None, figures: bool = False) -> str:  # fmt: skip
    """The text of the round's Umsetzungsbericht – headings, paragraphs and table cells in
    document order, one line each – without writing a file. Page headers (with the date of
    issue) are left out: equal texts mean the same report. Without `figures` the charts and
    their captions are left out too (a third of the time at 150 goals); with it the text equals
    `document_text` of the written .docx."""
    opts = _options(store, key, BriefingOptions(public=public, figures=figures))
    frozen = opts.round.frozen
    sel = selection or Selection()
    check_selection(frozen.portfolio, KIND, sel, frozen.as_of, opts)
    briefing = build_document(KIND, frozen.portfolio, sel, frozen.as_of, opts)
    return document_text(briefing.doc)


def document_text(doc) -> str:
    """Body text of a python-docx Document in order: paragraphs, and table rows as cells
    joined by „ | “; figures appear by their captions."""
    from docx.oxml.ns import qn

    t_tag, hyphen, br = qn("w:t"), qn("w:noBreakHyphen"), qn("w:br")

    def text(el) -> str:
        out = []
        for node in el.iter(t_tag, hyphen, br):
            out.append(node.text or "" if node.tag == t_tag else "-" if node.tag == hyphen else " ")
        return "".join(out)

    lines = []
    for block in doc.element.body.iterchildren():
        if block.tag == qn("w:p"):
            lines.append(text(block))
        elif block.tag == qn("w:tbl"):
            for tr in block.iter(qn("w:tr")):
                lines.append(" | ".join(text(tc) for tc in tr.iter(qn("w:tc"))))
    return "\n".join(lines)

"""Word briefings: check the request, build the document, write it atomically."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sa2030_desktop.domain.errors import DomainError, NotFoundError
from sa2030_desktop.domain.model import Portfolio
from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.export.atomic import atomic_target
from sa2030_desktop.export.briefing import KINDS, BriefingOptions, build_document
from sa2030_desktop.persistence.store import Store
from sa2030_desktop.services.portfolio import default_as_of

Progress = Callable[[float, str], None]


@dataclass(slots=True)
class BriefingResult:
    path: Path
    kind: str
    goals: int
    as_of: date
    sanitized: list[str] = field(default_factory=list)  # what was changed for Word, in German
    classified: bool = False


def check_request(portfolio: Portfolio, target: Path, kind: str, selection: Selection,
                  as_of: date) -> list[str]:  # fmt: skip
    """The selected goal keys; raises DomainError for everything that would fail later."""
    if kind not in KINDS:
        raise DomainError("unknown_briefing_kind", value=kind, allowed=", ".join(KINDS))
    if target.suffix.lower() != ".docx":
        raise DomainError("unknown_extension", ext=target.suffix or target.name, allowed=".docx")
    if target.is_dir():
        raise DomainError("target_is_directory", path=str(target))
    if not target.parent.is_dir():
        raise DomainError("folder_missing", path=str(target.parent))
    if not os.access(target.parent, os.W_OK):
        raise DomainError("target_unwritable", path=str(target))
    if word_lock_file(target) is not None:
        raise DomainError("target_open_in_word", path=str(target))
    if selection.category and selection.category not in portfolio.categories:
        raise DomainError("unknown_category", value=selection.category)
    if selection.theme and selection.theme not in portfolio.themes:
        raise DomainError("unknown_theme", value=selection.theme)
    if selection.ministry and selection.ministry not in portfolio.ministries:
        raise DomainError("unknown_ministry", value=selection.ministry)
    if selection.goal and selection.goal not in portfolio.goals:
        raise NotFoundError("goal", selection.goal)
    keys = selection.apply(portfolio, as_of)
    if not keys:
        raise DomainError("empty_selection")
    return keys


def word_lock_file(target: Path) -> Path | None:
    """Word's owner file „~$name.docx“ beside an open document (first two letters replaced
    when the name is long), or None."""
    name = target.name
    for candidate in ("~$" + name, "~$" + name[2:]):
        path = target.with_name(candidate)
        if len(candidate) > 2 and path.is_file():
            return path
    return None


def export_briefing(
    store: Store,
    target: str | Path,
    kind: str,
    selection: Selection | None = None,
    as_of: date | None = None,
    options: BriefingOptions | None = None,
    progress: Progress | None = None,
) -> BriefingResult:
    """Write the briefing `kind` for the selected goals to `target` (.docx).

    Refuses with a DomainError (and writes nothing) for an unknown kind, an unknown code or goal
    key, an empty selection, a template that is not a Word file and a target that cannot be
    written or is open in Word. Texts Word cannot store are cleaned; the result lists them.
    """
    target = Path(target)
    selection = selection or Selection()
    options = options or BriefingOptions()
    portfolio = store.snapshot()
    day = default_as_of(portfolio, as_of)
    keys = check_request(portfolio, target, kind, selection, day)
    step = progress or (lambda _f, _t: None)
    if options.changes_since and not options.changes:
        options = replace(options, changes=store.changes(since=options.changes_since.isoformat()))
    step(0.05, "Daten aufbereiten")
    briefing = build_document(kind, portfolio, selection, day, options, step)
    step(0.95, "Datei schreiben")
    with atomic_target(target) as tmp:
        briefing.doc.save(str(tmp))
    step(1.0, "Fertig")
    return BriefingResult(
        path=target,
        kind=kind,
        goals=len(keys),
        as_of=day,
        sanitized=briefing.ctx.report.lines(),
        classified=options.classified,
    )

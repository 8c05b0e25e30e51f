"""Word briefings (python-docx, Qt-free): Statusbericht, Sprechzettel, Vermerk, Kabinettsvorlage,
Umsetzungsbericht."""

from __future__ import annotations

import importlib
from datetime import date

from sa2030_desktop.domain.model import Portfolio
from sa2030_desktop.domain.selection import Selection
from sa2030_desktop.domain.tasks import Progress
from sa2030_desktop.export.briefing.context import (
    KIND_TITLES,
    KINDS,
    BriefingContext,
    BriefingOptions,
    build_context,
)
from sa2030_desktop.export.briefing.document import Briefing

__all__ = ["KINDS", "KIND_TITLES", "BriefingOptions", "BriefingContext", "build_document"]


def build_document(
    kind: str,
    portfolio: Portfolio,
    selection: Selection,
    as_of: date,
    options: BriefingOptions,
    progress: Progress | None = None,
) -> Briefing:
    """Sanitise the data once, then write the briefing of `kind`; the caller saves `.doc`."""
    ctx = build_context(kind, portfolio, selection, as_of, options)
    briefing = Briefing(ctx)
    module = importlib.import_module(f"sa2030_desktop.export.briefing.{kind}")
    module.build(briefing, progress)
    briefing.finish()
    return briefing

"""`sa2030 check`: integrity errors and consistency findings of the stored portfolio."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sa2030_desktop.domain.analysis import analyse
from sa2030_desktop.domain.dates import number_de
from sa2030_desktop.domain.entities import dependency_key
from sa2030_desktop.domain.errors import Issue
from sa2030_desktop.domain.indicators import indicator_findings
from sa2030_desktop.domain.validate import validate
from sa2030_desktop.services.portfolio import default_as_of

if TYPE_CHECKING:
    from sa2030_desktop.persistence.file_reader import FileReader
    from sa2030_desktop.persistence.store import Store


@dataclass(slots=True)
class CheckReport:
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)


def check(store: Store | FileReader, as_of: date | None = None) -> CheckReport:
    portfolio = store.snapshot()
    day = default_as_of(portfolio, as_of)
    report = CheckReport(errors=validate(portfolio))
    broken, ok = store.integrity()
    for table, rowid in broken:
        report.errors.append(Issue("broken_reference", {"entity": table}, {"value": rowid}))
    if ok != "ok":
        report.errors.append(Issue("file_damaged", {}, {"path": str(store.path), "detail": ok}))
    if report.errors:
        return report
    result = analyse(portfolio, day)
    for c in result.contradictions:
        report.warnings.append(
            Issue(
                "contradiction",
                {"entity": "goal", "key": c.goal},
                {
                    "status": c.status.label,
                    "reason": c.reason,
                    "suggested": result.suggested[c.goal].label,
                },
                "warning",
            )
        )
    for c in result.conflicts:
        report.warnings.append(
            Issue(
                "conflict",
                {"entity": "dependency", "key": dependency_key(c.dependent, c.prerequisite)},
                {
                    "dependent": c.dependent,
                    "prerequisite": c.prerequisite,
                    "needed": c.needed.strftime("%d.%m.%Y"),
                    "waiting": c.waiting.strftime("%d.%m.%Y"),
                    "days": c.days,
                },
                "warning",
            )
        )
    for f in indicator_findings(portfolio, day):
        report.warnings.append(
            Issue(
                "indicator_behind",
                {"entity": "goal", "key": f.goal},
                {
                    "indicator": f.indicator,
                    "value": number_de(f.value),
                    "expected": number_de(round(f.expected, 2)),
                    "measured": f.measured.strftime("%d.%m.%Y"),
                    "gap": f"{f.gap * 100:.1f}".replace(".", ",").replace("-", "\u2212"),
                },
                "warning",
            )
        )
    for m in result.overdue:
        report.warnings.append(
            Issue(
                "overdue",
                {"entity": "milestone", "key": m.key},
                {"forecast": m.forecast.strftime("%d.%m.%Y")},
                "warning",
            )
        )
    return report

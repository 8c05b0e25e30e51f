"""Entities as plain, slotted dataclasses: the read model that crosses every boundary."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Status(StrEnum):
    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    DELAYED = "delayed"
    AT_RISK = "at_risk"
    DONE = "done"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @classmethod
    def parse(cls, text: str) -> Status:
        """Accept a code or the German label (case-insensitive); raise ValueError otherwise."""
        norm = " ".join(str(text).strip().lower().split())
        for status in cls:
            if norm in (status.value, STATUS_LABELS[status].lower()):
                return status
        alias = _STATUS_ALIASES.get(norm)
        if alias is None:
            raise ValueError(text)
        return alias

    @classmethod
    def from_label(cls, text: str) -> Status:
        """Only a German label (case and spaces as typed), else ValueError: the Meldebogen's
        drop-down offers nothing else (REPORTING.md), so an Ampel colour or a code in that
        cell means the drop-down was bypassed; its answer is applied to the portfolio, so it
        is asked again rather than read by the import's aliases."""
        norm = " ".join(str(text).strip().lower().split())
        for status in cls:
            if norm == STATUS_LABELS[status].lower():
                return status
        raise ValueError(text)


STATUS_LABELS = {
    Status.NOT_STARTED: "nicht begonnen",
    Status.ON_TRACK: "im Plan",
    Status.DELAYED: "verzögert",
    Status.AT_RISK: "gefährdet",
    Status.DONE: "abgeschlossen",
}
_STATUS_ALIASES = {
    "verzoegert": Status.DELAYED,
    "gefaehrdet": Status.AT_RISK,
    "grau": Status.NOT_STARTED,
    "grün": Status.ON_TRACK,
    "gruen": Status.ON_TRACK,
    "gelb": Status.DELAYED,
    "rot": Status.AT_RISK,
    "blau": Status.DONE,
    "not started": Status.NOT_STARTED,
    "on track": Status.ON_TRACK,
    "at risk": Status.AT_RISK,
}
# Ampel colours (fill) – always shown together with the label, never alone.
STATUS_COLOURS = {
    # ≥ 3:1 on white and on the projector's black (WCAG 1.4.11; tests/gui/test_contrast.py):
    # the light grey (2.7:1) and the bright yellow (2.0:1) vanished on a weak projector
    Status.NOT_STARTED: "#757575",
    Status.ON_TRACK: "#2E7D32",
    Status.DELAYED: "#A67C00",
    Status.AT_RISK: "#C62828",
    Status.DONE: "#1565C0",
}
STATUS_ORDER = list(Status)


class DependencyKind(StrEnum):
    HARD = "hard"
    SOFT = "soft"

    @property
    def label(self) -> str:
        return "hart" if self is DependencyKind.HARD else "weich"

    @classmethod
    def parse(cls, text: str) -> DependencyKind:
        norm = str(text).strip().lower()
        if norm in ("hard", "hart"):
            return cls.HARD
        if norm in ("soft", "weich"):
            return cls.SOFT
        raise ValueError(text)


@dataclass(slots=True)
class Category:
    code: str
    name: str
    sort: int = 0


@dataclass(slots=True)
class Theme:
    code: str
    name: str
    category: str
    sort: int = 0


@dataclass(slots=True)
class Ministry:
    code: str
    name: str
    colour: str = ""
    valid_from: date | None = None
    valid_until: date | None = None
    successor: str | None = None

    def valid_at(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )


@dataclass(slots=True)
class Goal:
    key: str
    title: str
    theme: str
    lead: str
    description: str = ""
    partners: list[str] = field(default_factory=list)
    status: Status = Status.NOT_STARTED
    status_reason: str = ""
    priority: int = 2
    tags: list[str] = field(default_factory=list)
    created: str = ""
    updated: str = ""


@dataclass(slots=True)
class Milestone:
    key: str
    goal: str
    title: str
    baseline: date | None = None
    forecast: date | None = None
    actual: date | None = None
    note: str = ""

    @property
    def is_open(self) -> bool:
        return self.actual is None

    @property
    def effective_date(self) -> date | None:
        """Actual when achieved, else forecast, else baseline."""
        return self.actual or self.forecast or self.baseline


@dataclass(slots=True)
class Dependency:
    dependent: str
    prerequisite: str
    kind: DependencyKind = DependencyKind.HARD
    prerequisite_milestone: str | None = None
    dependent_milestone: str | None = None
    rationale: str = ""

    @property
    def pair(self) -> tuple[str, str]:
        return (self.dependent, self.prerequisite)


@dataclass(slots=True)
class IndicatorValue:
    date: date
    value: float
    source: str = ""  # Quelle of the measured value (a statistic, a survey …)


@dataclass(slots=True)
class Indicator:
    goal: str
    name: str
    unit: str = ""
    baseline: float | None = None
    baseline_date: date | None = None
    target: float | None = None
    target_date: date | None = None
    values: list[IndicatorValue] = field(default_factory=list)


@dataclass(slots=True)
class PortfolioInfo:
    title: str = "Neues Portfolio"
    issuing_office: str = ""
    as_of: date | None = None
    demo: bool = False
    lineage: str = ""


@dataclass(slots=True)
class Change:
    id: int
    timestamp: str
    user: str
    entity: str
    key: str
    field: str
    old: str
    new: str
    comment: str = ""
    action: int = 0  # rows of one user action share this number


@dataclass(slots=True)
class Portfolio:
    """A complete, immutable-by-convention snapshot of one portfolio file."""

    info: PortfolioInfo = field(default_factory=PortfolioInfo)
    categories: dict[str, Category] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    ministries: dict[str, Ministry] = field(default_factory=dict)
    goals: dict[str, Goal] = field(default_factory=dict)
    milestones: dict[str, Milestone] = field(default_factory=dict)
    dependencies: list[Dependency] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    _ms_by_goal: dict[str, list[Milestone]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def milestones_of(self, goal_key: str) -> list[Milestone]:
        """The goal's milestones ordered by date (actual, else forecast, else baseline)."""
        if self._ms_by_goal is None:
            grouped: dict[str, list[Milestone]] = {}
            for ms in self.milestones.values():
                grouped.setdefault(ms.goal, []).append(ms)
            for items in grouped.values():
                items.sort(key=lambda m: (m.effective_date or date.max, m.key))
            self._ms_by_goal = grouped
        return self._ms_by_goal.get(goal_key, [])

    def reindex(self) -> None:
        """Forget cached indexes after the snapshot was changed in place (what-if copies)."""
        self._ms_by_goal = None

    def category_of(self, goal: Goal) -> str:
        theme = self.themes.get(goal.theme)
        return theme.category if theme else ""

"""SQLModel tables of the portfolio file. Natural keys (codes, goal and milestone keys) are the
primary keys, so the file reads like the exchange formats and merges compare keys directly;
renaming a key cascades through the foreign keys."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, String, UniqueConstraint
from sqlmodel import Field, SQLModel

_CASCADE = {"onupdate": "CASCADE", "ondelete": "CASCADE"}


def _fk(target: str, nullable: bool = False, on_delete: str = "CASCADE") -> Column:
    return Column(
        String,
        ForeignKey(target, onupdate="CASCADE", ondelete=on_delete),
        nullable=nullable,
        index=True,
    )


class PortfolioInfoTable(SQLModel, table=True):
    __tablename__ = "portfolio_info"
    id: int = Field(default=1, primary_key=True)
    title: str = ""
    issuing_office: str = ""
    as_of: str | None = None
    demo: bool = False
    lineage: str = ""  # uuid shared by copies of one portfolio (merge finds the base by it)
    created: str = ""


class CategoryTable(SQLModel, table=True):
    __tablename__ = "category"
    code: str = Field(primary_key=True)
    name: str
    sort: int = 0


class ThemeTable(SQLModel, table=True):
    __tablename__ = "theme"
    code: str = Field(primary_key=True)
    name: str
    category: str = Field(sa_column=_fk("category.code", on_delete="RESTRICT"))
    sort: int = 0


class MinistryTable(SQLModel, table=True):
    __tablename__ = "ministry"
    code: str = Field(primary_key=True)
    name: str
    colour: str = ""
    valid_from: str | None = None
    valid_until: str | None = None
    successor: str | None = Field(
        default=None, sa_column=_fk("ministry.code", nullable=True, on_delete="SET NULL")
    )


class GoalTable(SQLModel, table=True):
    __tablename__ = "goal"
    key: str = Field(primary_key=True)
    title: str
    description: str = ""
    theme: str = Field(sa_column=_fk("theme.code", on_delete="RESTRICT"))
    lead: str = Field(sa_column=_fk("ministry.code", on_delete="RESTRICT"))
    status: str = "not_started"
    status_reason: str = ""
    priority: int = 2
    tags: str = ""  # comma-separated
    created: str = ""
    updated: str = ""


class GoalPartnerTable(SQLModel, table=True):
    __tablename__ = "goal_partner"
    goal: str = Field(
        sa_column=Column(String, ForeignKey("goal.key", **_CASCADE), primary_key=True)
    )
    ministry: str = Field(
        sa_column=Column(
            String,
            ForeignKey("ministry.code", onupdate="CASCADE", ondelete="RESTRICT"),
            primary_key=True,
        )
    )
    position: int = 0


class MilestoneTable(SQLModel, table=True):
    __tablename__ = "milestone"
    key: str = Field(primary_key=True)
    goal: str = Field(sa_column=_fk("goal.key"))
    title: str
    baseline: str | None = None
    forecast: str | None = None
    actual: str | None = None
    note: str = ""


class DependencyTable(SQLModel, table=True):
    __tablename__ = "dependency"
    __table_args__ = (UniqueConstraint("dependent", "prerequisite"),)
    id: int | None = Field(default=None, primary_key=True)
    dependent: str = Field(sa_column=_fk("goal.key"))
    prerequisite: str = Field(sa_column=_fk("goal.key"))
    kind: str = "hard"
    prerequisite_milestone: str | None = Field(
        default=None, sa_column=_fk("milestone.key", nullable=True, on_delete="SET NULL")
    )
    dependent_milestone: str | None = Field(
        default=None, sa_column=_fk("milestone.key", nullable=True, on_delete="SET NULL")
    )
    rationale: str = ""


class IndicatorTable(SQLModel, table=True):
    __tablename__ = "indicator"
    __table_args__ = (UniqueConstraint("goal", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    goal: str = Field(sa_column=_fk("goal.key"))
    name: str
    unit: str = ""
    baseline: float | None = None
    baseline_date: str | None = None
    target: float | None = None
    target_date: str | None = None


class IndicatorValueTable(SQLModel, table=True):
    __tablename__ = "indicator_value"
    id: int | None = Field(default=None, primary_key=True)
    indicator: int = Field(
        sa_column=Column(ForeignKey("indicator.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    date: str
    value: float
    source: str = ""  # Quelle of the measured value


class ChangeTable(SQLModel, table=True):
    __tablename__ = "change_log"
    id: int | None = Field(default=None, primary_key=True)
    timestamp: str = Field(index=True)
    user: str = ""
    entity: str = ""
    key: str = Field(default="", index=True)
    field: str = ""
    old: str | None = None
    new: str | None = None
    comment: str = ""
    action: int = Field(default=0, index=True)  # groups the rows of one user action


class LayoutTable(SQLModel, table=True):
    __tablename__ = "layout"
    view: str = Field(primary_key=True)
    goal: str = Field(
        sa_column=Column(String, ForeignKey("goal.key", **_CASCADE), primary_key=True)
    )
    x: float = 0.0
    y: float = 0.0


class MergeBaseTable(SQLModel, table=True):
    """The state a copy was made from (JSON exchange document): the base of a three-way merge."""

    __tablename__ = "merge_base"
    base_id: str = Field(primary_key=True)
    lineage: str = Field(index=True)
    created: str = ""
    kind: str = ""  # copy | package
    origin: str = ""  # file name of the original
    document: str = ""


class PackageInfoTable(SQLModel, table=True):
    """Present (one row) only in a Ressortpaket: whose package, from which portfolio."""

    __tablename__ = "package_info"
    id: int = Field(default=1, primary_key=True)
    ministry: str = ""
    origin_lineage: str = ""
    origin: str = ""
    created: str = ""


class ReportingRoundTable(SQLModel, table=True):
    """A reporting round (Berichtsrunde, REPORTING.md); scope: comma-separated ministries."""

    __tablename__ = "reporting_round"
    key: str = Field(primary_key=True)
    title: str
    as_of: str
    deadline: str
    scope: str = ""
    state: str = "open"
    opened_by: str = ""
    opened_at: str = ""
    closed_by: str = ""
    closed_at: str = ""


class ReportTable(SQLModel, table=True):
    """A report (Meldung) of one goal in one round. The goal is no foreign key: a report is
    history and outlives a renamed or deleted goal (open rounds follow renames explicitly).
    Forecasts, actual dates and indicator values are JSON objects."""

    __tablename__ = "report"
    goal: str = Field(primary_key=True)
    round: str = Field(
        sa_column=Column(
            String, ForeignKey("reporting_round.key", **_CASCADE), primary_key=True, index=True
        )
    )
    ministry: str = ""
    state: str = "pending"
    status: str | None = None
    status_reason: str = ""
    progress: str = ""
    remark: str = ""
    forecasts: str = ""
    actuals: str = ""
    values: str = ""
    submitted_by: str = ""
    submitted_ministry: str = ""
    submitted_at: str = ""
    reviewed_by: str = ""
    reviewed_at: str = ""
    review_comment: str = ""


class FrozenStateTable(SQLModel, table=True):
    """The frozen state (Berichtsstand) of a closed round: written once when it is closed, as
    canonical JSON text, with its sha256; never updated."""

    __tablename__ = "frozen_state"
    round: str = Field(
        sa_column=Column(String, ForeignKey("reporting_round.key", **_CASCADE), primary_key=True)
    )
    document: str
    sha256: str
    created: str = ""

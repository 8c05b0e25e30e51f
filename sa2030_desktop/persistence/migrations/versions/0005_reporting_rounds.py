"""reporting rounds, reports and frozen states

Issue 12 (REPORTING.md): a reporting round asks each goal in scope for one report; closing the
round stores the frozen state (Berichtsstand) inside the portfolio file.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 22:20:00
"""

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_TEXT = sqlmodel.sql.sqltypes.AutoString


def _texts(*names: str, nullable: bool = False) -> list:
    return [sa.Column(n, _TEXT(), nullable=nullable) for n in names]


def upgrade() -> None:
    op.create_table(
        "reporting_round",
        *_texts(
            "key",
            "title",
            "as_of",
            "deadline",
            "scope",
            "state",
            "opened_by",
            "opened_at",
            "closed_by",
            "closed_at",
        ),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "report",
        sa.Column("goal", _TEXT(), nullable=False),
        sa.Column("round", sa.String(), nullable=False),
        *_texts("ministry", "state"),
        *_texts("status", nullable=True),
        *_texts(
            "status_reason",
            "progress",
            "remark",
            "forecasts",
            "actuals",
            "values",
            "submitted_by",
            "submitted_ministry",
            "submitted_at",
            "reviewed_by",
            "reviewed_at",
            "review_comment",
        ),
        sa.ForeignKeyConstraint(
            ["round"], ["reporting_round.key"], onupdate="CASCADE", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("goal", "round"),
    )
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_report_round"), ["round"], unique=False)
    op.create_table(
        "frozen_state",
        sa.Column("round", sa.String(), nullable=False),
        *_texts("document", "sha256", "created"),
        sa.ForeignKeyConstraint(
            ["round"], ["reporting_round.key"], onupdate="CASCADE", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("round"),
    )


def downgrade() -> None:
    op.drop_table("frozen_state")
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_round"))
    op.drop_table("report")
    op.drop_table("reporting_round")

"""indicator value source

A measured value of an indicator names where it comes from (Quelle: a statistic, a survey),
as the Excel sheet `Messwerte` carries it (REPORTING.md, Exchange).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 22:05:00
"""

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("indicator_value", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "source", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("indicator_value", schema=None) as batch_op:
        batch_op.drop_column("source")

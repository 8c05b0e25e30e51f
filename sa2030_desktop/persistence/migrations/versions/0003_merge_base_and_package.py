"""merge base snapshots and package marker

A copy of a portfolio (Kopie speichern unter, Ressortpaket) keeps the state it was copied from
as a JSON snapshot (merge_base), so that a three-way merge finds the common ancestor of two
copies of one lineage. A Ressortpaket marks itself with the ministry and the origin's lineage.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 16:50:00
"""

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "merge_base",
        sa.Column("base_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("lineage", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("origin", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("document", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("base_id"),
    )
    with op.batch_alter_table("merge_base", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_merge_base_lineage"), ["lineage"], unique=False)
    op.create_table(
        "package_info",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ministry", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("origin_lineage", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("origin", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("package_info")
    with op.batch_alter_table("merge_base", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_merge_base_lineage"))
    op.drop_table("merge_base")

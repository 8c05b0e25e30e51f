"""team server: row versions, change log by trigger, roles and row-level security

Issue 13 (TEAM.md): on PostgreSQL the portfolio gets a version per changeable row, triggers that
write the change log with the login and the server's time and announce each change, the role
mapping and the row-level security policies. A portfolio file (SQLite) is unchanged: it has one
writer and no roles.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 07:10:00
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    from sa2030_desktop.persistence.server_schema import install_sql

    owner = bind.exec_driver_sql("SELECT current_user").scalar()
    for statement in install_sql(owner):
        bind.exec_driver_sql(statement)


def downgrade() -> None:
    raise NotImplementedError("the team server's rights are not taken back by a downgrade")

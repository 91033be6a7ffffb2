"""Files the central server refused when an event hub relayed them (sync/hub/relay.py): by record and file
name, the refusal code, first and last time and how many relays, for `diaspora-desk hub status` to list
(sync/hub/status.py). Ids, a content-addressed file name and a code only: never a value.

Revision ID: 0016_hub_file_refusals
Revises: 0015_registry_statement_trigger
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_hub_file_refusals"
down_revision = "0015_registry_statement_trigger"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hub_file_refusals",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("version_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("first_refused_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_refused_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("times", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("record_id", "name"),
    )


def downgrade() -> None:
    op.drop_table("hub_file_refusals")

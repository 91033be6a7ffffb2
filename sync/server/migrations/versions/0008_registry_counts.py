"""The registry's dashboard counts kept as records change (registry_counts, sync/server/registry/counts.py).

The search rows are emptied and every record queued again, so the next registry page rebuilds the rows
and the counts together (the counts start from nothing).

Revision ID: 0008_registry_counts
Revises: 0007_protection
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_registry_counts"
down_revision = "0007_protection"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "registry_counts",
        sa.Column("dim", sa.String(length=32), nullable=False),
        sa.Column("country", sa.String(length=8), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("form_id", sa.String(length=200), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("k1", sa.String(length=600), nullable=False),
        sa.Column("k2", sa.String(length=120), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("dim", "country", "device_id", "form_id", "month", "k1", "k2"),
    )
    op.execute("DELETE FROM registry_name_tokens")
    op.execute("DELETE FROM registry_people")
    op.execute("DELETE FROM registry_dirty")
    op.execute("INSERT INTO registry_dirty (record_id) SELECT record_id FROM records")


def downgrade() -> None:
    op.drop_table("registry_counts")

"""Batches the supervisor sent back on an event hub (issue 18): the note saying why, who and when, for
the clerk's laptop to learn at its next sync with the hub (GET /v1/hub/sent-back, sync/server/hub_api.py;
sync/hub/review.py). The note is the supervisor's free text: it lives only in this table (the hub's
database is encrypted), never in an audit entry.

Revision ID: 0013_hub_send_backs
Revises: 0012_relayed_audit
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_hub_send_backs"
down_revision = "0012_relayed_audit"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hub_send_backs",
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("sent_by", sa.String(length=64), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("batch_id"),
    )
    op.create_index("ix_hub_send_backs_device_id", "hub_send_backs", ["device_id"])


def downgrade() -> None:
    op.drop_index("ix_hub_send_backs_device_id", table_name="hub_send_backs")
    op.drop_table("hub_send_backs")

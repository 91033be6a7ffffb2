"""The newest audit entry each device has sent (sync/server/audit_anchor.py): a laptop whose store was
put back to an older copy is refused at its next sync (issue 14, item 12).

Revision ID: 0009_audit_anchor
Revises: 0008_registry_counts
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_audit_anchor"
down_revision = "0008_registry_counts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "device_audit_anchors",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("entry_hash", sa.String(length=128), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("device_id"),
    )


def downgrade() -> None:
    op.drop_table("device_audit_anchors")

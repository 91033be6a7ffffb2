"""Batch approval at an event hub (issue 18): the hub keeps which received batches its supervisor
approved (hub_approvals), and the central server records, per relayed version, who approved it on
which hub (relayed_approvals). sync/server/hub_models.py, sync/hub/review.py, sync/server/hub_api.py.

Revision ID: 0010_hub_approvals
Revises: 0009_audit_anchor
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_hub_approvals"
down_revision = "0009_audit_anchor"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hub_approvals",
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("approved_by", sa.String(length=64), nullable=False),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("relayed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("batch_id"),
    )
    op.create_table(
        "relayed_approvals",
        sa.Column("version_id", sa.String(length=36), nullable=False),
        sa.Column("hub_device_id", sa.String(length=36), nullable=False),
        sa.Column("hub_batch_id", sa.String(length=36), nullable=False),
        sa.Column("approved_by", sa.String(length=64), nullable=False),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("version_id"),
    )
    op.create_index("ix_relayed_approvals_hub_device_id", "relayed_approvals", ["hub_device_id"])


def downgrade() -> None:
    op.drop_index("ix_relayed_approvals_hub_device_id", table_name="relayed_approvals")
    op.drop_table("relayed_approvals")
    op.drop_table("hub_approvals")

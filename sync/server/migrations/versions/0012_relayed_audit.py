"""Clerks' audit entries relayed by an event hub (issue 18): the central server keeps each laptop's
entries by the laptop's store id and entry number, checked as a chain (sync/server/hub_api.py); the hub
remembers which received batches' entries it has relayed (sync/hub/relay.py).

Revision ID: 0012_relayed_audit
Revises: 0011_registry_persons
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_relayed_audit"
down_revision = "0011_registry_persons"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "relayed_audit_entries",
        sa.Column("origin_device", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hub_device_id", sa.String(length=36), nullable=False),
        sa.Column("entry_json", sa.Text(), nullable=False),
        sa.Column("entry_hash", sa.String(length=128), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("origin_device", "seq"),
    )
    op.create_table(
        "hub_audit_relayed",
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.Column("relayed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("batch_id"),
    )


def downgrade() -> None:
    op.drop_table("hub_audit_relayed")
    op.drop_table("relayed_audit_entries")

"""Data protection: erasure records, restrictions and retention per form (sync/server/protection).

Revision ID: 0007_protection
Revises: 0006_hub
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_protection"
down_revision = "0006_hub"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "protection_erasures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("form_id", sa.String(length=200), nullable=False),
        sa.Column("erased_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("erased_by", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("versions", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("record_id"),
    )
    op.create_table(
        "protection_restrictions",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("restricted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("restricted_by", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.PrimaryKeyConstraint("record_id"),
    )
    op.create_table(
        "protection_retention",
        sa.Column("form_id", sa.String(length=200), nullable=False),
        sa.Column("years", sa.Integer(), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("set_by", sa.String(length=200), nullable=False),
        sa.Column("last_run_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("form_id"),
    )


def downgrade() -> None:
    op.drop_table("protection_retention")
    op.drop_table("protection_restrictions")
    op.drop_table("protection_erasures")

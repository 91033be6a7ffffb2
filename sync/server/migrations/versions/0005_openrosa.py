"""OpenRosa: app users (ODK Collect / Enketo tokens), submissions' attachments and the review status of
records that came in through a public way in (pending until a registrar accepts them).

Revision ID: 0005_openrosa
Revises: 0004_dedup
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_openrosa"
down_revision = "0004_dedup"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "openrosa_app_users",
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("form_id", sa.String(length=200), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("user_id"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_table(
        "openrosa_attachments",
        sa.Column("version_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("version_id", "name"),
    )
    op.create_table(
        "record_reviews",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("submitted_by", sa.String(length=36), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("record_id"),
    )
    op.create_index(op.f("ix_record_reviews_status"), "record_reviews", ["status"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_record_reviews_status"), table_name="record_reviews")
    op.drop_table("record_reviews")
    op.drop_table("openrosa_attachments")
    op.drop_table("openrosa_app_users")

"""Duplicate detection: blocking keys, profiles, candidate pairs, persons linking records, events.

Revision ID: 0004_dedup
Revises: 0003_registry
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_dedup"
down_revision = "0003_registry"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dedup_keys",
        sa.Column("key", sa.String(length=24), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("key", "record_id"),
    )
    op.create_index(op.f("ix_dedup_keys_record_id"), "dedup_keys", ["record_id"], unique=False)
    op.create_table(
        "dedup_profiles",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("form_id", sa.String(length=200), nullable=False),
        sa.Column("rules_fingerprint", sa.String(length=16), nullable=False),
        sa.Column("profile", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("record_id"),
    )
    op.create_table(
        "dedup_pairs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("form_id", sa.String(length=200), nullable=False),
        sa.Column("record_a", sa.String(length=36), nullable=False),
        sa.Column("record_b", sa.String(length=36), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("levels_json", sa.Text(), nullable=False),
        sa.Column("choices_json", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("record_a", "record_b", name="uq_dedup_pairs_records"),
    )
    op.create_index(op.f("ix_dedup_pairs_record_b"), "dedup_pairs", ["record_b"], unique=False)
    op.create_index(op.f("ix_dedup_pairs_status"), "dedup_pairs", ["status"], unique=False)
    op.create_table(
        "dedup_person_members",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("record_id"),
    )
    op.create_index(
        op.f("ix_dedup_person_members_person_id"), "dedup_person_members", ["person_id"], unique=False
    )
    op.create_table(
        "dedup_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("pair_id", sa.Integer(), nullable=True),
        sa.Column("detail_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("dedup_events")
    op.drop_index(op.f("ix_dedup_person_members_person_id"), table_name="dedup_person_members")
    op.drop_table("dedup_person_members")
    op.drop_index(op.f("ix_dedup_pairs_status"), table_name="dedup_pairs")
    op.drop_index(op.f("ix_dedup_pairs_record_b"), table_name="dedup_pairs")
    op.drop_table("dedup_pairs")
    op.drop_table("dedup_profiles")
    op.drop_index(op.f("ix_dedup_keys_record_id"), table_name="dedup_keys")
    op.drop_table("dedup_keys")

"""Security hardening of the device API (ownership of records, bounded and audited input).

Device hand-overs (who may change another device's records, by a supervisor's decision) and the
rate-limit counters (enrolment-code guesses per address; later logins), both kept in the database so
several workers share them.

Revision ID: 0002_hardening
Revises: 0001_initial
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_hardening"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "device_handovers",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("from_device_id", sa.String(length=36), nullable=False),
        sa.Column("to_device_id", sa.String(length=36), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("from_device_id", "to_device_id", name="uq_device_handovers_pair"),
    )
    op.create_index(
        op.f("ix_device_handovers_to_device_id"), "device_handovers", ["to_device_id"], unique=False
    )
    op.create_table(
        "rate_limits",
        sa.Column("bucket", sa.String(length=64), nullable=False),
        sa.Column("scope", sa.String(length=50), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("window_ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("bucket"),
    )
    op.create_index("ix_rate_limits_scope_window", "rate_limits", ["scope", "window_ends_at"], unique=False)
    # Ownership checks read the creating device of every record a batch touches.
    op.create_index("ix_records_first_device_id", "records", ["first_device_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_records_first_device_id", table_name="records")
    op.drop_index("ix_rate_limits_scope_window", table_name="rate_limits")
    op.drop_table("rate_limits")
    op.drop_index(op.f("ix_device_handovers_to_device_id"), table_name="device_handovers")
    op.drop_table("device_handovers")

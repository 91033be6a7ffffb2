"""Event hubs and sealed files: the server's sealing key, each device's laptop identity, the origin of
relayed record versions, and a hub's relay progress (see sync/server/hub_models.py).

Revision ID: 0006_hub
Revises: 0005_openrosa
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_hub"
down_revision = "0005_openrosa"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "server_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("private_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("public_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "device_laptops",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("laptop_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("device_id"),
    )
    op.create_index(op.f("ix_device_laptops_laptop_id"), "device_laptops", ["laptop_id"])
    op.create_table(
        "record_origins",
        sa.Column("version_id", sa.String(length=36), nullable=False),
        sa.Column("origin_device", sa.String(length=36), nullable=False),
        sa.Column("origin_operator", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("version_id"),
    )
    op.create_index(op.f("ix_record_origins_origin_device"), "record_origins", ["origin_device"])
    op.create_table(
        "hub_relayed",
        sa.Column("version_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("relay_batch_id", sa.String(length=36), nullable=False),
        sa.Column("relayed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("version_id"),
    )
    op.create_table(
        "hub_relay_inflight",
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("version_ids", sa.Text(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("headers", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("batch_id"),
    )


def downgrade() -> None:
    op.drop_table("hub_relay_inflight")
    op.drop_table("hub_relayed")
    op.drop_index(op.f("ix_record_origins_origin_device"), table_name="record_origins")
    op.drop_table("record_origins")
    op.drop_index(op.f("ix_device_laptops_laptop_id"), table_name="device_laptops")
    op.drop_table("device_laptops")
    op.drop_table("server_keys")

"""One table for the files attached to records (issue 13): the desks' uploads join OpenRosa's.

``openrosa_attachments`` becomes ``record_attachments`` with two new columns: ``record_id`` (the record
the file belongs to, indexed: a later version naming the same file, erasure and export find it by
record) and ``device_id`` (the device or app user that sent the bytes). Rows kept before get their
record from ``record_versions``.

Revision ID: 0014_record_attachments
Revises: 0013_hub_send_backs
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_record_attachments"
down_revision = "0013_hub_send_backs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.rename_table("openrosa_attachments", "record_attachments")
    with op.batch_alter_table("record_attachments") as table:
        table.add_column(sa.Column("record_id", sa.String(length=36), nullable=True))
        table.add_column(sa.Column("device_id", sa.String(length=36), nullable=True))
    op.execute(
        "UPDATE record_attachments SET record_id = (SELECT v.record_id FROM record_versions v "
        "WHERE v.version_id = record_attachments.version_id)"
    )
    op.create_index("ix_record_attachments_record_id", "record_attachments", ["record_id"])


def downgrade() -> None:
    op.drop_index("ix_record_attachments_record_id", table_name="record_attachments")
    with op.batch_alter_table("record_attachments") as table:
        table.drop_column("device_id")
        table.drop_column("record_id")
    op.rename_table("record_attachments", "openrosa_attachments")

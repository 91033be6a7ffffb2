"""The registry counts persons, not records (issue 16): registry_people says which person a record was
linked to by duplicate detection and whether its row counts (one per person).

Every linked record is queued again, so the next registry page rebuilds its row and its counts.

Revision ID: 0011_registry_persons
Revises: 0010_hub_approvals
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_registry_persons"
down_revision = "0010_hub_approvals"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("registry_people") as batch:
        batch.add_column(sa.Column("person_id", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("counted", sa.Boolean(), nullable=False, server_default=sa.true()))
    op.create_index("ix_registry_people_person_id", "registry_people", ["person_id"])
    op.execute("INSERT INTO registry_dirty (record_id) SELECT record_id FROM dedup_person_members")


def downgrade() -> None:
    op.drop_index("ix_registry_people_person_id", table_name="registry_people")
    with op.batch_alter_table("registry_people") as batch:
        batch.drop_column("counted")
        batch.drop_column("person_id")

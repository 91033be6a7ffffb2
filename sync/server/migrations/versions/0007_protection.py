"""Data protection: erasure records, restrictions and retention per form.

Revision ID: 0007_protection
Revises: 0006_hub
Create Date: 2026-12-07
"""

from __future__ import annotations

revision = "0007_protection"
down_revision = "0006_hub"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

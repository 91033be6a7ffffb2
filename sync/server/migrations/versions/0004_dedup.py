"""Duplicate detection: candidate pairs, decisions, persons linking records.

Revision ID: 0004_dedup
Revises: 0003_registry
Create Date: 2026-12-07
"""

from __future__ import annotations

revision = "0004_dedup"
down_revision = "0003_registry"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

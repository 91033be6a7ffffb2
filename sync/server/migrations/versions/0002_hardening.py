"""Security hardening of the device API (ownership of records, bounded and audited input).

Revision ID: 0002_hardening
Revises: 0001_initial
Create Date: 2026-12-07
"""

from __future__ import annotations

revision = "0002_hardening"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

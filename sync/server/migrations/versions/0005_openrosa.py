"""OpenRosa: app users (ODK Collect / Enketo tokens), submissions and pending self-registrations.

Revision ID: 0005_openrosa
Revises: 0004_dedup
Create Date: 2026-12-07
"""

from __future__ import annotations

revision = "0005_openrosa"
down_revision = "0004_dedup"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

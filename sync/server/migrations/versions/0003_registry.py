"""The registry: staff accounts, sessions and the server's audit log.

Revision ID: 0003_registry
Revises: 0002_hardening
Create Date: 2026-12-07
"""

from __future__ import annotations

revision = "0003_registry"
down_revision = "0002_hardening"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

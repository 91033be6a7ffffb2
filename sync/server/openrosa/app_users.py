"""App users: the tokens ODK Collect and Enketo put in the URL (``/v1/openrosa/TOKEN/...``).

Only the SHA-256 of a token is kept (256 random bits: a plain hash is the right one). A token is shown
once, with a QR code of ODK Collect's settings, when the app user is made.
"""

from __future__ import annotations

import base64
import json
import uuid
import zlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from forms.errors import DeskError
from sync.server.auth import new_token, token_hash, utcnow
from sync.server.models import FormVersionRow, OpenRosaAppUserRow

ACTIVE, REVOKED = "active", "revoked"
MAX_TOKEN_CHARS = 200


@dataclass(frozen=True)
class AppUser:
    user_id: str
    name: str
    form_id: str | None
    status: str
    created_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "user_id": self.user_id,
            "name": self.name,
            "form_id": self.form_id,
            "status": self.status,
            "created_at": self.created_at.isoformat(timespec="seconds"),
        }


def _info(row: OpenRosaAppUserRow) -> AppUser:
    return AppUser(row.user_id, row.name, row.form_id, row.status, row.created_at)


def add_app_user(session: Session, name: str, form_id: str | None) -> tuple[AppUser, str]:
    """A new app user and its token (returned once; only its hash is stored)."""
    clean = " ".join(name.split())
    if not clean or len(clean) > 200:
        raise DeskError("An app user needs a name of 1 to 200 characters.", exit_code=2)
    if form_id is not None:
        published = session.scalar(
            select(FormVersionRow.id).where(FormVersionRow.form_id == form_id).limit(1)
        )
        if published is None:
            raise DeskError(f"No form {form_id!r} is published on this server.", exit_code=2)
    token = new_token()
    row = OpenRosaAppUserRow(
        user_id=str(uuid.uuid4()),
        name=clean,
        token_hash=token_hash("openrosa:" + token),
        form_id=form_id,
        status=ACTIVE,
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    return _info(row), token


def list_app_users(session: Session) -> list[AppUser]:
    rows = session.scalars(select(OpenRosaAppUserRow).order_by(OpenRosaAppUserRow.created_at))
    return [_info(row) for row in rows]


def revoke_app_user(session: Session, user_id: str) -> AppUser:
    row = session.get(OpenRosaAppUserRow, user_id.strip())
    if row is None:
        raise DeskError(f"There is no app user {user_id.strip()!r}.", exit_code=2)
    if row.status != REVOKED:
        row.status = REVOKED
        row.revoked_at = utcnow()
    return _info(row)


def find_by_token(session: Session, token: str) -> AppUser | None:
    if not token or len(token) > MAX_TOKEN_CHARS:
        return None
    row = session.scalar(
        select(OpenRosaAppUserRow).where(OpenRosaAppUserRow.token_hash == token_hash("openrosa:" + token))
    )
    return _info(row) if row is not None else None


def collect_server_url(server_url: str, token: str) -> str:
    """The address ODK Collect is given: it appends /formList and /submission itself."""
    return f"{server_url.rstrip('/')}/v1/openrosa/{token}"


def collect_settings_payload(server_url: str, token: str, project_name: str) -> str:
    """ODK Collect's QR code content: its settings JSON, zlib-compressed, then base64 (as Collect reads)."""
    settings = {
        "general": {
            "server_url": collect_server_url(server_url, token),
            "form_update_mode": "match_exactly",
            "autosend": "wifi_and_cellular",
        },
        "admin": {},
        "project": {"name": project_name, "icon": "D", "color": "#1f6f43"},
    }
    compressed = zlib.compress(json.dumps(settings, separators=(",", ":")).encode("utf-8"))
    return base64.b64encode(compressed).decode("ascii")

"""Secrets the server hands out and how it recognises them again: only SHA-256 hashes are stored.

Device credentials and admin tokens are 256-bit random tokens, so a plain SHA-256 is the right hash
(nothing to brute-force; a slow KDF would only slow every request). Enrolment codes are shorter so a
person can read them aloud; they are one-time and expire within hours.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sync.server.models import DeviceRow, EnrollmentCodeRow

log = logging.getLogger("sync.server.auth")

# Crockford's base32 without I, L, O, U: no letters that read like digits or each other.
_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_GROUPS = 4
_CODE_GROUP_LEN = 4  # 16 symbols = 80 bits

DEVICE_ACTIVE = "active"
DEVICE_REVOKED = "revoked"
DEVICE_LOST = "lost"


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_token() -> str:
    """A 256-bit random credential, URL-safe."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_enrollment_code() -> str:
    symbols = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(_CODE_GROUPS * _CODE_GROUP_LEN))
    return "-".join(symbols[i : i + _CODE_GROUP_LEN] for i in range(0, len(symbols), _CODE_GROUP_LEN))


def normalise_code(code: str) -> str:
    """Accept what a person types: any case, spaces or dashes, O for 0, I/L for 1."""
    cleaned = code.upper().replace("O", "0").replace("I", "1").replace("L", "1")
    symbols = "".join(ch for ch in cleaned if ch in _CODE_ALPHABET)
    return "-".join(symbols[i : i + _CODE_GROUP_LEN] for i in range(0, len(symbols), _CODE_GROUP_LEN))


def code_hash(code: str) -> str:
    return token_hash("enrollment:" + normalise_code(code))


def as_utc(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes even for timezone-aware columns; they were written in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def create_enrollment_code(session: Session, label: str, expires_hours: float) -> tuple[str, datetime]:
    code = new_enrollment_code()
    now = utcnow()
    expires_at = now + timedelta(hours=expires_hours)
    session.add(
        EnrollmentCodeRow(code_hash=code_hash(code), label=label, created_at=now, expires_at=expires_at)
    )
    return code, expires_at


def redeem_enrollment_code(session: Session, code: str) -> EnrollmentCodeRow | None:
    """Mark the code used, atomically; None if it is unknown, used or expired (the caller refuses)."""
    hashed = code_hash(code)
    row = session.get(EnrollmentCodeRow, hashed, with_for_update=True)
    now = utcnow()
    if row is None or row.used_at is not None or as_utc(row.expires_at) <= now:
        return None
    # The conditional UPDATE is what makes the code one-time even when two laptops race with it.
    claimed = session.execute(
        update(EnrollmentCodeRow)
        .where(EnrollmentCodeRow.code_hash == hashed, EnrollmentCodeRow.used_at.is_(None))
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        return None
    return row


def enrolled_device_id(session: Session, proposed: str | None) -> str:
    """The id a new enrolment gets: the laptop's own id (`proposed`, its store's device id) when no device
    of this server has it yet, else a new one, which the desk then adopts (sync/client/enrollment.py).

    A known id is never given again, whatever its status: device ids are not secret (exports name them),
    so re-keying one would hand its records to anyone holding an enrolment code. A desk enrolling again
    here therefore becomes a new device, exactly as before the id was one, and changes its earlier
    records after `diaspora-server device hand-over` (docs/architecture.md, "The device id").
    """
    if proposed is not None and session.get(DeviceRow, proposed) is None:
        return proposed
    return str(uuid.uuid4())


@dataclass(frozen=True)
class AuthenticatedDevice:
    device_id: str
    status: str
    public_key: bytes


def find_device_by_credential(session: Session, credential: str) -> AuthenticatedDevice | None:
    row = session.execute(
        select(DeviceRow.device_id, DeviceRow.status, DeviceRow.public_key).where(
            DeviceRow.credential_hash == token_hash(credential)
        )
    ).first()
    if row is None:
        return None
    return AuthenticatedDevice(device_id=row.device_id, status=row.status, public_key=bytes(row.public_key))


def bearer_token(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    token = token.strip()
    if not hmac.compare_digest(scheme.lower(), "bearer") or not token or len(token) > 200:
        return None
    return token

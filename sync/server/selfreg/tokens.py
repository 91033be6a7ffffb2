"""The two small secrets of the self-registration pages, with no table of their own.

* CSRF: a double-submit token (a random cookie scoped to ``/register`` that the form repeats in a
  hidden field), as the registry's login page does: the pages have no session.
* The confirmation step: the page carries ``record_id.expiry.mac`` where the mac is an HMAC over the
  record id, the expiry and the 6-digit code e-mailed to the person. The server keeps no code: a typed
  code is checked by recomputing the mac. The HMAC key is derived (with its own label) from the
  server's private key kept in the database, so every worker and a restarted server agree, and a
  visitor holding the token cannot test codes offline.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from sync.server.sealing_key import sealing_key

CODE_DIGITS = 6
CODE_MINUTES = 30
_LABEL = b"diaspora-desk selfreg confirmation v1\x00"
_TOKEN = re.compile(r"^([0-9a-f-]{36})\.(\d{10})\.([0-9a-f]{64})$")


def new_csrf() -> str:
    return secrets.token_urlsafe(24)


def csrf_matches(sent: str, expected: str) -> bool:
    return bool(sent) and bool(expected) and hmac.compare_digest(sent.encode(), expected.encode())


def new_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def confirmation_key(factory: sessionmaker[Session]) -> bytes:
    private = sealing_key(factory).private_bytes_raw()
    return hashlib.sha256(_LABEL + private).digest()


def _mac(key: bytes, record_id: str, expires: int, code: str) -> str:
    return hmac.new(key, f"{record_id}|{expires}|{code}".encode(), hashlib.sha256).hexdigest()


def confirmation_token(key: bytes, record_id: str, code: str, *, now: float | None = None) -> str:
    expires = int((now or time.time()) + CODE_MINUTES * 60)
    return f"{record_id}.{expires:010d}.{_mac(key, record_id, expires, code)}"


@dataclass(frozen=True)
class Checked:
    record_id: str | None  # the record the token names (None: not a token at all)
    valid: bool  # the typed code is the one e-mailed, and in time


def check(key: bytes, token: str, typed_code: str, *, now: float | None = None) -> Checked:
    match = _TOKEN.match(token.strip()[:200])
    if match is None:
        return Checked(None, False)
    record_id, expires = match.group(1), int(match.group(2))
    code = re.sub(r"\s", "", typed_code)[:20]
    if not re.fullmatch(rf"\d{{{CODE_DIGITS}}}", code) or (now or time.time()) > expires:
        return Checked(record_id, False)
    return Checked(record_id, hmac.compare_digest(_mac(key, record_id, expires, code), match.group(3)))

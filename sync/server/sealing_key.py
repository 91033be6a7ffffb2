"""The server's X25519 sealing key: made once (at `init` or on first use), kept in the database.

Laptops learn its public half at enrolment (or from GET /v1/sealing-key) and encrypt sealed batch
files to it (sync/sealed.py); only this server can open them.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from sync import sealed
from sync.server.auth import utcnow
from sync.server.hub_models import ServerKeyRow

_ROW = 1


def sealing_key(factory: sessionmaker[Session]) -> X25519PrivateKey:
    """The key pair, made on first use (two workers racing: the loser reads the winner's row)."""
    for _ in range(3):
        with factory() as session:
            row = session.get(ServerKeyRow, _ROW)
            if row is not None:
                return X25519PrivateKey.from_private_bytes(bytes(row.private_key))
        key = sealed.new_sealing_key()
        try:
            with factory() as session, session.begin():
                session.add(
                    ServerKeyRow(
                        id=_ROW,
                        private_key=key.private_bytes_raw(),
                        public_key=sealed.sealing_public_bytes(key),
                        created_at=utcnow(),
                    )
                )
            return key
        except IntegrityError:
            continue
    raise RuntimeError("the server's sealing key could not be made")


def sealing_public_key(factory: sessionmaker[Session]) -> bytes:
    return sealed.sealing_public_bytes(sealing_key(factory))

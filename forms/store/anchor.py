"""The rollback anchor: the newest audit entry (number and hash), kept outside the database.

A store can lose its newest commits without any page failing its check: the ``-wal`` file deleted after
a crash, or ``store.db`` replaced by an older copy. Both leave a consistent, older database whose audit
chain is intact, so ``verify_chain`` alone sees nothing. The anchor remembers how far the chain went:

- ``anchor.json``, overwritten in place after every committed transaction that appended to the audit log
  (no fsync, no rename; losing it in a power cut only makes the anchor older, never newer than the
  database, whose commit was fsync'd first), sealed with an HMAC under a key derived from the data key;
- the ``anchor`` field of ``keys.json`` (sealed with the key file, ``forms.store.keyfile``), written with
  fsync at each checkpoint, close and lock. Deleting ``anchor.json`` therefore only falls back to the
  last close; replacing or editing ``keys.json`` breaks its seal.

At unlock and in ``verify`` the newest of the two must be in the database: an entry number beyond the
newest entry, or the same number with another hash, means the store is older than it was.

Not covered here: a copy of ``store.db`` put back together with the ``keys.json`` of the same moment (a
consistent older pair). The server's record of the newest audit hash at each sync is what catches that.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from pathlib import Path
from typing import Any

from .atomic import atomic_write_bytes
from .keyfile import Anchor

ANCHOR_FILE = "anchor.json"
ANCHOR_FORMAT = "diaspora-desk-anchor"
RECORD_SIZE = 512  # every write has this length, so an in-place overwrite never leaves a stale tail


def anchor_path(data_dir: Path) -> Path:
    return data_dir / ANCHOR_FILE


def _document(store_id: str, anchor: Anchor) -> dict[str, Any]:
    return {"format": ANCHOR_FORMAT, "store_id": store_id, **anchor.to_json()}


def _mac(mac_key: bytes, document: dict[str, Any]) -> str:
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hmac.new(mac_key, canonical, hashlib.sha256).hexdigest()


def write(data_dir: Path, store_id: str, mac_key: bytes, anchor: Anchor, *, durable: bool = False) -> None:
    """``durable``: temp file, fsync, rename (checkpoint, close, lock). Otherwise (after each commit) the
    same fixed-size record is overwritten in place, without fsync or rename: a rename over an existing
    file makes ext4 flush it, which measured 3-4 ms per save. A torn write fails the MAC and reads as no
    anchor.json at all, so the fallback is the anchor of keys.json, never a false alarm."""
    document = _document(store_id, anchor)
    data = json.dumps({**document, "mac": _mac(mac_key, document)}).encode("utf-8").ljust(RECORD_SIZE)
    path = anchor_path(data_dir)
    if durable:
        atomic_write_bytes(path, data)
        return
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    try:
        os.pwrite(fd, data, 0) if hasattr(os, "pwrite") else os.write(fd, data)
    finally:
        os.close(fd)


def read(data_dir: Path, store_id: str, mac_key: bytes) -> Anchor | None:
    """The anchor in anchor.json, or None when it is missing, damaged, forged or of another store."""
    try:
        document = json.loads(anchor_path(data_dir).read_bytes().decode("utf-8"))
        mac = document.pop("mac")
        if not isinstance(mac, str) or not hmac.compare_digest(mac, _mac(mac_key, document)):
            return None
        if document.get("format") != ANCHOR_FORMAT or document.get("store_id") != store_id:
            return None
        return Anchor.from_json(document)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        return None


def newest(*anchors: Anchor | None) -> Anchor | None:
    present = [anchor for anchor in anchors if anchor is not None]
    return max(present, key=lambda anchor: anchor.seq) if present else None


def head(db: Any) -> Anchor | None:
    """The newest audit entry of a DBAPI connection (or None for an empty log)."""
    row = db.execute("SELECT seq, entry_hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return Anchor(int(row[0]), str(row[1])) if row else None


def behind(db: Any, anchor: Anchor | None) -> str | None:
    """How the database falls short of ``anchor``, in words; None when it holds the anchored entry."""
    if anchor is None or anchor.seq == 0:
        return None
    newest_entry = head(db)
    found = newest_entry.seq if newest_entry else 0
    if found < anchor.seq:
        return (
            f"the store is older than when it was last used: audit entries {found + 1} to {anchor.seq} are "
            "missing, so the newest changes were lost (a journal file deleted after a crash, or store.db "
            "replaced by an older copy)"
        )
    row = db.execute("SELECT entry_hash FROM audit WHERE seq = ?", (anchor.seq,)).fetchone()
    if row is None or not hmac.compare_digest(str(row[0]), anchor.hash):
        return (
            f"the store's history differs from the one last used at audit entry {anchor.seq} "
            "(store.db was replaced by another copy)"
        )
    return None

"""The key file: the random data key, wrapped once per operator and once under the recovery code.

``keys.json`` holds one wrap per operator (Argon2id of the passphrase -> AES-256-GCM). ``recovery.json``
holds the wrap under the recovery code, in its own file so that a damaged ``keys.json`` can still be
rebuilt with the code. The format version, the store id, the purpose, the operator's name and role and
the KDF parameters are the AEAD associated data: editing any of them (a downgrade of the KDF, a clerk
turned supervisor) makes the unwrap fail. Both files are written atomically and hold no personal data.

Three checks, in this order (docs/security.md, "Laptop store"):

1. ``digest``: SHA-256 of the whole document, checked before any key derivation runs. A damaged file
   (a flipped byte, a truncation) is ``CorruptKeyFileError``, never "the passphrase is wrong", and never
   counts toward the lockout.
2. Every KDF parameter set is bounded (``kdf.check_bounds``) before it is used: a wrap asking for 64 GiB
   or 2^31 passes, or below the floor, is refused as damaged or altered.
3. ``seal``: HMAC-SHA256 of the document under a key derived from the data key, checked as soon as the
   data key is unwrapped. It binds what no AEAD covers: the top-level ``kdf`` used for every new wrap
   (so it cannot be downgraded for the next ``operator passwd``), the operator list and the rollback
   ``anchor`` (the newest audit entry, ``forms.store.anchor``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from filelock import FileLock

from .atomic import atomic_write_bytes
from .errors import CorruptKeyFileError, TamperedKeyFileError, WrongPassphraseError
from .kdf import KdfParams, KdfParamsError, check_bounds, derive

KEYS_FILE = "keys.json"
KEYS_LOCK_FILE = "keys.lock"
RECOVERY_FILE = "recovery.json"
KEYS_FORMAT = "diaspora-desk-keys"
RECOVERY_FORMAT = "diaspora-desk-recovery"
FORMAT_VERSION = 1  # of the wraps' associated data (unchanged since the first release)
KEYS_VERSION = 2  # of keys.json: 2 adds digest, seal and anchor; 1 is read and upgraded at unlock
ROLES = ("clerk", "supervisor")
LOCK_TIMEOUT_SECONDS = 60.0


def _canonical(document: dict[str, Any]) -> bytes:
    return json.dumps(document, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _digest(document: dict[str, Any]) -> str:
    return hashlib.sha256(_canonical(document)).hexdigest()


def subkey(data_key: bytes, purpose: str, store_id: str) -> bytes:
    """A 256-bit key for one purpose (the key file's seal, the anchor), derived from the data key."""
    info = f"diaspora-desk {purpose} {store_id}".encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(data_key)


def _damaged(path: Path) -> CorruptKeyFileError:
    return CorruptKeyFileError(
        f"The key file {path} is damaged; run `diaspora-desk recover` with the recovery code to rebuild it."
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass
class Wrap:
    """One copy of the data key, sealed under a key derived from a secret."""

    kdf: KdfParams
    salt: bytes
    nonce: bytes
    sealed: bytes

    def to_json(self) -> dict[str, Any]:
        return {
            "kdf": self.kdf.to_json(),
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "sealed": _b64(self.sealed),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Wrap:
        return cls(
            KdfParams.from_json(data["kdf"]),
            _unb64(data["salt"]),
            _unb64(data["nonce"]),
            _unb64(data["sealed"]),
        )


def _aad(store_id: str, purpose: str, kdf: KdfParams, extra: dict[str, str]) -> bytes:
    bound = {
        "version": FORMAT_VERSION,
        "store_id": store_id,
        "purpose": purpose,
        "kdf": kdf.to_json(),
        **extra,
    }
    return json.dumps(bound, sort_keys=True, separators=(",", ":")).encode("utf-8")


def seal(secret: bytes, data_key: bytes, kdf: KdfParams, aad: bytes) -> Wrap:
    check_bounds(kdf)  # never a new wrap under the floor, whatever the key file asked for
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    wrapping_key = derive(secret, salt, kdf)
    return Wrap(kdf, salt, nonce, AESGCM(wrapping_key).encrypt(nonce, data_key, aad))


def unseal(secret: bytes, wrap: Wrap, aad: bytes) -> bytes:
    wrapping_key = derive(secret, wrap.salt, wrap.kdf)
    try:
        return AESGCM(wrapping_key).decrypt(wrap.nonce, wrap.sealed, aad)
    except InvalidTag:
        raise WrongPassphraseError("The passphrase is wrong.") from None


@dataclass
class OperatorEntry:
    name: str
    role: str
    created_at: str
    wrap: Wrap

    def aad(self, store_id: str) -> bytes:
        return _aad(store_id, "operator", self.wrap.kdf, {"name": self.name, "role": self.role})


@dataclass(frozen=True)
class Anchor:
    """The newest audit entry known outside the database: its number and hash."""

    seq: int
    hash: str

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "hash": self.hash}

    @classmethod
    def from_json(cls, data: Any) -> Anchor | None:
        if data is None:
            return None
        seq, digest = data["seq"], data["hash"]
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0 or not isinstance(digest, str):
            raise ValueError("bad anchor")
        return cls(seq, digest)


@dataclass
class KeyFile:
    store_id: str
    kdf: KdfParams  # the parameters calibrated at creation, used for every new wrap
    operators: list[OperatorEntry] = field(default_factory=list)
    anchor: Anchor | None = None
    seal: str = ""  # HMAC of the document under the data key; "" in a version-1 file
    legacy: bool = False  # read from a version-1 file (no digest, no seal): upgraded at unlock

    def find(self, name: str) -> OperatorEntry | None:
        wanted = name.casefold()
        return next((entry for entry in self.operators if entry.name.casefold() == wanted), None)

    def add_operator(self, name: str, role: str, passphrase: str, data_key: bytes) -> OperatorEntry:
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}")
        entry = OperatorEntry(
            name, role, datetime.now(UTC).isoformat(timespec="seconds"), Wrap(self.kdf, b"", b"", b"")
        )
        entry.wrap = seal(passphrase.encode("utf-8"), data_key, self.kdf, entry.aad(self.store_id))
        self.operators = [
            existing for existing in self.operators if existing.name.casefold() != name.casefold()
        ]
        self.operators.append(entry)
        return entry

    def unwrap(self, entry: OperatorEntry, passphrase: str) -> bytes:
        return unseal(passphrase.encode("utf-8"), entry.wrap, entry.aad(self.store_id))

    def _body(self) -> dict[str, Any]:
        return {
            "format": KEYS_FORMAT,
            "version": KEYS_VERSION,
            "store_id": self.store_id,
            "kdf": self.kdf.to_json(),
            "anchor": self.anchor.to_json() if self.anchor else None,
            "operators": [
                {"name": e.name, "role": e.role, "created_at": e.created_at, **e.wrap.to_json()}
                for e in self.operators
            ],
        }

    def _seal_of(self, data_key: bytes) -> str:
        mac = hmac.new(subkey(data_key, "keys.json seal", self.store_id), _canonical(self._body()), "sha256")
        return mac.hexdigest()

    def check_seal(self, data_key: bytes, path: Path) -> None:
        """``TamperedKeyFileError`` when the document was edited by anything but this app (the top-level
        KDF, the operator list, the anchor). A version-1 file has no seal: it is sealed on its next save."""
        if self.legacy:
            return
        if not hmac.compare_digest(self.seal, self._seal_of(data_key)):
            raise TamperedKeyFileError(
                f"The key file {path} was changed outside Diaspora Desk (its seal does not match); "
                "run `diaspora-desk recover` with the recovery code to rebuild it, and tell your supervisor."
            )

    def to_bytes(self, data_key: bytes) -> bytes:
        document = {**self._body(), "seal": self._seal_of(data_key)}
        document["digest"] = _digest(document)
        return json.dumps(document, indent=1).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyFile:
        document = json.loads(data.decode("utf-8"))
        if not isinstance(document, dict) or document.get("format") != KEYS_FORMAT:
            raise ValueError("not a key file")
        version = document.get("version")
        if version == KEYS_VERSION:
            # Damage first, before any field is trusted or any key derived.
            digest = document.pop("digest", None)
            if not isinstance(digest, str) or not hmac.compare_digest(digest, _digest(document)):
                raise ValueError("the key file's digest does not match")
        elif version != 1:
            raise ValueError("unknown key file version")
        operators = [
            OperatorEntry(str(item["name"]), str(item["role"]), str(item["created_at"]), Wrap.from_json(item))
            for item in document["operators"]
        ]
        if not operators or any(entry.role not in ROLES for entry in operators):
            raise ValueError("key file without a valid operator")
        return cls(
            str(document["store_id"]),
            KdfParams.from_json(document["kdf"]),
            operators,
            anchor=Anchor.from_json(document.get("anchor")),
            seal=str(document.get("seal", "")),
            legacy=version == 1,
        )

    def upgrade_legacy(self, unwrapped: OperatorEntry) -> None:
        """A version-1 file's top-level KDF was never authenticated: take the parameters of the wrap
        that just opened (bound into its AEAD) when they are stronger."""
        if self.legacy:
            self.kdf = unwrapped.wrap.kdf


def keys_path(data_dir: Path) -> Path:
    return data_dir / KEYS_FILE


def recovery_path(data_dir: Path) -> Path:
    return data_dir / RECOVERY_FILE


def load_keys(data_dir: Path) -> KeyFile:
    """The parsed key file; damage (digest, bounds, syntax) is ``CorruptKeyFileError`` before any KDF."""
    path = keys_path(data_dir)
    try:
        return KeyFile.from_bytes(path.read_bytes())
    except FileNotFoundError:
        raise
    except KdfParamsError:
        raise CorruptKeyFileError(
            f"The key file {path} asks for key-derivation settings outside the allowed range "
            "(it was damaged or altered); run `diaspora-desk recover` with the recovery code to rebuild it."
        ) from None
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError):
        raise _damaged(path) from None


def save_keys(data_dir: Path, keys: KeyFile, data_key: bytes) -> None:
    """Sealed under ``data_key`` and written atomically. Call under ``keys_lock`` when read-modify-write."""
    atomic_write_bytes(keys_path(data_dir), keys.to_bytes(data_key))
    keys.seal, keys.legacy = keys._seal_of(data_key), False


def keys_lock(data_dir: Path) -> FileLock:
    """Serialises read-modify-write of keys.json between processes (the app and the command line)."""
    return FileLock(data_dir / KEYS_LOCK_FILE, timeout=LOCK_TIMEOUT_SECONDS)


# --- the recovery code ------------------------------------------------------------------------------

_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U: read aloud and typed from paper


def new_recovery_code() -> str:
    """30 characters from a 30-symbol alphabet: 147 bits, shown as six groups of five."""
    symbols = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(30))
    return "-".join(symbols[i : i + 5] for i in range(0, 30, 5))


def normalize_recovery_code(code: str) -> str:
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    return "-".join(cleaned[i : i + 5] for i in range(0, len(cleaned), 5))


def write_recovery(data_dir: Path, store_id: str, code: str, data_key: bytes, kdf: KdfParams) -> None:
    wrap = seal(
        normalize_recovery_code(code).encode("ascii"), data_key, kdf, _aad(store_id, "recovery", kdf, {})
    )
    document = {"format": RECOVERY_FORMAT, "version": FORMAT_VERSION, "store_id": store_id, **wrap.to_json()}
    document["digest"] = _digest(document)  # damage is told from a wrong code before any KDF runs
    atomic_write_bytes(recovery_path(data_dir), json.dumps(document, indent=1).encode("utf-8"))


def unwrap_recovery(data_dir: Path, code: str) -> tuple[str, KdfParams, bytes]:
    """(store id, KDF parameters, data key) from the recovery code; ``WrongPassphraseError`` if wrong."""
    path = recovery_path(data_dir)
    try:
        document = json.loads(path.read_bytes().decode("utf-8"))
        if document.get("format") != RECOVERY_FORMAT or document.get("version") != FORMAT_VERSION:
            raise ValueError("not a recovery file")
        digest = document.pop("digest", None)  # absent from files written before it existed
        if digest is not None and not hmac.compare_digest(str(digest), _digest(document)):
            raise ValueError("the recovery file's digest does not match")
        store_id = str(document["store_id"])
        wrap = Wrap.from_json(document)
    except FileNotFoundError:
        raise CorruptKeyFileError(
            f"The recovery file {path} is missing; the recovery code cannot be used."
        ) from None
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError):  # KdfParamsError too
        raise CorruptKeyFileError(
            f"The recovery file {path} is damaged; the recovery code cannot be used."
        ) from None
    try:
        key = unseal(
            normalize_recovery_code(code).encode("ascii"), wrap, _aad(store_id, "recovery", wrap.kdf, {})
        )
    except (WrongPassphraseError, UnicodeEncodeError):
        raise WrongPassphraseError("The recovery code is wrong.") from None
    return store_id, wrap.kdf, key


def new_data_key() -> bytes:
    return os.urandom(32)

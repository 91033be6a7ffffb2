"""Read what a SQLCipher 4 file really holds, page by page: every page of the database and every frame of
its WAL decrypted with the raw key (AES-256-CBC, 4096-byte pages, 80 reserved bytes: IV then HMAC).

Live rows, deleted cells that were not zeroed, freed pages and stale WAL frames all show up here, which a
query through SQLite never shows. The tests use it to prove an erased value left no trace, and as the
control that finds the value before the erasure (so the scan can fail).
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80  # IV (16) + HMAC-SHA512 (64)
SALT = 16
WAL_HEADER, FRAME_HEADER = 32, 24


def _decrypt_page(page: bytes, key: bytes, first: bool) -> bytes:
    if len(page) < PAGE:
        return b""
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    start = SALT if first else 0
    body = page[start : PAGE - RESERVE]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


def decrypted_pages(database: Path, key: bytes) -> list[bytes]:
    """Every page of the file and of its -wal, decrypted (ciphertext of a foreign key decrypts to noise)."""
    pages: list[bytes] = []
    if database.exists():
        data = database.read_bytes()
        for number, offset in enumerate(range(0, len(data), PAGE), start=1):
            pages.append(_decrypt_page(data[offset : offset + PAGE], key, number == 1))
    wal = database.with_name(database.name + "-wal")
    if wal.exists():
        data = wal.read_bytes()
        offset = WAL_HEADER
        while offset + FRAME_HEADER + PAGE <= len(data):
            number = int.from_bytes(data[offset : offset + 4], "big")
            frame = data[offset + FRAME_HEADER : offset + FRAME_HEADER + PAGE]
            pages.append(_decrypt_page(frame, key, number == 1))
            offset += FRAME_HEADER + PAGE
    return pages


def hits(database: Path, key: bytes, canaries: list[str]) -> dict[str, int]:
    """How many decrypted pages hold each canary (case-insensitive, UTF-8)."""
    pages = [page.lower() for page in decrypted_pages(database, key)]
    return {canary: sum(canary.lower().encode() in page for page in pages) for canary in canaries}


def raw_hits(folder: Path, canaries: list[str]) -> dict[str, int]:
    """Every byte of every file under ``folder`` as stored (database, WAL, logs, anything else)."""
    found = dict.fromkeys(canaries, 0)
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes().lower()
            for canary in canaries:
                found[canary] += data.count(canary.lower().encode())
    return found

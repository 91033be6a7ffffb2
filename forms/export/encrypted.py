"""Password-protected XLSX (ECMA-376 Agile Encryption, AES-256, what Excel itself writes) with
msoffcrypto-tool. The plaintext workbook exists only in memory: it is built into a BytesIO,
encrypted from there, and only the encrypted bytes are written to disk."""

from __future__ import annotations

import io
from typing import IO

from msoffcrypto.format.ooxml import OOXMLFile

from forms.errors import DeskError

MIN_PASSWORD_LENGTH = 8


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise DeskError(
            f"the export password is too short: use at least {MIN_PASSWORD_LENGTH} characters", exit_code=2
        )


def encrypt_xlsx_to(plain: bytes | IO[bytes], password: str, target: IO[bytes]) -> None:
    """Write to ``target`` the OLE compound file Excel opens after asking for ``password``.

    ``plain`` is the XLSX (bytes, or a file object over them: saves a copy of a large workbook).
    """
    check_password(password)
    source = io.BytesIO(plain) if isinstance(plain, bytes) else plain
    source.seek(0)
    OOXMLFile(source).encrypt(password, target)


def encrypt_xlsx(plain: bytes | IO[bytes], password: str) -> bytes:
    encrypted = io.BytesIO()
    encrypt_xlsx_to(plain, password, encrypted)
    return encrypted.getvalue()


def decrypt_xlsx(encrypted: bytes, password: str) -> bytes:
    """For checks and tests: the plain XLSX bytes; a wrong password raises ``DeskError``."""
    import msoffcrypto.exceptions

    office = OOXMLFile(io.BytesIO(encrypted))
    try:
        office.load_key(password=password, verify_password=True)
        plain = io.BytesIO()
        office.decrypt(plain)
    except (msoffcrypto.exceptions.InvalidKeyError, msoffcrypto.exceptions.DecryptionError):
        raise DeskError("the password does not open this export") from None
    return plain.getvalue()

"""Files attached to answers (image, signature, audio, video and file questions), kept inside the
encrypted store: never a plaintext file on disk.

An attachment answer holds the file's name, as an ODK instance does; the bytes are a row of the
``attachments`` table, named by their SHA-256 (``<first 20 hex digits>.<extension>``). The name a file had on
the clerk's disk is never kept: it often carries the person's name (``passport_Jane_Doe.jpg``). The same
bytes attached twice are one row. Each kind of question takes its own file types, checked by their first
bytes where they have a signature, and at most ``MAX_ATTACHMENT_BYTES``; anything else is refused in one
sentence (``AttachmentError``).

Exporting writes the files of the exported records to a folder the person chose (``export_files``),
beside the workbook: a deliberate act, like the export itself.

Schema step 5 (forms.store.migrate) creates the table (explicit DDL).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from forms.errors import DeskError

from ._session import StoreOrSession, operator_of, transaction, utc_now

ATTACHMENTS_DDL = """
    CREATE TABLE IF NOT EXISTS attachments (
        name VARCHAR(40) NOT NULL PRIMARY KEY,
        media_type VARCHAR(100) NOT NULL,
        size INTEGER NOT NULL,
        content BLOB NOT NULL,
        added_at VARCHAR(40) NOT NULL,
        added_by VARCHAR(64)
    )
"""


def create_attachments_table(connection: Connection) -> None:
    connection.execute(text(ATTACHMENTS_DDL))


# The one bound of an attached file: the desk refuses more, sync's protocol (sync.protocol) and the server's
# upload route take it from here. tests/forms/store/test_attachment_rules.py fails on a second definition.
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENT_MB = MAX_ATTACHMENT_BYTES // (1024 * 1024)

# extension -> (media type, signatures at offset 0 (any matches; empty: not checked))
_JPEG, _PNG = (b"\xff\xd8\xff",), (b"\x89PNG\r\n\x1a\n",)
_TYPES: dict[str, dict[str, tuple[str, tuple[bytes, ...]]]] = {
    "image": {
        "jpg": ("image/jpeg", _JPEG), "jpeg": ("image/jpeg", _JPEG), "png": ("image/png", _PNG),
        "gif": ("image/gif", (b"GIF87a", b"GIF89a")), "bmp": ("image/bmp", (b"BM",)),
        "webp": ("image/webp", (b"RIFF",)),
    },
    "audio": {
        "mp3": ("audio/mpeg", (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2")), "m4a": ("audio/mp4", ()),
        "ogg": ("audio/ogg", (b"OggS",)), "wav": ("audio/wav", (b"RIFF",)), "amr": ("audio/amr", (b"#!AMR",)),
        "aac": ("audio/aac", ()),
    },
    "video": {
        "mp4": ("video/mp4", ()), "3gp": ("video/3gpp", ()), "webm": ("video/webm", (b"\x1a\x45\xdf\xa3",)),
        "mov": ("video/quicktime", ()),
    },
}  # fmt: skip
_TYPES["file"] = {
    **_TYPES["image"],
    "pdf": ("application/pdf", (b"%PDF",)),
    "txt": ("text/plain", ()),
    "csv": ("text/csv", ()),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (b"PK\x03\x04",)),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
    "odt": ("application/vnd.oasis.opendocument.text", (b"PK\x03\x04",)),
    "doc": ("application/msword", (b"\xd0\xcf\x11\xe0",)),
}
# A stored name: its content address (the first ADDRESS_DIGITS hex digits of the SHA-256 of its bytes),
# a dot and an extension. The one rule: the sync client and the server use these helpers.
ADDRESS_DIGITS = 20
NAME_PATTERN = rf"[0-9a-f]{{{ADDRESS_DIGITS}}}\.[a-z0-9]{{1,5}}"
_NAME = re.compile(NAME_PATTERN)


class AttachmentError(DeskError):
    """A file that cannot be attached: too large, empty, or not of a type the question takes."""


@dataclass(frozen=True)
class Attachment:
    name: str
    media_type: str
    content: bytes


def accepted_extensions(kind: str) -> list[str]:
    """The file extensions a question of ``kind`` (image, audio, video, file) takes."""
    return sorted(_TYPES.get(kind, _TYPES["file"]))


def check_attachment(kind: str, filename: str, content: bytes) -> tuple[str, str]:
    """(name to keep it under, media type) for a file given to a ``kind`` question; AttachmentError
    (one sentence, the file's name only) when it is too large, empty or of the wrong type."""
    shown = Path(filename).name[:80]
    if len(content) > MAX_ATTACHMENT_BYTES:
        raise AttachmentError(
            f"The file '{shown}' is {len(content) / (1024 * 1024):.1f} MB: an attachment may be at most "
            f"{MAX_ATTACHMENT_MB} MB. Attach a smaller copy (a photo at a lower resolution, say)."
        )
    if not content:
        raise AttachmentError(f"The file '{shown}' is empty.")
    types = _TYPES.get(kind, _TYPES["file"])
    extension = Path(filename).suffix.lower().lstrip(".")
    if extension not in types:
        raise AttachmentError(
            f"The file '{shown}' cannot be attached to this question: it takes "
            + ", ".join(f".{e}" for e in sorted(types))
            + " files."
        )
    media_type, signatures = types[extension]
    if signatures and not content.startswith(signatures):
        raise AttachmentError(
            f"The file '{shown}' is not really a .{extension} file: its content is of another type."
        )
    name = stored_name(content, "jpg" if extension == "jpeg" else extension)
    return name, media_type


def stored_name(content: bytes, extension: str) -> str:
    """The name ``content`` is kept under: its content address, a dot, ``extension``."""
    return f"{hashlib.sha256(content).hexdigest()[:ADDRESS_DIGITS]}.{extension}"


def name_matches_digest(name: str, sha256_hex: str) -> bool:
    """Whether the bytes whose SHA-256 (hex) is ``sha256_hex`` are the ones a stored ``name`` names."""
    return is_attachment_name(name) and name.startswith(sha256_hex[:ADDRESS_DIGITS].lower() + ".")


def name_matches(name: str, content: bytes) -> bool:
    """Whether ``content`` is the file a stored ``name`` names (unchanged since it was named)."""
    return name_matches_digest(name, hashlib.sha256(content).hexdigest())


def is_attachment_name(name: object) -> bool:
    return isinstance(name, str) and bool(_NAME.fullmatch(name))


def put_attachment(target: StoreOrSession, kind: str, filename: str, content: bytes) -> str:
    """Checks and keeps a file; returns the name the answer holds (the same bytes: the same name)."""
    name, media_type = check_attachment(kind, filename, content)
    with transaction(target) as session:
        exists = session.execute(text("SELECT 1 FROM attachments WHERE name = :n"), {"n": name}).first()
        if exists is None:
            operator = session.info.get("operator")
            session.execute(
                text(
                    "INSERT INTO attachments (name, media_type, size, content, added_at, added_by) "
                    "VALUES (:n, :t, :s, :c, :at, :by)"
                ),
                {
                    "n": name,
                    "t": media_type,
                    "s": len(content),
                    "c": content,
                    "at": utc_now(),
                    "by": operator_of(session).name if operator is not None else None,
                },
            )
    return name


def read_attachment(target: StoreOrSession, name: str) -> Attachment | None:
    if not is_attachment_name(name):
        return None
    with transaction(target, read_only=True) as session:
        row = session.execute(
            text("SELECT name, media_type, content FROM attachments WHERE name = :n"), {"n": name}
        ).first()
    return None if row is None else Attachment(str(row[0]), str(row[1]), bytes(row[2]))


def attachment_names(form: Any, answers: dict[str, Any]) -> list[str]:
    """The attachment names an answers dict holds (repeats included), in form order, each once."""
    found: list[str] = []
    for _field, name in attachment_fields(form, answers):
        if name not in found:
            found.append(name)
    return found


def attachment_fields(form: Any, answers: dict[str, Any]) -> list[tuple[str, str]]:
    """(question name, attachment name) for each attachment answer (repeats included), in form order.
    Only answers of attachment questions that hold a store name (``is_attachment_name``) count."""
    from forms.engine.model import ATTACHMENT_TYPES

    found: list[tuple[str, str]] = []

    def walk(questions: list[Any], values: dict[str, Any]) -> None:
        for question in questions:
            if question.kind == "group":
                walk(question.children, values)
            elif question.kind == "repeat":
                for instance in values.get(question.key or question.name) or []:
                    if isinstance(instance, dict):
                        walk(question.children, instance)
            elif question.type in ATTACHMENT_TYPES:
                value = values.get(question.key or question.name)
                if isinstance(value, str) and is_attachment_name(value):
                    found.append((str(question.name), value))

    walk(form.questions, answers)
    return found


# Sync with the server (and through an event hub) carries the files (sync/client/files.py). Sealed batch
# files and OpenRosa destinations (ODK Central / KoboToolbox) do not yet: for them the records of a form
# with attachment questions stay in the outbox, held (forms.store.sync_policy), and this sentence says why.
OTHER_WAYS_HOLD_SENTENCE = (
    "{count} records of the form '{form_id}' hold attached files (photos, signatures, documents): they go "
    "to the server with 'diaspora-desk sync' (files and all), but not in a sealed file nor to an ODK "
    "Central or KoboToolbox destination, which do not carry attachments yet."
)


def attachment_form_ids(target: StoreOrSession) -> list[str]:
    """The library forms that have an attachment question in some version (their XForm has an upload)."""
    with transaction(target, read_only=True) as session:
        rows = session.execute(
            text("SELECT DISTINCT form_id FROM form_library WHERE xform LIKE '%<upload %'")
        ).all()
    return sorted(str(row[0]) for row in rows)


def held_for_attachments(target: StoreOrSession) -> dict[str, int]:
    """Unsent record versions of forms with attachments, which sealed files and OpenRosa destinations
    hold back (sync with the server carries them): form_id -> count."""
    forms = attachment_form_ids(target)
    if not forms:
        return {}
    with transaction(target, read_only=True) as session:
        rows = session.execute(
            text(
                "SELECT r.form_id, COUNT(*) FROM outbox o JOIN records r ON r.version_id = o.version_id "
                "WHERE o.sent_at IS NULL GROUP BY r.form_id"
            )
        ).all()
    return {str(form): int(count) for form, count in rows if form in forms}


def other_ways_hold_sentences(target: StoreOrSession) -> list[str]:
    """Why a sealed file or an OpenRosa destination leaves records out (one sentence a form)."""
    return [
        OTHER_WAYS_HOLD_SENTENCE.format(count=count, form_id=form_id)
        for form_id, count in sorted(held_for_attachments(target).items())
    ]


def names_in_answers(answers_json: Iterable[str]) -> set[str]:
    """Attachment names held anywhere in these answers (JSON texts), repeats included; no form needed."""
    found: set[str] = set()
    for text_value in answers_json:
        try:
            found |= names_in(json.loads(text_value))
        except ValueError:
            continue
    return found


def names_in(answers: Any) -> set[str]:
    """Attachment names held anywhere in an answers dict (repeats included); no form needed."""
    found: set[str] = set()
    pending = [answers]
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, str) and is_attachment_name(value):
            found.add(value)
    return found


def drop_unreferenced(session: Session, names: set[str], *, keep_version: str | None = None) -> int:
    """Deletes the attachments no remaining record version holds (an erased or purged record's photos
    go with it; ``keep_version`` is a husk about to be emptied). Returns how many were deleted."""
    dropped = 0
    for name in sorted(names):
        if not is_attachment_name(name):
            continue
        still = session.execute(
            text("SELECT 1 FROM records WHERE version_id != :keep AND answers LIKE :pattern LIMIT 1"),
            {"keep": keep_version or "", "pattern": f'%"{name}"%'},
        ).first()
        if still is None:
            result = session.execute(text("DELETE FROM attachments WHERE name = :n"), {"n": name})
            dropped += int(result.rowcount or 0)  # type: ignore[attr-defined]
    return dropped


def export_files(target: StoreOrSession, names: list[str], folder: Path) -> tuple[int, list[str]]:
    """Writes the named attachments into ``folder`` (created); (files written, names not in the store).
    The files are plaintext: the caller exports them deliberately, beside the workbook."""
    folder.mkdir(parents=True, exist_ok=True)
    written, missing = 0, []
    for name in names:
        attachment = read_attachment(target, name)
        if attachment is None:
            missing.append(name)
            continue
        (folder / attachment.name).write_bytes(attachment.content)
        written += 1
    return written, missing

"""The form library inside the encrypted store: every XLSForm version the desk can register with.

Three origins: the form shipped with the app (``shipped``, not stored: it is read from the app's
folder), forms downloaded from the server at sync (``server``) and forms a supervisor adds from a file
(``added``). Each version keeps its XLSForm bytes and the XForm XML pyxform made of it, so opening a
form never needs pyxform again. A version is never changed; retiring a form hides it from new batches
while its records keep opening with the version they were made with.

``batch_forms`` names the form a batch was opened with (no row: the shipped form); ``form_media`` (step 5)
holds the files shipped with a version (choices files of select_one_from_file).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, CursorResult, text
from sqlalchemy.orm import Session

from . import audit
from ._session import StoreOrSession, transaction, utc_now

# Schema step 4 (registered in migrate.MIGRATIONS): explicit DDL, never create_all.
FORM_LIBRARY_DDL = (
    """
    CREATE TABLE IF NOT EXISTS form_library (
        form_id VARCHAR(200) NOT NULL,
        version VARCHAR(200) NOT NULL,
        title VARCHAR(500) NOT NULL,
        origin VARCHAR(16) NOT NULL,
        filename VARCHAR(300) NOT NULL,
        sha256 VARCHAR(64) NOT NULL,
        xlsform BLOB NOT NULL,
        xform TEXT NOT NULL,
        added_at VARCHAR(40) NOT NULL,
        added_by VARCHAR(64),
        retired_at VARCHAR(40),
        PRIMARY KEY (form_id, version)
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS batch_forms (
        batch_id VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES batches (id),
        form_id VARCHAR(200) NOT NULL
    )
    """,
)


def create_form_library(connection: Connection) -> None:
    for statement in FORM_LIBRARY_DDL:
        connection.execute(text(statement))


# Schema step 5: the files shipped with a form version (choices CSV/XML of select_one_from_file, images
# of labels), kept with the version they came with.
FORM_MEDIA_DDL = """
    CREATE TABLE IF NOT EXISTS form_media (
        form_id VARCHAR(200) NOT NULL,
        version VARCHAR(200) NOT NULL,
        filename VARCHAR(300) NOT NULL,
        content BLOB NOT NULL,
        PRIMARY KEY (form_id, version, filename)
    )
"""


def create_form_media(connection: Connection) -> None:
    connection.execute(text(FORM_MEDIA_DDL))


def put_media(session: Session, form_id: str, version: str, media: dict[str, bytes]) -> None:
    """Keeps a version's media files (in the transaction that keeps the version)."""
    for filename, content in sorted(media.items()):
        session.execute(
            text(
                "INSERT OR IGNORE INTO form_media (form_id, version, filename, content) "
                "VALUES (:f, :v, :n, :c)"
            ),
            {"f": form_id, "v": version, "n": filename, "c": content},
        )


def read_media(target: StoreOrSession, form_id: str, version: str) -> dict[str, bytes]:
    """A version's media files by name (empty for a form without any)."""
    with transaction(target, read_only=True) as session:
        rows = session.execute(
            text("SELECT filename, content FROM form_media WHERE form_id = :f AND version = :v"),
            {"f": form_id, "v": version},
        ).all()
    return {str(name): bytes(content) for name, content in rows}


ORIGIN_SHIPPED, ORIGIN_SERVER, ORIGIN_ADDED = "shipped", "server", "added"
# Audit details name a form by its workbook's SHA-256, never by its form_id or version: those are free
# text a form's author chose, and audit entries (synced to the server) hold ids, codes and counts only.
FORM_ADDED_ACTION, FORM_RETIRED_ACTION = "form_added", "form_retired"


@dataclass(frozen=True)
class LibraryForm:
    """One form version of the library (without its bytes)."""

    form_id: str
    version: str
    title: str
    origin: str
    filename: str
    sha256: str
    added_at: str
    added_by: str | None
    retired_at: str | None

    @property
    def retired(self) -> bool:
        return self.retired_at is not None


@dataclass(frozen=True)
class StoredForm:
    entry: LibraryForm
    xlsform: bytes
    xform: str


_COLUMNS = "form_id, version, title, origin, filename, sha256, added_at, added_by, retired_at"


def version_key(version: str) -> tuple[int, int, str]:
    """Versions compare as numbers when they are numbers (``2026112401`` > ``9``), else as text."""
    text_version = version.strip()
    return (1, int(text_version), "") if text_version.isdigit() else (0, 0, text_version)


def put_form(
    session: Session,
    *,
    form_id: str,
    version: str,
    title: str,
    origin: str,
    filename: str,
    xlsform: bytes,
    xform: str,
    added_by: str | None,
) -> bool:
    """Keeps a form version; False when the library already holds that form_id and version (a version is
    never replaced). The caller's transaction commits it."""
    exists = session.execute(
        text("SELECT 1 FROM form_library WHERE form_id = :f AND version = :v"), {"f": form_id, "v": version}
    ).first()
    if exists is not None:
        return False
    session.execute(
        text(
            f"INSERT INTO form_library ({_COLUMNS}, xlsform, xform) VALUES (:form_id, :version, :title, "  # noqa: S608
            ":origin, :filename, :sha256, :added_at, :added_by, NULL, :xlsform, :xform)"
        ),
        {
            "form_id": form_id,
            "version": version,
            "title": title,
            "origin": origin,
            "filename": filename,
            "sha256": hashlib.sha256(xlsform).hexdigest(),
            "added_at": utc_now(),
            "added_by": added_by,
            "xlsform": xlsform,
            "xform": xform,
        },
    )
    audit.append(
        session, FORM_ADDED_ACTION, details={"sha256": hashlib.sha256(xlsform).hexdigest(), "origin": origin}
    )
    return True


def list_forms(target: StoreOrSession) -> list[LibraryForm]:
    """Every version held, retired ones included, by form then version (oldest first)."""
    with transaction(target, read_only=True) as session:
        rows = session.execute(text(f"SELECT {_COLUMNS} FROM form_library")).all()  # noqa: S608
    entries = [LibraryForm(*row) for row in rows]
    return sorted(entries, key=lambda e: (e.form_id, version_key(e.version), e.added_at))


def newest_versions(target: StoreOrSession, *, include_retired: bool = False) -> list[LibraryForm]:
    """The newest version of each form (retired forms left out unless asked for)."""
    newest: dict[str, LibraryForm] = {}
    for entry in list_forms(target):
        newest[entry.form_id] = entry  # sorted oldest first: the last one wins
    return [e for e in newest.values() if include_retired or not e.retired]


def read_form(target: StoreOrSession, form_id: str, version: str | None = None) -> StoredForm | None:
    """The stored bytes and XForm of a version (the newest one when ``version`` is None)."""
    if version is None:
        versions = [e for e in list_forms(target) if e.form_id == form_id]
        if not versions:
            return None
        version = versions[-1].version
    with transaction(target, read_only=True) as session:
        row = session.execute(
            text(f"SELECT {_COLUMNS}, xlsform, xform FROM form_library WHERE form_id = :f AND version = :v"),  # noqa: S608
            {"f": form_id, "v": version},
        ).first()
    if row is None:
        return None
    return StoredForm(LibraryForm(*row[:9]), bytes(row[9]), str(row[10]))


def retire_form(target: StoreOrSession, form_id: str) -> int:
    """Retires every version of a form (no new batch can use it; its records still open); returns how
    many versions were newly retired."""
    with transaction(target) as session:
        result = session.execute(
            text("UPDATE form_library SET retired_at = :now WHERE form_id = :f AND retired_at IS NULL"),
            {"now": utc_now(), "f": form_id},
        )
        changed = cast("CursorResult[Any]", result).rowcount  # an UPDATE's result is a cursor result
        if changed:
            newest = [
                row[0]
                for row in session.execute(
                    text("SELECT sha256 FROM form_library WHERE form_id = :f ORDER BY added_at"),
                    {"f": form_id},
                )
            ]
            audit.append(session, FORM_RETIRED_ACTION, details={"sha256": newest[-1], "versions": changed})
    return int(changed or 0)


def set_batch_form(session: Session, batch_id: str, form_id: str | None) -> None:
    """Records the form a batch is filled with (None: the shipped form)."""
    session.execute(text("DELETE FROM batch_forms WHERE batch_id = :b"), {"b": batch_id})
    if form_id is not None:
        session.execute(
            text("INSERT INTO batch_forms (batch_id, form_id) VALUES (:b, :f)"), {"b": batch_id, "f": form_id}
        )


def batch_form_id(target: StoreOrSession, batch_id: str) -> str | None:
    """The form a batch was opened with; None for the shipped form."""
    with transaction(target, read_only=True) as session:
        return session.execute(
            text("SELECT form_id FROM batch_forms WHERE batch_id = :b"), {"b": batch_id}
        ).scalar()

"""Form versions published on the server, fetched at sync: a laptop picks up a new version of the form
at its next sync. Files are checked against the server's SHA-256 and converted by the form engine before
they are kept in the store's form library (forms.library, origin ``server``) with their XForm, so a batch
can be opened with them. An ``.xls`` form is recognised by its first bytes and kept as one.

``sync_forms`` is where earlier versions of the app kept downloads; it is still read."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import LargeBinary, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from forms.library import convert as library_convert
from forms.library import keep_form, shipped_form, workbook_suffix
from forms.store.form_library import ORIGIN_SERVER, list_forms, read_form
from sync.client.state import SessionSource, SyncBase
from sync.client.transport import Transport

log = logging.getLogger("sync.client.forms")


class SyncFormRow(SyncBase):
    """One published form version as downloaded (never changed: publishing makes a new version)."""

    __tablename__ = "sync_forms"
    form_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    version: Mapped[str] = mapped_column(String(200), primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    downloaded_at: Mapped[str] = mapped_column(String(40))


@dataclass(frozen=True)
class DownloadedForm:
    form_id: str
    version: str
    title: str
    sha256: str
    content: bytes


def held_versions(session: Session) -> set[tuple[str, str]]:
    """The form versions this laptop already has: the shipped form's (the server publishes it too), the
    store's form library, and earlier downloads."""
    shipped = shipped_form()
    legacy = {(f, v) for f, v in session.execute(select(SyncFormRow.form_id, SyncFormRow.version))}
    library = {(entry.form_id, entry.version) for entry in list_forms(session)}
    return {(str(shipped.form_id), str(shipped.version))} | legacy | library


def fetch_new_forms(
    store: SessionSource,
    transport: Transport,
    credential: str,
    *,
    check: Callable[[bytes, str], Any] | None = None,
) -> list[DownloadedForm]:
    """Download every published version this laptop does not hold yet; returns what was added to the
    form library (a version the library already holds, under the id and version the file itself names,
    is not new).
    ``check(content, filename)`` converts the form (default: ``engine_check``); a form this app cannot
    run is skipped (and fetched again at the next sync, when the app may have been updated)."""
    convert = check or engine_check
    with store.session() as session:
        held = held_versions(session)
    added: list[tuple[DownloadedForm, Any, str]] = []
    for item in transport.list_forms(credential):
        form_id, version = str(item.get("form_id", "")), str(item.get("version", ""))
        if not form_id or not version or (form_id, version) in held:
            continue
        content = transport.download(str(item.get("download_path", "")), credential)
        digest = hashlib.sha256(content).hexdigest()
        if digest != str(item.get("sha256", "")).lower():
            log.warning("form %s version %s: download does not match its SHA-256; skipped", form_id, version)
            continue
        filename = f"{form_id}.{workbook_suffix(content)}"
        try:
            converted = convert(content, filename)
        except Exception as exc:  # a form this version of the app cannot run is not kept
            log.warning("form %s version %s cannot be loaded here (%s)", form_id, version, type(exc).__name__)
            continue
        downloaded = DownloadedForm(form_id, version, str(item.get("title", "")), digest, content)
        added.append((downloaded, converted, filename))
    new: list[DownloadedForm] = []
    if added:
        with store.session() as session:
            for downloaded, converted, filename in added:
                definition, xform = (
                    converted
                    if isinstance(converted, tuple)
                    else library_convert(downloaded.content, filename)
                )
                _definition, kept = keep_form(
                    session, downloaded.content, filename, ORIGIN_SERVER, definition=definition, xform=xform
                )
                if kept and not is_shipped_version(definition):
                    new.append(downloaded)
    return new


def is_shipped_version(definition: Any) -> bool:
    shipped = shipped_form()
    return (str(definition.form_id), str(definition.version)) == (str(shipped.form_id), str(shipped.version))


def downloaded_forms(store: SessionSource) -> list[DownloadedForm]:
    """Every form version fetched from the server (for the app to offer the newest of each form)."""
    with store.session() as session:
        rows = session.scalars(select(SyncFormRow).order_by(SyncFormRow.form_id, SyncFormRow.downloaded_at))
        found = [DownloadedForm(r.form_id, r.version, r.title, r.sha256, bytes(r.content)) for r in rows]
        seen = {(form.form_id, form.version) for form in found}
        for entry in list_forms(session):
            if entry.origin != ORIGIN_SERVER or (entry.form_id, entry.version) in seen:
                continue
            stored = read_form(session, entry.form_id, entry.version)
            if stored is not None:
                found.append(
                    DownloadedForm(entry.form_id, entry.version, entry.title, entry.sha256, stored.xlsform)
                )
    return found


def engine_check(content: bytes, filename: str) -> Any:
    """Convert and load with the form engine: (definition, XForm XML); FormError for a form this app
    cannot run."""
    return library_convert(content, filename)

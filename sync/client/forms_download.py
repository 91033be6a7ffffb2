"""Form versions published on the server, fetched at sync: a laptop picks up a new version of the form
at its next sync. Files are checked against the server's SHA-256 and loaded by the form engine before
they are kept (inside the encrypted store, in sync's own table)."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import LargeBinary, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from sync.client.state import SessionSource, SyncBase, ensure_tables, now_iso
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
    ensure_tables(session)
    return {(f, v) for f, v in session.execute(select(SyncFormRow.form_id, SyncFormRow.version))}


def fetch_new_forms(
    store: SessionSource,
    transport: Transport,
    credential: str,
    *,
    check: Callable[[bytes, str], Any] | None = None,
) -> list[DownloadedForm]:
    """Download every published version this laptop does not hold yet; returns what was added."""
    with store.session() as session:
        held = held_versions(session)
    added: list[DownloadedForm] = []
    for item in transport.list_forms(credential):
        form_id, version = str(item.get("form_id", "")), str(item.get("version", ""))
        if not form_id or not version or (form_id, version) in held:
            continue
        content = transport.download(str(item.get("download_path", "")), credential)
        digest = hashlib.sha256(content).hexdigest()
        if digest != str(item.get("sha256", "")).lower():
            log.warning("form %s version %s: download does not match its SHA-256; skipped", form_id, version)
            continue
        if check is not None:
            try:
                check(content, f"{form_id}.xlsx")
            except Exception as exc:  # a form this version of the app cannot run is not kept
                log.warning(
                    "form %s version %s cannot be loaded here (%s)", form_id, version, type(exc).__name__
                )
                continue
        added.append(DownloadedForm(form_id, version, str(item.get("title", "")), digest, content))
    if added:
        with store.session() as session:
            ensure_tables(session)
            for form in added:
                session.merge(
                    SyncFormRow(
                        form_id=form.form_id,
                        version=form.version,
                        title=form.title,
                        sha256=form.sha256,
                        content=form.content,
                        downloaded_at=now_iso(),
                    )
                )
    return added


def downloaded_forms(store: SessionSource) -> list[DownloadedForm]:
    """Every form version fetched from the server (for the app to offer the newest of each form)."""
    with store.session() as session:
        ensure_tables(session)
        rows = session.scalars(select(SyncFormRow).order_by(SyncFormRow.form_id, SyncFormRow.downloaded_at))
        return [DownloadedForm(r.form_id, r.version, r.title, r.sha256, bytes(r.content)) for r in rows]


def engine_check(content: bytes, filename: str) -> Any:
    """Load with the form engine (raises FormError for a form this app cannot run)."""
    from forms.engine import load_form_bytes

    return load_form_bytes(content, filename)

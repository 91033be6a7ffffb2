"""Subject access as a PDF for the person: a real `diaspora-server serve` (SQLite), a real laptop over
HTTP, then `person export --out FILE.pdf` and the registry's button. The PDF's text is read back with
pypdf: the person's values under the form's labels in their language, the version history with what
changed, and the accesses (the JSON export made before it among them)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from forms.store import records
from sync.server import admin
from sync.server.db import session_factory
from sync.server.models import RegistryAuditRow
from tests.sync.e2e.servers import ServerProcess, running_server
from tests.sync.protection.laptops import FORM, _laptop, _person, _register, _sync
from tests.sync.registry.helpers import Browser, add_account


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    folder = tmp_path_factory.mktemp("subject-pdf") / "server"
    with running_server(folder) as running:
        with running.engine() as engine:
            admin.publish_form(engine, shipped_form_path())
        yield running


def shipped_form_path() -> Path:
    from forms.engine import shipped_form_path as path

    return path()


def _text(content: bytes) -> str:
    assert content.startswith(b"%PDF-")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def _registered_and_edited(server: ServerProcess, tmp_path: Path, language: str | None) -> str:
    laptop = _laptop(tmp_path / "laptop", server)
    try:
        person = _person(71, "Conceição", "Brankovaç", "CB5500127")
        person.pop("preferred_language", None)
        if language:
            person["preferred_language"] = language
        (record_id,) = _register(laptop, person)
        _sync(laptop, server)
        current = records.latest_version(laptop, record_id)
        edited = dict(current.answers)
        edited["residence_city"] = "Porto"
        records.save_record(
            laptop, current.batch_id, FORM.form_id, FORM.version, edited, draft=False, record_id=record_id
        )
        _sync(laptop, server)
    finally:
        laptop.close()
    return record_id


def test_the_pdf_is_in_the_persons_language_with_values_history_and_accesses(
    server: ServerProcess, tmp_path: Path
) -> None:
    record_id = _registered_and_edited(server, tmp_path, "fr")
    server.cli("person", "export", "--record", record_id, "--out", str(tmp_path / "first.json"))
    out = tmp_path / "for-the-person.pdf"
    said = server.cli("person", "export", "--record", record_id, "--out", str(out), "--language", "pt")
    assert "as a PDF in fr" in said  # the person's own choice wins over the officer's --language
    assert (out.stat().st_mode & 0o077) == 0
    text = _text(out.read_bytes())
    assert "Ce que le registre détient à votre sujet" in text
    assert "Conceição" in text and "Brankovaç" in text and "CB5500127" in text
    family_label = FORM.question("family_name").label("French (fr)", FORM.default_language)
    assert family_label and family_label in text  # the form's own label, in French
    assert "Version 1" in text and "Version 2" in text and "Premier enregistrement." in text
    assert "Modifié :" in text and "Porto" in text
    assert "Qui a consulté votre fiche" in text
    assert "exportée (subject_access_export)" in text  # the JSON export made just before
    with server.engine() as engine, session_factory(engine)() as session:
        exports = [
            row.details_json
            for row in session.query(RegistryAuditRow).filter(
                RegistryAuditRow.target == record_id, RegistryAuditRow.action == "subject_access_export"
            )
        ]
    assert len(exports) == 2 and '"pdf"' in exports[-1]
    assert "Conceição" not in " ".join(exports)


def test_the_registry_button_gives_the_pdf_in_the_officers_language_when_the_person_chose_none(
    server: ServerProcess, tmp_path: Path
) -> None:
    record_id = _registered_and_edited(server, tmp_path, None)
    server.base_url = server.url  # type: ignore[attr-defined]  # the registry helpers' name for it
    add_account(server, "pdf-registrar", "registrar", "pt")  # type: ignore[arg-type]
    add_account(server, "pdf-analyst", "analyst")  # type: ignore[arg-type]
    browser = Browser(server.url)
    assert browser.login("pdf-registrar").status_code == 303
    page = browser.get(f"/people/{record_id}")
    assert f"/people/{record_id}/subject-access.pdf" in page.text and "Para a pessoa (PDF)" in page.text
    answer = browser.get(f"/people/{record_id}/subject-access.pdf")
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/pdf"
    assert answer.headers["cache-control"] == "no-store"
    text = _text(answer.content)
    assert "O que o registo guarda sobre si" in text and "Brankovaç" in text and "Alterado:" in text
    assert browser.get("/people/no-such-record/subject-access.pdf").status_code == 404
    analyst = Browser(server.url)
    assert analyst.login("pdf-analyst").status_code == 303
    assert analyst.get(f"/people/{record_id}/subject-access.pdf").status_code == 403

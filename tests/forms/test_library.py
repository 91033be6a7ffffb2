"""The form library in the encrypted store (forms.library, forms.store.form_library): forms added from a
file (.xlsx and .xls), each version kept with its XForm, records opening with their own version, retiring,
the batch's form, and a clerk who may not add."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from forms.errors import DeskError
from forms.library import (
    add_form_file,
    available_forms,
    batch_form,
    form_for,
    retire,
    shipped_form,
    workbook_suffix,
)
from forms.store import NotAllowedError, Store, batches
from forms.store.form_library import list_forms, read_form, set_batch_form
from forms.store.kdf import TEST_FAST_ENV
from tests.data.own_forms import PROGRAMME_FORM_ID, write_programme_form
from tests.data.project_forms import TUTORIAL_XLS

PASSPHRASE = "blue river stone lamp"


@pytest.fixture
def store(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setenv(TEST_FAST_ENV, "1")
    store, _code = Store.create(data_dir, "amara", PASSPHRASE)
    yield store
    store.close()


def test_an_added_form_is_kept_with_its_xform_and_opens_without_pyxform(store: Store, tmp_path: Path) -> None:
    path = write_programme_form(tmp_path / "return.xlsx")
    definition, added = add_form_file(store, path)
    assert added and definition.form_id == PROGRAMME_FORM_ID
    stored = read_form(store, PROGRAMME_FORM_ID, "1")
    assert stored is not None and stored.xlsform == path.read_bytes()
    assert "<h:html" in stored.xform and stored.entry.origin == "added" and stored.entry.added_by == "amara"
    opened = form_for(store, PROGRAMME_FORM_ID, "1")
    assert opened.form_id == PROGRAMME_FORM_ID and "county" in {q.name for q in opened.questions}
    # the same version again changes nothing
    assert add_form_file(store, path)[1] is False
    assert [(c.form_id, c.origin) for c in available_forms(store)] == [
        (shipped_form().form_id, "shipped"),
        (PROGRAMME_FORM_ID, "added"),
    ]


def test_every_version_is_kept_and_a_record_opens_with_its_own(store: Store, tmp_path: Path) -> None:
    add_form_file(store, write_programme_form(tmp_path / "v9.xlsx", version="9"))
    add_form_file(store, write_programme_form(tmp_path / "v10.xlsx", version="10"))
    assert [e.version for e in list_forms(store)] == ["9", "10"]  # numbers compare as numbers
    assert form_for(store, PROGRAMME_FORM_ID).version == "10"
    assert form_for(store, PROGRAMME_FORM_ID, "9").version == "9"
    assert form_for(store, PROGRAMME_FORM_ID, "gone").version == "10"  # unknown version: the newest


def test_an_xls_form_is_recognised_by_its_bytes_and_kept(store: Store, tmp_path: Path) -> None:
    content = TUTORIAL_XLS.read_bytes()
    assert workbook_suffix(content) == "xls"
    copy = tmp_path / "tutorial.xls"
    copy.write_bytes(content)
    definition, added = add_form_file(store, copy)
    assert added
    assert read_form(store, str(definition.form_id)).entry.filename == "tutorial.xls"  # type: ignore[union-attr]
    assert form_for(store, str(definition.form_id)).title == definition.title


def test_retired_forms_leave_the_choices_but_their_records_still_open(store: Store, tmp_path: Path) -> None:
    add_form_file(store, write_programme_form(tmp_path / "f.xlsx"))
    assert retire(store, PROGRAMME_FORM_ID) == 1
    assert [c.form_id for c in available_forms(store)] == [shipped_form().form_id]
    assert [c.retired for c in available_forms(store, include_retired=True)] == [False, True]
    assert form_for(store, PROGRAMME_FORM_ID, "1").form_id == PROGRAMME_FORM_ID
    with pytest.raises(DeskError, match="shipped form cannot be retired"):
        retire(store, shipped_form().form_id)
    with pytest.raises(DeskError, match="no form 'nope'"):
        retire(store, "nope")


def test_a_batch_follows_the_form_it_was_opened_with(store: Store, tmp_path: Path) -> None:
    add_form_file(store, write_programme_form(tmp_path / "f.xlsx"))
    plain = batches.open_batch(store, "Paris day", "Paris", "2026-06-13")
    own = batches.open_batch(store, "Monrovia day", "Monrovia", "2026-06-13")
    with store.session() as session:
        set_batch_form(session, own.id, PROGRAMME_FORM_ID)
    assert batch_form(store, plain.id).form_id == shipped_form().form_id
    assert batch_form(store, own.id).form_id == PROGRAMME_FORM_ID


def test_refusals_are_one_sentence(store: Store, tmp_path: Path) -> None:
    with pytest.raises(DeskError, match="not an XLSForm"):
        bad = tmp_path / "notes.txt"
        bad.write_text("hello")
        add_form_file(store, bad)
    with pytest.raises(DeskError, match="cannot read the form file"):
        add_form_file(store, tmp_path / "missing.xlsx")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(DeskError):
        add_form_file(store, broken)
    with pytest.raises(DeskError, match="no form 'nope'"):
        form_for(store, "nope")


def test_a_clerk_may_not_add_a_form(store: Store, tmp_path: Path, data_dir: Path) -> None:
    store.add_operator("kofi", "clerk", "kofi walks to the market")
    clerk = Store.unlock(data_dir, "kofi", "kofi walks to the market")
    try:
        with pytest.raises(NotAllowedError):
            add_form_file(clerk, write_programme_form(tmp_path / "f.xlsx"))
    finally:
        clerk.close()


def test_identifying_fields_from_the_setting_then_well_known_names_then_first_texts(
    store: Store, tmp_path: Path
) -> None:
    from forms.library import answers_of, identifying_fields, open_batch_with_form
    from forms.store.records import save_record
    from tests.data.own_forms import programme_sheets
    from tests.data.project_forms import write_xlsx

    definition, _ = add_form_file(store, write_programme_form(tmp_path / "f.xlsx"))
    assert identifying_fields(store, definition) == ["worker_name", "licence_no"]  # the settings column
    assert identifying_fields(store, shipped_form())[:2] == ["family_name", "given_name"]
    sheets = programme_sheets(version="2", form_id="plain")
    sheets["settings"] = [["form_id", "version"], ["plain", "2"]]
    plain, _ = add_form_file(store, write_xlsx(tmp_path / "plain.xlsx", sheets))
    assert identifying_fields(store, plain) == ["worker_name", "licence_no", "other_skill"]  # first texts

    batch, form = open_batch_with_form(store, "Gbarnga day", "Gbarnga", "2026-06-13", PROGRAMME_FORM_ID)
    assert form.form_id == PROGRAMME_FORM_ID and batch_form(store, batch.id).form_id == PROGRAMME_FORM_ID
    answers = {"worker_name": "Musu Kollie", "licence_no": "LR-1234", "cadre": "nurse"}
    saved = save_record(store, batch.id, form.form_id, form.version, answers, draft=True)
    values = answers_of(store, [saved.version_id], ["worker_name", "licence_no"])
    assert values == {saved.version_id: {"worker_name": "Musu Kollie", "licence_no": "LR-1234"}}
    retire(store, PROGRAMME_FORM_ID)
    with pytest.raises(DeskError, match="retired"):
        open_batch_with_form(store, "Later", "Gbarnga", "2026-06-14", PROGRAMME_FORM_ID)


def test_audit_entries_name_a_form_by_its_hash_so_the_server_accepts_them(
    store: Store, tmp_path: Path
) -> None:
    """Form ids and versions are the author's free text ("MCH_v1", "2-b"): the audit (synced to the
    server, which refuses anything but ids, codes, counts and times) names a form by its SHA-256."""
    from sqlalchemy import select

    from forms.store import AuditRow
    from sync.server.audit_entries import check_audit_entries

    add_form_file(store, write_programme_form(tmp_path / "f.xlsx", version="2-b Final", form_id="MCH_v1"))
    retire(store, "MCH_v1")
    with store.session(read_only=True) as session:
        rows = session.scalars(select(AuditRow).where(AuditRow.action.in_(("form_added", "form_retired"))))
        entries = tuple({"action": r.action, "details": r.details} for r in rows)
    assert [e["action"] for e in entries] == ["form_added", "form_retired"]
    check_audit_entries(entries)  # raises AuditEntryRefused on free text
    assert "MCH_v1" not in str(entries) and "2-b Final" not in str(entries)

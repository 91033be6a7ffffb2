"""Forms with media (forms.form_bundle, forms.library): a workbook with its choices files added from a
folder, a .zip or with --media, kept with the version inside the store; and attachments kept encrypted
in the store (forms.store.attachments): size and type refused in one sentence, exported on purpose."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from forms.errors import DeskError
from forms.library import add_form_file, form_for
from forms.store import Store
from forms.store.attachments import (
    MAX_ATTACHMENT_BYTES,
    AttachmentError,
    attachment_names,
    export_files,
    put_attachment,
    read_attachment,
)
from forms.store.form_library import read_media
from forms.store.kdf import TEST_FAST_ENV
from tests.forms.engine.xlsform import workbook_bytes

PASSPHRASE = "blue river stone lamp"
TOWNS = (
    b"name,label,county\nganta,Ganta,nimba\nsanniquellie,Sanniquellie,nimba\nbuchanan,Buchanan,grand_bassa\n"
)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
SURVEY = [
    ["type", "name", "label", "required"],
    ["select_one_from_file towns.csv", "town", "Town", "yes"],
    ["geopoint", "home", "Home", ""],
    ["image", "photo", "Photo", ""],
    ["begin repeat", "visit", "Visit", ""],
    ["image", "visit_photo", "Photo of the visit", ""],
    ["end repeat", "", "", ""],
]
SETTINGS = [["form_id", "version", "form_title"], ["field_visits", "3", "Field visits"]]


@pytest.fixture
def store(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setenv(TEST_FAST_ENV, "1")
    store, _code = Store.create(data_dir, "amara", PASSPHRASE)
    yield store
    store.close()


@pytest.fixture
def workbook() -> bytes:
    return workbook_bytes(SURVEY, settings=SETTINGS)


def _towns(form) -> list[str]:
    return [name for name, _ in form.new_session().choices("town")]


def test_a_folder_with_the_workbook_and_a_media_subfolder(
    store: Store, tmp_path: Path, workbook: bytes
) -> None:
    folder = tmp_path / "visits"
    (folder / "media").mkdir(parents=True)
    (folder / "visits.xlsx").write_bytes(workbook)
    (folder / "media" / "towns.csv").write_bytes(TOWNS)
    (folder / "~$visits.xlsx").write_bytes(b"lock file of Excel")
    definition, added = add_form_file(store, folder)
    assert added and definition.media_names == ["towns.csv"]
    assert read_media(store, "field_visits", "3") == {"towns.csv": TOWNS}
    reopened = form_for(store, "field_visits", "3")
    assert _towns(reopened) == ["ganta", "sanniquellie", "buchanan"]


def test_a_zip_of_a_folder_and_the_media_option(store: Store, tmp_path: Path, workbook: bytes) -> None:
    archive = tmp_path / "visits.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("visits/visits.xlsx", workbook)
        out.writestr("visits/towns.csv", TOWNS)
    definition, added = add_form_file(store, archive)
    assert added and _towns(definition) == ["ganta", "sanniquellie", "buchanan"]
    # the workbook plus --media: a new version
    path = tmp_path / "v4.xlsx"
    path.write_bytes(workbook_bytes(SURVEY, settings=[SETTINGS[0], ["field_visits", "4", "Field visits"]]))
    towns = tmp_path / "towns.csv"
    towns.write_bytes(TOWNS.replace(b"Ganta", b"Ganta City"))
    definition, added = add_form_file(store, path, [towns])
    assert added and dict(definition.new_session().choices("town"))["ganta"] == "Ganta City"
    assert dict(form_for(store, "field_visits", "3").new_session().choices("town"))["ganta"] == "Ganta"


def test_a_form_without_its_choices_file_is_refused_naming_it(
    store: Store, tmp_path: Path, workbook: bytes
) -> None:
    path = tmp_path / "visits.xlsx"
    path.write_bytes(workbook)
    with pytest.raises(DeskError) as refused:
        add_form_file(store, path)
    assert (
        "takes its choices from towns.csv, which was not given: add it with --media FILE"
        in refused.value.message
    )


@pytest.mark.parametrize(
    ("files", "words"),
    [({"a.xlsx": b"x", "b.xlsx": b"y"}, "exactly one XLSForm"), ({"towns.csv": TOWNS}, "found: none")],
)
def test_a_folder_must_hold_one_workbook(store: Store, tmp_path: Path, files: dict, words: str) -> None:
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    with pytest.raises(DeskError, match=words):
        add_form_file(store, tmp_path)


def test_a_zip_that_unpacks_too_large_is_refused_before_reading(store: Store, tmp_path: Path) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as out:
        out.writestr("form.xlsx", b"PK")
        out.writestr("big.csv", b"0" * (101 * 1024 * 1024))
    with pytest.raises(DeskError, match="unpacks to more than 100 MB"):
        add_form_file(store, archive)
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip")
    with pytest.raises(DeskError, match=r"cannot read the zip broken\.zip"):
        add_form_file(store, broken)


def test_attachments_are_kept_in_the_store_by_content(store: Store, tmp_path: Path, workbook: bytes) -> None:
    name = put_attachment(store, "image", "passport_Jane_Doe.PNG", PNG)
    assert name.endswith(".png") and "Jane" not in name
    assert put_attachment(store, "image", "again.png", PNG) == name  # the same bytes: one row
    kept = read_attachment(store, name)
    assert kept is not None and kept.content == PNG and kept.media_type == "image/png"
    # never a plaintext file: the store folder holds no copy of the bytes
    for path in store.data_dir.rglob("*"):
        if path.is_file():
            assert PNG[:8] + b"\x00" * 32 not in path.read_bytes()
    assert read_attachment(store, "../../etc/passwd") is None


@pytest.mark.parametrize(
    ("kind", "filename", "content", "words"),
    [("image", "scan.pdf", b"%PDF-1.4", "it takes .bmp, .gif, .jpeg, .jpg, .png, .webp files"),
     ("image", "photo.jpg", PNG, "is not really a .jpg file"),
     ("image", "empty.png", b"", "is empty"),
     ("file", "big.pdf", b"%PDF" + b"0" * MAX_ATTACHMENT_BYTES, "at most 10 MB")],
)  # fmt: skip
def test_a_wrong_or_too_large_file_is_refused_in_one_sentence(
    store: Store, kind, filename, content, words
) -> None:
    with pytest.raises(AttachmentError) as refused:
        put_attachment(store, kind, filename, content)
    assert words in refused.value.message and "\n" not in refused.value.message


def test_export_writes_the_attachments_of_the_answers(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "visits"
    path.mkdir()
    (path / "visits.xlsx").write_bytes(workbook_bytes(SURVEY, settings=SETTINGS))
    (path / "towns.csv").write_bytes(TOWNS)
    form, _ = add_form_file(store, path)
    first = put_attachment(store, "image", "a.png", PNG)
    second = put_attachment(store, "image", "b.png", PNG + b"2")
    answers = {"town": "ganta", "photo": first, "visit": [{"visit_photo": second}, {"visit_photo": first}]}
    assert form.validate(answers) == []
    names = attachment_names(form, answers)
    assert names == [first, second]
    written, missing = export_files(store, [*names, "0123456789abcdef0123.png"], tmp_path / "out")
    assert written == 2 and missing == ["0123456789abcdef0123.png"]
    assert (tmp_path / "out" / second).read_bytes() == PNG + b"2"


def test_export_splits_points_and_writes_attachments_beside_the_workbook(
    store: Store, tmp_path: Path
) -> None:
    import openpyxl

    from forms.export.desk import DeskExportRequest, export_from_store
    from forms.library import open_batch_with_form
    from forms.store.records import save_record

    folder = tmp_path / "visits"
    folder.mkdir()
    (folder / "visits.xlsx").write_bytes(workbook_bytes(SURVEY, settings=SETTINGS))
    (folder / "towns.csv").write_bytes(TOWNS)
    add_form_file(store, folder)
    batch, form = open_batch_with_form(store, "Ganta day", "Ganta", "2026-06-13", "field_visits")
    photo = put_attachment(store, "image", "p.png", PNG)
    answers = {"town": "ganta", "home": "7.2 -8.9 300 4.5", "photo": photo, "visit": [{"visit_photo": photo}]}
    save_record(store, batch.id, form.form_id, form.version, answers, draft=False)
    out = tmp_path / "export" / "visits.xlsx"
    out.parent.mkdir()
    result = export_from_store(store, DeskExportRequest(out=out), form=form)
    assert result.records == 1 and result.attachments == 1
    assert result.attachments_folder == tmp_path / "export" / "visits_attachments"
    assert (result.attachments_folder / photo).read_bytes() == PNG
    sheet = openpyxl.load_workbook(out, read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    row = dict(zip(rows[0], rows[1], strict=False))
    assert row["home"] == "7.2 -8.9 300 4.5"
    assert (row["_home_latitude"], row["_home_longitude"], row["_home_altitude"], row["_home_precision"]) == (
        7.2, -8.9, 300, 4.5,
    )  # fmt: skip
    assert row["photo"] == photo
    # a password-protected export writes no plain files beside it, and says how many it left out
    locked = export_from_store(
        store, DeskExportRequest(out=tmp_path / "locked.xlsx", password="Long enough pass 42!"), form=form
    )
    assert locked.attachments == 0 and locked.attachments_not_written == 1
    assert not (tmp_path / "locked_attachments").exists()


def test_records_with_attachments_go_to_sync_but_stay_out_of_sealed_files_and_destinations(
    store: Store, tmp_path: Path
) -> None:
    from forms.library import open_batch_with_form
    from forms.store import outbox
    from forms.store.attachments import held_for_attachments, other_ways_hold_sentences
    from forms.store.batches import open_batch
    from forms.store.records import save_record

    folder = tmp_path / "visits"
    folder.mkdir()
    (folder / "visits.xlsx").write_bytes(workbook_bytes(SURVEY, settings=SETTINGS))
    (folder / "towns.csv").write_bytes(TOWNS)
    add_form_file(store, folder)
    batch, form = open_batch_with_form(store, "Ganta day", "Ganta", "2026-06-13", "field_visits")
    for _ in range(2):
        save_record(store, batch.id, form.form_id, form.version, {"town": "ganta"}, draft=False)
    shipped = open_batch(store, "Monrovia day", "Monrovia", "2026-06-14")
    save_record(store, shipped.id, "diaspora_registration", "1", {"given_name": "Musu"}, draft=False)
    assert outbox.waiting_count(store) == 3
    # sync with the server carries the files (sync/client/files.py): every record may go
    assert outbox.sendable_count(store, carries_files=True) == 3
    assert len(outbox.pending(store, carries_files=True)) == 3
    # a sealed file or an OpenRosa destination does not: those records stay out, and the sentence says so
    assert [item.form_id for item in outbox.pending(store)] == ["diaspora_registration"]
    assert held_for_attachments(store) == {"field_visits": 2}
    assert other_ways_hold_sentences(store) == [
        "2 records of the form 'field_visits' hold attached files (photos, signatures, documents): they go "
        "to the server with 'diaspora-desk sync' (files and all), but not in a sealed file nor to an ODK "
        "Central or KoboToolbox destination, which do not carry attachments yet."
    ]


def test_an_export_with_a_point_imports_again(store: Store, tmp_path: Path) -> None:
    from forms.importing.linked import header_names

    folder = tmp_path / "visits"
    folder.mkdir()
    (folder / "visits.xlsx").write_bytes(workbook_bytes(SURVEY, settings=SETTINGS))
    (folder / "towns.csv").write_bytes(TOWNS)
    form, _ = add_form_file(store, folder)
    fields = [q for q in form.by_path.values() if q.kind == "question" and not q.repeat_chain]
    columns = ["town", "home", "_home_latitude", "_home_longitude", "_home_altitude", "_home_precision"]
    names = header_names(form, columns, fields, exported=True)
    assert names == {"town": "town", "home": "home", "_home_latitude": None, "_home_longitude": None,
                     "_home_altitude": None, "_home_precision": None}  # fmt: skip


def test_an_erased_record_takes_its_attached_files_with_it(store: Store, tmp_path: Path) -> None:
    from forms.library import open_batch_with_form
    from forms.store.erasure import erase_record
    from forms.store.records import save_record

    folder = tmp_path / "visits"
    folder.mkdir()
    (folder / "visits.xlsx").write_bytes(workbook_bytes(SURVEY, settings=SETTINGS))
    (folder / "towns.csv").write_bytes(TOWNS)
    add_form_file(store, folder)
    batch, form = open_batch_with_form(store, "Ganta day", "Ganta", "2026-06-13", "field_visits")
    own = put_attachment(store, "image", "a.png", PNG + b"own")
    shared = put_attachment(store, "image", "b.png", PNG + b"shared")
    answers = {"town": "ganta", "photo": own, "visit": [{"visit_photo": shared}]}
    erased = save_record(store, batch.id, form.form_id, form.version, answers, draft=False)
    save_record(store, batch.id, form.form_id, form.version, {"town": "ganta", "photo": shared}, draft=False)
    erase_record(store, erased.record_id, "subject_request")
    assert read_attachment(store, own) is None  # the erased person's photo is gone from the store
    assert read_attachment(store, shared) is not None  # another record still holds this one


def test_forms_check_takes_the_media_and_names_a_missing_choices_file(tmp_path: Path, capsys) -> None:
    from desktop.cli.main import main

    path = tmp_path / "visits.xlsx"
    path.write_bytes(workbook_bytes(SURVEY, settings=SETTINGS))
    assert main(["forms", "check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "shown read-only (not supported by this app yet): town" in out
    assert "choices files not given: towns.csv (check again with --media FILE" in out
    towns = tmp_path / "towns.csv"
    towns.write_bytes(TOWNS)
    assert main(["forms", "check", str(path), "--media", str(towns)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ok: Field visits") and "town" not in out and "not given" not in out

"""Whole or nothing, through the real encrypted store."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from forms.demo_data import write_demo_file
from forms.engine import FormDefinition
from forms.errors import DeskError
from forms.importing import CHECKING, SAVING, ImportCancelled, batch_for_import, import_file
from forms.store import AuditRow, OutboxRow, RecordRow, Store
from forms.store.batches import close_batch, list_batches
from forms.store.records import latest_version
from forms.store.search import count, search
from forms.work import Work

from .conftest import valid_person, write_csv


def cancelled_work() -> Work:
    work = Work()
    work.cancel()
    return work


def rows_in(store: Store, table: type) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def test_a_good_demo_file_imports_every_row_into_the_batch(
    form: FormDefinition, store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "demo.xlsx"
    write_demo_file(form, path, 25, seed=11)
    batch = batch_for_import(store, "Lisbon outreach", "Lisboa")
    seen: list[tuple[str, int, int | None]] = []
    work = Work(progress=lambda done, total, phase: seen.append((phase, done, total)))
    report = import_file(store, form, path, batch, work=work)
    assert report.succeeded and report.imported == 25 and report.rows_read == 25
    assert report.batch_id is not None
    assert count(store, batch_id=report.batch_id) == 25
    assert rows_in(store, OutboxRow) == 25  # each one waiting to be sent, as after a clerk's Save
    assert [(b.name, b.place, b.records) for b in list_batches(store)] == [("Lisbon outreach", "Lisboa", 25)]
    assert seen[-1] == (SAVING, 25, 25)
    assert [done for phase, done, _ in seen if phase == CHECKING][-1] == 25
    with store.session() as session:
        actions = list(session.scalars(select(AuditRow.action).where(AuditRow.action == "records_imported")))
    assert actions == ["records_imported"]


def test_one_bad_row_imports_nothing_and_the_report_names_row_and_column(
    form: FormDefinition, store: Store, tmp_path: Path
) -> None:
    rows = [valid_person(document_number=f"DOC{n:05d}") for n in range(6)]
    rows[3]["birth_date"] = "1984-13-45"
    path = write_csv(tmp_path / "people.csv", rows)
    batch = batch_for_import(store, "Paris consulate day", "Paris")
    report = import_file(store, form, path, batch)
    assert not report.succeeded and report.imported == 0
    assert [(p.row, p.column) for p in report.problems] == [(5, "birth_date")]  # header is row 1
    assert rows_in(store, RecordRow) == 0
    assert rows_in(store, OutboxRow) == 0


def test_accents_survive_a_bom_csv_round_trip_and_the_context_is_filled(
    form: FormDefinition, store: Store, tmp_path: Path
) -> None:
    people = [
        valid_person(given_name="Aya", family_name="N'Guessan"),
        valid_person(given_name="Maria da Conceição", family_name="Trovoada", residence_city="São Tomé",
                     document_number="ST7654321"),
    ]  # fmt: skip
    path = write_csv(tmp_path / "accents.csv", people, delimiter=";")
    batch = batch_for_import(store, "Outreach", "Genève")
    assert import_file(store, form, path, batch).imported == 2
    found = {s.family_name: s for s in search(store, "")}
    assert set(found) == {"N'Guessan", "Trovoada"}
    answers = latest_version(store, found["Trovoada"].record_id).answers
    assert answers["given_name"] == "Maria da Conceição"
    assert answers["residence_city"] == "São Tomé"
    assert answers["household_size"] == 3
    assert (answers["operator"], answers["registration_batch"], answers["registration_place"]) == (
        "amara", "Outreach", "Genève",
    )  # fmt: skip
    assert answers["notice_version"]  # computed by the form as for a typed registration
    assert answers["meta"]["instanceID"].startswith("uuid:")


def test_an_open_batch_is_reused_by_name_and_a_closed_one_is_not(
    form: FormDefinition, store: Store, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "one.csv", [valid_person()])
    first = import_file(store, form, path, batch_for_import(store, "Atlanta day", "Atlanta")).batch_id
    assert first is not None
    assert batch_for_import(store, "Atlanta day").id == first
    close_batch(store, first)
    again = batch_for_import(store, "Atlanta day", "Atlanta")
    assert again.id is None and again.status == "open"  # a new one, opened when its records are saved
    with pytest.raises(DeskError):
        batch_for_import(store, "  ")


def test_a_refused_or_cancelled_import_leaves_no_empty_batch_behind(
    form: FormDefinition, store: Store, tmp_path: Path
) -> None:
    """Issue 14 item 14: 20 refused imports into a new batch used to leave 20 empty open batches."""
    bad = write_csv(tmp_path / "bad.csv", [valid_person(sex="feminine")])
    unreadable = tmp_path / "bad.xlsx"
    unreadable.write_bytes(b"not a zip")
    good = write_csv(tmp_path / "good.csv", [valid_person()])
    for _ in range(3):
        assert not import_file(store, form, bad, batch_for_import(store, "Rejected day", "Accra")).succeeded
        with pytest.raises(DeskError):
            import_file(store, form, unreadable, batch_for_import(store, "Unreadable day", "Accra"))
        with pytest.raises(ImportCancelled):
            import_file(store, form, good, batch_for_import(store, "Cancelled day"), work=cancelled_work())
    assert list_batches(store) == []
    with store.session() as session:
        assert list(session.scalars(select(AuditRow.action).where(AuditRow.action == "batch_opened"))) == []
    report = import_file(store, form, good, batch_for_import(store, "Kept day", "Accra"))
    assert [(b.id, b.name, b.records) for b in list_batches(store)] == [(report.batch_id, "Kept day", 1)]


def test_a_file_with_only_a_header_saves_nothing_and_says_so(
    form: FormDefinition, store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("given_name,family_name\n", encoding="utf-8")
    with pytest.raises(DeskError) as caught:
        import_file(store, form, path, batch_for_import(store, "Day", "Here"))
    assert "no rows" in caught.value.message
    assert rows_in(store, RecordRow) == 0


def test_cancelling_while_saving_rolls_back_every_row(
    form: FormDefinition, store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "demo.csv"
    write_demo_file(form, path, 8, seed=3)
    saved: list[int] = []

    def progress(done: int, total: int | None, phase: str) -> None:
        if phase == SAVING:
            saved.append(done)
            if done == 5:
                work.cancel()  # as the dialog's Cancel button would, from another thread

    work = Work(progress=progress)
    with pytest.raises(ImportCancelled):
        import_file(store, form, path, batch_for_import(store, "Day", "Here"), work=work)
    assert saved == [1, 2, 3, 4, 5]  # five rows were written inside the transaction...
    assert rows_in(store, RecordRow) == 0  # ...and rolled back with it
    assert rows_in(store, OutboxRow) == 0
    assert list_batches(store) == []  # the batch opened in that transaction went with it

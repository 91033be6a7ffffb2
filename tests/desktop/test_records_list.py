"""The records list over the real store: search as you type (debounced, SQL), filters by batch, status
and day, sorting by a header click done in SQL, paging on demand, opening a draft to finish it, and
locking clearing it all."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from forms.store.records import save_record
from tests.desktop.harness import (
    press,
    run_on_lane,
    type_text,
)
from tests.desktop.records_helpers import PEOPLE, _exists, _one_row, seed, show_records


def test_search_as_you_type_filters_and_sorts_in_sql(qtbot, desk) -> None:
    seeded = seed(qtbot, desk)
    records = show_records(qtbot, desk)
    model = records.model
    assert records.search.hasFocus()

    type_text(records.search, "mens")  # by family name, one search after the pause
    assert records.search_timer.isActive()
    qtbot.waitUntil(lambda: model.total() == 2, timeout=5000)
    assert {model.record_at(row).given_name for row in range(2)} == {"Kofi", "Ama"}
    records.search.clear()
    type_text(records.search, "b2001")  # by document number, any case
    qtbot.waitUntil(lambda: model.total() == 1 and model.record_at(0) is not None, timeout=5000)
    assert model.record_at(0).family_name == "da Silva"
    records.search.clear()
    type_text(records.search, "22177777")  # by phone digits
    qtbot.waitUntil(lambda: model.total() == 1 and model.record_at(0).family_name == "Diallo", timeout=5000)
    records.search.clear()
    type_text(records.search, "conceicao")  # accents do not matter
    qtbot.waitUntil(lambda: model.total() == 1 and model.record_at(0).given_name == "Conceição", timeout=5000)
    records.search.clear()
    records.run_search()
    qtbot.waitUntil(lambda: model.total() == len(PEOPLE), timeout=5000)

    records.batch_filter.setCurrentIndex(records.batch_filter.findData(seeded["second"].id))
    qtbot.waitUntil(lambda: model.total() == 2, timeout=5000)
    records.status_filter.setCurrentIndex(records.status_filter.findData("draft"))
    qtbot.waitUntil(lambda: model.total() == 1 and model.record_at(0).family_name == "Ngoma", timeout=5000)
    assert model.data(model.index(0, 5), int(Qt.ItemDataRole.DisplayRole)) == "draft"
    records.batch_filter.setCurrentIndex(0)
    records.status_filter.setCurrentIndex(0)
    records.created_from.setText("2999-01-01")
    records.run_search()
    qtbot.waitUntil(lambda: model.total() == 0, timeout=5000)
    records.created_from.clear()
    records.run_search()
    qtbot.waitUntil(lambda: model.total() == len(PEOPLE), timeout=5000)

    header = records.table.horizontalHeader()
    with qtbot.waitSignal(model.results_loaded, timeout=5000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_point(header, 0))
    assert model.query.order_by == "family_name"
    families = [model.record_at(row).family_name for row in range(model.total())]
    assert families == sorted(families, key=str.casefold)


def _section_point(header: Any, section: int) -> Any:
    from PySide6.QtCore import QPoint

    return QPoint(
        header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2
    )


def test_pages_arrive_on_demand_and_a_draft_opens_to_be_finished(qtbot, desk) -> None:
    seeded = seed(qtbot, desk)
    records = desk.records
    records.model.page_size = 2  # five people over three pages
    records.reload()
    qtbot.waitUntil(lambda: records.model.total() == len(PEOPLE), timeout=5000)
    assert records.model.record_at(4) is None  # not fetched yet: the view asks, a page comes
    qtbot.waitUntil(lambda: records.model.record_at(4) is not None, timeout=5000)
    draft = seeded["versions"]["NgomaÉlodie"]
    row = next(
        r
        for r in range(5)
        if records.model.record_at(r) and records.model.record_at(r).record_id == draft.record_id
    )
    records.table.setCurrentIndex(records.model.index(row, 0))
    records.table.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    page = desk.registration
    qtbot.waitUntil(lambda: page.record_id == draft.record_id, timeout=5000)
    assert desk.window.current_page_key() == "registration"
    assert page.renderer.session.value("family_name") == "Ngoma"


def test_locking_clears_the_list(qtbot, desk) -> None:
    seed(qtbot, desk)
    records = show_records(qtbot, desk)
    type_text(records.search, "mensah")
    qtbot.waitUntil(lambda: records.model.total() == 2, timeout=5000)
    desk.context.lock.lock()
    assert records.model.rowCount() == 0
    assert records.search.text() == ""
    assert records.batch_filter.count() == 0
    assert desk.registration.renderer.rows == []


def test_search_ignores_accents_apostrophes_and_finds_inside_names_and_phones(qtbot, desk) -> None:
    """Issue 12, defect 3: "silva" finds "da Silva", "nguessan" N'Guessan, "612555" a phone."""

    def work(store: Any) -> None:
        batch = desk.registration.batch
        for given, family, phone in (("Kouamé", "N'Guessan", "+1 612-555-0147"), ("Ana", "da Silva", "")):
            answers = {"given_name": given, "family_name": family, "phone": phone or None, "consent": "yes"}
            save_record(store, batch.id, "diaspora_registration", "1", answers, False)

    run_on_lane(qtbot, desk, work)
    records = desk.records
    desk.window.show_page("records")
    model = records.model
    for typed, family in (("silva", "da Silva"), ("nguessan", "N'Guessan"), ("612555", "N'Guessan")):
        records.search.clear()
        type_text(records.search, typed)
        qtbot.waitUntil(
            lambda family=family: _one_row(records) and model.record_at(0).family_name == family,
            timeout=5000,
        )
    phone = model.data(model.index(0, 4), int(Qt.ItemDataRole.DisplayRole))
    assert phone == "+1 612-555-0147"  # shown with its "+" (defect 9)


def test_a_draft_is_discarded_from_the_list_after_asking(qtbot, desk) -> None:
    seeded = seed(qtbot, desk)
    records = show_records(qtbot, desk)
    draft = seeded["versions"]["NgomaÉlodie"]
    type_text(records.search, "ngoma")
    qtbot.waitUntil(lambda: _one_row(records), timeout=5000)
    records.table.setCurrentIndex(records.model.index(0, 0))
    qtbot.waitUntil(records.discard_button.isEnabled, timeout=3000)
    records.table.setFocus()
    press(qtbot, Qt.Key.Key_Delete)
    question = records.discard_question
    assert question is not None and question.text() == "Discard the draft of Élodie Ngoma?"
    question.findChild(object, "keep").click()  # Enter's default: nothing happens
    qtbot.wait(200)
    assert run_on_lane(qtbot, desk, lambda store: _exists(store, draft.record_id))
    records.discard_row(0)
    records.discard_question.findChild(object, "discard").click()
    qtbot.waitUntil(lambda: records.model.total() == 0, timeout=5000)
    assert not run_on_lane(qtbot, desk, lambda store: _exists(store, draft.record_id))
    saved = seeded["versions"]["MensahKofi"]
    records.search.clear()
    type_text(records.search, "kofi")
    qtbot.waitUntil(lambda: _one_row(records), timeout=5000)
    records.table.setCurrentIndex(records.model.index(0, 0))
    assert not records.discard_button.isEnabled()  # a saved record is never discarded
    records.discard_row(0)
    assert records.model.record_at(0).record_id == saved.record_id


def test_a_broad_search_says_more_than_it_lists(qtbot, desk, monkeypatch) -> None:
    from desktop.models import records_table

    monkeypatch.setattr(records_table, "COUNT_UP_TO", 1)
    seed(qtbot, desk)
    records = show_records(qtbot, desk)  # no text: every record, counted exactly
    type_text(records.search, "mensah")
    qtbot.waitUntil(lambda: records.model.more_than_shown, timeout=5000)
    assert records.model.total() == 1
    assert records.count_label.text() == "More than 1 records found: type more to narrow the search."

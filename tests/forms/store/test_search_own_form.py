"""A programme's own form in the store's search (issue 13): its identifying answers go to the indexed
columns by slot (forms.store.fields.search_slots), so they are searched through the same index (accents
and punctuation ignored, inside a value, phone digits), sorted by the same indexes (document and phone
orders too), and ``form_id`` narrows a search to that form's records."""

from __future__ import annotations

from forms.store import Store, records, search
from forms.store.fields import indexed_fields, search_slots

OWN = ["full_name", "licence_no", "contact_mobile"]
WORKERS = [
    {"full_name": "Musu Kollie-Dolo", "licence_no": "LR-1234", "contact_mobile": "+231 77 000 1234"},
    {"full_name": "Éric Zoé", "licence_no": "LR-0009", "contact_mobile": "+231 88 999 0000"},
]


def test_slots_follow_the_names_then_the_order() -> None:
    shipped = ["family_name", "given_name", "document_number", "phone"]
    assert search_slots(shipped) == {name: name for name in shipped}
    assert search_slots(OWN) == {"full_name": "family_name", "licence_no": "document_number",
                                 "contact_mobile": "phone"}  # fmt: skip
    assert search_slots(["first_name", "last_name", "village", "district", "county"]) == {
        "first_name": "given_name", "last_name": "family_name", "village": "document_number"}  # fmt: skip
    fields = indexed_fields(WORKERS[0], OWN)
    assert (fields.family_name_norm, fields.document_number, fields.phone) == (
        "musu kollie dolo", "LR1234", "231770001234")  # fmt: skip
    assert indexed_fields(WORKERS[0]).family_name is None  # the shipped names: none here


def test_an_own_forms_records_are_searched_and_sorted_by_its_fields(store: Store, batch_id: str) -> None:
    for answers in WORKERS:
        records.save_record(store, batch_id, "health_return", "1", answers, draft=False, identifying=OWN)
    records.save_record(store, batch_id, "reg", "1", {"family_name": "Kollie"}, draft=False)

    def names(text: str = "", **options: object) -> list[str | None]:
        found = search.search(store, text, form_id="health_return", log=False, **options)  # type: ignore[arg-type]
        return [row.family_name for row in found]

    assert names("kollie dolo") == ["Musu Kollie-Dolo"]  # the shipped form's Kollie is another form's
    assert len(search.search(store, "kollie", log=False)) == 2  # without form_id: both forms
    assert names("eric") == ["Éric Zoé"] and names("lr0009") == ["Éric Zoé"]
    assert names("88999") == ["Éric Zoé"]  # phone digits
    assert names(order_by="family_name") == ["Éric Zoé", "Musu Kollie-Dolo"]
    assert names(order_by="document_number") == ["Éric Zoé", "Musu Kollie-Dolo"]
    assert names(order_by="phone") == ["Musu Kollie-Dolo", "Éric Zoé"]
    assert search.count(store, "lr", form_id="health_return") == 2

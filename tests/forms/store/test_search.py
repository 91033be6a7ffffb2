"""Search, count, paging and duplicate checks, all in SQL; plus the audit entries they leave."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from forms.store import Store, audit, records, search
from tests.forms.store.conftest import person

PEOPLE = [
    {"given_name": "Conceição", "family_name": "da Silva", "birth_date": "1985-03-02",
     "document_number": "PT-123 456", "phone": "+351 912 345 678"},
    {"given_name": "Kouamé", "family_name": "N'Guessan", "birth_date": "1990-07-14",
     "document_number": "CI998877", "phone": "+225 07 11 22 33"},
    {"given_name": "Amara", "family_name": "Nguema", "birth_date": "1979-12-31",
     "document_number": "GA55511", "phone": "+241 06 44 55 66"},
    {"given_name": "Élodie", "family_name": "Silvestre", "birth_date": "2001-01-01",
     "document_number": "FR777", "phone": "+33 6 12 34 56 78"},
]  # fmt: skip


@pytest.fixture
def filled(store: Store, batch_id: str) -> dict[str, str]:
    """family name -> record id"""
    ids = {}
    for answers in PEOPLE:
        ids[str(answers["family_name"])] = records.save_record(
            store, batch_id, "reg", "1", answers, draft=False
        ).record_id
    return ids


def _families(found: list[search.RecordSummary]) -> list[str | None]:
    return sorted(row.family_name for row in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ngue", ["N'Guessan", "Nguema"]),  # apostrophe ignored
        ("N'GUES", ["N'Guessan"]),
        ("nguessan", ["N'Guessan"]),  # typed without the apostrophe (issue 12)
        ("conce", ["da Silva"]),  # given name, accents stripped
        ("CONCEIÇÃO", ["da Silva"]),
        ("silva", ["da Silva"]),  # a name inside a compound name (issue 12)
        ("silv", ["Silvestre", "da Silva"]),  # anywhere in a name, not only its start
        ("dasilva", ["da Silva"]),  # spaces do not matter
        ("da si", ["da Silva"]),  # short words only: the words as one run
        ("da silv", ["Silvestre", "da Silva"]),  # a short word next to a long one narrows nothing
        ("kouame ngue", ["N'Guessan"]),  # or each word somewhere
        ("lodie", ["Silvestre"]),  # inside "Élodie"
        ("ci9988", ["N'Guessan"]),  # document number, normalised
        ("pt123", ["da Silva"]),
        ("PT123 456", ["da Silva"]),  # the document number spaced as on the passport
        ("+241 06", ["Nguema"]),  # phone digits
        ("0711", ["N'Guessan"]),  # any run of the phone's digits (issue 12)
        ("912345", ["da Silva"]),
        ("k", ["N'Guessan"]),  # one letter: prefixes (Kouamé)
        ("zzz", []),
        ('"silva" OR x*', ["da Silva"]),  # FTS syntax is only text: "silva" (no OR, no prefix star)
        ('zzz" OR "silva', []),
        ("", ["N'Guessan", "Nguema", "Silvestre", "da Silva"]),
    ],
)
def test_search_matches_names_documents_and_phones_anywhere(
    store: Store, filled: dict[str, str], text: str, expected: list[str]
) -> None:
    found = search.search(store, text)
    assert _families(found) == sorted(expected)
    assert search.count(store, text) == len(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("silv", ["Silvestre"]), ("0711", []), ("da silv", ["da Silva"]), ("nguessan", ["N'Guessan"])],
)
def test_prefix_matching_is_kept_for_the_benchmark_baseline(
    store: Store, filled: dict[str, str], text: str, expected: list[str]
) -> None:
    assert _families(search.search(store, text, matching="prefix")) == sorted(expected)


def test_a_store_of_schema_2_gets_its_search_index(store: Store, filled: dict[str, str]) -> None:
    from forms.store import migrate
    from forms.store.database import run_outside_transaction

    with store.session() as session:
        session.execute(text("DELETE FROM record_search"))
    assert search.search(store, "silva") == []
    run_outside_transaction(store.engine, "PRAGMA user_version = 2")
    migrate.migrate(store.engine, store.take_backup)
    assert _families(search.search(store, "silva")) == ["da Silva"]


def test_only_latest_versions_are_found(store: Store, batch_id: str, filled: dict[str, str]) -> None:
    changed = dict(PEOPLE[0], family_name="Pereira")
    records.save_record(store, batch_id, "reg", "1", changed, draft=False, record_id=filled["da Silva"])
    assert search.search(store, "da silva") == []
    assert _families(search.search(store, "pereira")) == ["Pereira"]
    assert search.count(store) == 4


def test_paging_and_ordering(store: Store, batch_id: str) -> None:
    for n in range(25):
        records.save_record(
            store, batch_id, "reg", "1", person(n, family_name=f"Family{n:02d}"), draft=n % 5 == 0
        )
    page1 = search.search(store, order_by="family_name", limit=10)
    page3 = search.search(store, order_by="family_name", offset=20, limit=10)
    assert [row.family_name for row in page1] == [f"Family{n:02d}" for n in range(10)]
    assert [row.family_name for row in page3] == [f"Family{n:02d}" for n in range(20, 25)]
    assert search.count(store, status="draft") == 5
    assert {row.status for row in search.search(store, status="draft")} == {"draft"}
    newest = search.search(store, order_by="newest", limit=1)[0]
    assert newest.family_name == "Family24"
    assert search.count(store, batch_id="another") == 0
    today = newest.created_at[:10]
    assert search.count(store, created_from=today, created_to=today) == 25
    assert search.count(store, created_to="2000-01-01") == 0


def test_duplicates_by_document_or_birth_date_and_similar_name(store: Store, filled: dict[str, str]) -> None:
    same_document = search.find_duplicates(store, {"document_number": "ci 998877", "family_name": "Other"})
    assert [(c.summary.record_id, c.reason) for c in same_document] == [
        (filled["N'Guessan"], "same_document")
    ]
    similar = search.find_duplicates(
        store, {"given_name": "Kouame", "family_name": "Nguessan", "birth_date": "1990-07-14"}
    )
    assert [(c.summary.record_id, c.reason) for c in similar] == [
        (filled["N'Guessan"], "same_birth_date_similar_name")
    ]
    assert (
        search.find_duplicates(
            store, {"given_name": "Jean", "family_name": "Dupont", "birth_date": "1990-07-14"}
        )
        == []
    )
    assert search.find_duplicates(store, PEOPLE[1], exclude_record_id=filled["N'Guessan"]) == []


def test_searches_and_views_are_audited_without_the_text(store: Store, filled: dict[str, str]) -> None:
    search.search(store, "Conceição")
    records.latest_version(store, filled["da Silva"])
    with store.session() as session:
        entries = audit.entries(session, limit=2)
    assert [entry.action for entry in entries] == ["record_viewed", "records_searched"]
    assert entries[0].record_id == filled["da Silva"]
    assert "Concei" not in entries[1].details and '"results":1' in entries[1].details


def test_every_query_plan_returns_the_same_pages(
    store: Store, batch_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Few matches are sorted in memory, many walk the sort index: both must give identical pages."""
    for n in range(30):
        records.save_record(
            store, batch_id, "reg", "1", person(n, birth_date=f"19{n % 7}0-01-01"), draft=False
        )
    orders: list[search.OrderBy] = ["newest", "oldest", "family_name", "given_name", "birth_date"]

    def pages() -> dict[tuple[str, str, int], list[str]]:
        return {
            (text, order, offset): [
                row.version_id
                for row in search.search(store, text, order_by=order, offset=offset, limit=7, log=False)
            ]
            for text in ("f", "family1", "given2 family", "p00000")
            for order in orders
            for offset in (0, 7, 28)
        }

    in_memory = pages()
    monkeypatch.setattr(search, "SORT_IN_MEMORY_UP_TO", 0)
    monkeypatch.setattr(search, "NAME_SORT_IN_MEMORY_UP_TO", 0)
    assert pages() == in_memory
    assert len(in_memory[("f", "family_name", 0)]) == 7 and len(in_memory[("f", "newest", 28)]) == 2
    assert len(in_memory[("family1", "oldest", 0)]) == 7  # Family1, Family10-19


def test_a_receipts_reference_finds_that_persons_record(store: Store, filled: dict[str, str]) -> None:
    """A person at the desk holds their receipt: its reference, typed as printed (any case, spaces for
    dashes), finds their record; one wrong character finds nothing (the check character)."""
    from forms.reference import reference_of

    reference = reference_of(filled["Nguema"])
    for typed in (reference, reference.lower(), reference.replace("-", " "), f"  {reference} "):
        found = search.search(store, typed, log=False)
        assert _families(found) == ["Nguema"], typed
        assert search.count(store, typed) == 1 and search.count(store, typed, up_to=10) == 1
    assert search.search(store, reference, order_by="family_name", log=False)[0].family_name == "Nguema"
    wrong = reference[:-1] + ("A" if reference[-1] != "A" else "B")
    assert search.search(store, wrong, log=False) == [] and search.count(store, wrong) == 0


# Long runs are looked up as pieces of at most six characters and checked whole in the indexed text
# (forms.store.search_index.pieces): these people hold the pieces of a run without the run, in one field
# or across two, and runs in every field, so a check that is missing or too loose finds them.
LONG_RUNS = [
    {"given_name": "Concei", "family_name": "Ceicao", "document_number": "XK12345",
     "phone": "+1 612 555 0147"},
    {"given_name": "Conceição", "family_name": "da Silva Ceicao", "document_number": "AB1234567",
     "phone": "+33 6 12 34 56 78"},
    {"given_name": "Ana", "family_name": "Conceixceicao", "document_number": "ZZ7654321",
     "phone": "+351 912 345 678"},
    {"given_name": "Kouamé", "family_name": "N'Guessan-Conceição", "document_number": "CI998877",
     "phone": "+225 07 11 22 33"},
    {"given_name": "Jean-Baptiste", "family_name": "Nguessan", "document_number": "B12345678",
     "phone": "+241 06 12 34 56"},
]  # fmt: skip
LONG_TEXTS = ["conceicao", "CONCEIÇÃO silva", "nguessanconceicao", "ceicao concei", "jeanbaptiste",
              "jean baptiste", "b1234567", "AB 1234567", "12345678", "6125550147", "+33 6 12 34 56",
              "612 34 56", "nguessan conceicao", "conceixceicao", "da silva ceicao", "silvaceica",
              "ab12345678"]  # fmt: skip


def _runs_found(text: str, people: list[dict[str, str]]) -> list[str]:
    """The search's rule, in Python: every word of 3+ characters (or, with none, the words as one run)
    is a run of one field's letters and digits, case, accents and punctuation ignored."""
    from forms.names import squash
    from forms.store.fields import normalize_document, normalize_phone

    words = [squash(word) for word in text.split() if squash(word)]
    runs = [word for word in words if len(word) >= 3] or ["".join(words)]
    found = []
    for answers in people:
        document = normalize_document(answers["document_number"]).casefold()
        fields = [squash(answers["family_name"]), squash(answers["given_name"]), document,
                  normalize_phone(answers["phone"])]  # fmt: skip
        if all(any(run in field for field in fields) for run in runs):
            found.append(answers["family_name"])
    return sorted(found)


@pytest.mark.parametrize("whole_phrases", [False, True])
def test_long_runs_find_exactly_the_rows_that_hold_them_whole(
    store: Store, batch_id: str, monkeypatch: pytest.MonkeyPatch, whole_phrases: bool
) -> None:
    """The same rows as each run looked up whole (as before the pieces: ``whole_phrases``)."""
    from forms.store import search_index

    if whole_phrases:
        monkeypatch.setattr(search_index, "MAX_PHRASE", 1000)
    for answers in LONG_RUNS:
        records.save_record(store, batch_id, "reg", "1", answers, draft=False)
    orders: list[search.OrderBy] = ["newest", "oldest", "family_name", "given_name", "birth_date"]
    for typed in LONG_TEXTS:
        expected = _runs_found(typed, LONG_RUNS)
        for order in orders:
            found = search.search(store, typed, order_by=order, log=False)
            assert _families(found) == expected, (typed, order)
        assert search.count(store, typed) == len(expected), typed
        assert search.count(store, typed, up_to=1) == min(len(expected), 2), typed
        assert search.count(store, typed, batch_id=batch_id, up_to=10) == len(expected), typed
    assert _runs_found("conceicao", LONG_RUNS) == ["N'Guessan-Conceição", "da Silva Ceicao"]  # the traps hold
    assert _runs_found("b1234567", LONG_RUNS) == ["Nguessan", "da Silva Ceicao"]


def test_counts_of_prefix_searches_match_their_rows(store: Store, batch_id: str) -> None:
    """Counting the prefix branches one after another (each adds the rows no earlier branch holds) gives
    the rows the search lists, people with empty fields included (an empty field is NULL in SQL)."""
    people = [*PEOPLE, {"given_name": "Kofi", "birth_date": "1980-01-01"}, {"family_name": "Koné"},
              {"given_name": "Nnamdi", "family_name": "Nwosu", "document_number": "NG12"},
              {"given_name": "Ana", "family_name": "Ng", "phone": "+234 801 000 0001"}]  # fmt: skip
    for answers in people:
        records.save_record(store, batch_id, "reg", "1", answers, draft=False)
    for typed in (
        "k",
        "ko",
        "n",
        "ng",
        "N'",
        "c",
        "a",
        "g",
        "p",
        "f",
        "e",
        "da",
        "a n",
        "k n",
        "k k",
        "2",
        "+3",
    ):
        for matching in ("infix", "prefix"):
            listed = search.search(store, typed, limit=1000, log=False, matching=matching)  # type: ignore[arg-type]
            counted = search.count(store, typed, matching=matching)  # type: ignore[arg-type]
            assert counted == len(listed), (typed, matching)
            assert search.count(store, typed, batch_id=batch_id, matching=matching) == counted  # type: ignore[arg-type]
            assert search.count(store, typed, batch_id="another", matching=matching) == 0  # type: ignore[arg-type]
    assert search.count(store, "k") == 3 and search.count(store, "n") == 4  # Kouamé, Kofi, Koné; N'Guessan...

"""Review: send back, the clerk's list, correction by a new version, per-batch counts, approval."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sqlalchemy import select

from forms.store import CLERK, BatchStateError, NotAllowedError, Store, batches, migrate, records, review
from forms.store.schema import AuditRow

from .conftest import CLERK_PASSPHRASE, PASSPHRASE, person


def _saved_by_clerk(store: Store, data_dir: Path, batch_id: str) -> str:
    store.add_operator("kofi", CLERK, CLERK_PASSPHRASE)
    with Store.unlock(data_dir, "kofi", CLERK_PASSPHRASE) as clerk:
        return records.save_record(clerk, batch_id, "diaspora", "1", person(1), draft=False).record_id


def test_a_new_store_is_at_the_review_schema(store: Store) -> None:
    assert migrate.schema_version(store.engine) == migrate.CURRENT_VERSION >= 2
    assert review.needing_correction(store, "*") == []


def test_sent_back_reaches_the_clerk_and_a_new_version_corrects_it(
    store: Store, data_dir: Path, batch_id: str
) -> None:
    record_id = _saved_by_clerk(store, data_dir, batch_id)
    comment = "Birth date of Given1 looks wrong"
    flag = review.send_back(store, record_id, comment)
    assert review.flagged_counts(store) == {batch_id: 1}
    with pytest.raises(BatchStateError, match="sent back"):
        review.close_and_approve(store, batch_id)

    with Store.unlock(data_dir, "kofi", CLERK_PASSPHRASE) as clerk:
        waiting = review.needing_correction(clerk)
        assert [(f.record_id, f.comment) for f in waiting] == [(record_id, comment)]
        corrected = records.save_record(
            clerk,
            batch_id,
            "diaspora",
            "1",
            person(1, birth_date="1981-02-02"),
            draft=False,
            record_id=record_id,
        )
        assert review.needing_correction(clerk) == []

    assert review.flagged_counts(store) == {}
    [settled] = review.flags_of_batch(store, batch_id)
    assert settled.id == flag.id and settled.corrected_version_id == corrected.version_id
    review.close_and_approve(store, batch_id)
    assert batches.get_batch(store, batch_id).status == "approved"

    with store.session() as session:
        actions = {row.action: row for row in session.scalars(select(AuditRow))}
        assert {"record_sent_back", "record_corrected", "batch_approved"} <= set(actions)
        logged = " ".join(f"{row.details}" for row in session.scalars(select(AuditRow)))
    assert "Birth date" not in logged and "Given1" not in logged


def test_a_draft_fix_does_not_count_as_corrected(store: Store, data_dir: Path, batch_id: str) -> None:
    record_id = _saved_by_clerk(store, data_dir, batch_id)
    review.send_back(store, record_id, "phone missing a digit")
    with Store.unlock(data_dir, "kofi", CLERK_PASSPHRASE) as clerk:
        records.save_record(clerk, batch_id, "diaspora", "1", person(1), draft=True, record_id=record_id)
        assert len(review.needing_correction(clerk)) == 1


def test_only_a_supervisor_sends_back_or_approves(store: Store, data_dir: Path, batch_id: str) -> None:
    record_id = _saved_by_clerk(store, data_dir, batch_id)
    with Store.unlock(data_dir, "kofi", CLERK_PASSPHRASE) as clerk:
        with pytest.raises(NotAllowedError):
            review.send_back(clerk, record_id, "fix it")
        with pytest.raises(NotAllowedError):
            review.close_and_approve(clerk, batch_id)


def test_refusals_are_sentences(store: Store, data_dir: Path, batch_id: str) -> None:
    record_id = _saved_by_clerk(store, data_dir, batch_id)
    with pytest.raises(BatchStateError, match="empty"):
        review.send_back(store, record_id, "   ")
    review.send_back(store, record_id, "check the name")
    with pytest.raises(BatchStateError, match="already sent back"):
        review.send_back(store, record_id, "again")
    draft = records.save_record(store, batch_id, "diaspora", "1", person(2), draft=True)
    with pytest.raises(BatchStateError, match="draft"):
        review.send_back(store, draft.record_id, "not yet")


def test_an_approved_batch_cannot_be_approved_again(store: Store, batch_id: str) -> None:
    records.save_record(store, batch_id, "diaspora", "1", person(3), draft=False)
    review.close_and_approve(store, batch_id)
    with pytest.raises(BatchStateError, match="already approved"):
        review.close_and_approve(store, batch_id)


def test_duplicates_suspected_are_counted_per_batch(store: Store, batch_id: str) -> None:
    other_batch = batches.open_batch(store, "Atlanta consulate day", "Atlanta", "2026-06-20").id
    records.save_record(store, batch_id, "diaspora", "1", person(1), draft=False)
    records.save_record(
        store, other_batch, "diaspora", "1", person(2, document_number="P0000001"), draft=False
    )
    records.save_record(store, other_batch, "diaspora", "1", person(3), draft=False)  # a different person
    same_name = person(4, given_name="Given1", family_name="Family1", document_number="X1")
    records.save_record(store, other_batch, "diaspora", "1", same_name, draft=False)
    assert review.duplicate_counts(store) == {batch_id: 1, other_batch: 2}


def test_a_version_1_store_gains_the_review_table_on_unlock(store: Store, data_dir: Path) -> None:
    from forms.store.backup import list_backups
    from forms.store.database import run_outside_transaction

    run_outside_transaction(store.engine, "DROP TABLE review_flags")
    run_outside_transaction(store.engine, "PRAGMA user_version = 1")
    store.close()
    with Store.unlock(data_dir, "amara", PASSPHRASE) as again:
        assert migrate.schema_version(again.engine) == migrate.CURRENT_VERSION
        assert review.flagged_counts(again) == {}
    assert [b.reason for b in list_backups(data_dir)] == ["schema1"]


def test_duplicate_counts_match_every_record_compared_with_every_other(store: Store, batch_id: str) -> None:
    """The counts (found by walking the indexes) equal a plain comparison of every latest record with
    every other: shared documents, shared birth date and names, edits that drop a shared document,
    drafts, records without a document or a birth date, hundreds of shared keys."""
    rng = random.Random(12)
    batch_ids = [batch_id] + [
        batches.open_batch(store, f"Day {n}", "Atlanta", "2026-06-20").id for n in range(2)
    ]
    saved: dict[str, tuple[str, dict[str, object]]] = {}  # record id -> (batch, latest answers)
    for n in range(1000):
        answers = person(n % 250 if n % 3 else n, birth_date=f"1980-01-{1 + n % 2:02d}")
        if n % 7 == 0:
            answers["document_number"] = ""
        if n % 11 == 0:
            answers.pop("birth_date")
        if n % 5 == 0:  # one name shared, the other not: not alike
            answers[rng.choice(("given_name", "family_name"))] = f"Other{n}"
        chosen = rng.choice(batch_ids)
        record = records.save_record(store, chosen, "diaspora", "1", answers, draft=n % 13 == 0)
        saved[record.record_id] = (chosen, answers)
    for record_id in rng.sample(sorted(saved), 40):  # edits: a new latest version with its own document
        chosen, answers = saved[record_id]
        edited = {**answers, "document_number": f"E{record_id[:8]}"}
        records.save_record(store, chosen, "diaspora", "1", edited, draft=False, record_id=record_id)
        saved[record_id] = (chosen, edited)

    def looks_alike(a: dict[str, object], b: dict[str, object]) -> bool:
        if a.get("document_number") and a.get("document_number") == b.get("document_number"):
            return True
        keys = ("birth_date", "family_name", "given_name")
        return all(a.get(k) for k in keys) and all(a.get(k) == b.get(k) for k in keys)

    expected: dict[str, int] = {}
    for record_id, (chosen, answers) in saved.items():
        if any(looks_alike(answers, other) for rid, (_b, other) in saved.items() if rid != record_id):
            expected[chosen] = expected.get(chosen, 0) + 1
    documents = [str(a["document_number"]) for _b, a in saved.values() if a.get("document_number")]
    assert len({d for d in documents if documents.count(d) > 1}) > 200
    assert review.duplicate_counts(store) == expected

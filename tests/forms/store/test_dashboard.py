"""The supervisor's day at a glance: counts in SQL on a real encrypted store."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from forms.store import CLERK, Store, batches, records, review
from forms.store.dashboard import answer_counts, day_at_a_glance

from .conftest import CLERK_PASSPHRASE, person


def _save(store: Store, batch_id: str, n: int, draft: bool = False, **extra: str) -> str:
    return records.save_record(store, batch_id, "diaspora", "1", person(n, **extra), draft=draft).record_id


def test_today_per_clerk_per_batch_and_the_open_work(store: Store, data_dir: Path, batch_id: str) -> None:
    first = _save(store, batch_id, 1, residence_country="US", invest_sectors="energy health")
    _save(store, batch_id, 2, residence_country="US", invest_sectors="energy", occupation="student")
    _save(store, batch_id, 3, draft=True, residence_country="FR")
    # an edit of a record is not a second registration
    records.save_record(
        store,
        batch_id,
        "diaspora",
        "1",
        person(1, residence_country="CA", invest_sectors="energy health"),
        False,
        first,
    )
    store.add_operator("kofi", CLERK, CLERK_PASSPHRASE)
    with Store.unlock(data_dir, "kofi", CLERK_PASSPHRASE) as clerk:
        other = batches.open_batch(clerk, "Kofi's day", "Paris", date.today().isoformat()).id
        sent = _save(clerk, other, 4, residence_country="FR", invest_interest="yes")
    review.send_back(store, sent, "check the birth date")

    glance = day_at_a_glance(store)
    assert glance.registered_today == 3
    assert dict(glance.per_clerk) == {"amara": 2, "kofi": 1}
    assert dict(glance.per_batch) == {"Minneapolis community day": 2, "Kofi's day": 1}
    assert glance.drafts == 1
    assert glance.sent_back == 1
    assert glance.waiting_to_sync == 4  # three registrations and one new version
    assert glance.last_sync is None
    # the draft is not counted; the edited record counts with its latest answer (CA)
    assert dict(glance.charts["residence_country"]) == {"US": 1, "CA": 1, "FR": 1}
    assert glance.charts["invest_sectors"] == [("energy", 2), ("health", 1)]
    assert dict(glance.charts["invest_interest"]) == {"yes": 1}
    assert answer_counts(store, "occupation", False) == [("student", 1)]


def test_another_day_counts_nothing_today(store: Store, batch_id: str) -> None:
    _save(store, batch_id, 1)
    tomorrow = date.today() + timedelta(days=1)
    glance = day_at_a_glance(store, tomorrow)
    assert glance.registered_today == 0 and glance.per_clerk == [] and glance.per_batch == []
    assert glance.day == tomorrow.isoformat()

"""The Start page's kept counts equal a full recount whatever happens to the records: saves, edits, drafts,
discards, erasure, retention of synced records and of old drafts, and the backfill of schema step 8."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from forms.store import Store, migrate, outbox, records
from forms.store.chart_counts import CHART_FIELDS, chart_counts
from forms.store.dashboard import answer_counts, day_at_a_glance
from forms.store.database import run_outside_transaction
from forms.store.erasure import erase_record
from forms.store.retention import (
    draft_warnings,
    persons_kept,
    purge_due,
    purge_old_drafts,
    set_purge_days,
)
from forms.store.stats import counts

from .conftest import PASSPHRASE, person


def _recount(store: Store) -> dict[str, list[tuple[str, int]]]:
    return {name: answer_counts(store, name, several) for name, several in CHART_FIELDS.items()}


def _kept(store: Store) -> dict[str, list[tuple[str, int]]]:
    with store.session(read_only=True) as session:
        return chart_counts(session)


def _distinct(store: Store, where: str) -> int:
    with store.session(read_only=True) as session:
        query = f"SELECT count(DISTINCT record_id) FROM records WHERE {where}"
        return int(session.execute(text(query)).scalar() or 0)


def _check(store: Store) -> None:
    """The kept chart counts and the counts over the indexes, against the full recounts."""
    assert _kept(store) == _recount(store)
    assert day_at_a_glance(store).charts == _recount(store)
    with store.session(read_only=True) as session:
        assert counts(session).records == _distinct(store, "status = 'final'")
    assert persons_kept(store) == _distinct(store, "is_latest = 1 AND status = 'final'")


def _save(
    store: Store, batch_id: str, n: int, draft: bool = False, record: str | None = None, **extra: str
) -> str:
    saved = records.save_record(
        store, batch_id, "diaspora", "1", person(n, **extra), draft=draft, record_id=record
    )
    return saved.record_id


def test_kept_counts_follow_saves_edits_drafts_discards_erasure_and_retention(
    store: Store, batch_id: str
) -> None:
    us = _save(
        store, batch_id, 1, residence_country="US", invest_sectors="energy health", occupation="student"
    )
    fr = _save(store, batch_id, 2, residence_country="FR", invest_sectors="energy", invest_interest="yes")
    _save(store, batch_id, 3, residence_country="", occupation="retired")  # an empty answer is not counted
    # spaces around and between the choices
    _save(store, batch_id, 4, invest_sectors="  trade tourism  ict ", skills_sector="health")
    _check(store)
    assert dict(_kept(store)["invest_sectors"]) == {
        "energy": 2,
        "health": 1,
        "trade": 1,
        "tourism": 1,
        "ict": 1,
    }

    # an edit: the new version counts, the old one no longer
    _save(store, batch_id, 1, record=us, residence_country="CA", invest_sectors="health")
    _check(store)
    assert dict(_kept(store)["residence_country"]) == {"CA": 1, "FR": 1}

    # a draft is not counted; a draft editing a saved record takes it out until saved or discarded
    draft = _save(store, batch_id, 5, draft=True, residence_country="PT")
    _save(store, batch_id, 2, draft=True, record=fr, residence_country="GB")
    _check(store)
    assert dict(_kept(store)["residence_country"]) == {"CA": 1}
    records.discard_draft(store, fr)  # the saved version is the latest again
    _save(store, batch_id, 5, draft=False, record=draft, residence_country="PT")  # the draft becomes final
    _check(store)
    assert dict(_kept(store)["residence_country"]) == {"CA": 1, "FR": 1, "PT": 1}
    records.discard_draft(store, _save(store, batch_id, 6, draft=True, residence_country="DE"))
    _check(store)

    # erasure of an unsent record, then of one the server holds (a husk and a tombstone stay)
    erase_record(store, us, "subject_request")
    _check(store)
    items = outbox.pending(store)
    outbox.acknowledge(store, [outbox.Acknowledgement(item.sequence, "accepted") for item in items])
    erase_record(store, fr, "consent_withdrawn")
    _check(store)
    assert "FR" not in dict(_kept(store)["residence_country"])

    # retention: an old draft editing a saved record goes (the saved version counts again) ...
    synced = _save(store, batch_id, 7, residence_country="SN")
    _save(store, batch_id, 7, draft=True, record=synced, residence_country="ML")
    _check(store)
    later = datetime.now(UTC) + timedelta(days=90)
    draft_warnings(store, later)
    assert purge_old_drafts(store, later + timedelta(days=8)) == (1, 0)
    _check(store)
    assert dict(_kept(store)["residence_country"])["SN"] == 1

    # ... and records the server acknowledged are purged
    items = outbox.pending(store)
    outbox.acknowledge(store, [outbox.Acknowledgement(item.sequence, "accepted") for item in items])
    set_purge_days(store, 0)
    assert purge_due(store, datetime.now(UTC) + timedelta(days=1)) > 0
    _check(store)
    assert all(counted == [] for counted in _kept(store).values())


def test_a_store_from_schema_7_gets_its_counts_backfilled(
    store: Store, batch_id: str, data_dir: Path
) -> None:
    _save(store, batch_id, 1, residence_country="US", invest_sectors="energy health")
    _save(store, batch_id, 2, residence_country="US", occupation="student")
    _save(store, batch_id, 3, draft=True, residence_country="FR")
    with store.session() as session:  # as a store written before step 8: no table, no triggers
        for name in ("records_chart_insert", "records_chart_update", "records_chart_delete"):
            session.execute(text(f"DROP TRIGGER {name}"))
        session.execute(text("DROP TABLE chart_counts"))
        session.execute(text("DROP INDEX ix_records_status_latest"))
        session.execute(text("DROP INDEX ix_records_first_created"))
    _save(store, batch_id, 4, residence_country="CA")  # saved while nothing counted it
    run_outside_transaction(store.engine, "PRAGMA user_version = 7")
    store.close()
    with Store.unlock(data_dir, "amara", PASSPHRASE) as again:
        assert migrate.schema_version(again.engine) == migrate.CURRENT_VERSION >= 8
        _check(again)
        assert dict(_kept(again)["residence_country"]) == {"US": 2, "CA": 1}
        assert _kept(again)["invest_sectors"] == [("energy", 1), ("health", 1)]

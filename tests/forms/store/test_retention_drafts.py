"""Retention of unfinished work and at unlock: drafts and autosaves go after a warning, never before it;
records purged after sync are counted as only on the server now."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from forms.store import Store, outbox, records, search
from forms.store.autosave import read_autosave, write_autosave
from forms.store.errors import NotAllowedError
from forms.store.retention import (
    WARN_DAYS,
    DraftDeletion,
    draft_days,
    draft_warnings,
    purge_at_unlock,
    purge_old_drafts,
    server_only,
    set_draft_days,
    set_purge_days,
)
from tests.forms.store.conftest import CLERK_PASSPHRASE, person
from tests.sync.protection.pages import hits

CANARY = "Qzdraftcanary"


def _held(store: Store, record_id: str) -> int:
    with store.session(read_only=True) as session:
        query = text("SELECT count(*) FROM records WHERE record_id = :r")
        return int(session.execute(query, {"r": record_id}).scalar() or 0)


def _day(moment: datetime) -> str:
    return moment.astimezone().date().isoformat()


def test_old_drafts_and_autosaves_are_announced_then_deleted_not_before(store: Store, batch_id: str) -> None:
    saved = records.save_record(store, batch_id, "diaspora", "1", person(1), draft=False)
    edit = records.save_record(
        store, batch_id, "diaspora", "1", person(1, note="x"), draft=True, record_id=saved.record_id
    )
    new = records.save_record(store, batch_id, "diaspora", "1", person(2, given_name=CANARY), draft=True)
    fresh = records.save_record(store, batch_id, "diaspora", "1", person(3), draft=True)
    write_autosave(store, "diaspora", "1", person(4, given_name=CANARY))
    assert draft_days(store) == 30
    start = datetime.now(UTC)
    # 22 days on: too young for the warning window (30 - 7 days); nothing announced, nothing deleted.
    assert draft_warnings(store, start + timedelta(days=22)) == []
    assert purge_old_drafts(store, start + timedelta(days=60)) == (0, 0)  # never announced: kept

    # A long time away: the first look at the Start page announces them, deletion WARN_DAYS later.
    seen = start + timedelta(days=90)
    # Read while the Start page is not on screen: the days are shown, nothing is noted as announced.
    assert draft_warnings(store, seen - timedelta(days=30), announce=False)[0].drafts == 3
    assert purge_old_drafts(store, seen + timedelta(days=60)) == (0, 0)
    with store.session() as session:  # the third draft was touched just before that look
        session.execute(
            text("UPDATE records SET updated_at = :t WHERE version_id = :v"),
            {"t": (seen - timedelta(days=1)).isoformat(), "v": fresh.version_id},
        )
    assert draft_warnings(store, seen) == [DraftDeletion(_day(seen + timedelta(days=WARN_DAYS)), 2, 1)]
    # Announced again later: the same day, not a later one.
    assert draft_warnings(store, seen + timedelta(days=3)) == [
        DraftDeletion(_day(seen + timedelta(days=WARN_DAYS)), 2, 1)
    ]
    assert purge_old_drafts(store, seen + timedelta(days=WARN_DAYS - 1)) == (0, 0)
    assert _held(store, new.record_id) == 1

    assert purge_old_drafts(store, seen + timedelta(days=WARN_DAYS)) == (2, 1)
    assert _held(store, new.record_id) == 0  # a new person's draft leaves nothing
    latest = records.latest_version(store, saved.record_id, log_view=False)
    assert latest.version_id == saved.version_id and latest.status == "final"  # the edit's draft went
    assert _held(store, edit.record_id) == 1
    assert _held(store, fresh.record_id) == 1  # touched recently: its own clock
    assert read_autosave(store) is None
    assert search.count(store, CANARY.lower()) == 0
    store.checkpoint()
    assert hits(store.data_dir / "store.db", store._data_key(), [CANARY]) == {CANARY: 0}
    with store.session(read_only=True) as session:
        actions = [
            row[0]
            for row in session.execute(
                text("SELECT action FROM audit WHERE action IN ('draft_purged', 'autosaves_purged')")
            )
        ]
        details = " ".join(row[0] for row in session.execute(text("SELECT details FROM audit")))
    assert sorted(actions) == ["autosaves_purged", "draft_purged", "draft_purged"]
    assert CANARY.lower() not in details.lower()


def test_touching_an_announced_draft_starts_its_clock_again(store: Store, batch_id: str) -> None:
    draft = records.save_record(store, batch_id, "diaspora", "1", person(1), draft=True)
    later = datetime.now(UTC) + timedelta(days=40)
    assert draft_warnings(store, later)[0].drafts == 1
    records.save_record(
        store, batch_id, "diaspora", "1", person(1, note="y"), draft=True, record_id=draft.record_id
    )
    assert purge_old_drafts(store, later + timedelta(days=WARN_DAYS)) == (0, 0)
    assert _held(store, draft.record_id) == 1


def test_only_a_supervisor_sets_the_draft_age_and_it_leaves_room_for_the_warning(
    store: Store, data_dir: Path
) -> None:
    with pytest.raises(ValueError, match="from 8"):
        set_draft_days(store, WARN_DAYS)
    set_draft_days(store, 14)
    assert draft_days(store) == 14
    store.add_operator("kofi", "clerk", CLERK_PASSPHRASE)
    with Store.unlock(data_dir, "kofi", CLERK_PASSPHRASE) as clerk, pytest.raises(NotAllowedError):
        set_draft_days(clerk, 20)


def test_unlock_purges_what_is_due_and_the_laptop_counts_it_as_only_on_the_server(
    store: Store, batch_id: str
) -> None:
    first = records.save_record(store, batch_id, "diaspora", "1", person(1), draft=False)
    records.save_record(store, batch_id, "diaspora", "1", person(2), draft=False)
    items = outbox.pending(store)
    outbox.acknowledge(store, [outbox.Acknowledgement(item.sequence, "accepted") for item in items])
    waiting = records.save_record(store, batch_id, "diaspora", "1", person(3), draft=False)
    assert server_only(store) == 0
    # Not synced again for 8 days: the next unlock applies the 7-day setting.
    done = purge_at_unlock(store, datetime.now(UTC) + timedelta(days=8))
    assert (done.synced, done.drafts, done.autosaves) == (2, 0, 0)
    assert _held(store, first.record_id) == 0 and _held(store, waiting.record_id) == 1
    assert server_only(store) == 2 and server_only(store, batch_id) == 2
    assert server_only(store, "another-batch") == 0
    set_purge_days(store, 0)
    assert purge_at_unlock(store).synced == 0  # the unsent one stays whatever the setting

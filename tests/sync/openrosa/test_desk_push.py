"""The desk's OpenRosa push, over real HTTP to our own OpenRosa endpoints, through the fault proxy the
sync tests use: lost answers, 5xx, 429 with Retry-After, cut answers, refused connections. Every record
version arrives exactly once, edits as new versions of the same record, and the checkpoint drains."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from forms.engine import FormDefinition, load_form
from forms.store import Store
from forms.store.errors import NotAllowedError
from forms.store.schema import OutboxRow, RecordRow
from sync.client.backoff import Backoff
from sync.client.destinations.config import (
    OPENROSA,
    DestinationError,
    add_destination,
    get_destination,
    list_destinations,
    remove_destination,
)
from sync.client.destinations.push import DestinationPusher
from sync.client.state import open_issues
from sync.client.transport import ServerAddressError
from sync.server.models import RecordRow as ServerRecordRow
from sync.server.models import RecordVersionRow
from tests.sync.client.helpers import add_records, edit_record, new_store
from tests.sync.e2e.proxy import Fault, FaultProxy
from tests.sync.e2e.servers import ServerProcess, write_form
from tests.sync.openrosa.conftest import make_app_user
from tests.sync.openrosa.helpers import instance_xml, submit

FAST = Backoff(base=0.02, cap=0.2, max_attempts=12)
TIMEOUT = (2.0, 3.0)
SUBMISSION = "/v1/openrosa/"


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Store]:
    store = new_store(tmp_path / "desk")
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def proxy(server: ServerProcess) -> Iterator[FaultProxy]:
    with FaultProxy(server.port) as running:
        yield running


@pytest.fixture(scope="module")
def e2e_form(tmp_path_factory: pytest.TempPathFactory) -> FormDefinition:
    return load_form(write_form(tmp_path_factory.mktemp("form") / "sync_e2e.xlsx"))


def pusher(store: Store, name: str, form: FormDefinition) -> DestinationPusher:
    destination = get_destination(store, name)
    return DestinationPusher(
        store,
        destination,
        forms=lambda f, v: form if (f, v) == ("sync_e2e", "1") else None,
        backoff=FAST,
        timeout=TIMEOUT,
    )


def desk_versions(store: Store) -> dict[str, str | None]:
    """version id -> the version it replaces, for every version in the outbox."""
    with store.session() as session:
        return dict(
            session.execute(
                select(RecordRow.version_id, RecordRow.deprecated_id).join(
                    OutboxRow, OutboxRow.version_id == RecordRow.version_id
                )
            ).all()
        )


def assert_exactly_once(server: ServerProcess, store: Store) -> None:
    versions = desk_versions(store)
    with server.engine() as engine, engine.connect() as connection:
        rows = connection.execute(
            select(RecordVersionRow.version_id, RecordVersionRow.record_id, func.count())
            .where(RecordVersionRow.version_id.in_(list(versions)))
            .group_by(RecordVersionRow.version_id, RecordVersionRow.record_id)
        ).all()
        record_of = {row.version_id: row.record_id for row in rows}
        assert sorted(record_of) == sorted(versions)  # every version there
        assert all(row[2] == 1 for row in rows)  # once
        for version, replaces in versions.items():
            if replaces:
                assert record_of[version] == record_of[replaces]  # an edit is a new version of its record
        with store.session() as session:
            latest = set(session.scalars(select(RecordRow.version_id).where(RecordRow.is_latest)))
        heads = set(
            connection.scalars(
                select(ServerRecordRow.head_version_id).where(
                    ServerRecordRow.record_id.in_(set(record_of.values()))
                )
            )
        )
        assert heads == latest  # no head went back to an older version


def test_destinations_are_for_supervisors_and_kept_in_the_store(desk: Store) -> None:
    central = add_destination(
        desk, kind="odk-central", url="https://central.example.org", token="abc", project_id=3, name="central"
    )
    assert central.submission_path == "/v1/key/abc/projects/3/submission"
    kobo = add_destination(desk, kind="kobo", url="https://kc.kobotoolbox.org", token="t0k", name="kobo")
    assert kobo.submission_path == "/submission" and kobo.auth_headers() == {"Authorization": "Token t0k"}
    assert [d.name for d in sorted(list_destinations(desk), key=lambda d: d.name)] == ["central", "kobo"]
    with pytest.raises(DestinationError):
        add_destination(desk, kind="odk-central", url="https://c.example.org", token="x", name="nope")
    with pytest.raises(ServerAddressError):  # plain http only to this computer, as for our own server
        add_destination(desk, kind="kobo", url="http://kobo.example.org", token="x", name="plain")
    remove_destination(desk, "kobo")
    assert [d.name for d in list_destinations(desk)] == ["central"]


def test_push_through_a_hostile_network_sends_every_version_once(
    server: ServerProcess, proxy: FaultProxy, desk: Store, e2e_form: FormDefinition
) -> None:
    _, token = make_app_user(server, "desk push")
    add_destination(desk, kind=OPENROSA, url=f"{proxy.url}/v1/openrosa/{token}", token="", name="ours")
    first = add_records(desk, 6)
    edit_record(desk, first[0], {"full_name": "Person 0 edited", "age": 40})
    proxy.add(
        Fault("swallow", SUBMISSION),  # the server stored it, the answer is lost: resend -> 201 identical
        Fault("status", SUBMISSION, status=503),
        Fault("truncate", SUBMISSION),
        Fault("status", SUBMISSION, status=429, retry_after="0"),
        Fault("refuse", SUBMISSION),
        Fault("pass", SUBMISSION),
        Fault("swallow", SUBMISSION),
    )
    report = pusher(desk, "ours", e2e_form).run()
    assert report.ok, report.sentence()
    assert report.counts["sent"] == 7
    assert proxy.pending_faults() == 0
    assert_exactly_once(server, desk)
    # a second pass has nothing to send
    again = pusher(desk, "ours", e2e_form).run()
    assert again.ok and again.counts["sent"] == 0
    # an edit made later goes out as a new version of the record on the server
    edit_record(desk, first[1], {"full_name": "Person 1 edited", "age": 41})
    assert pusher(desk, "ours", e2e_form).run().counts["sent"] == 1
    assert_exactly_once(server, desk)


def test_different_xml_for_a_sent_version_goes_to_the_conflicts_queue(
    server: ServerProcess, desk: Store, e2e_form: FormDefinition
) -> None:
    _, token = make_app_user(server, "desk conflict")
    add_destination(desk, kind=OPENROSA, url=f"{server.url}/v1/openrosa/{token}", token="", name="ours")
    (record,) = add_records(desk, 1)
    # Another sender already stored this instanceID with other content (as if the same version id had
    # been sent to the destination by another means).
    assert (
        submit(server.url, token, instance_xml(record.version_id, full_name="Someone else")).status_code
        == 201
    )
    report = pusher(desk, "ours", e2e_form).run()
    assert report.counts["conflict"] == 1 and report.remaining == 0
    issues = [issue for issue in open_issues(desk) if issue.version_id == record.version_id]
    assert issues and issues[0].status == "conflict" and issues[0].reason == "destination_conflict"


def test_a_wrong_token_stops_the_destination_without_moving_on(
    server: ServerProcess, desk: Store, e2e_form: FormDefinition
) -> None:
    add_destination(desk, kind=OPENROSA, url=f"{server.url}/v1/openrosa/wrong-token", token="", name="ours")
    add_records(desk, 2)
    report = pusher(desk, "ours", e2e_form).run()
    assert report.error is not None and "401" in report.error
    assert report.remaining == 2 and report.counts["sent"] == 0


def test_only_a_supervisor_adds_or_removes_a_destination(tmp_path: Path) -> None:
    store = new_store(tmp_path / "desk")
    add_destination(store, kind="kobo", url="https://kc.kobotoolbox.org", token="t0k", name="kobo")
    store.add_operator("clerk1", "clerk", "another long passphrase 77")
    store.close()
    clerk = Store.unlock(tmp_path / "desk", "clerk1", "another long passphrase 77")
    try:
        with pytest.raises(NotAllowedError):
            add_destination(clerk, kind="kobo", url="https://kc.kobotoolbox.org", token="x", name="other")
        with pytest.raises(NotAllowedError):
            remove_destination(clerk, "kobo")
    finally:
        clerk.close()

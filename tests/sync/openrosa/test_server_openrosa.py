"""Our server's OpenRosa endpoints over real HTTP, with Central's semantics: 201 new, 201 and nothing
stored twice on an identical resend, 409 on different XML under the same instanceID, deprecatedID edits
as new versions, 401/403 for wrong/revoked tokens, a clear 400 for malformed XML; pending until accepted."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
import zlib

import requests
from lxml import etree
from sqlalchemy import func, select

from sync.server.models import (
    OpenRosaAttachmentRow,
    RecordReviewRow,
    RecordVersionRow,
)
from tests.sync.e2e.servers import E2E_FORM_ID, ServerProcess
from tests.sync.openrosa.conftest import make_app_user
from tests.sync.openrosa.helpers import instance_xml, new_id, submit
from tests.sync.openrosa.server_records import record_of

OR_NS = {"or": "http://openrosa.org/http/response"}


def versions_of(server: ServerProcess, version_id: str) -> int:
    with server.engine() as engine, engine.connect() as connection:
        return int(
            connection.scalar(
                select(func.count())
                .select_from(RecordVersionRow)
                .where(RecordVersionRow.version_id == version_id)
            )
            or 0
        )


def message(response: requests.Response) -> str:
    root = etree.fromstring(response.content)
    return str(root.findtext("or:message", namespaces=OR_NS))


def test_new_submission_is_201_and_attributed_and_pending(
    server: ServerProcess, app_user: tuple[str, str]
) -> None:
    user_id, token = app_user
    instance = new_id()
    response = submit(server.url, token, instance_xml(instance), {"photo.jpg": b"\xff\xd8 not really a jpeg"})
    assert response.status_code == 201, response.text
    assert response.headers["X-OpenRosa-Version"] == "1.0"
    assert "successful" in message(response)
    record_id, head, owner = record_of(server, instance)
    assert head == instance and owner == user_id
    with server.engine() as engine, engine.connect() as connection:
        status = connection.scalar(
            select(RecordReviewRow.status).where(RecordReviewRow.record_id == record_id)
        )
        attachment = connection.scalar(
            select(OpenRosaAttachmentRow.content).where(OpenRosaAttachmentRow.version_id == instance)
        )
        answers = json.loads(
            connection.scalar(
                select(RecordVersionRow.answers_json).where(RecordVersionRow.version_id == instance)
            )
        )
    assert status == "pending"
    assert attachment == b"\xff\xd8 not really a jpeg"
    assert answers["full_name"] == "Ama Mensah" and answers["age"] == 34
    assert answers["meta"]["instanceID"] == f"uuid:{instance}"


def test_identical_resend_is_201_and_stores_nothing_twice(
    server: ServerProcess, app_user: tuple[str, str]
) -> None:
    _, token = app_user
    instance = new_id()
    xml = instance_xml(instance)
    assert submit(server.url, token, xml).status_code == 201
    before = server.stats()
    again = submit(server.url, token, xml)
    assert again.status_code == 201, again.text
    after = server.stats()
    assert versions_of(server, instance) == 1
    assert (after["versions"], after["distinct_records"]) == (before["versions"], before["distinct_records"])


def test_different_xml_with_the_same_instance_id_is_409(
    server: ServerProcess, app_user: tuple[str, str]
) -> None:
    _, token = app_user
    instance = new_id()
    assert submit(server.url, token, instance_xml(instance, full_name="Kofi Annan")).status_code == 201
    response = submit(server.url, token, instance_xml(instance, full_name="Kofi Anan"))
    assert response.status_code == 409, response.text
    assert "instanceID" in message(response)
    with server.engine() as engine, engine.connect() as connection:
        answers = json.loads(
            connection.scalar(
                select(RecordVersionRow.answers_json).where(RecordVersionRow.version_id == instance)
            )
        )
    assert answers["full_name"] == "Kofi Annan"  # nothing overwritten


def test_deprecated_id_edit_is_a_new_version_of_the_record(
    server: ServerProcess, app_user: tuple[str, str]
) -> None:
    _, token = app_user
    first, edit = new_id(), new_id()
    assert submit(server.url, token, instance_xml(first, age=30)).status_code == 201
    response = submit(server.url, token, instance_xml(edit, age=31, deprecated_id=first))
    assert response.status_code == 201, response.text
    record_first, _, _ = record_of(server, first)
    record_edit, head, _ = record_of(server, edit)
    assert record_first == record_edit and head == edit
    # an edit of a version that is no longer the head is refused, as Central does
    stale = submit(server.url, token, instance_xml(new_id(), age=32, deprecated_id=first))
    assert stale.status_code == 409
    # an edit naming a version the server does not hold
    assert submit(server.url, token, instance_xml(new_id(), deprecated_id=new_id())).status_code == 404


def test_an_app_user_may_edit_only_its_own_submissions(
    server: ServerProcess, app_user: tuple[str, str]
) -> None:
    _, token = app_user
    _, other_token = make_app_user(server, "another phone")
    first = new_id()
    assert submit(server.url, token, instance_xml(first)).status_code == 201
    refused = submit(
        server.url, other_token, instance_xml(new_id(), full_name="Changed", deprecated_id=first)
    )
    assert refused.status_code == 403
    assert record_of(server, first)[1] == first


def test_wrong_token_is_401_and_revoked_token_is_403(server: ServerProcess) -> None:
    user_id, token = make_app_user(server, "soon revoked")
    wrong = submit(server.url, "not-a-token", instance_xml(new_id()))
    assert wrong.status_code == 401 and wrong.headers["X-OpenRosa-Version"] == "1.0"
    assert requests.get(f"{server.url}/v1/openrosa/not-a-token/formList", timeout=10).status_code == 401
    server.cli("app-user", "revoke", user_id)
    revoked = submit(server.url, token, instance_xml(new_id()))
    assert revoked.status_code == 403, revoked.text
    assert "revoked" in message(revoked)
    assert requests.head(f"{server.url}/v1/openrosa/{token}/submission", timeout=10).status_code == 403


def test_malformed_xml_is_a_clear_400(server: ServerProcess, app_user: tuple[str, str]) -> None:
    _, token = app_user
    cases = {
        b"<data id='sync_e2e'><full_name>unclosed</data>": "not well-formed",
        b"<data id='sync_e2e'><full_name>A</full_name></data>": "instanceID",
        b"<data><meta><instanceID>uuid:"
        + new_id().encode()
        + b"</instanceID></meta></data>": "names no form",
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "boom">]><data id="sync_e2e">&x;</data>': "DOCTYPE",
    }
    for xml, words in cases.items():
        response = submit(server.url, token, xml)
        assert response.status_code == 400, (xml, response.text)
        assert words in message(response)
    no_file = requests.post(
        f"{server.url}/v1/openrosa/{token}/submission", files={"other": ("a.txt", b"x")}, timeout=10
    )
    assert no_file.status_code == 400 and "xml_submission_file" in message(no_file)
    invalid = submit(server.url, token, instance_xml(new_id(), age="thirty"))
    assert invalid.status_code == 400 and "age" in message(invalid)


def test_form_list_download_and_head(server: ServerProcess, app_user: tuple[str, str]) -> None:
    _, token = app_user
    head = requests.head(f"{server.url}/v1/openrosa/{token}/submission", timeout=10)
    assert head.status_code == 204
    assert int(head.headers["X-OpenRosa-Accept-Content-Length"]) >= 10 * 1024 * 1024
    listing = requests.get(f"{server.url}/v1/openrosa/{token}/formList", timeout=10)
    assert listing.status_code == 200 and listing.headers["X-OpenRosa-Version"] == "1.0"
    ns = {"x": "http://openrosa.org/xforms/xformsList"}
    root = etree.fromstring(listing.content)
    forms = {item.findtext("x:formID", namespaces=ns): item for item in root.findall("x:xform", ns)}
    item = forms[E2E_FORM_ID]
    url = str(item.findtext("x:downloadUrl", namespaces=ns))
    download = requests.get(url, timeout=10)
    assert download.status_code == 200
    import hashlib

    assert item.findtext("x:hash", namespaces=ns) == "md5:" + hashlib.md5(download.content).hexdigest()
    assert b"<h:html" in download.content and b'id="sync_e2e"' in download.content


def test_app_user_limited_to_one_form(server: ServerProcess) -> None:
    _, token = make_app_user(server, "one form only", form_id=E2E_FORM_ID)
    assert submit(server.url, token, instance_xml(new_id(), form_id="other_form")).status_code == 403
    assert submit(server.url, token, instance_xml(new_id())).status_code == 201


def test_body_over_the_limit_is_refused_before_reading(
    server: ServerProcess, app_user: tuple[str, str]
) -> None:
    _, token = app_user
    response = submit(server.url, token, instance_xml(new_id()), {"big.bin": b"\0" * (11 * 1024 * 1024)})
    assert response.status_code == 413


def test_cli_app_user_qr_and_review_queue(server: ServerProcess) -> None:
    out = server.cli("app-user", "add", "--name", "Lisbon phone", "--server-url", server.url, "--no-qr")
    token = out.splitlines()[1].strip()
    assert f"{server.url}/v1/openrosa/{token}" in out
    listed = json.loads(server.cli("app-user", "list", "--json"))
    assert any(user["name"] == "Lisbon phone" and user["status"] == "active" for user in listed)
    assert token not in server.cli("app-user", "list")
    instance = new_id()
    assert submit(server.url, token, instance_xml(instance)).status_code == 201
    record_id, _, _ = record_of(server, instance)
    pending = json.loads(server.cli("submissions", "list", "--json"))
    assert record_id in {item["record_id"] for item in pending}
    assert "accepted" in server.cli("submissions", "accept", record_id)
    pending = json.loads(server.cli("submissions", "list", "--json"))
    assert record_id not in {item["record_id"] for item in pending}
    refused = subprocess.run(
        [
            sys.executable,
            "-m",
            "sync.server.cli",
            "submissions",
            "accept",
            new_id(),
            "--data-dir",
            str(server.data_dir),
        ],
        env=server.env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode != 0 and "Traceback" not in refused.stderr and refused.stderr.count("\n") == 1


def test_collect_settings_qr_payload_is_zlib_base64_json() -> None:
    from sync.server.openrosa.app_users import collect_settings_payload

    payload = collect_settings_payload("https://registry.example.gov", "TOKEN123", "Phone")
    settings = json.loads(zlib.decompress(base64.b64decode(payload)))
    assert settings["general"]["server_url"] == "https://registry.example.gov/v1/openrosa/TOKEN123"
    assert settings["admin"] == {} and settings["project"]["name"] == "Phone"


def test_the_registry_counts_a_submission_only_once_accepted(
    server: ServerProcess, app_user: tuple[str, str]
) -> None:
    from sync.server.db import session_factory
    from sync.server.models import RegistryPersonRow
    from sync.server.registry.index import catch_up

    _, token = app_user
    instance = new_id()
    assert submit(server.url, token, instance_xml(instance)).status_code == 201
    record_id, _, _ = record_of(server, instance)

    def counted() -> bool:
        with server.engine() as engine:
            factory = session_factory(engine)
            catch_up(factory)
            with factory() as session:
                return session.get(RegistryPersonRow, record_id) is not None

    assert not counted()  # pending
    server.cli("submissions", "accept", record_id)
    assert counted()
    # an edit from Collect makes it pending again, until a registrar looks
    edit = new_id()
    assert submit(server.url, token, instance_xml(edit, age=35, deprecated_id=instance)).status_code == 201
    assert not counted()
    server.cli("submissions", "reject", record_id)
    assert not counted()
    assert "rejected" in server.cli("submissions", "list", "--status", "rejected")

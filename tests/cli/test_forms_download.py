"""`diaspora-desk forms download --destination NAME [--form-id ID]` over real HTTP on loopback: our own
server's OpenRosa face is the destination (formList with md5 hashes, XForm downloads, an app user's
token); the project's forms come back into the desk's library and validate answers as the originals do.
A loopback server that lies (a wrong hash, an oversized XForm, a download elsewhere) is refused."""

from __future__ import annotations

import hashlib
import json
import random
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from forms.library import convert, current_form
from forms.store import Store
from sync.client.destinations.forms import MAX_XFORM_BYTES
from tests.data.project_forms import write_forms
from tests.forms.xlsform_checks import _answers_to_try, _shape
from tests.sync.client.helpers import OPERATOR, PASSPHRASE, new_store
from tests.sync.e2e.desk_cli import desk
from tests.sync.e2e.servers import ServerProcess, running_server
from tests.sync.openrosa.conftest import make_app_user

PUBLISHED = ["household_repeats.xlsx", "languages_and_media.xlsx"]


@pytest.fixture(scope="module")
def project_forms(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_forms(tmp_path_factory.mktemp("forms"))


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, project_forms: dict[str, Path]
) -> Iterator[ServerProcess]:
    from sync.server import admin

    with running_server(tmp_path_factory.mktemp("download-server")) as running:
        with running.engine() as engine:
            for name in PUBLISHED:
                admin.publish_form(engine, project_forms[name])
        yield running


def _desk_with_destination(folder: Path, url: str) -> list[str]:
    new_store(folder).close()
    common = ["--data-dir", str(folder), "--operator", OPERATOR]
    added = desk("destinations", "add", "openrosa", "--url", url, "--name", "programme", *common)
    assert added.returncode == 0, added.stderr
    return common


def test_download_lists_then_adds_a_form_that_validates_like_the_original(
    tmp_path: Path, server: ServerProcess, project_forms: dict[str, Path]
) -> None:
    _, token = make_app_user(server, "desk download")
    common = _desk_with_destination(tmp_path / "laptop", f"{server.url}/v1/openrosa/{token}")

    listed = desk("forms", "download", "--destination", "programme", "--json", *common)
    assert listed.returncode == 0, listed.stderr
    offered = {form["form_id"]: form for form in json.loads(listed.stdout)}
    assert {"household", "languages", "sync_e2e"} <= set(offered)
    assert offered["household"]["version"] == "1"
    text = desk("forms", "download", "--destination", "programme", *common)
    assert "household\tversion 1\tHousehold" in text.stdout

    for form_id, name in (("household", "household_repeats.xlsx"), ("languages", "languages_and_media.xlsx")):
        done = desk("forms", "download", "--destination", "programme", "--form-id", form_id, *common)
        assert done.returncode == 0, done.stderr
        assert f"({form_id}, version " in done.stdout and "into the form library" in done.stdout
        original, _ = convert(project_forms[name].read_bytes(), name)
        store = Store.unlock(tmp_path / "laptop", OPERATOR, PASSPHRASE)
        try:
            kept = current_form(store, form_id)
        finally:
            store.close()
        assert [_shape(q) for q in kept.questions] == [_shape(q) for q in original.questions]
        for answers in _answers_to_try(original, random.Random(form_id)):
            assert kept.validate(dict(answers)) == original.validate(dict(answers)), answers

    again = desk("forms", "download", "--destination", "programme", "--form-id", "household", *common)
    assert again.returncode == 0 and "already in the form library; nothing changed" in again.stdout
    library = json.loads(desk("forms", "list", "--json", *common).stdout)
    assert {"household", "languages"} <= {form["form_id"] for form in library}
    assert next(f for f in library if f["form_id"] == "household")["origin"] == "added"

    missing = desk("forms", "download", "--destination", "programme", "--form-id", "nope", *common)
    assert missing.returncode != 0 and "offers no form 'nope'" in missing.stderr
    assert "Traceback" not in missing.stderr and token not in missing.stderr


def test_a_wrong_token_is_one_sentence(tmp_path: Path, server: ServerProcess) -> None:
    common = _desk_with_destination(tmp_path / "laptop", f"{server.url}/v1/openrosa/not-a-token")
    refused = desk("forms", "download", "--destination", "programme", *common)
    assert refused.returncode != 0 and "refused its forms list (401)" in refused.stderr
    assert "Traceback" not in refused.stderr


XFORM = (
    b'<?xml version="1.0"?><h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml">'
    b'<h:head><h:title>Lying</h:title><model><instance><data id="lying" version="3"><a/><meta><instanceID/>'
    b'</meta></data></instance><bind nodeset="/data/a" type="string"/></model></h:head><h:body>'
    b'<input ref="/data/a"><label>A</label></input></h:body></h:html>'
)


class _Lying(BaseHTTPRequestHandler):
    """formList entries: one with a wrong md5, one too large, one downloaded from another address."""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        good = hashlib.md5(XFORM, usedforsecurity=False).hexdigest()
        big = b" " * (MAX_XFORM_BYTES + 10)
        entries = [
            ("badhash", "0" * 32, f"{base}/xf/badhash"),
            ("huge", hashlib.md5(big, usedforsecurity=False).hexdigest(), f"{base}/xf/huge"),
            ("elsewhere", good, "http://127.0.0.2:9/xf/elsewhere"),
            ("fine", good, f"{base}/xf/fine"),
        ]
        if self.path == "/formList":
            items = "".join(
                f"<xform><formID>{i}</formID><name>{i}</name><version>3</version><hash>md5:{h}</hash>"
                f"<downloadUrl>{u}</downloadUrl></xform>"
                for i, h, u in entries
            )
            body = f'<xforms xmlns="http://openrosa.org/xforms/xformsList">{items}</xforms>'.encode()
        elif self.path == "/xf/huge":
            body = big
        elif self.path in ("/xf/badhash", "/xf/fine"):
            body = XFORM
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def lying_server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Lying)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_wrong_hash_an_oversized_form_and_a_download_elsewhere_are_refused(
    tmp_path: Path, lying_server: str
) -> None:
    common = _desk_with_destination(tmp_path / "laptop", lying_server)
    for form_id, sentence in (
        ("badhash", "does not match the forms list's md5 hash"),
        ("huge", "more than 10 MB"),
        ("elsewhere", "outside its own address"),
    ):
        refused = desk("forms", "download", "--destination", "programme", "--form-id", form_id, *common)
        assert refused.returncode != 0 and sentence in refused.stderr, refused.stderr
        assert "Traceback" not in refused.stderr
    fine = desk("forms", "download", "--destination", "programme", "--form-id", "fine", *common)
    assert fine.returncode == 0 and "Lying (lying, version 3)" in fine.stdout, fine.stderr
    library = json.loads(desk("forms", "list", "--json", *common).stdout)
    assert [f["form_id"] for f in library if f["origin"] == "added"] == ["lying"]

"""Issue 13, end to end, as an IT officer runs it (every step a process): a programme's own form added
offline with `forms add`, and another published on the server and downloaded at sync. For each: 50
rows of `demo-data --form`, `import --form`, the batch closed and approved, `sync`, then
`diaspora-server export --form`: the rows come back with their repeats."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from forms.store import Store
from forms.store.batches import approve_batch, close_batch, list_batches
from forms.store.sync_policy import set_only_approved_batches_sync
from sync.client.enrollment import enroll
from tests.data.own_forms import write_programme_form
from tests.sync.client.helpers import OPERATOR, PASSPHRASE, new_store
from tests.sync.e2e.desk_cli import desk
from tests.sync.e2e.servers import ServerProcess

OFFLINE_ID, SERVER_ID = "return_offline", "return_published"


def sheet_rows(path: Path, title: str) -> int:
    book = load_workbook(path, read_only=True)
    try:
        return sum(1 for row in book[title].iter_rows(min_row=2) if any(c is not None for c in row))
    finally:
        book.close()


def approve_every_batch(data_dir: Path) -> None:
    store = Store.unlock(data_dir, OPERATOR, PASSPHRASE)
    try:
        for batch in list_batches(store):
            close_batch(store, batch.id)
            approve_batch(store, batch.id)
    finally:
        store.close()


def test_own_forms_from_demo_data_to_the_server_export(tmp_path: Path, server: ServerProcess) -> None:
    laptop = tmp_path / "laptop"
    store = new_store(laptop)
    try:
        enroll(store, server_url=server.url, code=server.enrollment_code(), device_label="own forms laptop")
        set_only_approved_batches_sync(store, True)  # records wait for the supervisor's review
    finally:
        store.close()
    common = ["--data-dir", str(laptop), "--operator", OPERATOR]
    offline = write_programme_form(tmp_path / "offline.xlsx", version="1", form_id=OFFLINE_ID)
    published = write_programme_form(tmp_path / "published.xlsx", version="7", form_id=SERVER_ID)

    # the supervisor adds one form on the laptop, offline; the server must know it to accept its records
    added = desk("forms", "add", str(offline), *common)
    assert added.returncode == 0, added.stderr
    server.cli("forms", "publish", str(offline))
    # the other is published on the server and reaches the laptop at its next sync
    server.cli("forms", "publish", str(published))
    first = desk("sync", *common, "--server", server.url)
    assert first.returncode == 0, first.stderr
    listed = desk("forms", "list", "--json", *common)
    assert listed.returncode == 0, listed.stderr
    assert f'"form_id": "{SERVER_ID}"' in listed.stdout and '"origin": "server"' in listed.stdout

    children: dict[str, int] = {}
    for form_id in (OFFLINE_ID, SERVER_ID):
        demo = tmp_path / f"{form_id}.xlsx"
        made = desk(
            "demo-data", "--form", form_id, "--count", "50", "--seed", "13", "--out", str(demo), *common
        )
        assert made.returncode == 0, made.stderr
        children[form_id] = sheet_rows(demo, "child")
        assert children[form_id] >= 50
        imported = desk("import", str(demo), "--form", form_id, "--batch", f"Day of {form_id}", *common)
        assert imported.returncode == 0, imported.stdout + imported.stderr
        assert "Imported 50 records" in imported.stdout

    waiting = desk("sync", *common, "--server", server.url)
    assert waiting.returncode == 0, waiting.stderr
    assert "100 accepted" not in waiting.stdout  # not approved yet: nothing left the laptop
    approve_every_batch(laptop)
    synced = desk("sync", *common, "--server", server.url)
    assert synced.returncode == 0, synced.stderr
    assert "100 accepted" in synced.stdout, synced.stdout

    for form_id in (OFFLINE_ID, SERVER_ID):
        out = tmp_path / f"server-{form_id}.xlsx"
        server.cli("export", "--all", "--form", form_id, "--out", str(out))
        book = load_workbook(out, read_only=True)
        titles = book.sheetnames
        book.close()
        assert sheet_rows(out, titles[0]) == 50
        assert sheet_rows(out, "child") == children[form_id]


def test_an_xls_form_published_on_the_server_is_kept_as_xls_and_opens(
    server: ServerProcess, tmp_path: Path
) -> None:
    from forms.library import available_forms, form_for
    from forms.store.form_library import read_form
    from sync.client.engine import SyncEngine
    from tests.data.own_forms import OWN_FORM_XLS, OWN_FORM_XLS_ID
    from tests.sync.e2e.conftest import FAST_BACKOFF, TIMEOUT

    copy = tmp_path / "own_form.xls"
    copy.write_bytes(OWN_FORM_XLS.read_bytes())
    server.cli("forms", "publish", str(copy))
    store = new_store(tmp_path / "laptop")
    try:
        enroll(store, server_url=server.url, code=server.enrollment_code(), device_label="xls laptop")
        engine = SyncEngine(
            store, server_url=server.url, backoff=FAST_BACKOFF, timeout=TIMEOUT, fetch_forms=True
        )
        report = engine.run_once()
        assert report.ok and report.forms_error is None, report.error or report.forms_error
        assert f"{OWN_FORM_XLS_ID} 3" in report.forms_added  # downloaded and kept, no longer dropped
        choice = next(c for c in available_forms(store) if c.form_id == OWN_FORM_XLS_ID)
        assert (choice.origin, choice.version) == ("server", "3")
        stored = read_form(store, OWN_FORM_XLS_ID)
        assert stored is not None and stored.entry.filename == f"{OWN_FORM_XLS_ID}.xls"
        assert stored.xlsform == OWN_FORM_XLS.read_bytes()
        assert "child" in form_for(store, OWN_FORM_XLS_ID).by_name
    finally:
        store.close()

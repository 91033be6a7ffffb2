"""`diaspora-desk destinations add|list|remove` and `diaspora-desk sync` reporting per destination, as
processes, against our own server's OpenRosa endpoints."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import func, select

from forms.store import Store
from sync.client.forms_download import SyncFormRow
from sync.client.state import now_iso
from sync.server.models import RecordVersionRow
from tests.sync.client.helpers import OPERATOR, add_records, new_store
from tests.sync.e2e.desk_cli import desk
from tests.sync.e2e.servers import ServerProcess, write_form
from tests.sync.openrosa.conftest import make_app_user


def desk_with_form_and_records(data_dir: Path, count: int) -> list[str]:
    """A desk holding the e2e form (as if downloaded at an earlier sync) and `count` records."""
    store: Store = new_store(data_dir)
    try:
        content = write_form(data_dir.parent / "form.xlsx").read_bytes()
        with store.session() as session:
            session.add(
                SyncFormRow(
                    form_id="sync_e2e",
                    version="1",
                    title="Sync end-to-end form",
                    sha256=hashlib.sha256(content).hexdigest(),
                    content=content,
                    downloaded_at=now_iso(),
                )
            )
        return [version.version_id for version in add_records(store, count)]
    finally:
        store.close()


def test_destinations_verbs_and_sync_report_per_destination(tmp_path: Path, server: ServerProcess) -> None:
    laptop = tmp_path / "laptop"
    versions = desk_with_form_and_records(laptop, 3)
    _, token = make_app_user(server, "cli desk")
    common = ["--data-dir", str(laptop), "--operator", OPERATOR]
    added = desk(
        "destinations",
        "add",
        "openrosa",
        "--url",
        f"{server.url}/v1/openrosa/{token}",
        "--name",
        "ours",
        *common,
    )
    assert added.returncode == 0, added.stderr
    central = desk(
        "destinations", "add", "odk-central", "--url", "https://central.example.org", "--project-id", "2",
        "--app-user-token", "secret-token-123", "--name", "central", *common,
    )  # fmt: skip
    assert central.returncode == 0, central.stderr
    listed = desk("destinations", "list", *common)
    assert "ours" in listed.stdout and "central" in listed.stdout and "project 2" in listed.stdout
    assert "secret-token-123" not in listed.stdout
    assert not any(b"secret-token-123" in path.read_bytes() for path in laptop.rglob("*") if path.is_file())
    assert desk("destinations", "remove", "central", *common).returncode == 0
    synced = desk("sync", "--quiet", *common)
    assert synced.returncode == 0, synced.stdout + synced.stderr
    assert "Destination ours: 3 sent, 0 conflicts, 0 rejected" in synced.stdout
    with server.engine() as engine, engine.connect() as connection:
        stored = connection.scalar(
            select(func.count())
            .select_from(RecordVersionRow)
            .where(RecordVersionRow.version_id.in_(versions))
        )
    assert stored == 3
    again = desk("sync", "--quiet", *common)
    assert again.returncode == 0 and "Destination ours: 0 sent" in again.stdout
    no_project = ["--url", "https://c.example.org", "--app-user-token", "x"]
    bad = desk("destinations", "add", "odk-central", *no_project, *common)
    assert bad.returncode != 0 and "Traceback" not in bad.stderr

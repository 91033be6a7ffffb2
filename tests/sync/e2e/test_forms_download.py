"""A form version published on the server reaches the laptop at its next sync, checked and kept."""

from __future__ import annotations

import hashlib
import uuid

from forms.store import Store
from sync.client.forms_download import downloaded_forms
from tests.sync.e2e.conftest import engine_through
from tests.sync.e2e.proxy import Fault, FaultProxy
from tests.sync.e2e.servers import E2E_FORM_ID, ServerProcess


def test_new_form_versions_arrive_at_the_next_sync_once(
    server: ServerProcess, proxy: FaultProxy, laptop: Store
) -> None:
    first = engine_through(laptop, proxy, fetch_forms=True).run_once()
    assert first.ok, first.error
    assert f"{E2E_FORM_ID} 1" in first.forms_added
    version = f"2-{uuid.uuid4().hex[:6]}"
    server.publish_form(version)
    proxy.add(
        Fault("truncate", path="/v1/forms/"), Fault("status", path="/v1/forms", status=503, retry_after="0")
    )
    second = engine_through(laptop, proxy, fetch_forms=True).run_once()
    assert second.ok and second.forms_error is None, second.forms_error
    assert second.forms_added == [f"{E2E_FORM_ID} {version}"]
    held = {(form.form_id, form.version): form for form in downloaded_forms(laptop)}
    new = held[(E2E_FORM_ID, version)]
    assert hashlib.sha256(new.content).hexdigest() == new.sha256
    assert engine_through(laptop, proxy, fetch_forms=True).run_once().forms_added == []

"""The registry's sealed-file page in a real headless Chromium (Debian's package, driven by Playwright):
a registrar uploads a laptop's sealed file and sees what was imported, the same file again adds
nothing and says so, the receipt comes back as a download the laptop imports, a changed byte is
refused in one sentence, and an analyst cannot open the page. A real server process over HTTP."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from forms.store import Store
from sync.client.sealed_export import export_sealed, import_receipt
from sync.client.state import load_device
from sync.server.models import RecordVersionRow, RegistryAuditRow
from tests.sync.client.helpers import add_records
from tests.sync.e2e.servers import ServerProcess
from tests.sync.hub.sealed_helpers import pending
from tests.sync.registry.browser_setup import CHROMIUM_ARGS, SCREENSHOTS
from tests.sync.registry.helpers import PASSWORD, add_account

playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail(
            "Debian's chromium package is not installed (apt-get install -y chromium; .ci/run does it)"
        )
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def signed_in(browser: Any, central: ServerProcess, username: str, role: str) -> Any:
    add_account(central, username, role)  # type: ignore[arg-type]
    # localhost, not 127.0.0.1: Chromium keeps Secure cookies over plain HTTP only for localhost
    context = browser.new_context(
        base_url=central.url.replace("127.0.0.1", "localhost"),
        viewport={"width": 1280, "height": 900},
        java_script_enabled=False,
        accept_downloads=True,
    )
    page = context.new_page()
    page.goto("/sealed-import")
    assert "/login" in page.url
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return page


def stored_versions(central: ServerProcess, device_id: str) -> int:
    with central.engine() as engine, engine.connect() as connection:
        count = connection.scalar(
            select(func.count()).select_from(RecordVersionRow).where(RecordVersionRow.device_id == device_id)
        )
    return int(count or 0)


def upload(page: Any, data: bytes, name: str = "consulate.sealed", button: str = "Import") -> None:
    page.goto("/sealed-import")
    page.set_input_files(
        "#sealed_file", {"name": name, "mimeType": "application/octet-stream", "buffer": data}
    )
    page.click(f"#sealed-form button:text-is('{button}')")
    page.wait_for_load_state()


def test_a_registrar_imports_a_sealed_file_once_and_downloads_the_receipt(
    browser: Any, central: ServerProcess, laptop: Store
) -> None:
    add_records(laptop, 12, start=5000)
    made = export_sealed(laptop, operator="chief")
    device = load_device(laptop)
    assert device is not None
    page = signed_in(browser, central, "sealed.rita", "registrar")
    page.click("nav >> text=Sealed files")
    page.wait_for_selector("#sealed-form")

    upload(page, made.data)
    assert page.locator("#sealed-refused").count() == 0
    assert page.text_content("#sealed-counts tr[data-status=accepted] td.num") == "12"
    assert page.text_content("#sealed-counts tr[data-status=rejected] td.num") == "0"
    assert "12 records from the laptop" in (page.text_content("#sealed-summary") or "")
    assert page.locator("#sealed-already").count() == 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "registry-sealed-import.png"), full_page=True)
    assert stored_versions(central, device.device_id) == 12

    upload(page, made.data)  # the same file again: answered as a replay, nothing added
    assert "were already here" in (page.text_content("#sealed-already") or "")
    assert stored_versions(central, device.device_id) == 12

    page.goto("/sealed-import")
    page.set_input_files(
        "#sealed_file",
        {"name": "consulate.sealed", "mimeType": "application/octet-stream", "buffer": made.data},
    )
    with page.expect_download() as downloading:
        page.click("#sealed-receipt")
    download = downloading.value
    assert download.suggested_filename == "consulate.sealed.receipt"
    receipt = Path(download.path()).read_bytes()
    assert pending(laptop) == 12
    assert import_receipt(laptop, receipt).records == 12
    assert pending(laptop) == 0
    assert stored_versions(central, device.device_id) == 12

    with central.engine() as engine, engine.connect() as connection:
        actions = connection.execute(
            select(RegistryAuditRow.actor, RegistryAuditRow.target).where(
                RegistryAuditRow.action == "import_sealed"
            )
        ).all()
    assert [tuple(a) for a in actions].count(("sealed.rita", made.export_id)) == 3
    page.context.close()


def test_a_changed_byte_is_refused_in_one_sentence_and_nothing_is_stored(
    browser: Any, central: ServerProcess, laptop: Store
) -> None:
    add_records(laptop, 5, start=6000)
    made = export_sealed(laptop, operator="chief")
    device = load_device(laptop)
    assert device is not None
    tampered = bytearray(made.data)
    tampered[len(tampered) // 2] ^= 0x01
    page = signed_in(browser, central, "sealed.sam", "admin")
    upload(page, bytes(tampered), name="../../etc/tampered file.sealed")
    refused = page.text_content("#sealed-refused p.error") or ""
    # Where the byte falls decides the sentence (the signature fails, or the base64 around it breaks):
    # each says the file was changed.
    assert "was changed or" in refused and "Traceback" not in refused
    assert "Nothing from this file was stored." in (page.text_content("#sealed-refused") or "")
    assert re.search(r"tampered_file\.sealed", page.text_content("#sealed-refused h2") or "")
    assert page.locator("#sealed-result").count() == 0
    assert stored_versions(central, device.device_id) == 0
    page.screenshot(path=str(SCREENSHOTS / "registry-sealed-refused.png"), full_page=True)

    # Sent from elsewhere with the registrar's cookie but without the page's anti-forgery token: refused.
    untampered = {"name": "x.sealed", "mimeType": "application/octet-stream", "buffer": made.data}
    forged = page.request.post("/sealed-import", multipart={"sealed_file": untampered})
    assert forged.status == 403 and "anti-forgery" in forged.text()
    assert stored_versions(central, device.device_id) == 0

    page.goto("/sealed-import")
    page.click("#sealed-form button:text-is('Import')")  # no file chosen: the browser's required check
    assert page.locator("#sealed-result").count() == 0
    page.context.close()


def test_an_analyst_cannot_open_the_sealed_file_page(browser: Any, central: ServerProcess) -> None:
    page = signed_in(browser, central, "sealed.anna", "analyst")
    assert page.locator("nav >> text=Sealed files").count() == 0
    answer = page.goto("/sealed-import")
    assert answer is not None and answer.status == 403
    assert page.locator("#sealed-form").count() == 0
    page.context.close()

"""Self-registration in a real headless Chromium (Debian's package, driven by Playwright), on a phone-sized
screen: fill, make a mistake, correct it, send, type the e-mailed code, read the receipt; then a
registrar accepts it on /review and the dashboard counts it. Screenshots: docs/screenshots/selfreg-*.png."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from forms.reference import looks_like_reference
from tests.sync.registry.browser_setup import CHROMIUM_ARGS, SCREENSHOTS
from tests.sync.registry.helpers import PASSWORD, add_account
from tests.sync.selfreg.conftest import PATH, SelfReg
from tests.sync.selfreg.helpers import review_status

EMAIL = "ana.sousa@example.org"

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


def _context(browser: Any, selfreg: SelfReg, *, phone: bool, javascript: bool) -> Any:
    # localhost, not 127.0.0.1: Chromium keeps Secure cookies over plain HTTP only for localhost
    return browser.new_context(
        base_url=selfreg.server.base_url.replace("127.0.0.1", "localhost"),
        viewport={"width": 390, "height": 844} if phone else {"width": 1280, "height": 900},
        java_script_enabled=javascript,
        locale="pt-PT" if phone else "en-GB",
    )


def _total(page: Any) -> int:
    page.goto("/dashboard")
    return int(page.text_content("#total-registrations") or "0")


def test_a_person_registers_on_a_phone_and_a_registrar_accepts_it(browser: Any, selfreg: SelfReg) -> None:
    add_account(selfreg.server, "rui", "registrar")
    staff = _context(browser, selfreg, phone=False, javascript=False).new_page()
    staff.goto("/login")
    staff.fill("#username", "rui")
    staff.fill("#password", PASSWORD)
    staff.click("button[type=submit]")
    staff.wait_for_url(re.compile(r".*/dashboard.*"))
    total_before = _total(staff)

    page = _context(browser, selfreg, phone=True, javascript=True).new_page()
    page.goto(PATH)  # Accept-Language pt-PT: the page is in Portuguese
    assert page.locator("html").get_attribute("lang") == "pt"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "selfreg-start.png"))
    assert page.locator("[data-address=identity]").is_hidden()
    page.check("input[name=legal_basis][value=consent]")
    page.check("input[name=consent][value=yes]")
    page.locator("[data-address=identity]").wait_for(state="visible")  # our script asked the server
    page.fill("#f-given_name", "Ana")
    page.fill("#f-family_name", "Sousa")
    page.check("input[name=sex][value=female]")
    page.fill("#f-birth_date", "3000-01-01")  # the mistake: a birth date in the future
    page.select_option("#f-nationalities", ["PT"])  # a list of countries: several may be chosen
    page.check("input[name=id_document_type][value=passport]")
    page.locator("[data-address=document_number]").wait_for(state="visible")
    page.fill("#f-document_number", "CB1234567")
    page.select_option("#f-residence_country", "FR")
    page.fill("#f-residence_city", "Lyon")
    page.fill("#f-email-code", EMAIL)
    page.click("button[type=submit]")
    error = page.locator("[data-address=birth_date] .error")
    error.wait_for(state="visible")
    assert page.input_value("#f-given_name") == "Ana"  # nothing typed was lost
    assert page.input_value("#f-email-code") == EMAIL
    page.locator("[data-address=birth_date]").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "selfreg-error.png"))

    before = dict(review_status(selfreg))
    page.fill("#f-birth_date", "1991-04-12")
    page.click("button[type=submit]")
    page.locator("#confirm").wait_for()
    code = selfreg.mailbox.last_code(EMAIL)
    page.fill("#f-code", code)
    page.screenshot(path=str(SCREENSHOTS / "selfreg-confirm.png"))
    page.click("#confirm button[type=submit]")
    reference = (page.text_content("#reference") or "").strip()
    assert looks_like_reference(reference)
    page.screenshot(path=str(SCREENSHOTS / "selfreg-receipt.png"))
    new = [r for r in review_status(selfreg) if r not in before]
    assert len(new) == 1 and review_status(selfreg)[new[0]] == "pending"

    assert _total(staff) == total_before  # pending: not counted yet
    staff.goto("/review")
    row = staff.locator("#review-queue tr", has_text=new[0])
    assert "Self-registration (web page)" in (row.text_content() or "")
    row.locator("button[value=accept]").click()
    staff.wait_for_url(re.compile(r".*/review\?done=accept"))
    assert _total(staff) == total_before + 1
    staff.goto("/dashboard")
    staff.screenshot(path=str(SCREENSHOTS / "selfreg-dashboard.png"))

"""The registry in a real headless Chromium (Debian's package, driven by Playwright): log in, read the
dashboard's total and map, search a person, open their page, log out. Screenshots go to
docs/screenshots/registry-*.png."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from tests.sync.registry.browser_setup import CHROMIUM_ARGS, SCREENSHOTS
from tests.sync.registry.conftest import Registry
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


def page_for(browser: Any, registry: Registry) -> Any:
    # localhost, not 127.0.0.1: Chromium keeps Secure cookies over plain HTTP only for localhost
    context = browser.new_context(
        base_url=registry.server.base_url.replace("127.0.0.1", "localhost"),
        viewport={"width": 1280, "height": 900},
        java_script_enabled=False,  # reading works without JavaScript
    )
    return context.new_page()


def log_in(page: Any, username: str) -> None:
    page.goto("/dashboard")
    assert "/login" in page.url
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/dashboard.*"))


def test_registrar_logs_in_reads_the_dashboard_searches_opens_a_person_and_logs_out(
    browser: Any, sqlite_registry: Registry
) -> None:
    add_account(sqlite_registry.server, "rita", "registrar")
    page = page_for(browser, sqlite_registry)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.goto("/login")
    page.screenshot(path=str(SCREENSHOTS / "registry-login.png"))
    log_in(page, "rita")
    total = page.text_content("#total-registrations")
    assert total is not None and int(total) >= len(sqlite_registry.record_ids)
    assert page.locator("svg.map path[data-country]").count() > 150
    shaded = page.locator("svg.map path[data-country='US']").get_attribute("fill")
    assert shaded not in (None, "#f1f1ef")  # the US is where the demo diaspora lives most
    page.screenshot(path=str(SCREENSHOTS / "registry-dashboard.png"), full_page=True)

    from forms.demo_data import demo_registrations

    person = demo_registrations(60, seed=7)[5]
    page.click("nav >> text=People")
    page.fill("input[name=q]", f"{person['family_name']} {person['given_name']}")
    page.click("form[role=search] button[type=submit]")
    page.wait_for_selector("#result-count")
    page.screenshot(path=str(SCREENSHOTS / "registry-people.png"), full_page=True)
    page.click(f"table.people a:has-text('{person['given_name']}')")
    page.wait_for_selector("#person-name")
    assert person["family_name"] in (page.text_content("#person-name") or "")
    assert page.locator("text=Version history").count() == 1
    page.screenshot(path=str(SCREENSHOTS / "registry-person.png"), full_page=True)

    page.click("button:has-text('Log out')")
    page.wait_for_url(re.compile(r".*/login.*"))
    page.goto("/dashboard")
    assert "/login" in page.url
    page.context.close()


def test_analyst_cannot_reach_a_person_in_the_browser(browser: Any, sqlite_registry: Registry) -> None:
    add_account(sqlite_registry.server, "anna", "analyst", "fr")
    page = page_for(browser, sqlite_registry)
    log_in(page, "anna")
    assert page.locator("nav >> text=Personnes").count() == 0
    assert "<5" in (page.text_content("main") or "")  # small cells suppressed for an analyst
    page.screenshot(path=str(SCREENSHOTS / "registry-dashboard-analyst-fr.png"), full_page=True)
    answer = page.goto(f"/people/{sqlite_registry.record_ids[0]}")
    assert answer is not None and answer.status == 403
    assert page.locator("#person-name").count() == 0
    page.context.close()


def test_a_wrong_password_three_times_then_a_delay_in_the_browser(
    browser: Any, sqlite_registry: Registry
) -> None:
    add_account(sqlite_registry.server, "slow.sam", "registrar")
    page = page_for(browser, sqlite_registry)
    for _ in range(3):
        page.goto("/login")
        page.fill("#username", "slow.sam")
        page.fill("#password", "not the password at all")
        page.click("button[type=submit]")
        assert page.locator("p.error").count() == 1
    page.goto("/login")
    page.fill("#username", "slow.sam")
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    message = page.text_content("p.error") or ""
    assert re.search(r"wait \d+ seconds", message), message
    assert "/login" in page.url
    page.screenshot(path=str(SCREENSHOTS / "registry-login-delay.png"))
    page.context.close()

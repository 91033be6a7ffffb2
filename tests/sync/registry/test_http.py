"""The registry over real HTTP: no data without a session, CSRF, roles, audit of views and exports."""

from __future__ import annotations

import re

import pytest
import requests

from sync.server.db import session_factory
from sync.server.registry import audit
from tests.sync.registry.conftest import Registry
from tests.sync.registry.helpers import PASSWORD, Browser, logged_in

PAGES = ["/dashboard", "/people", "/people?q=a", "/audit", "/account", "/dashboard/charts/country.csv"]


def audit_entries(registry: Registry) -> list[audit.Entry]:
    with registry.server.engine() as engine, session_factory(engine)() as session:
        return audit.entries(session, limit=1000)


def test_every_page_without_a_session_redirects_to_login_and_carries_no_data(registry: Registry) -> None:
    anonymous = Browser(registry.server.base_url)
    person = f"/people/{registry.record_ids[0]}"
    for path in [*PAGES, person]:
        answer = anonymous.get(path)
        assert answer.status_code == 303, path
        assert answer.headers["location"].startswith("/login"), path
        assert "registrations" not in answer.text and "people found" not in answer.text
    summary = anonymous.get("/api/v1/registry/summary")
    assert summary.status_code == 401
    assert set(summary.json()) == {"detail", "code"}
    bad_token = anonymous.get("/api/v1/registry/summary", headers={"Authorization": "Bearer not-a-token"})
    assert bad_token.status_code == 401
    forged_cookie = Browser(registry.server.base_url, {"dd_registry": "made-up"})
    assert forged_cookie.get("/dashboard").status_code == 303


def test_security_headers_on_pages(registry: Registry) -> None:
    answer = Browser(registry.server.base_url).get("/login")
    csp = answer.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    cookie = answer.headers["Set-Cookie"].lower()
    assert "httponly" in cookie and "secure" in cookie and "samesite=strict" in cookie


def test_login_session_cookie_is_secure_and_database_backed(registry: Registry) -> None:
    browser = logged_in(registry.server, "reg-cookie", "registrar")
    assert browser.get("/dashboard").status_code == 200
    token = browser.cookies["dd_registry"]
    # another "worker" (a fresh client, same cookie) sees the same session: it lives in the database
    assert Browser(registry.server.base_url, {"dd_registry": token}).get("/dashboard").status_code == 200


def test_login_without_csrf_token_is_refused(registry: Registry) -> None:
    browser = Browser(registry.server.base_url)
    browser.get("/login")
    answer = browser.post("/login", {"username": "nobody", "password": PASSWORD})
    assert answer.status_code == 400
    assert "dd_registry" not in browser.cookies


def test_state_changes_without_csrf_token_are_refused(registry: Registry) -> None:
    browser = logged_in(registry.server, "reg-csrf", "registrar")
    assert browser.post("/account/language", {"language": "fr"}).status_code == 403
    assert browser.post("/account/language", {"language": "fr", "csrf_token": "wrong"}).status_code == 403
    assert browser.post("/logout", {}).status_code == 403
    assert browser.get("/dashboard").status_code == 200  # still logged in: the logout was refused
    token = browser.csrf("/account")
    assert browser.post("/account/language", {"language": "pt", "csrf_token": token}).status_code == 303
    assert "Painel" in browser.get("/dashboard").text
    assert browser.post("/logout", {"csrf_token": browser.csrf("/account")}).status_code == 303
    assert browser.get("/dashboard").status_code == 303


def test_analyst_sees_aggregates_but_never_a_person(registry: Registry) -> None:
    analyst = logged_in(registry.server, "ana-1", "analyst")
    page = analyst.get("/dashboard")
    assert page.status_code == 200
    assert analyst.get("/people").status_code == 403
    assert analyst.get("/people?q=a").status_code == 403
    refused = analyst.get(f"/people/{registry.record_ids[0]}")
    assert refused.status_code == 403
    assert "person-name" not in refused.text
    assert analyst.get("/audit").status_code == 403
    # small cells: a count of 1-4 is "<5" for an analyst, on the page and in the CSV and JSON
    csv_text = analyst.get("/dashboard/charts/education_level.csv").text
    registrar_csv = logged_in(registry.server, "reg-cells", "registrar").get(
        "/dashboard/charts/education_level.csv"
    )
    small = [line for line in registrar_csv.text.splitlines()[1:] if 0 < int(line.rsplit(",", 1)[1]) < 5]
    assert small, "the demo data should have a small cell"
    for line in small:
        assert line.rsplit(",", 1)[0] + ",<5" in csv_text
    # the map does not give small counts away by their shade either
    small_countries = re.findall(
        r'fill="(#[0-9a-f]{6})"[^>]*data-country="[A-Z]{2}"><title>[^<]*: &lt;5<', page.text
    )
    assert small_countries and set(small_countries) == {"#e3eef4"}
    summary = analyst.get("/api/v1/registry/summary").json()
    assert summary["small_cells_suppressed"] is True
    assert all(isinstance(c["count"], str) for c in summary["countries"])


def test_registrar_searches_and_views_a_person_and_both_are_audited(registry: Registry) -> None:
    browser = logged_in(registry.server, "reg-view", "registrar")
    before = audit_entries(registry)[0].seq
    # order- and accent-insensitive: the demo data has "N'Guessan"-style and accented names
    from forms.demo_data import demo_registrations

    person = next(
        a for a in demo_registrations(60, seed=7) if any(ch in a["family_name"] for ch in "éèêçãõáíóúô")
    )
    plain = person["family_name"].translate(str.maketrans("éèêçãõáíóúô", "eeecaoaiouo")).upper()
    answer = browser.get(f"/people?q={plain}+{person['given_name'][:3]}")
    assert answer.status_code == 200
    found = re.findall(r'href="/people/([0-9a-f-]{36})"', answer.text)
    assert found, answer.text[-2000:]
    page = browser.get(f"/people/{found[0]}")
    assert page.status_code == 200
    assert person["family_name"] in page.text.replace("&#39;", "'")
    assert "Version history" in page.text
    new = [e for e in audit_entries(registry) if e.seq > before]
    actions = [(e.action, e.target) for e in new]
    assert ("view_person", found[0]) in actions
    search = next(e for e in new if e.action == "search")
    assert search.details["by"] == "text"
    text = str([e.to_json() for e in new])
    assert plain not in text.upper() or plain in "REG-VIEW"  # never the typed name
    assert person["given_name"] not in text


def test_search_by_document_phone_and_email(registry: Registry) -> None:
    from forms.demo_data import demo_registrations

    person = demo_registrations(60, seed=7)[3]
    browser = logged_in(registry.server, "reg-doc", "registrar")
    name = person["given_name"]
    for query in (
        person["document_number"].lower(),
        person["phone"].replace("+", "00"),
        person["email"].upper(),
    ):
        answer = browser.get("/people", params={"q": query})
        assert name in answer.text.replace("&#39;", "'"), query


def test_chart_export_is_audited(registry: Registry) -> None:
    browser = logged_in(registry.server, "reg-export", "registrar")
    answer = browser.get("/dashboard/charts/skills_sector.csv?country=US")
    assert answer.status_code == 200
    assert answer.headers["Content-Type"].startswith("text/csv")
    entry = audit_entries(registry)[0]
    assert (entry.action, entry.target, entry.details["format"]) == ("export", "skills_sector", "csv")
    assert entry.details["filters"] == "country"
    assert browser.get("/dashboard/charts/country.svg").text.startswith("<svg")


def test_charts_download_as_png(registry: Registry) -> None:
    browser = logged_in(registry.server, "reg-png", "registrar")
    for name in ("country", "time", "skills_sector"):
        answer = browser.get(f"/dashboard/charts/{name}.png")
        assert answer.status_code == 200, name
        assert answer.headers["Content-Type"] == "image/png"
        assert answer.content.startswith(b"\x89PNG\r\n\x1a\n") and len(answer.content) > 2000
    assert audit_entries(registry)[0].details["format"] == "png"
    assert "country.png?" in browser.get("/dashboard").text


def test_login_page_follows_the_browser_language(registry: Registry) -> None:
    browser = Browser(registry.server.base_url)
    french = browser.get("/login", headers={"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.8"}).text
    assert '<html lang="fr">' in french and "Se connecter" in french
    portuguese = browser.get("/login", headers={"Accept-Language": "de, pt-BR;q=0.5"}).text
    assert '<html lang="pt">' in portuguese and "Entrar" in portuguese
    assert '<html lang="en">' in browser.get("/login", headers={"Accept-Language": "de"}).text


def test_dashboard_totals_match_the_records(registry: Registry) -> None:
    browser = logged_in(registry.server, "ada-totals", "admin")
    page = browser.get("/dashboard").text
    match = re.search(r'id="total-registrations">(\d+)<', page)
    assert match and int(match.group(1)) >= len(registry.record_ids)
    summary = browser.get("/api/v1/registry/summary").json()
    assert summary["total"] == int(match.group(1))
    assert sum(c["count"] for c in summary["countries"]) == summary["total"]
    assert 'data-country="US"' in page


def test_summary_accepts_an_api_token_and_the_admin_token(registry: Registry) -> None:
    url = registry.server.base_url + "/api/v1/registry/summary"
    answer = requests.get(url, headers={"Authorization": f"Bearer {registry.server.admin_token}"}, timeout=30)
    assert answer.status_code == 200 and answer.json()["total"] >= len(registry.record_ids)


def test_wrong_password_three_times_then_a_delay(registry: Registry) -> None:
    browser = logged_in(registry.server, "reg-slow", "registrar")
    stranger = Browser(registry.server.base_url)
    for _ in range(3):
        answer = stranger.login("reg-slow", "wrong password entirely")
        assert answer.status_code == 401
    answer = stranger.login("reg-slow")  # the right password, too soon
    assert answer.status_code == 401
    assert re.search(r"wait \d+ seconds", answer.text)
    assert "dd_registry" not in stranger.cookies
    failures = [e for e in audit_entries(registry)[:6] if e.action == "login_failed"]
    assert len(failures) >= 4 and all("wrong password" not in str(e.details) for e in failures)
    assert browser.get("/dashboard").status_code == 200  # a session already open is not affected


@pytest.mark.parametrize("username", ["no-such-user"])
def test_unknown_user_is_the_same_answer(registry: Registry, username: str) -> None:
    answer = Browser(registry.server.base_url).login(username, "whatever it is")
    assert answer.status_code == 401
    assert "Wrong username or password." in answer.text


def test_many_failed_logins_from_one_address_are_throttled(tmp_path_factory: pytest.TempPathFactory) -> None:
    """On a server of its own: the address stays throttled for 15 minutes."""
    from sync.server.registry.web import ADDRESS_FAILURES
    from tests.sync.server.helpers import running_server

    with running_server(tmp_path_factory.mktemp("registry-throttle")) as server:
        add_account_here = logged_in(server, "ok.user", "registrar")  # a success is refunded, never counted
        assert add_account_here.get("/dashboard").status_code == 200
        stranger = Browser(server.base_url)
        for n in range(ADDRESS_FAILURES):
            assert stranger.login(f"guess-{n}", "some password here").status_code == 401
        answer = stranger.login("ok.user")  # even the right password, from this address, now
        assert answer.status_code == 429
        assert re.search(r"from this address: wait \d+ seconds", answer.text)
        with server.engine() as engine, session_factory(engine)() as session:
            reasons = [e.details.get("reason") for e in audit.entries(session, limit=2)]
        assert reasons[0] == "address_throttled"

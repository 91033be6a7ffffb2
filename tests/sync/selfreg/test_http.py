"""Self-registration over real HTTP: languages, errors beside fields, values kept, CSRF, honeypot, the
e-mailed code, pending until a registrar accepts, and the per-address limit."""

from __future__ import annotations

from pathlib import Path

import requests

from forms.reference import reference_of
from tests.sync.registry.helpers import Browser, cli, logged_in
from tests.sync.selfreg.conftest import PATH, SelfReg, selfreg_server
from tests.sync.selfreg.helpers import (
    GOOD,
    field_block,
    hidden_fields,
    post_form,
    review_status,
    send_until_confirm,
)


def test_page_in_three_languages_without_inline_script(selfreg: SelfReg) -> None:
    base = selfreg.server.base_url + PATH
    english = requests.get(base, timeout=30)
    french = requests.get(base, headers={"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"}, timeout=30)
    portuguese = requests.get(base + "?lang=pt", headers={"Accept-Language": "fr"}, timeout=30)
    assert english.status_code == french.status_code == portuguese.status_code == 200
    assert "Fields marked * are required." in english.text and 'lang="en"' in english.text
    assert "Les champs marqués * sont obligatoires." in french.text and "Prénom(s)" in french.text
    assert "Os campos marcados com * são obrigatórios." in portuguese.text
    for answer in (english, french, portuguese):
        assert "script-src 'self'" in answer.headers["Content-Security-Policy"]
        assert "<script>" not in answer.text and "onclick" not in answer.text
    assert requests.get(selfreg.server.base_url + "/register/no_such_form", timeout=30).status_code == 404
    css = requests.get(selfreg.server.base_url + "/register/static/selfreg.css", timeout=30)
    assert css.status_code == 200 and "@media" in css.text


def test_errors_are_shown_beside_each_wrong_answer_and_nothing_typed_is_lost(selfreg: SelfReg) -> None:
    browser = Browser(selfreg.server.base_url)
    first = browser.get(PATH).text
    assert 'data-address="identity" hidden' in first  # relevant only once consent is given
    step = post_form(browser, first, {"legal_basis": "consent", "consent": "yes"}, "")
    assert step.status_code == 200, step.text[:300]
    assert "More questions apply to your answers" in step.text
    assert 'data-address="identity" hidden' not in step.text
    wrong = dict(GOOD, birth_date="19/02/1990", family_name="", nationalities=["GH", "CI"])
    answer = post_form(browser, step.text, wrong, "ama at example")
    assert answer.status_code == 400
    assert "Some answers need your attention" in answer.text
    assert 'class="error"' in field_block(answer.text, "birth_date")
    assert "Enter a date." in field_block(answer.text, "birth_date")
    assert "This answer is required." in field_block(answer.text, "family_name")
    assert 'class="error"' not in field_block(answer.text, "given_name")
    assert 'value="Ama"' in field_block(answer.text, "given_name")
    assert 'value="19/02/1990"' in field_block(answer.text, "birth_date")  # kept as typed
    assert 'value="CI" selected' in answer.text and 'value="GH" selected' in answer.text
    assert 'value="ama at example"' in answer.text and "Enter an e-mail address" in answer.text
    assert "ama at example" not in selfreg.server.log_text() and "Darko" not in selfreg.server.log_text()


def test_without_the_csrf_cookie_nothing_is_kept(selfreg: SelfReg) -> None:
    browser = Browser(selfreg.server.base_url)
    page = browser.get(PATH).text
    browser.cookies.clear()
    before = dict(review_status(selfreg))
    answer = post_form(browser, page, dict(GOOD), "nocookie@example.org")
    assert answer.status_code == 400 and "The page expired" in answer.text
    assert 'value="Ama"' in answer.text  # still nothing lost
    assert review_status(selfreg) == before


def test_the_honeypot_keeps_nothing_and_sends_nothing(selfreg: SelfReg) -> None:
    browser = Browser(selfreg.server.base_url)
    page = browser.get(PATH).text
    before, mails = dict(review_status(selfreg)), selfreg.mailbox.count()
    data = [*hidden_fields(page).items(), ("consent", "yes"), ("website", "http://spam.example")]
    answer = requests.post(selfreg.server.base_url + PATH, data=data, headers=browser._headers(), timeout=60)
    assert answer.status_code == 200 and 'id="confirm"' in answer.text  # a robot learns nothing
    assert review_status(selfreg) == before and selfreg.mailbox.count() == mails


def test_a_confirmed_registration_is_pending_until_a_registrar_accepts_it(selfreg: SelfReg) -> None:
    registrar = logged_in(selfreg.server, "rosa", "registrar")
    total_before = registrar.get("/api/v1/registry/summary").json()["total"]
    browser = Browser(selfreg.server.base_url)
    before = dict(review_status(selfreg))
    answer = send_until_confirm(browser, dict(GOOD), "ama.darko@example.org")
    assert answer.status_code == 200 and 'id="confirm"' in answer.text, answer.text[:500]
    new = {r: s for r, s in review_status(selfreg).items() if r not in before}
    assert list(new.values()) == ["unconfirmed"]
    record_id = next(iter(new))
    assert record_id not in cli(selfreg.server, "submissions", "list").stdout  # not in the queue yet
    code = selfreg.mailbox.last_code("ama.darko@example.org")
    assert code not in selfreg.server.log_text()

    token = hidden_fields(answer.text)
    wrong = "000000" if code != "000000" else "111111"
    refused = browser.post(f"{PATH}/confirm", dict(token, code=wrong))
    assert refused.status_code == 400 and "This code is not right" in refused.text
    assert review_status(selfreg)[record_id] == "unconfirmed"
    receipt = browser.post(f"{PATH}/confirm", dict(token, code=code))
    assert receipt.status_code == 200, receipt.text[:300]
    assert reference_of(record_id) in receipt.text
    assert review_status(selfreg)[record_id] == "pending"
    assert "Self-registration (web page)" in cli(selfreg.server, "submissions", "list").stdout
    assert registrar.get("/api/v1/registry/summary").json()["total"] == total_before  # pending: not counted

    cli(selfreg.server, "submissions", "accept", record_id)
    assert registrar.get("/api/v1/registry/summary").json()["total"] == total_before + 1
    log = selfreg.server.log_text()
    assert "ama.darko@example.org" not in log and "Darko" not in log and "NE7887623" not in log


def test_too_many_registrations_from_one_address_are_refused(tmp_path: Path) -> None:
    with selfreg_server(tmp_path, per_hour=1) as limited:
        browser = Browser(limited.server.base_url)
        assert send_until_confirm(browser, dict(GOOD), "one@example.org").status_code == 200
        again = send_until_confirm(browser, dict(GOOD, given_name="Kofi"), "two@example.org")
        assert again.status_code == 429 and "Too many attempts" in again.text
        assert 'value="Kofi"' in again.text  # still nothing lost
        assert limited.mailbox.count() == 1


def test_a_body_over_the_limit_is_refused(selfreg: SelfReg) -> None:
    answer = requests.post(selfreg.server.base_url + PATH, data={"remarks": "x" * 40_000}, timeout=30)
    assert answer.status_code == 413

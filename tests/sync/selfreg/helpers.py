"""Filling the self-registration page over real HTTP, as a browser without JavaScript does."""

from __future__ import annotations

import html
import re
from typing import Any

import requests
from sqlalchemy import select

from sync.server.db import session_factory
from sync.server.models import RecordReviewRow
from tests.sync.registry.helpers import Browser
from tests.sync.selfreg.conftest import PATH, SelfReg

HIDDEN = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)">')
GOOD: dict[str, Any] = {
    "legal_basis": "consent",
    "consent": "yes",
    "given_name": "Ama",
    "family_name": "Darko",
    "sex": "female",
    "birth_date": "1990-02-19",
    "nationalities": ["GH"],
    "id_document_type": "consular_card",
    "document_number": "NE7887623",
    "residence_country": "IT",
    "residence_city": "Torino",
}


def hidden_fields(page: str) -> dict[str, str]:
    return {name: html.unescape(value) for name, value in HIDDEN.findall(page)}


def field_block(page: str, address: str) -> str:
    """The HTML of one question's block (its label, error and input)."""
    start = page.index(f'data-address="{address}"')
    end = page.find('<div class="field', start + 10)
    return page[start : end if end > 0 else len(page)]


def post_form(browser: Browser, page: str, answers: dict[str, Any], email: str) -> requests.Response:
    data: list[tuple[str, str]] = list(hidden_fields(page).items())
    for name, value in answers.items():
        for item in value if isinstance(value, list) else [value]:
            data.append((name, item))
    data.append(("selfreg_email", email))
    data.append(("website", ""))
    answer = requests.post(
        browser.base_url + PATH, data=data, headers=browser._headers(), allow_redirects=False, timeout=60
    )
    browser._keep(answer)
    return answer


def send_until_confirm(browser: Browser, answers: dict[str, Any], email: str) -> requests.Response:
    """GET the page, then send until the server stops asking for more (relevance applied on sending)."""
    page = browser.get(PATH).text
    for _ in range(4):
        answer = post_form(browser, page, answers, email)
        if answer.status_code != 200 or 'id="confirm"' in answer.text:
            return answer
        page = answer.text
    raise AssertionError("the page kept asking for more questions")


def review_status(selfreg: SelfReg) -> dict[str, str]:
    with selfreg.server.engine() as engine, session_factory(engine)() as session:
        rows = session.execute(
            select(RecordReviewRow.record_id, RecordReviewRow.status).where(
                RecordReviewRow.source == "selfreg"
            )
        )
        return {record_id: status for record_id, status in rows}

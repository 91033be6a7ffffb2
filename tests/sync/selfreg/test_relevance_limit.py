"""The live relevance endpoint is limited per client address like the other self-registration endpoints
(issue 17, abuse): over the limit a 429 with Retry-After, before the engine runs; the page itself, and
registering, stay open (the script simply stops updating)."""

from __future__ import annotations

from pathlib import Path

import requests

from sync.server.selfreg.web import RELEVANCE_PER_SUBMIT
from tests.sync.selfreg.conftest import PATH, selfreg_server
from tests.sync.selfreg.helpers import GOOD


def test_relevance_requests_over_the_per_address_limit_get_429(tmp_path: Path) -> None:
    with selfreg_server(tmp_path, per_hour=1) as limited:
        url = limited.server.base_url + PATH + "/relevance"
        with requests.Session() as http:
            for _ in range(RELEVANCE_PER_SUBMIT):
                answer = http.post(url, data=GOOD, timeout=30)
                assert answer.status_code == 200, answer.text[:300]
                assert answer.json()["visible"]
            refused = http.post(url, data=GOOD, timeout=30)
            assert refused.status_code == 429
            assert int(refused.headers["Retry-After"]) > 0
            assert "Too many requests" in refused.json()["detail"]
            assert "visible" not in refused.json()
            # a form that does not exist is refused the same way: no work for anyone over the limit
            assert (
                http.post(limited.server.base_url + "/register/nope/relevance", timeout=30).status_code == 429
            )
            assert requests.get(limited.server.base_url + PATH, timeout=30).status_code == 200
        log = limited.server.log_text()
        assert "too many relevance requests" in log and GOOD["family_name"] not in log

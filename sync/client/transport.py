"""HTTP to the central server: requests with TLS verification on, failures sorted into retryable or not.

Verification cannot be turned off. The trust anchor is the system's CA store, a CA bundle file (an
organisation's own CA), or a pinned certificate fingerprint (a self-signed server certificate: the
connection is accepted only if the server shows exactly that certificate). Plain http is refused except
to a loopback address, where nothing crosses a network (tests, demos, a proxy on the same machine).
"""

from __future__ import annotations

import ipaddress
import json
import re
from pathlib import Path
from typing import Any, Self
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from forms.errors import DeskError
from sync import protocol as p
from sync.client.backoff import is_retryable_status, parse_retry_after

DEFAULT_TIMEOUT = (10.0, 120.0)  # (connect, read) seconds; a 5 MB batch on a slow line needs the read
USER_AGENT = f"diaspora-desk-sync/{p.PROTOCOL_VERSION}"


class ServerAddressError(DeskError):
    """The server address cannot be used (wrong form, or plain http to another machine)."""


class TransportError(DeskError):
    """A request that did not get a usable answer. `retryable` says whether trying again may help."""

    def __init__(
        self,
        message: str,
        *,
        retryable: bool,
        status: int | None = None,
        code: str | None = None,
        retry_after: float | None = None,
        erase_keys: bool = False,
    ) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.status = status
        self.code = code  # the server's error code (sync.protocol ERROR_*), when it sent one
        self.retry_after = retry_after
        self.erase_keys = erase_keys


def is_loopback_host(host: str) -> bool:
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def normalise_server_url(url: str) -> str:
    """The base URL without a trailing slash; refuses anything but https (or http to loopback)."""
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ServerAddressError("The server address must look like https://sync.example.org.")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ServerAddressError("The server address must not carry a query, a fragment or a password.")
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise ServerAddressError(
            "The server address must use https; plain http is allowed only to this computer (loopback)."
        )
    return text.rstrip("/")


def normalise_fingerprint(text: str) -> str:
    """A SHA-256 certificate fingerprint as 64 lower-case hex digits (colons and spaces allowed in input)."""
    digits = re.sub(r"[\s:]", "", text).lower()
    if not re.fullmatch(r"[0-9a-f]{64}", digits):
        raise ServerAddressError("A pinned certificate is given as its SHA-256 fingerprint (64 hex digits).")
    return digits


class _PinnedAdapter(HTTPAdapter):
    """Checks the server certificate's SHA-256 against the pin (urllib3's assert_fingerprint)."""

    def __init__(self, fingerprint: str) -> None:
        self._fingerprint = fingerprint
        super().__init__()

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["assert_fingerprint"] = self._fingerprint
        super().init_poolmanager(*args, **kwargs)


class Transport:
    """One server, one requests session (connections are reused between batches)."""

    def __init__(
        self,
        base_url: str,
        *,
        ca_bundle: Path | str | None = None,
        pinned_sha256: str | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    ) -> None:
        self.base_url = normalise_server_url(base_url)
        self.timeout = timeout
        self._session = requests.Session()
        self._session.headers["User-Agent"] = USER_AGENT
        # Proxies from the environment would silently route records elsewhere; the address is explicit.
        self._session.trust_env = False
        self._verify: bool | str = True
        if pinned_sha256:
            # The pin replaces the CA chain check (a self-signed certificate has no chain); the
            # fingerprint check is stricter than the chain: only this one certificate is accepted.
            self._session.mount("https://", _PinnedAdapter(normalise_fingerprint(pinned_sha256)))
            self._verify = False
        elif ca_bundle:
            bundle = Path(ca_bundle).expanduser()
            if not bundle.is_file():
                raise ServerAddressError(f"There is no CA bundle file at {bundle}.")
            self._verify = str(bundle)

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ requests

    def health(self) -> bool:
        """True when the server answers its health check (any failure is simply False)."""
        try:
            self._request("GET", p.HEALTH_PATH)
        except TransportError:
            return False
        return True

    def enroll(self, body: dict[str, Any]) -> dict[str, Any]:
        return self._request("POST", p.ENROLL_PATH, json_body=body)

    def device_status(self, credential: str) -> dict[str, Any]:
        return self._request("GET", p.DEVICE_STATUS_PATH, headers=p.auth_headers(credential))

    def sealing_key(self, credential: str) -> dict[str, Any]:
        return self._request("GET", p.SEALING_KEY_PATH, headers=p.auth_headers(credential))

    def post_batch(self, body: bytes, headers: dict[str, str], credential: str) -> dict[str, Any]:
        return self._request(
            "POST", p.BATCHES_PATH, data=body, headers={**headers, **p.auth_headers(credential)}
        )

    def attachments_missing(self, files: list[dict[str, str]], credential: str) -> dict[str, Any]:
        """Which of these (record id, file name) the server does not hold (POST /v1/attachments/missing)."""
        return self._request(
            "POST", p.ATTACHMENTS_MISSING_PATH, json_body={"files": files}, headers=p.auth_headers(credential)
        )

    def put_attachment(
        self, record_id: str, name: str, content: bytes, headers: dict[str, str], credential: str
    ) -> dict[str, Any]:
        """One file of a record, signed (PUT /v1/attachments/RECORD_ID/NAME); kept once by the server."""
        return self._request(
            "PUT",
            p.attachment_path(record_id, name),
            data=content,
            headers={**headers, **p.auth_headers(credential)},
        )

    def hub_approvals(self, body: dict[str, Any], credential: str) -> dict[str, Any]:
        """An event hub's batch approvals, relayed to the central server (POST /v1/hub/approvals)."""
        return self._request("POST", p.HUB_APPROVALS_PATH, json_body=body, headers=p.auth_headers(credential))

    def hub_audit(self, body: dict[str, Any], credential: str) -> dict[str, Any]:
        """Clerks' audit entries an event hub relays to the central server (POST /v1/hub/audit)."""
        return self._request("POST", p.HUB_AUDIT_PATH, json_body=body, headers=p.auth_headers(credential))

    def erasures(self, credential: str, since: int) -> dict[str, Any]:
        """Records erased on the server after the cursor ``since`` (GET /v1/erasures; ids only)."""
        return self._request("GET", f"/v1/erasures?since={int(since)}", headers=p.auth_headers(credential))

    def possible_match(self, answers: dict[str, str], credential: str) -> dict[str, Any]:
        """The desk's check before saving (POST /v1/possible-match): where and when only, never data."""
        return self._request(
            "POST", "/v1/possible-match", json_body={"answers": answers}, headers=p.auth_headers(credential)
        )

    def list_forms(self, credential: str) -> list[dict[str, Any]]:
        response, content = self._send("GET", p.FORMS_PATH, headers=p.auth_headers(credential))
        if response.status_code != 200:
            _decode(response, content)  # raises the sorted TransportError
        try:
            listing = json.loads(content)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise TransportError("The server's list of forms was incomplete.", retryable=True) from exc
        if not isinstance(listing, list):
            raise TransportError("The server's list of forms was incomplete.", retryable=True)
        return [item for item in listing if isinstance(item, dict)]

    def download(self, path: str, credential: str) -> bytes:
        response, content = self._send("GET", path, headers=p.auth_headers(credential))
        if response.status_code != 200:
            _decode(response, content)
        return content

    def _request(
        self,
        method: str,
        path: str,
        *,
        json_body: dict[str, Any] | None = None,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        response, content = self._send(method, path, json_body=json_body, data=data, headers=headers)
        return _decode(response, content)

    def _send(
        self,
        method: str,
        path: str,
        *,
        json_body: dict[str, Any] | None = None,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[requests.Response, bytes]:
        if not path.startswith("/"):
            raise TransportError("The server named a download outside its own address.", retryable=False)
        try:
            response = self._session.request(
                method,
                self.base_url + path,
                json=json_body,
                data=data,
                headers=headers,
                timeout=self.timeout,
                verify=self._verify,
                allow_redirects=False,  # a redirect could carry the credential to another host
            )
            content = response.content  # read fully here, so a cut-off body raises now
        except requests.exceptions.SSLError as exc:
            # A certificate problem does not fix itself: retrying would only hide it.
            raise TransportError(
                "The server's certificate could not be verified (check the CA bundle or the pinned "
                "certificate).",
                retryable=False,
            ) from exc
        except requests.Timeout as exc:
            raise TransportError("The server did not answer in time.", retryable=True) from exc
        except requests.ConnectionError as exc:
            raise TransportError("The server could not be reached.", retryable=True) from exc
        except requests.RequestException as exc:  # ChunkedEncodingError, ContentDecodingError, ...
            raise TransportError("The server's answer was cut off.", retryable=True) from exc
        return response, content


def _decode(response: requests.Response, content: bytes) -> dict[str, Any]:
    status = response.status_code
    try:
        body = json.loads(content) if content else None
    except (UnicodeDecodeError, json.JSONDecodeError):
        body = None
    if 200 <= status < 300:
        if not isinstance(body, dict):
            # A 200 whose body does not parse was cut or garbled on the way; the server keeps the
            # answer, so asking again (same batch id) returns it whole.
            raise TransportError("The server's answer was incomplete.", retryable=True, status=status)
        return body
    detail = body.get("detail") if isinstance(body, dict) else None
    code = body.get("code") if isinstance(body, dict) else None
    erase_keys = bool(body.get("erase_keys")) if isinstance(body, dict) else False
    retryable = is_retryable_status(status)
    message = _status_sentence(status, detail if isinstance(detail, str) else None)
    raise TransportError(
        message,
        retryable=retryable,
        status=status,
        code=code if isinstance(code, str) else None,
        retry_after=parse_retry_after(response.headers) if retryable else None,
        erase_keys=erase_keys,
    )


def _status_sentence(status: int, detail: str | None) -> str:
    if status == 429:
        return "The server is busy and asked to wait (429)."
    if status == 408:
        return "The server timed out waiting for the request (408)."
    if status >= 500:
        return f"The server had a problem ({status})."
    if detail:
        return f"The server refused the request ({status}): {detail.rstrip('.')}."
    return f"The server refused the request ({status})."

"""Transport against a real HTTP server on loopback (stdlib), each answer chosen by the test."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sync import protocol as p
from sync.client.transport import (
    ServerAddressError,
    Transport,
    TransportError,
    normalise_fingerprint,
    normalise_server_url,
)


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8080", "http://localhost:9000/", "http://[::1]:8443", "https://sync.example.org"],
)
def test_https_anywhere_and_http_only_to_loopback_are_accepted(url: str) -> None:
    assert normalise_server_url(url) == url.rstrip("/")


@pytest.mark.parametrize(
    "url",
    [
        "http://sync.example.org",
        "http://10.0.0.5:8080",
        "ftp://sync.example.org",
        "sync.example.org",
        "https://u:pw@h",
    ],
)
def test_plain_http_to_another_machine_and_odd_addresses_are_refused(url: str) -> None:
    with pytest.raises(ServerAddressError):
        normalise_server_url(url)


def test_a_pin_is_64_hex_digits_with_optional_colons() -> None:
    colons = ":".join(["AB"] * 32)
    assert normalise_fingerprint(colons) == "ab" * 32
    with pytest.raises(ServerAddressError):
        normalise_fingerprint("abcd")


def test_a_missing_ca_bundle_file_is_named() -> None:
    with pytest.raises(ServerAddressError, match="CA bundle"):
        Transport("https://sync.example.org", ca_bundle="/nonexistent/ca.pem")


class _Scripted(BaseHTTPRequestHandler):
    answers: list[tuple[int, dict[str, str], bytes]] = []

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        status, headers, body = self.answers.pop(0)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = _answer
    do_POST = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def scripted() -> Iterator[tuple[str, list[tuple[int, dict[str, str], bytes]]]]:
    answers: list[tuple[int, dict[str, str], bytes]] = []
    handler = type("Handler", (_Scripted,), {"answers": answers})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", answers
    finally:
        server.shutdown()
        server.server_close()


def test_statuses_are_sorted_into_retryable_and_final(scripted: tuple[str, list]) -> None:  # type: ignore[type-arg]
    url, answers = scripted
    answers.extend(
        [
            (503, {"Retry-After": "3"}, b""),
            (429, {"Retry-After": "12"}, b'{"detail":"slow down"}'),
            (403, {}, b'{"detail":"This device has been revoked.","code":"device_revoked"}'),
            (200, {}, b'{"results": ['),  # a cut 200 answer
            (200, {}, b'{"status":"ok"}'),
        ]
    )
    with Transport(url, timeout=(2, 2)) as transport:
        with pytest.raises(TransportError) as unavailable:
            transport.device_status("token")
        assert (unavailable.value.retryable, unavailable.value.retry_after) == (True, 3.0)
        with pytest.raises(TransportError) as busy:
            transport.device_status("token")
        assert (busy.value.retryable, busy.value.retry_after, busy.value.status) == (True, 12.0, 429)
        with pytest.raises(TransportError) as revoked:
            transport.device_status("token")
        assert not revoked.value.retryable and revoked.value.code == p.ERROR_DEVICE_REVOKED
        assert "revoked" in revoked.value.message
        with pytest.raises(TransportError) as cut:
            transport.device_status("token")
        assert cut.value.retryable
        assert transport.device_status("token") == {"status": "ok"}


def test_nobody_listening_is_a_retryable_network_error() -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with Transport(f"http://127.0.0.1:{port}", timeout=(1, 1)) as transport:
        with pytest.raises(TransportError) as refused:
            transport.device_status("token")
        assert refused.value.retryable and "could not be reached" in refused.value.message
        assert transport.health() is False

"""Finding the hub without typing an address: DNS-SD on the loopback interface (skipped, saying why,
where this machine cannot do multicast there), and the address fallbacks, which are always tested."""

from __future__ import annotations

import secrets
import socket

import pytest

from sync.hub.code import HubCode
from sync.hub.discovery import announce, discover
from sync.hub.joining import hub_address

LOOPBACK = ["127.0.0.1"]
# Each test session its own: two sessions on one machine (a CI run beside a developer's) announcing the
# same fingerprint on loopback multicast clashed on the service name.
FINGERPRINT = secrets.token_hex(32)


def multicast_on_loopback() -> str | None:
    """None if zeroconf can bind multicast on 127.0.0.1 here, else why not."""
    from zeroconf import IPVersion, Zeroconf

    try:
        Zeroconf(interfaces=LOOPBACK, ip_version=IPVersion.V4Only).close()
    except OSError as exc:
        return f"multicast DNS cannot bind on loopback here ({exc})"
    return None


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_announced_hub_is_found_by_its_fingerprint_only() -> None:
    reason = multicast_on_loopback()
    if reason:
        pytest.skip(reason)
    with announce("127.0.0.1", 8765, FINGERPRINT, interfaces=LOOPBACK):
        found = discover(FINGERPRINT, timeout=8, interfaces=LOOPBACK)
        stranger = discover("aa" * 32, timeout=1.5, interfaces=LOOPBACK)
    assert found is not None and (found.host, found.port) == ("127.0.0.1", 8765)
    assert stranger is None


def test_a_typed_address_always_wins() -> None:
    code = HubCode("127.0.0.1", closed_port(), FINGERPRINT, "ABCD-EFGH")
    assert hub_address(code, "https://10.0.0.5:8765", discover_timeout=0.1) == "https://10.0.0.5:8765"


def test_without_an_answer_or_an_announcement_the_code_address_is_used() -> None:
    code = HubCode("127.0.0.1", closed_port(), "77" * 32, "ABCD-EFGH")
    assert hub_address(code, discover_timeout=0.5) == code.server_url


def test_a_hub_that_moved_is_found_on_the_network() -> None:
    reason = multicast_on_loopback()
    if reason:
        pytest.skip(reason)
    code = HubCode("127.0.0.1", closed_port(), FINGERPRINT, "ABCD-EFGH")  # the old address: nobody answers
    with announce("127.0.0.1", 9443, FINGERPRINT, interfaces=LOOPBACK):
        # hub_address browses every interface; the announcement is on loopback, which every host has.
        assert hub_address(code, discover_timeout=8) == "https://127.0.0.1:9443"

"""Which address a clerk's laptop uses for a hub code: a typed address if one was given, else the one in
the code if the hub answers there, else the hub found on the network by DNS-SD with the same certificate
fingerprint (the hub's address may have changed since the code was printed)."""

from __future__ import annotations

import logging

from sync.client.transport import Transport
from sync.hub.code import HubCode
from sync.hub.discovery import discover

log = logging.getLogger("sync.hub.joining")


def answers(url: str, fingerprint: str) -> bool:
    with Transport(url, pinned_sha256=fingerprint, timeout=(3.0, 5.0)) as transport:
        return transport.health()


def hub_address(code: HubCode, typed: str | None = None, *, discover_timeout: float = 3.0) -> str:
    if typed:
        return typed
    if answers(code.server_url, code.fingerprint):
        return code.server_url
    found = discover(code.fingerprint, timeout=discover_timeout)
    if found is not None:
        log.info("hub found on the network at %s:%d", found.host, found.port)
        return f"https://{found.host}:{found.port}"
    return code.server_url  # enrolment then says it cannot reach the hub

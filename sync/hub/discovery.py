"""Finding the hub on the event network without typing an address: DNS-SD over multicast DNS (zeroconf).

The hub announces ``_diaspora-hub._tcp.local.`` with its port and, in the TXT record, its certificate's
SHA-256 fingerprint. A clerk's laptop that holds a hub code looks for the service whose fingerprint is
the one in its code, so an impostor announcing the same name is never chosen (and could not pass the
pinned TLS check anyway). Multicast may be blocked on a network: the address typed in the code is the
fallback, always.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

log = logging.getLogger("sync.hub.discovery")
SERVICE_TYPE = "_diaspora-hub._tcp.local."


@dataclass(frozen=True)
class FoundHub:
    host: str
    port: int
    fingerprint: str


def _zeroconf(interfaces: list[str] | None) -> object:
    from zeroconf import InterfaceChoice, IPVersion, Zeroconf

    if interfaces:
        return Zeroconf(interfaces=interfaces, ip_version=IPVersion.V4Only)
    return Zeroconf(interfaces=InterfaceChoice.All, ip_version=IPVersion.V4Only)


@contextmanager
def announce(
    address: str, port: int, fingerprint: str, *, interfaces: list[str] | None = None
) -> Iterator[None]:
    """Announce the hub while the block runs (a failure to announce is logged, never fatal)."""
    from zeroconf import ServiceInfo, Zeroconf

    zc: Zeroconf | None = None
    info = ServiceInfo(
        SERVICE_TYPE,
        f"Diaspora Desk hub {fingerprint[:12]}.{SERVICE_TYPE}",
        addresses=[socket.inet_aton(address)],
        port=port,
        properties={"fp": fingerprint, "v": "1"},
        server=f"diaspora-hub-{fingerprint[:12]}.local.",
    )
    try:
        zc = _zeroconf(interfaces)  # type: ignore[assignment]
        assert zc is not None
        zc.register_service(info)
    except (OSError, RuntimeError, ValueError) as exc:
        log.warning("the hub could not be announced on the network (%s); clerks type the address", exc)
        zc = None
    try:
        yield
    finally:
        if zc is not None:
            try:
                zc.unregister_service(info)
            finally:
                zc.close()


def discover(
    fingerprint: str, *, timeout: float = 3.0, interfaces: list[str] | None = None
) -> FoundHub | None:
    """The hub with this certificate fingerprint on the local network, or None within `timeout` seconds."""
    from zeroconf import ServiceBrowser, ServiceListener, Zeroconf

    found: list[FoundHub] = []
    done = threading.Event()

    class Listener(ServiceListener):
        def add_service(self, zc: Zeroconf, type_: str, name: str) -> None:
            info = zc.get_service_info(type_, name, timeout=int(timeout * 1000))
            if info is None:
                return
            fp = (info.properties or {}).get(b"fp", b"") or b""
            addresses = info.parsed_addresses()
            if fp.decode("ascii", "replace").lower() == fingerprint.lower() and addresses and info.port:
                found.append(FoundHub(addresses[0], int(info.port), fingerprint.lower()))
                done.set()

        def update_service(self, zc: Zeroconf, type_: str, name: str) -> None:
            self.add_service(zc, type_, name)

        def remove_service(self, zc: Zeroconf, type_: str, name: str) -> None:
            return

    try:
        zc = _zeroconf(interfaces)
    except OSError as exc:
        log.info("multicast DNS is not available here (%s)", exc)
        return None
    try:
        ServiceBrowser(zc, SERVICE_TYPE, Listener())  # type: ignore[arg-type]
        done.wait(timeout)
    finally:
        zc.close()  # type: ignore[attr-defined]
    return found[0] if found else None

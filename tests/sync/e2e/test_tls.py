"""TLS is verified: a server certificate nobody vouches for is refused (and not retried); a CA bundle or a
pinned fingerprint makes the same server trusted; a wrong pin is refused."""

from __future__ import annotations

import datetime
import ipaddress
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from sync.client.engine import SyncEngine
from sync.client.enrollment import EnrollmentError, enroll
from sync.client.transport import Transport, TransportError
from tests.sync.client.helpers import add_records, new_store
from tests.sync.e2e.servers import ServerProcess, running_server


def self_signed(folder: Path) -> tuple[Path, Path, str]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "diaspora test server")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "server.pem", folder / "server.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path, cert.fingerprint(hashes.SHA256()).hex()


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ServerProcess, Path, str]]:
    folder = tmp_path_factory.mktemp("tls-server")
    cert, key, fingerprint = self_signed(folder)
    with running_server(folder / "data", tls=(cert, key)) as server:
        yield server, cert, fingerprint


def test_an_unvouched_certificate_is_refused_without_retrying(
    tls_server: tuple[ServerProcess, Path, str],
) -> None:
    server, _, _ = tls_server
    with Transport(server.url, timeout=(3, 3)) as transport:
        assert transport.health() is False
        with pytest.raises(TransportError) as refused:
            transport.device_status("token")
    assert not refused.value.retryable
    assert "certificate" in refused.value.message


def test_a_wrong_pin_is_refused(tls_server: tuple[ServerProcess, Path, str]) -> None:
    server, _, fingerprint = tls_server
    wrong = ("0" if fingerprint[0] != "0" else "1") + fingerprint[1:]
    with Transport(server.url, pinned_sha256=wrong, timeout=(3, 3)) as transport:
        assert transport.health() is False
    with Transport(server.url, pinned_sha256=fingerprint, timeout=(3, 3)) as transport:
        assert transport.health() is True


def test_enrol_and_sync_over_https_with_the_ca_bundle(
    tls_server: tuple[ServerProcess, Path, str], tmp_path: Path
) -> None:
    server, cert, _ = tls_server
    store = new_store(tmp_path / "laptop")
    try:
        with pytest.raises(EnrollmentError, match="certificate"):
            enroll(store, server_url=server.url, code=server.enrollment_code(), timeout=(3, 3))
        enroll(store, server_url=server.url, code=server.enrollment_code(), ca_bundle=cert)
        add_records(store, 3)
        report = SyncEngine(store).run_once()
        assert report.ok, report.error
        assert report.counts["accepted"] == 3
    finally:
        store.close()

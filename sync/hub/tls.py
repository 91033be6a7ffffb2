"""The hub's own TLS certificate, made on the spot (self-signed, ECDSA P-256, valid 30 days) and kept
for the event so the fingerprint in the clerks' codes stays right. Clerks pin its SHA-256 fingerprint
(sync.client.transport): no certificate authority is involved, and only this one certificate is accepted.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import socket

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from sync.hub.place import HubPlace

VALID_DAYS = 30


def fingerprint(certificate_pem: bytes) -> str:
    certificate = x509.load_pem_x509_certificate(certificate_pem)
    return certificate.fingerprint(hashes.SHA256()).hex()


def ensure_certificate(place: HubPlace, password: bytes, addresses: list[str]) -> str:
    """The certificate's fingerprint, making a new one if there is none or it expires within a day."""
    if place.certificate.is_file() and place.private_key.is_file():
        pem = place.certificate.read_bytes()
        certificate = x509.load_pem_x509_certificate(pem)
        if certificate.not_valid_after_utc > dt.datetime.now(dt.UTC) + dt.timedelta(days=1):
            return fingerprint(pem)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [x509.NameAttribute(NameOID.COMMON_NAME, f"Diaspora Desk event hub {socket.gethostname()}")]
    )
    alternatives: list[x509.GeneralName] = [x509.DNSName("localhost")]
    for address in {"127.0.0.1", *addresses}:
        try:
            alternatives.append(x509.IPAddress(ipaddress.ip_address(address)))
        except ValueError:
            alternatives.append(x509.DNSName(address))
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=VALID_DAYS))
        .add_extension(x509.SubjectAlternativeName(alternatives), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(password),
    )
    descriptor = os.open(place.private_key, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(key_pem)
    pem = certificate.public_bytes(serialization.Encoding.PEM)
    place.certificate.write_bytes(pem)
    return fingerprint(pem)


def local_address() -> str:
    """This laptop's address on the network it would use to reach others (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: only picks the outgoing interface
            return str(probe.getsockname()[0])
        except OSError:
            return "127.0.0.1"

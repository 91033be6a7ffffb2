"""Enrolling this laptop with a server: a fresh Ed25519 key, a one-time code, and the device id and
credential the server hands back, all kept inside the encrypted store (never in a plaintext file).

The device id is one: the desk proposes its store's own id (forms.store.outbox.device_id, made at the
store's creation); the server takes it unless a device of that id is already enrolled there, and then
answers a new one. Whichever id the server answers, the desk adopts it in the same transaction as the
enrolment, and stamps it from then on into forms, imports, exports and batches (docs/architecture.md,
"The device id")."""

from __future__ import annotations

import platform
from pathlib import Path

from forms.errors import DeskError
from forms.store import outbox
from sync import protocol as p
from sync.client import state
from sync.client.sealing import save_sealing_key
from sync.client.transport import DEFAULT_TIMEOUT, Transport, TransportError, normalise_fingerprint


class EnrollmentError(DeskError):
    """The enrolment did not happen (the sentence says why)."""


def enroll(
    store: state.SessionSource,
    *,
    server_url: str,
    code: str,
    ca_bundle: Path | str | None = None,
    pinned_sha256: str | None = None,
    device_label: str | None = None,
    replace: bool = False,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
) -> state.DeviceState:
    """Enrol with `server_url` using a one-time `code`; returns the saved enrolment."""
    code = code.strip()
    if not code:
        raise EnrollmentError("Type the enrolment code the server's administrator gave you.")
    existing = state.load_device(store)
    if existing is not None and existing.usable and not replace:
        raise EnrollmentError(
            f"This laptop is already enrolled (device {existing.device_id}); nothing was changed."
        )
    pin = normalise_fingerprint(pinned_sha256) if pinned_sha256 else None
    bundle = str(Path(ca_bundle).expanduser().resolve()) if ca_bundle else None
    key = p.generate_device_key()
    with store.session() as session:
        laptop_id = outbox.device_id(session)  # proposed to the server as the device id
    with Transport(server_url, ca_bundle=bundle, pinned_sha256=pin, timeout=timeout) as transport:
        try:
            answer = transport.enroll(
                p.enroll_request(code, key, device_label or platform.node()[:100], laptop_id)
            )
        except TransportError as exc:
            if exc.code == p.ERROR_ENROLLMENT_REFUSED:
                raise EnrollmentError(
                    "The server refused the enrolment code: it is unknown, already used or expired."
                ) from exc
            raise EnrollmentError(f"Enrolment failed: {exc.message}") from exc
        enrolled = p.parse_enroll_response(answer)
        base_url = transport.base_url
    with store.session() as session:
        state.save_enrollment(
            session,
            server_url=base_url,
            device_id=enrolled.device_id,
            credential=enrolled.credential,
            private_key=p.private_key_bytes(key),
            ca_bundle=bundle,
            pinned_sha256=pin,
        )
        outbox.set_device_id(session, enrolled.device_id)  # the one id from now on (audited if new)
        if enrolled.sealing_key:
            save_sealing_key(session, enrolled.device_id, enrolled.sealing_key)
    device = state.load_device(store)
    assert device is not None
    return device

"""`diaspora-desk enroll`: register this laptop with the central server using a one-time code.

The laptop makes an Ed25519 key, sends its public half with the code, and keeps the device id, the
credential and the private key inside the encrypted store (the server keeps only a hash of the credential).

The one-time code is a secret until it is used: an argument (`--code`) is visible to every user of the
computer in the process list, so the code is better read from a no-echo prompt (the default on a
terminal), from standard input (the line after the passphrase), or from a file (`--code-file`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import SecretReader, add_data_dir_arg, add_operator_arg, unlock_store
from forms.errors import DeskError
from sync.client.enrollment import enroll
from sync.hub.code import is_hub_code, parse_hub_code
from sync.hub.joining import hub_address


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "enroll",
        help="register this laptop with the central server (one-time code from the IT officer)",
        description="Registers this laptop with the server at --server using the one-time code printed by "
        "`diaspora-server enrollment-code`, asked for after the passphrase (a no-echo prompt, or the next "
        "line of standard input) unless --code-file or --code gives it. TLS is verified; http is accepted "
        "only to this computer.",
    )
    add_data_dir_arg(parser)
    add_operator_arg(parser)
    parser.add_argument(
        "--server",
        metavar="URL",
        help="the server, e.g. https://sync.example.org (not needed with an event hub's code, which "
        "carries the hub's address and certificate fingerprint)",
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--code-file",
        type=Path,
        metavar="FILE",
        help="read the one-time code from the first line of FILE",
    )
    source.add_argument(
        "--code",
        help="the one-time code as an argument (seen in the process list: prefer the prompt or --code-file)",
    )
    parser.add_argument(
        "--ca-bundle",
        type=Path,
        metavar="FILE",
        help="PEM file of the CA that signed the server's certificate",
    )
    parser.add_argument(
        "--pin", metavar="SHA256", help="accept only the server certificate with this SHA-256 fingerprint"
    )
    parser.add_argument("--label", help="how this laptop is named on the server (default: its host name)")
    parser.add_argument(
        "--replace", action="store_true", help="enrol again even though this laptop is already enrolled"
    )
    parser.set_defaults(func=handle)


def _read_code_file(path: Path) -> str:
    try:
        lines = path.expanduser().read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        raise DeskError(
            f"Cannot read the code file {path} (it must be a UTF-8 text file).", exit_code=2
        ) from None
    if not lines or not lines[0].strip():
        raise DeskError(f"The code file {path} is empty.", exit_code=2)
    return lines[0].strip()


def handle(args: argparse.Namespace) -> int:
    reader = SecretReader()
    store = unlock_store(args, reader)
    try:
        if args.code is not None:
            code = args.code
        elif args.code_file is not None:
            code = _read_code_file(args.code_file)
        else:
            code = reader.read("Enrolment code: ").strip()
        server, pin = args.server, args.pin
        if is_hub_code(code):  # an event hub's code: its address and pinned certificate, then the code
            hub = parse_hub_code(code)
            server, pin, code = hub_address(hub, args.server), hub.fingerprint, hub.code
        elif not server:
            raise DeskError(
                "Give the server's address with --server URL (or type an event hub's code).", exit_code=2
            )
        device = enroll(
            store,
            server_url=server,
            code=code,
            ca_bundle=args.ca_bundle,
            pinned_sha256=pin,
            device_label=args.label,
            replace=args.replace,
        )
        store.audit("device_enrolled", device_id=device.device_id)
    finally:
        store.close()
    print(f"Enrolled with {device.server_url} as device {device.device_id}.")
    return 0

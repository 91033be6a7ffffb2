"""`diaspora-desk enroll`: register this laptop with the central server using a one-time code.

The laptop makes an Ed25519 key, sends its public half with the code, and keeps the device id, the
credential and the private key inside the encrypted store (the server keeps only a hash of the credential).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import add_data_dir_arg, add_operator_arg, unlock_store
from sync.client.enrollment import enroll


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "enroll",
        help="register this laptop with the central server (one-time code from the IT officer)",
        description="Registers this laptop with the server at --server using the one-time --code printed by "
        "`diaspora-server enrollment-code`. TLS is verified; http is accepted only to this computer.",
    )
    add_data_dir_arg(parser)
    add_operator_arg(parser)
    parser.add_argument(
        "--server", required=True, metavar="URL", help="the server, e.g. https://sync.example.org"
    )
    parser.add_argument("--code", required=True, help="the one-time enrolment code")
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


def handle(args: argparse.Namespace) -> int:
    store = unlock_store(args)
    try:
        device = enroll(
            store,
            server_url=args.server,
            code=args.code,
            ca_bundle=args.ca_bundle,
            pinned_sha256=args.pin,
            device_label=args.label,
            replace=args.replace,
        )
        store.audit("device_enrolled", device_id=device.device_id)
    finally:
        store.close()
    print(f"Enrolled with {device.server_url} as device {device.device_id}.")
    return 0

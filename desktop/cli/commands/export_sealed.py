"""`diaspora-desk export-sealed`: the waiting records in one sealed file for the central server, for a
laptop that cannot reach it (supervisors only).

The file is encrypted to the server's sealing key (learned at enrolment) and signed by this laptop's
device key; it holds sync's own batches, so whatever arrives first (the file or a later sync) is stored
and the other is recognised. The records stay waiting until the server's answer comes back: at the next
sync, or with `diaspora-desk import-receipt FILE`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import add_data_dir_arg, add_operator_arg, unlock_store
from forms.errors import DeskError
from forms.store.atomic import atomic_write_bytes
from sync.client.sealed_export import export_sealed


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "export-sealed",
        help="seal the waiting records into one file for the central server (supervisors only)",
        description="Writes the records waiting to be sent, encrypted to the central server's key and "
        "signed by this laptop, to FILE. Carry it to the server (diaspora-server import-sealed FILE); "
        "import the receipt it writes with diaspora-desk import-receipt.",
    )
    add_data_dir_arg(parser)
    add_operator_arg(parser)
    scope = parser.add_mutually_exclusive_group(required=True)
    scope.add_argument("--batch", metavar="ID", help="the waiting records of one event batch")
    scope.add_argument("--all-pending", action="store_true", help="every waiting record")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE", help="the file to write")
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    out: Path = args.out.expanduser()
    if out.exists():
        raise DeskError(f"{out} exists already; choose a new file name.", exit_code=2)
    store = unlock_store(args)
    try:
        store.require_supervisor("export a sealed batch file")
        made = export_sealed(store, event_batch_id=args.batch, operator=store.operator.name)
        try:
            atomic_write_bytes(out, made.data)
        except OSError as error:
            raise DeskError(f"Cannot write {out}: {error.strerror or 'error'}.", exit_code=2) from None
        store.audit("sealed_file_exported", export_id=made.export_id, batches=made.batches)
    finally:
        store.close()
    print(
        f"Sealed {made.records} record versions in {made.batches} batches into {out}. They stay waiting "
        "until the server's answer comes back (next sync, or diaspora-desk import-receipt)."
    )
    return 0

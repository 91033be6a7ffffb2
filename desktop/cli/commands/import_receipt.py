"""`diaspora-desk import-receipt FILE`: the central server's answer to a sealed batch file.

The server writes the receipt when it imports the file (diaspora-server import-sealed). It is
authenticated with a key only that file carried, so only the server that opened the file can make one.
The records it acknowledges stop waiting; those already acknowledged by a sync are left as they are.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import add_data_dir_arg, add_operator_arg, unlock_store
from forms.errors import DeskError
from sync.client.sealed_export import import_receipt


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "import-receipt",
        help="mark the records of a sealed file sent, from the receipt the server wrote",
        description="Reads the receipt diaspora-server import-sealed wrote and marks the records it "
        "acknowledges as sent (conflicts and rejections go to the supervisor queue, as after a sync).",
    )
    add_data_dir_arg(parser)
    add_operator_arg(parser)
    parser.add_argument("file", type=Path, metavar="FILE", help="the receipt file")
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    path: Path = args.file.expanduser()
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DeskError(f"Cannot read {path}: {error.strerror or 'error'}.", exit_code=2) from None
    store = unlock_store(args)
    try:
        result = import_receipt(store, data)
    finally:
        store.close()
    print(
        f"Receipt imported: {result.records} record versions in {result.batches} batches acknowledged"
        + (f"; {result.already} batches had already been acknowledged by a sync." if result.already else ".")
    )
    return 0

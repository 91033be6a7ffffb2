"""`diaspora-desk erase --record ID --reason CODE`: a supervisor erases one person's record from this
laptop; a tombstone takes the erasure to the server (and from there to every other laptop)."""

from __future__ import annotations

import argparse

from desktop.cli.common import add_data_dir_arg, add_operator_arg, unlock_store
from forms.store.erasure import REASON_CODES, erase_record


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "erase",
        help="erase a person's record from this laptop and, at the next sync, from the server (supervisor)",
        description="Deletes every version, draft, autosave, outbox entry and search-index entry of the "
        "record; "
        "the freed pages are zeroed and the write-ahead log truncated. When the server holds the record, a "
        "tombstone goes to it at the next sync. The audit log keeps who, when and the reason, never a value.",
    )
    add_data_dir_arg(parser)
    add_operator_arg(parser)
    parser.add_argument(
        "--record", required=True, metavar="ID", help="the record id (see `export` or the app)"
    )
    parser.add_argument("--reason", required=True, metavar="CODE", help="one of: " + ", ".join(REASON_CODES))
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    store = unlock_store(args)
    try:
        erased = erase_record(store, args.record, args.reason)
    finally:
        store.close()
    where = (
        "a tombstone goes to the server at the next sync"
        if erased.tombstone
        else "the server never received it, so nothing needs to be sent"
    )
    print(f"Record {erased.record_id} erased from this laptop ({erased.versions} versions); {where}.")
    return 0

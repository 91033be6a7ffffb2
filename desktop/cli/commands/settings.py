"""`diaspora-desk settings`: show or change the store's settings (supervisors change them)."""

from __future__ import annotations

import argparse

from desktop.cli.common import add_data_dir_arg, add_operator_arg, unlock_store
from forms.errors import DeskError
from forms.store.retention import draft_days, purge_days, purge_due, set_draft_days, set_purge_days
from forms.store.sync_policy import only_approved_batches_sync, set_only_approved_batches_sync


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "settings",
        help="show or change settings, e.g. whether only approved batches sync",
        description="Without options, prints the settings. Changing one needs a supervisor.",
    )
    add_data_dir_arg(parser)
    add_operator_arg(parser)
    parser.add_argument(
        "--sync-only-approved",
        choices=("on", "off"),
        help="on: records stay on the laptop until a supervisor approves their batch",
    )
    parser.add_argument(
        "--purge-synced-after-days",
        type=int,
        metavar="N",
        help="remove records from this laptop N days after the server acknowledged them "
        "(0: at once; default 7)",
    )
    parser.add_argument(
        "--purge-drafts-after-days",
        type=int,
        metavar="N",
        help="delete drafts and autosaved forms nobody touched for N days, a week after the Start page "
        "announced it (8 to 3650; default 30)",
    )
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    store = unlock_store(args)
    try:
        if args.sync_only_approved is not None:
            set_only_approved_batches_sync(store, args.sync_only_approved == "on")
        if args.purge_synced_after_days is not None:
            try:
                set_purge_days(store, args.purge_synced_after_days)
            except ValueError as exc:
                raise DeskError(f"--purge-synced-after-days: {exc}.", exit_code=2) from None
            purge_due(store)  # what is already past the new setting goes now
        if args.purge_drafts_after_days is not None:
            try:
                set_draft_days(store, args.purge_drafts_after_days)
            except ValueError as exc:
                raise DeskError(f"--purge-drafts-after-days: {exc}.", exit_code=2) from None
        only_approved = only_approved_batches_sync(store)
        days = purge_days(store)
        drafts = draft_days(store)
    finally:
        store.close()
    print(f"sync only approved batches: {'on' if only_approved else 'off'}")
    print(f"purge synced records after days: {days}")
    print(f"purge drafts after days: {drafts}")
    return 0

"""`diaspora-desk status`: counts of records, drafts, batches and records waiting to sync."""

from __future__ import annotations

import argparse
import json

from desktop.cli.common import add_data_dir_arg, add_operator_arg, unlock_store
from forms.store.stats import counts


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "status", help="counts of records, drafts, batches and records waiting to sync"
    )
    add_data_dir_arg(parser)
    add_operator_arg(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of lines")
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    store = unlock_store(args)
    try:
        with store.session() as session:
            figures = counts(session)
        device_id = store.device_id
    finally:
        store.close()
    if args.json:
        print(json.dumps({**figures.to_json(), "device_id": device_id}, sort_keys=True))
    else:
        print(f"records: {figures.records}")
        print(f"drafts: {figures.drafts}")
        print(f"autosaves (forms left open, offered back at the next unlock): {figures.autosaves}")
        print(f"batches: {figures.batches} ({figures.open_batches} open)")
        print(f"waiting to sync: {figures.waiting_to_sync}")
    return 0

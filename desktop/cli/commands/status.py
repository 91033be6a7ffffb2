"""`diaspora-desk status`: counts of records, drafts, batches and records waiting to sync.

It also reads every page once (``quick_check``): a damaged file is reported in words with what to do,
exit 4, instead of counts that look fine."""

from __future__ import annotations

import argparse
import json
import sys

from desktop.cli.commands.verify import EXIT_DAMAGED, what_to_do_when_damaged
from desktop.cli.common import add_data_dir_arg, add_operator_arg, unlock_store
from forms.store.purged import listed_count
from forms.store.retention import persons_kept, purged_counts
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
        kept, purged = persons_kept(store), int(purged_counts(store)["total"])
        listed = listed_count(store)  # of those, the ones whose reference the records list can name
        device_id = store.device_id
        damage = store.quick_check()
    finally:
        store.close()
    if damage:
        for problem in damage:
            print(f"problem: {problem}", file=sys.stderr)
        print(what_to_do_when_damaged(args), file=sys.stderr)
        return EXIT_DAMAGED
    if args.json:
        extra = {
            "device_id": device_id,
            "persons_kept": kept,
            "purged_after_sync": purged,
            "purged_listed": listed,
        }
        print(json.dumps({**figures.to_json(), **extra}, sort_keys=True))
    else:
        print(f"people registered (saved records): {figures.records}")
        print(f"drafts (unfinished registrations, never sent): {figures.drafts}")
        print(f"autosaves (forms left open, offered back at the next unlock): {figures.autosaves}")
        print(f"batches: {figures.batches} ({figures.open_batches} open)")
        print(f"persons kept on this laptop: {kept} ({purged} removed after the server acknowledged them)")
        if listed < purged:
            print(f"removed records listed by reference (ids and dates only): {listed} of {purged}")
        print(f"saves waiting to sync (each saved version is sent once): {figures.waiting_to_sync}")
    return 0

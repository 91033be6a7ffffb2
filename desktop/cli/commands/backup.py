"""`diaspora-desk backup list|now|restore`: the rotating encrypted backups of the store.

The app takes one at most daily at unlock and one before each schema migration, and keeps the newest 7
(``forms.store.backup``). ``restore`` puts one in place of a damaged store.db (the newest that passes
its integrity check, or ``--name``), keeping the replaced file beside it; close the app first.
"""

from __future__ import annotations

import argparse
import sys

from desktop.cli.common import SecretReader, add_data_dir_arg, add_operator_arg, data_dir_of, unlock_store
from forms.store import Store
from forms.store.backup import list_backups


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("backup", help="list, take or restore encrypted backups of the store")
    verbs = parser.add_subparsers(dest="backup_verb", metavar="ACTION", required=True)
    listing = verbs.add_parser("list", help="the backups, newest first (no passphrase needed)")
    add_data_dir_arg(listing)
    listing.set_defaults(func=handle_list)
    now = verbs.add_parser("now", help="take a backup now")
    add_data_dir_arg(now)
    add_operator_arg(now)
    now.set_defaults(func=handle_now)
    restore = verbs.add_parser("restore", help="put a backup in place of the store (close the app first)")
    add_data_dir_arg(restore)
    add_operator_arg(restore)
    restore.add_argument("--name", help="the backup's file name (default: the newest that is intact)")
    restore.set_defaults(func=handle_restore)


def handle_list(args: argparse.Namespace) -> int:
    backups = list_backups(data_dir_of(args))
    if not backups:
        print("There is no backup yet; one is taken at the first unlock of each day.")
        return 0
    for info in backups:
        taken = info.taken_at.strftime("%Y-%m-%d %H:%M:%S UTC")
        print(f"{info.name}  {taken}  {info.reason}  {info.size // 1024} KiB")
    return 0


def handle_now(args: argparse.Namespace) -> int:
    store = unlock_store(args)
    try:
        info = store.take_backup("manual")
    finally:
        store.close()
    print(f"Backup written: {info.path}")
    return 0


def handle_restore(args: argparse.Namespace) -> int:
    data_dir = data_dir_of(args)
    Store.operator_names(data_dir)  # a missing store or damaged key file: said before asking a secret
    passphrase = SecretReader().read(f"Passphrase for {args.operator}: ")
    store, used, kept = Store.restore_backup(data_dir, args.operator, passphrase, args.name)
    try:
        for warning in store.warnings:
            print(warning, file=sys.stderr)
    finally:
        store.close()
    taken = used.taken_at.strftime("%Y-%m-%d %H:%M UTC")
    print(f"Restored the backup of {taken} ({used.name}).")
    if kept is not None:
        print(f"The database it replaced is kept as {kept.name} (still encrypted); delete it once sure.")
    return 0

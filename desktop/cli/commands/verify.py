"""`diaspora-desk verify`: database integrity (SQLite, SQLCipher page HMACs, foreign keys), the audit
chain, the rollback anchor and what unlocks found since the last verify (a reset attempt counter, a
store older than its anchor), and a sync the server refused because the store went back in time.
Exit 0 when everything holds; a damaged file: each problem, what to do, exit 4; any other problem: each
on stderr and exit 1."""

from __future__ import annotations

import argparse
import contextlib
import sys

from desktop.cli.common import add_data_dir_arg, add_operator_arg, data_dir_of, unlock_store
from forms.store import CorruptDatabaseError
from forms.store.backup import list_backups
from sync.client.state import rolled_back_problem

EXIT_DAMAGED = CorruptDatabaseError.exit_code


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("verify", help="check the database's integrity and the audit chain")
    add_data_dir_arg(parser)
    add_operator_arg(parser)
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    store = unlock_store(args)
    try:
        damage = store.page_problems()
        problems = damage + store.history_problems()
        if not damage:  # the server's anchor: a store put back to an older copy that a sync refused
            refused = rolled_back_problem(store)
            problems += [refused] if refused else []
        # The damaged page may refuse this entry too (SQLCipher then refuses every write): the report
        # below matters more than the entry.
        with contextlib.suppress(CorruptDatabaseError):
            store.audit("store_verified", problems=len(problems))
    finally:
        store.close()
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    if damage:
        print(what_to_do_when_damaged(args), file=sys.stderr)
        return EXIT_DAMAGED
    if problems:
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    print("The database and the audit chain are intact.")
    return 0


def what_to_do_when_damaged(args: argparse.Namespace) -> str:
    data_dir = data_dir_of(args)
    backups = list_backups(data_dir)
    if not backups:
        return (
            f"The database is damaged and there is no automatic backup yet: copy the folder {data_dir} "
            "somewhere safe as it is and call your IT officer; do not keep working in it."
        )
    newest = backups[0].taken_at.strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"The database is damaged. Restore the automatic backup of {newest} with "
        f"`diaspora-desk backup restore --operator {args.operator}` (the damaged file is kept beside it); "
        "records saved after the backup must be entered again unless they were already synced."
    )

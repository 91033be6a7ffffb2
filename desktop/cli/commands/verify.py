"""`diaspora-desk verify`: database integrity (SQLite, SQLCipher page HMACs, foreign keys) and the audit
chain. Exit 0 when everything holds; otherwise each problem on stderr and exit 1."""

from __future__ import annotations

import argparse
import sys

from desktop.cli.common import add_data_dir_arg, add_operator_arg, unlock_store


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("verify", help="check the database's integrity and the audit chain")
    add_data_dir_arg(parser)
    add_operator_arg(parser)
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    store = unlock_store(args)
    try:
        problems = store.verify()
        store.audit("store_verified", problems=len(problems))
    finally:
        store.close()
    if problems:
        for problem in problems:
            print(f"problem: {problem}", file=sys.stderr)
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    print("The database and the audit chain are intact.")
    return 0

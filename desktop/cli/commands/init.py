"""`diaspora-desk init`: create the encrypted store and its first operator (a supervisor)."""

from __future__ import annotations

import argparse

from desktop.cli.common import SecretReader, add_data_dir_arg, add_operator_arg, data_dir_of
from forms.store import Store


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "init",
        help="create the encrypted store and the first supervisor; prints the recovery code once",
        description="Creates the encrypted store and its first operator (a supervisor). The passphrase is "
        "read twice (two lines on standard input when it is not a terminal). The recovery code is printed "
        "once: write it down and keep it safe.",
    )
    add_data_dir_arg(parser)
    add_operator_arg(parser)
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace, reader: SecretReader | None = None) -> int:
    reader = reader or SecretReader()
    data_dir = data_dir_of(args)
    passphrase = reader.read_new(f"New passphrase for {args.operator}: ", "Repeat the passphrase: ")
    store, recovery_code = Store.create(data_dir, args.operator, passphrase)
    store.close()
    print(f"Created the encrypted store in {data_dir} with supervisor {store.operator.name}.")
    print("Recovery code (shown only this once; write it down and keep it safe):")
    print(recovery_code)
    return 0

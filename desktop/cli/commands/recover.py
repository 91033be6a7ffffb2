"""`diaspora-desk recover`: the recovery code opens the store and sets a new passphrase.

Standard input (when not a terminal): the recovery code, then the new passphrase twice. The operator is
``--operator`` or, when omitted, the first supervisor in the key file. A missing or damaged key file is
rebuilt with that operator as a supervisor (other operators are then added again with `operator add`).
"""

from __future__ import annotations

import argparse

from desktop.cli.common import SecretReader, add_data_dir_arg, add_operator_arg, data_dir_of
from forms.errors import DeskError
from forms.store import CorruptKeyFileError, MissingStoreError, Store
from forms.store.keyfile import load_keys


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "recover", help="use the recovery code to set a new passphrase (also rebuilds a damaged key file)"
    )
    add_data_dir_arg(parser)
    add_operator_arg(parser, required=False)
    parser.set_defaults(func=handle)


def _default_operator(args: argparse.Namespace) -> str:
    if args.operator:
        return str(args.operator)
    try:
        keys = load_keys(data_dir_of(args))
    except (CorruptKeyFileError, FileNotFoundError):
        raise DeskError(
            "The key file cannot be read: name the supervisor to create with --operator."
        ) from None
    return next(entry.name for entry in keys.operators if entry.role == "supervisor")


def handle(args: argparse.Namespace, reader: SecretReader | None = None) -> int:
    reader = reader or SecretReader()
    data_dir = data_dir_of(args)
    if not (data_dir / "store.db").exists():
        raise MissingStoreError(f"There is no store in {data_dir}.")
    operator = _default_operator(args)
    code = reader.read("Recovery code: ")
    passphrase = reader.read_new(f"New passphrase for {operator}: ", "Repeat the passphrase: ")
    store = Store.recover(data_dir, code, operator, passphrase)
    name = store.operator.name
    store.close()
    print(f"Recovered: {name} can unlock with the new passphrase. The data was not changed.")
    return 0

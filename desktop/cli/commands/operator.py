"""`diaspora-desk operator add|passwd|unlock`: manage who may unlock the store.

Secrets on standard input (one per line) when it is not a terminal: first the passphrase of
``--operator`` (who is acting), then, for ``add`` and ``passwd``, the new passphrase twice.
"""

from __future__ import annotations

import argparse

from desktop.cli.common import SecretReader, add_data_dir_arg, add_operator_arg, unlock_store


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("operator", help="add an operator, change a passphrase, reset a lockout")
    actions = parser.add_subparsers(dest="operator_action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add an operator (supervisor only)")
    add_data_dir_arg(add)
    add_operator_arg(add)
    add.add_argument("--name", required=True, help="the new operator's name")
    add.add_argument("--role", choices=("clerk", "supervisor"), default="clerk", help="default: clerk")
    add.set_defaults(func=handle_add)

    passwd = actions.add_parser(
        "passwd", help="change a passphrase (your own; a supervisor may name another operator)"
    )
    add_data_dir_arg(passwd)
    add_operator_arg(passwd)
    passwd.add_argument("--name", default=None, help="whose passphrase to change (default: --operator)")
    passwd.set_defaults(func=handle_passwd)

    unlock = actions.add_parser(
        "unlock", help="reset an operator's failed attempts and lockout (supervisor only)"
    )
    add_data_dir_arg(unlock)
    add_operator_arg(unlock)
    unlock.add_argument("--name", required=True, help="the operator to reset")
    unlock.set_defaults(func=handle_unlock)


def handle_add(args: argparse.Namespace, reader: SecretReader | None = None) -> int:
    reader = reader or SecretReader()
    store = unlock_store(args, reader)
    try:
        store.require_supervisor("add operators")
        passphrase = reader.read_new(f"New passphrase for {args.name}: ", "Repeat the passphrase: ")
        added = store.add_operator(args.name, args.role, passphrase)
    finally:
        store.close()
    print(f"Added {added.role} {added.name}.")
    return 0


def handle_passwd(args: argparse.Namespace, reader: SecretReader | None = None) -> int:
    reader = reader or SecretReader()
    store = unlock_store(args, reader)
    target = args.name or store.operator.name
    try:
        if target.casefold() != store.operator.name.casefold():
            store.require_supervisor("change another operator's passphrase")
        passphrase = reader.read_new(f"New passphrase for {target}: ", "Repeat the passphrase: ")
        store.set_passphrase(passphrase, name=target)
    finally:
        store.close()
    print(f"Changed the passphrase of {target}; the database was not rewritten.")
    return 0


def handle_unlock(args: argparse.Namespace, reader: SecretReader | None = None) -> int:
    store = unlock_store(args, reader)
    try:
        store.reset_lockout(args.name)
    finally:
        store.close()
    print(f"Reset the failed attempts of {args.name}; they may unlock again.")
    return 0

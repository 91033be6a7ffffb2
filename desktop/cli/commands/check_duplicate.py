"""`diaspora-desk check-duplicate`: ask the server whether a person may already be registered elsewhere.

The same check the registration page makes before saving when online (sync/client/possible_match.py):
by document number, or by given name, family name and birth date. The server answers only where and
when a possible match was registered, and a reference for a registrar. For IT officers and tests.
Exit 0: no possible match; 1: a possible match; 3: the server did not answer in time (or the laptop is
not enrolled); 2: the question was incomplete.
"""

from __future__ import annotations

import argparse
from datetime import date

from desktop.cli.common import add_data_dir_arg, add_operator_arg, unlock_store
from forms.errors import DeskError
from sync.client import possible_match

EXIT_MATCH, EXIT_NO_ANSWER = 1, 3


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "check-duplicate",
        help="ask the server whether a person may already be registered on another desk",
        description="Asks the central server (within --timeout seconds) whether someone with this "
        "document number, or these names and birth date, is registered already. Nothing is saved.",
    )
    add_data_dir_arg(parser)
    add_operator_arg(parser)
    parser.add_argument("--document-number", metavar="X", help="the identity document's number")
    parser.add_argument("--given", metavar="G", help="given name(s)")
    parser.add_argument("--family", metavar="F", help="family name")
    parser.add_argument("--birth-date", metavar="YYYY-MM-DD", help="date of birth")
    parser.add_argument(
        "--timeout", type=float, default=possible_match.DEFAULT_TIMEOUT, help="seconds to wait (default 1)"
    )
    parser.add_argument("--server", metavar="URL", help="use this address instead of the enrolled one")
    parser.set_defaults(func=handle)


def _answers(args: argparse.Namespace) -> dict[str, str]:
    if args.document_number and (args.given or args.family or args.birth_date):
        raise DeskError(
            "Give either --document-number or --given, --family and --birth-date, not both.", exit_code=2
        )
    if args.document_number:
        return {"document_number": args.document_number}
    if not (args.given and args.family and args.birth_date):
        raise DeskError("Give --document-number, or all of --given, --family and --birth-date.", exit_code=2)
    try:
        born = date.fromisoformat(args.birth_date)
    except ValueError:
        raise DeskError(
            f"--birth-date must be a date such as 1984-03-21, not {args.birth_date!r}.", exit_code=2
        ) from None
    return {"given_name": args.given, "family_name": args.family, "birth_date": born.isoformat()}


def handle(args: argparse.Namespace) -> int:
    answers = _answers(args)  # before the passphrase: a wrong question needs no unlocking
    if not 0 < args.timeout <= 30:
        raise DeskError("--timeout is a number of seconds between 0 and 30.", exit_code=2)
    store = unlock_store(args)
    try:
        found = possible_match.check(store, answers, timeout=args.timeout, server_url=args.server)
    finally:
        store.close()
    if found is None:
        print(
            f"The server did not answer within {args.timeout:g} s (or this laptop is not enrolled); "
            "nothing waits: the server checks for duplicates after sync."
        )
        return EXIT_NO_ANSWER
    for match in found.matches:
        print(f"{match.message} (reference {found.reference})")
    if found.found:
        return EXIT_MATCH
    print(f"No possible match on the server (reference {found.reference}).")
    return 0

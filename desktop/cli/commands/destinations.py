"""`diaspora-desk destinations add|list|remove`: ODK Central and KoboToolbox servers this desk feeds.

Records go to each destination through the same outbox as to our own server, exactly once, when
`diaspora-desk sync` runs. Supervisors only; tokens are kept inside the encrypted store.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import add_data_dir_arg, add_operator_arg, unlock_store
from forms.errors import DeskError
from sync.client.destinations.config import (
    KOBO,
    ODK_CENTRAL,
    OPENROSA,
    add_destination,
    list_destinations,
    remove_destination,
)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "destinations",
        help="ODK Central / KoboToolbox servers that also receive this desk's records",
        description="Add, list or remove the OpenRosa servers records are pushed to at each sync.",
    )
    verbs = parser.add_subparsers(dest="destinations_verb", required=True, metavar="ACTION")
    add = verbs.add_parser("add", help="add a destination (supervisors)")
    kinds = add.add_subparsers(dest="kind", required=True, metavar="KIND")
    central = kinds.add_parser(ODK_CENTRAL, help="an ODK Central project, through an app user's token")
    central.add_argument("--url", required=True, help="the Central server, e.g. https://central.example.org")
    central.add_argument("--project-id", type=int, required=True, metavar="N")
    central.add_argument("--app-user-token", metavar="TOKEN", help="the project app user's token")
    kobo = kinds.add_parser(KOBO, help="a KoboToolbox server, through an account's API token")
    kobo.add_argument("--url", required=True, help="the OpenRosa server, e.g. https://kc.kobotoolbox.org")
    kobo.add_argument("--api-token", metavar="TOKEN", help="the account's API token")
    generic = kinds.add_parser(OPENROSA, help="any OpenRosa server given as ODK Collect's server address")
    generic.add_argument("--url", required=True, help="e.g. https://registry.example.gov/v1/openrosa/TOKEN")
    for sub in (central, kobo, generic):
        add_data_dir_arg(sub)
        add_operator_arg(sub)
        sub.add_argument("--name", help="a short name for it (default: its kind)")
        if sub is not generic:
            sub.add_argument(
                "--token-file", type=Path, metavar="FILE", help="read the token from this file's first line"
            )
    listing = verbs.add_parser("list", help="show the destinations (never their tokens)")
    remove = verbs.add_parser("remove", help="remove a destination (supervisors)")
    remove.add_argument("name")
    for sub in (listing, remove):
        add_data_dir_arg(sub)
        add_operator_arg(sub)
    parser.set_defaults(func=handle)


def _token(args: argparse.Namespace) -> str:
    if args.kind == OPENROSA:
        return ""
    given = getattr(args, "app_user_token", None) or getattr(args, "api_token", None)
    if getattr(args, "token_file", None) is not None:
        try:
            lines = args.token_file.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise DeskError(f"Cannot read {args.token_file}: {exc.strerror}.", exit_code=2) from None
        given = lines[0].strip() if lines else ""
    if not given:
        flag = "--app-user-token" if args.kind == ODK_CENTRAL else "--api-token"
        raise DeskError(f"Give the token with {flag} or --token-file.", exit_code=2)
    return str(given)


def handle(args: argparse.Namespace) -> int:
    token = _token(args) if args.destinations_verb == "add" else ""
    store = unlock_store(args)
    try:
        if args.destinations_verb == "add":
            added = add_destination(
                store,
                kind=args.kind,
                url=args.url,
                token=token,
                project_id=getattr(args, "project_id", None),
                name=args.name,
            )
            print(f"Destination added: {added.describe()}")
        elif args.destinations_verb == "remove":
            remove_destination(store, args.name)
            print(f"Destination {args.name} removed.")
        else:
            destinations = list_destinations(store)
            if not destinations:
                print("No destination: records go only to this desk's own server.")
            for destination in destinations:
                print(destination.describe())
    finally:
        store.close()
    return 0

"""`diaspora-desk forms add FILE`, `forms list [--json]`, `forms retire ID`, `forms download --destination
NAME [--form-id ID]`: the store's form library.

Like every verb that reads the store they take --data-dir and --operator and read the passphrase from
standard input (or a no-echo prompt). Adding and retiring are for supervisors; the shipped form is
always listed (origin ``shipped``), then forms downloaded at sync (``server``) and forms added from a
file (``added``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli.common import add_data_dir_arg, add_operator_arg, unlock_store
from forms.errors import DeskError

if TYPE_CHECKING:
    from forms.engine import FormDefinition
    from forms.store import Store


def register_library(actions: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    add = actions.add_parser(
        "add",
        help="add an XLSForm (.xlsx or .xls) to this desk's form library (supervisors)",
        description="Loads the XLSForm with the form engine and keeps it, with its XForm and its media files "
        "(choices CSV/XML of select_one_from_file), in the encrypted store; a batch can then be opened with "
        "it. A refused form is reported as `forms check` does.",
    )
    add.add_argument(
        "file",
        type=Path,
        help="the XLSForm (.xlsx or .xls), or a folder or .zip holding one XLSForm and its media files "
        "(beside it, or in a media/ subfolder)",
    )
    add.add_argument(
        "--media",
        type=Path,
        nargs="+",
        default=[],
        metavar="FILE",
        help="media files of the form (towns.csv ...)",
    )
    listing = actions.add_parser("list", help="list the forms this desk can register with")
    listing.add_argument(
        "--json", action="store_true", help="one JSON array: form_id, version, title, origin"
    )
    listing.add_argument("--all", action="store_true", help="also list retired forms")
    retire = actions.add_parser("retire", help="retire a form: no new batch may use it (supervisors)")
    retire.add_argument("form_id", metavar="ID", help="the form_id (see forms list)")
    download = actions.add_parser(
        "download",
        help="download a form from a destination's forms list into the library (supervisors)",
        description="Reads the destination's OpenRosa forms list with its credentials (see `destinations "
        "list`); without --form-id prints the forms it offers. With --form-id fetches that XForm, checks its "
        "md5 hash, turns it into an XLSForm and adds it to the library as `forms add` does.",
    )
    download.add_argument("--destination", required=True, metavar="NAME", help="a destination's name")
    download.add_argument("--form-id", metavar="ID", help="the form to download (default: list them)")
    download.add_argument("--json", action="store_true", help="the list as one JSON array")
    for parser, func in (
        (add, add_form),
        (listing, list_forms),
        (retire, retire_form),
        (download, download_form),
    ):
        add_data_dir_arg(parser)
        add_operator_arg(parser)
        parser.set_defaults(func=func)


def add_form(args: argparse.Namespace) -> int:
    from forms.library import add_form_file

    store = unlock_store(args)
    try:
        definition, added = add_form_file(store, args.file, args.media)
    finally:
        store.close()
    what = f"{definition.title} ({definition.form_id}, version {definition.version or '-'})"
    if added:
        media = f", with {len(definition.media_names)} media file(s)" if definition.media_names else ""
        print(f"Added {what} to the form library{media}.")
    else:
        print(f"{what} is already in the form library; nothing changed.")
    return 0


def download_form(args: argparse.Namespace) -> int:
    from forms.store import NotAllowedError
    from sync.client.destinations.config import get_destination
    from sync.client.destinations.forms import download_form as fetch_and_add
    from sync.client.destinations.forms import offered_forms
    from sync.client.destinations.transport import OpenRosaTransport
    from sync.client.transport import TransportError

    store = unlock_store(args)
    try:
        destination = get_destination(store, args.destination)
        if args.form_id and not store.operator.is_supervisor:
            raise NotAllowedError("Only a supervisor may add forms; ask a supervisor to add it.")
        try:
            with OpenRosaTransport(destination) as transport:
                if not args.form_id:
                    offered = offered_forms(transport)
                    if args.json:
                        print(json.dumps([f.to_json() for f in offered], ensure_ascii=False, indent=1))
                    elif not offered:
                        print(f"{destination.name} offers no form to this token.")
                    for form in [] if args.json else offered:
                        print(f"{form.form_id}\tversion {form.version or '-'}\t{form.name}")
                    return 0
                definition, added = fetch_and_add(store, transport, args.form_id)
        except TransportError as exc:
            raise DeskError(f"{destination.name}: {exc.message}", exit_code=1) from None
    finally:
        store.close()
    what = f"{definition.title} ({definition.form_id}, version {definition.version or '-'})"
    if added:
        print(f"Downloaded {what} from {destination.name} into the form library.")
    else:
        print(f"{what} is already in the form library; nothing changed.")
    return 0


def list_forms(args: argparse.Namespace) -> int:
    from forms.library import available_forms

    store = unlock_store(args)
    try:
        choices = available_forms(store, include_retired=args.all)
    finally:
        store.close()
    if args.json:
        print(json.dumps([choice.to_json() for choice in choices], ensure_ascii=False, indent=1))
        return 0
    for choice in choices:
        retired = " (retired)" if choice.retired else ""
        print(f"{choice.form_id}\tversion {choice.version or '-'}\t{choice.origin}\t{choice.title}{retired}")
    return 0


def retire_form(args: argparse.Namespace) -> int:
    from forms.library import retire

    store = unlock_store(args)
    try:
        changed = retire(store, args.form_id)
    finally:
        store.close()
    if changed:
        print(f"Retired {args.form_id}: no new batch can use it; its records still open and export.")
    else:
        print(f"{args.form_id} was already retired; nothing changed.")
    return 0


def add_form_arg(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--form",
        metavar="ID",
        help=f"{what} (a form_id of `forms list`, or an XLSForm file; default: the shipped form)",
    )


def form_file(value: str | None) -> Path | None:
    """``--form`` naming an XLSForm file rather than a form of the library."""
    if value and Path(value).suffix.lower() in (".xlsx", ".xls") and Path(value).is_file():
        return Path(value)
    return None


def needs_store(value: str | None) -> bool:
    """A form_id (not the shipped one, not a file) is read from the store's library."""
    from forms.library import shipped_form

    return bool(value) and form_file(value) is None and value != shipped_form().form_id


def form_of(value: str | None, store: Store | None) -> FormDefinition:
    """The form ``--form`` names: a file, a form of the library (``store`` unlocked), or the shipped form."""
    from forms.engine import load_form
    from forms.library import current_form, shipped_form

    path = form_file(value)
    if path is not None:
        return load_form(path)
    if not value:
        return shipped_form()
    if store is None:
        if value == shipped_form().form_id:
            return shipped_form()
        raise DeskError(
            f"--form {value}: a form of the library is read from the store; give --operator NAME "
            "(and --data-dir) too",
            exit_code=2,
        )
    return current_form(store, value)

"""`diaspora-desk demo-data`: invented registrations for training sessions, demonstrations and benchmarks,
for the shipped form or any form (`--form ID` of the store's library, or an XLSForm file)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import add_data_dir_arg, add_operator_arg, unlock_store
from desktop.cli.form_library import add_form_arg, form_of, needs_store
from forms.demo_data import is_shipped_form, write_demo_file
from forms.errors import DeskError

MAX_COUNT = 1_000_000
MAX_COUNT_ANY_FORM = 100_000  # other forms are filled through the engine: ~20 ms a submission


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "demo-data",
        help="write N invented, valid registrations to a .csv or .xlsx file",
        description="Writes N synthetic registrations. For the shipped form: invented people, plausible "
        "dates, diaspora countries and cities, E.164 phones, example.org e-mails. For another form "
        "(--form): random answers its own rules accept (relevance, constraints, choice filters, 1-3 "
        "instances of each repeat; an .xlsx holds the repeats on sheets of their own). A form of the "
        "library is read from the store (--data-dir, --operator, passphrase on standard input). The same "
        "--seed gives the same file. Import it with: diaspora-desk import FILE --operator NAME --batch NAME",
    )
    parser.add_argument("--count", type=int, required=True, metavar="N", help="how many registrations")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (default 0)")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE", help="a .csv or .xlsx file")
    add_form_arg(parser, "the form to fill")
    add_data_dir_arg(parser)
    add_operator_arg(parser, required=False)
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    if not 0 < args.count <= MAX_COUNT:
        raise DeskError(f"--count must be between 1 and {MAX_COUNT}", exit_code=2)
    if args.out.suffix.lower() not in (".csv", ".xlsx"):
        raise DeskError(f"cannot write {args.out.name}: name the file .csv or .xlsx", exit_code=2)
    if needs_store(args.form):
        if not args.operator:
            raise DeskError(
                f"--form {args.form} is read from the store: give --operator NAME too", exit_code=2
            )
        store = unlock_store(args)
        try:
            form = form_of(args.form, store)
        finally:
            store.close()
    else:
        form = form_of(args.form, None)
    if not is_shipped_form(form) and args.count > MAX_COUNT_ANY_FORM:
        raise DeskError(f"--count must be at most {MAX_COUNT_ANY_FORM} for a form other than the shipped one",
                        exit_code=2)  # fmt: skip
    written = write_demo_file(form, args.out, args.count, args.seed)
    print(f"Wrote {written} invented registrations for {form.title} to {args.out} (seed {args.seed}).")
    return 0

"""`diaspora-desk demo-data`: invented registrations for training sessions, demonstrations and benchmarks."""

from __future__ import annotations

import argparse
from pathlib import Path

from forms.demo_data import write_demo_file
from forms.engine import load_form, shipped_form_path
from forms.errors import DeskError

MAX_COUNT = 1_000_000


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "demo-data",
        help="write N invented, valid registrations to a .csv or .xlsx file (needs no store)",
        description="Writes N synthetic registrations for the shipped form: invented people, plausible "
        "dates, diaspora countries and cities, E.164 phones, example.org e-mails. The same --seed gives "
        "the same file. Import it with: diaspora-desk import FILE --operator NAME --batch NAME",
    )
    parser.add_argument("--count", type=int, required=True, metavar="N", help="how many registrations")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (default 0)")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE", help="a .csv or .xlsx file")
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    if not 0 < args.count <= MAX_COUNT:
        raise DeskError(f"--count must be between 1 and {MAX_COUNT}", exit_code=2)
    if args.out.suffix.lower() not in (".csv", ".xlsx"):
        raise DeskError(f"cannot write {args.out.name}: name the file .csv or .xlsx", exit_code=2)
    form = load_form(shipped_form_path())
    written = write_demo_file(form, args.out, args.count, args.seed)
    print(f"Wrote {written} invented registrations to {args.out} (seed {args.seed}).")
    return 0

"""`diaspora-desk receipt`: a person's one-page registration receipt as a PDF.

    diaspora-desk receipt --operator NAME --record ID|REFERENCE [--language en|fr|pt] --out FILE.pdf

``--record`` takes the record id or the reference printed on a receipt (``K7M3-9QF2-X``). The language
defaults to the person's preferred contact language. The CLI stays free of Qt for every other verb: this
one starts a windowless (offscreen) Qt only inside its handler, to draw the page with the same code as
the app (``desktop.receipt_pdf``), so the receipt looks the same from both and no PDF library is added.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import add_data_dir_arg, add_operator_arg, unlock_store
from forms.errors import DeskError


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "receipt",
        help="write a person's registration receipt (one page, PDF)",
        description="Writes the one-page receipt of a saved registration: reference and QR code, date, "
        "place, what was recorded (document number masked) and the privacy notice, in the person's language.",
    )
    add_data_dir_arg(parser)
    add_operator_arg(parser)
    parser.add_argument("--record", required=True, metavar="ID", help="record id or registration reference")
    parser.add_argument(
        "--language", choices=("en", "fr", "pt"), help="default: the person's preferred contact language"
    )
    parser.add_argument("--out", type=Path, required=True, help="the PDF to write")
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    from forms.receipt import content_for_record, find_record_id

    out: Path = args.out
    if out.suffix.lower() != ".pdf":
        raise DeskError(
            f"the receipt is a PDF: give --out a name ending in .pdf (not {out.name})", exit_code=2
        )
    store = unlock_store(args)
    try:
        record_id = find_record_id(store, args.record)
        content = content_for_record(store, record_id, args.language)
    finally:
        store.close()

    from desktop.receipt_pdf import offscreen_app, write_pdf  # Qt starts here, windowless

    offscreen_app()
    try:
        write_pdf(content, out)
    except OSError:
        raise DeskError(
            f"cannot write the receipt to {out} (check the folder exists and is writable)"
        ) from None
    print(f"Receipt {content.reference} ({content.language}) written to {out}.")
    return 0

"""`diaspora-desk export`: write the records of one batch, or of all batches, to XLSX or CSV.

    diaspora-desk export --data-dir D --operator NAME (--batch ID | --all) --format xlsx|csv
                         [--password-file F] [--labels LANG] --out FILE

Only a supervisor may export. The operator's passphrase is read from standard input (or a no-echo
prompt on a terminal); the export password, for an encrypted XLSX, from the first line of
``--password-file`` (never from the command line, where other users could see it in the process list).
A progress bar is drawn on standard error when it is a terminal. Every export goes into the audit log.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli.common import SecretReader, add_data_dir_arg, add_operator_arg, unlock_store
from desktop.cli.form_library import add_form_arg, form_of
from desktop.cli.progress import TerminalProgress
from forms.errors import DeskError

if TYPE_CHECKING:
    from forms.engine import FormDefinition
    from forms.store import Store


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "export",
        help="export records to XLSX or CSV (supervisors only)",
        description="Writes the latest final version of each record, KoboToolbox-style columns, with a "
        "dictionary and a metadata sheet. Supervisors only; every export is in the audit log.",
    )
    add_data_dir_arg(parser)
    add_operator_arg(parser)
    scope = parser.add_mutually_exclusive_group(required=True)
    scope.add_argument("--batch", metavar="ID", help="export one batch")
    scope.add_argument("--all", action="store_true", help="export every batch")
    parser.add_argument("--format", choices=("xlsx", "csv"), default="xlsx", help="default: xlsx")
    parser.add_argument(
        "--password-file",
        type=Path,
        help="encrypt the XLSX with the password on the first line of this file (Excel asks for it)",
    )
    parser.add_argument("--labels", metavar="LANG", help="headers and answers as labels in this language")
    add_form_arg(parser, "export the records of this form (default: the batch's form, else the shipped form)")
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        help="the file to write (CSV: repeats, dictionary and metadata go beside it as NAME-TABLE.csv)",
    )
    parser.set_defaults(func=handle)


def read_password_file(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise DeskError(f"cannot read the password file {path} (a UTF-8 text file)", exit_code=2) from None
    password = text.splitlines()[0] if text else ""
    if not password:
        raise DeskError(f"the password file {path} is empty", exit_code=2)
    return password


def export_form(store: Store, args: argparse.Namespace) -> FormDefinition:
    """--form, or the form the batch was opened with, or the shipped form."""
    from forms.library import batch_form

    if args.form or args.batch is None:
        return form_of(args.form, store)
    try:
        return batch_form(store, args.batch)
    except DeskError:
        return form_of(None, store)


def handle(args: argparse.Namespace, reader: SecretReader | None = None) -> int:
    from forms.export import EXPORTING
    from forms.export.desk import DeskExportRequest, export_from_store
    from forms.work import Work

    if args.password_file is not None and args.format != "xlsx":
        raise DeskError(
            "an encrypted export is an XLSX file: use --format xlsx with --password-file", exit_code=2
        )
    password = read_password_file(args.password_file) if args.password_file is not None else None
    request = DeskExportRequest(
        out=args.out, batch_id=args.batch, file_format=args.format, password=password, language=args.labels
    )
    store = unlock_store(args, reader)
    bar = TerminalProgress(sys.stderr, {EXPORTING: "Exporting records"})
    try:
        form = export_form(store, args)
        result = export_from_store(store, request, work=Work(progress=bar), form=form)
    except OSError as error:  # e.g. a folder this account may not write to: nothing was written
        reason = error.strerror or type(error).__name__
        raise DeskError(f"cannot write the export to {args.out}: {reason}", exit_code=2) from None
    finally:
        bar.finish()
        store.close()
    scope = "all batches" if args.batch is None else f"batch {args.batch}"
    scope = f"{scope}, form {form.form_id}"
    protected = ", password-protected" if result.encrypted else ""
    print(f"Exported {result.records} records ({scope}{protected}) to {result.files[0]}")
    for path in result.files[1:]:
        print(f"  also: {path}")
    print(f"SHA-256 of {result.files[0].name}: {result.file_sha256[result.files[0].name]}")
    if result.attachments_folder is not None:
        print(f"{result.attachments} attached files written to {result.attachments_folder}")
    if result.attachments_not_written:
        print(
            f"{result.attachments_not_written} attached files were not written: a password-protected "
            "export writes no plain files beside it; export without a password to get them."
        )
    if result.truncated_cells:
        print(
            f"{result.truncated_cells} answers longer than Excel's 32,767 characters were cut (see metadata)."
        )
    return 0

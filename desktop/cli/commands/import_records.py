"""`diaspora-desk import`: bring a spreadsheet of registrations into a batch, whole or not at all;
`diaspora-desk import --template OUT.xlsx`: write the empty template to fill in.

Every row is checked by the form engine exactly as typing is. One rejected row and nothing is saved:
the report lists every rejected cell by row, column and reason (never the cell's value).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from desktop.cli.common import add_data_dir_arg, add_operator_arg, unlock_store
from desktop.cli.form_library import add_form_arg, form_file, form_of, needs_store
from desktop.cli.progress import TerminalProgress
from forms.demo_data import is_shipped_form
from forms.engine import FormDefinition
from forms.errors import DeskError
from forms.importing import (
    CHECKING,
    SAVING,
    batch_for_import,
    check_columns,
    check_table,
    import_file,
    write_template,
)
from forms.importing.importer import ImportBatch, ImportReport
from forms.importing.linked import read_for_form
from forms.store import Store
from forms.work import Work

PHASE_WORDS = {CHECKING: "Checking rows", SAVING: "Saving records"}


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "import",
        help="import registrations from a .csv or .xlsx file into a batch (all rows or none)",
        description="Imports registrations from FILE (.csv or .xlsx; the header row holds the form's field "
        "names) into the open batch named by --batch (opened today if there is none). Every row is checked "
        "as if typed; if any row is rejected nothing is imported and the rows, columns and reasons are "
        "listed. With --template, writes an empty template instead.",
    )
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE", help="the .csv or .xlsx file to import")
    parser.add_argument(
        "--template", type=Path, metavar="OUT.xlsx", help="write an empty import template and stop"
    )
    add_data_dir_arg(parser)
    add_operator_arg(parser, required=False)
    parser.add_argument("--batch", help="name of the batch the records go into (reused while it is open)")
    parser.add_argument("--place", default="", help="place of the batch, when a new batch is opened")
    parser.add_argument(
        "--check",
        action="store_true",
        help="only check FILE against the form and print the report; needs no store, saves nothing",
    )
    add_form_arg(parser, "the form of the file (default: the batch's form, else the shipped form)")
    parser.set_defaults(func=handle)


def print_report(report: ImportReport, out: TextIO) -> None:
    for problem in report.problems:
        print(f"row {problem.row}, column {problem.column}: {problem.reason}", file=out)
    if report.left_off:
        print(f"... and {report.left_off} more problems, not listed.", file=out)


def check_only(form: FormDefinition, path: Path) -> int:
    """Check the file as an import would (the batch and operator columns aside) and save nothing."""
    table = read_for_form(path, form)
    check_columns(form, table.columns, path.name)
    progress = TerminalProgress(sys.stderr, PHASE_WORDS)
    try:
        checked = check_table(form, table, work=Work(progress=progress))
    finally:
        progress.finish()
    rows = checked.rows
    if checked.rejected:
        report = ImportReport(
            path.name, rows_read=rows, problems=checked.problems, rejected=checked.rejected,
            left_off=checked.left_off,
        )  # fmt: skip
        print_report(report, sys.stdout)
        print(
            f"{report.rejected} of {rows} rows would be rejected; nothing was saved.",
            file=sys.stderr,
        )
        return 1
    print(f"All {rows} rows are valid; nothing was saved (--check).")
    return 0


def _form_without_batch(args: argparse.Namespace) -> FormDefinition:
    """The form for --template and --check: the shipped one, a file, or one of the library."""
    if not needs_store(args.form):
        return form_of(args.form, None)
    if not args.operator:
        raise DeskError(f"--form {args.form} is read from the store: give --operator NAME", exit_code=2)
    store = unlock_store(args)
    try:
        return form_of(args.form, store)
    finally:
        store.close()


def handle(args: argparse.Namespace) -> int:
    # Usage mistakes are answered before the form is loaded or a passphrase is asked for.
    if args.template is not None:
        if args.file is not None:
            raise DeskError("give either FILE to import or --template OUT.xlsx, not both", exit_code=2)
        form = _form_without_batch(args)
        try:
            columns = write_template(form, args.template)
        except OSError as error:
            reason = error.strerror or type(error).__name__
            raise DeskError(f"cannot write the template to {args.template}: {reason}", exit_code=2) from None
        print(f"Wrote the import template with {columns} columns to {args.template}.")
        return 0
    if args.file is None:
        raise DeskError("name the .csv or .xlsx file to import (or use --template OUT.xlsx)", exit_code=2)
    if not args.file.is_file():
        raise DeskError(f"the file {args.file} does not exist", exit_code=2)
    if args.check:
        return check_only(_form_without_batch(args), args.file)
    if not args.operator or not args.batch:
        raise DeskError("an import needs --operator NAME and --batch NAME", exit_code=2)
    store = unlock_store(args)
    progress = TerminalProgress(sys.stderr, PHASE_WORDS)
    try:
        batch = batch_for_import(store, args.batch, args.place)
        form = import_form(store, batch, args.form)
        try:
            report = import_file(store, form, args.file, batch, work=Work(progress=progress))
        finally:
            progress.finish()
    finally:
        store.close()
    if not report.succeeded:
        print_report(report, sys.stdout)
        rejected = report.rejected
        print(
            f"Nothing was imported: {rejected} of {report.rows_read} rows were rejected "
            f"(problems listed above). Fix them and import the whole file again.",
            file=sys.stderr,
        )
        return 1
    which = "" if is_shipped_form(form) else f" ({form.title})"
    print(f"Imported {report.imported} records into batch {batch.name}{which}.")
    return 0


def import_form(store: Store, batch: ImportBatch, wanted: str | None) -> FormDefinition:
    """An open batch keeps its form (naming another one is refused); a new batch takes --form."""
    from forms.library import batch_form

    if batch.id is None:
        form = form_of(wanted, store)
        if form_file(wanted) is not None and not is_shipped_form(form):
            from forms.store.form_library import read_form

            if read_form(store, str(form.form_id), str(form.version)) is None:
                raise DeskError(
                    f"the form {form.form_id} is not in this store's library: add it first "
                    f"(diaspora-desk forms add {wanted}), then import with --form {form.form_id}",
                    exit_code=2,
                )
        return form
    form = batch_form(store, batch.id)
    if wanted and form_of(wanted, store).form_id != form.form_id:
        raise DeskError(
            f"the open batch {batch.name} is filled with the form {form.form_id}, not {wanted}: "
            "import into another batch (a new --batch name opens one with --form)",
            exit_code=2,
        )
    return form

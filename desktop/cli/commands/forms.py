"""`diaspora-desk forms check FILE [--fix OUT.xlsx]`: can this XLSForm be used here? Prints `ok` and a
summary, or every problem (sheet, row and column, what is wrong, what to change); exit 0 when it loads,
1 when refused. `--fix` writes a repaired copy for the mechanical problems and says each change."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.form_library import register_library


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "forms", help="check XLSForm files; the desk's form library (add, list, retire)"
    )
    actions = parser.add_subparsers(dest="forms_action", metavar="ACTION", required=True)
    check = actions.add_parser("check", help="load an XLSForm and report whether this app can run it")
    check.add_argument(
        "file", type=Path, help="the XLSForm (.xlsx or .xls), or a folder or .zip holding it and its media"
    )
    check.add_argument(
        "--media",
        type=Path,
        nargs="+",
        default=[],
        metavar="FILE",
        help="media files of the form (towns.csv ...)",
    )
    check.add_argument(
        "--fix",
        type=Path,
        metavar="OUT.xlsx",
        help="write a repaired copy (duplicate choice names allowed, a group named meta renamed, "
        "names used twice among siblings suffixed) and check it",
    )
    check.set_defaults(func=check_form)
    register_library(actions)  # add, list, retire: the store's form library


def check_form(args: argparse.Namespace) -> int:
    # the engine imports pyxform lazily; keep `--help` fast too
    from forms.engine.form_check import check_workbook, repair_workbook
    from forms.engine.media import choice_files
    from forms.engine.problems import FormError
    from forms.form_bundle import read_bundle

    path: Path = args.file
    if path.is_dir() or path.suffix.lower() == ".zip" or args.media:
        bundle = read_bundle(path, args.media)
        data, name, media = bundle.workbook, bundle.filename, bundle.media
    else:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise FormError(
                f"The form '{path.name}' cannot be read: {error.strerror or 'unreadable file'}."
            ) from None
        name, media = path.name, {}
    if args.fix is not None:
        out: Path = args.fix
        if out.suffix.lower() != ".xlsx":
            raise FormError(
                "The repaired copy is an .xlsx workbook: give --fix a name ending in .xlsx, "
                f"not '{out.name}'."
            )
        if out.resolve() == path.resolve():
            raise FormError("--fix writes a copy: give it another file name than the form's own.")
        repaired, changes = repair_workbook(data, name)
        if not changes:
            print(f"nothing to repair mechanically in '{name}'; {out.name} not written")
        else:
            out.write_bytes(repaired)
            for change in changes:
                print(f"changed: {change}")
            print(f"repaired copy written to {out}; checking it:")
            data, name = repaired, out.name
    report = check_workbook(data, name, media)
    if report.definition is None:
        for issue in report.issues:
            print(issue.sentence(), file=sys.stderr)
        count = len(report.issues)
        fixable = sum(1 for issue in report.issues if issue.fixable)
        hint = f" ({fixable} can be repaired with --fix OUT.xlsx)" if fixable and args.fix is None else ""
        print(
            f"The form '{name}' cannot be loaded: {count} problem{'s' if count != 1 else ''} "
            f"listed above{hint}.",
            file=sys.stderr,
        )
        return 1
    for line in summary_lines(report.definition.summary()):
        print(line)
    missing = [file for file in choice_files(report.definition.xform_xml) if file not in media]
    if missing:
        print(
            f"choices files not given: {', '.join(missing)} (check again with --media FILE, and add the "
            "form with them: forms add FILE --media ...)"
        )
    return 0


def summary_lines(summary: dict) -> list[str]:
    languages = ", ".join(
        f"{name} (default)" if name == summary["default_language"] else name for name in summary["languages"]
    )
    version = f", version {summary['version']}" if summary["version"] else ""
    lines = [
        f"ok: {summary['title']} ({summary['form_id']}{version})",
        f"questions: {summary['questions']}, groups: {summary['groups']}, repeats: {summary['repeats']}, "
        f"rules: {summary['rules']}",
        f"languages: {languages}",
    ]
    if summary["read_only_unsupported"]:
        lines.append(
            "shown read-only (not supported by this app yet): " + ", ".join(summary["read_only_unsupported"])
        )
    notes = summary.get("notes") or []
    for note in notes[:MAX_NOTES]:
        lines.append(f"note: {note}")
    if len(notes) > MAX_NOTES:
        lines.append(f"note: ... and {len(notes) - MAX_NOTES} more")
    return lines


MAX_NOTES = 8

"""`diaspora-desk forms check FILE`: can this XLSForm be used here? Prints `ok` and a summary, or the
problem (sheet, row and column, or question and expression); exit 0 when it loads, 1 when refused."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.form_library import register_library


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "forms", help="check XLSForm files; the desk's form library (add, list, retire)"
    )
    actions = parser.add_subparsers(dest="forms_action", metavar="ACTION", required=True)
    check = actions.add_parser("check", help="load an XLSForm and report whether this app can run it")
    check.add_argument("file", type=Path, help="the XLSForm (.xlsx or .xls)")
    check.set_defaults(func=check_form)
    register_library(actions)  # add, list, retire: the store's form library


def check_form(args: argparse.Namespace) -> int:
    from forms.engine import load_form  # the engine imports pyxform lazily; keep `--help` fast too

    definition = load_form(args.file)  # a refused form raises FormError: one sentence, exit 1
    for line in summary_lines(definition.summary()):
        print(line)
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

"""The `diaspora-desk` command: scripted verbs for clerks, supervisors and IT officers; the GUI when
called without a verb.

Each verb lives in its own module under ``desktop.cli.commands`` and exposes
``register(subparsers) -> None``, which adds its parser and sets ``func=handler`` where
``handler(args) -> int`` returns the exit code. Modules are discovered, so adding a verb touches no
other file. Nothing here imports Qt unless the GUI is started.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path

from forms.errors import DeskError

from . import commands

PROG = "diaspora-desk"


def command_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Diaspora Desk: offline registration of the diaspora, encrypted on this laptop. "
        "Without a command, starts the desktop app.",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="folder of the encrypted store (default: the platform's user data folder)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in command_modules():
        module = importlib.import_module(f"{commands.__name__}.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from desktop.app import run_gui  # Qt is imported only here

            return run_gui(args.data_dir)
        return int(args.func(args))
    except DeskError as error:
        print(f"{PROG}: {error.message}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; nothing half-saved was kept.", file=sys.stderr)
        return 130
    except Exception as error:  # last resort: a sentence, not a traceback (which may hold personal data)
        if os.environ.get("DIASPORA_DEBUG"):
            raise
        print(
            f"{PROG}: unexpected internal error ({type(error).__name__}); nothing saved was lost. "
            "Run again with DIASPORA_DEBUG=1 to see the details.",
            file=sys.stderr,
        )
        return 70


if __name__ == "__main__":
    sys.exit(main())

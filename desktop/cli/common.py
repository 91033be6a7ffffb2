"""Arguments and input shared by the `diaspora-desk` verbs: the data folder, the operator, secrets.

Secrets come from standard input when it is not a terminal (one per line, in the order the verb asks
for them: scripts and tests), and from a no-echo prompt otherwise.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TextIO

from desktop.paths import default_data_dir
from forms.errors import DeskError
from forms.store import Store


def add_data_dir_arg(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS lets `diaspora-desk --data-dir D verb` and `diaspora-desk verb --data-dir D` both work.
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help="folder of the encrypted store (default: the platform's user data folder)",
    )


def add_operator_arg(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    parser.add_argument("--operator", required=required, help="operator name (whose passphrase is read)")


def data_dir_of(args: argparse.Namespace) -> Path:
    chosen = getattr(args, "data_dir", None)
    return Path(chosen).expanduser() if chosen else default_data_dir()


class SecretReader:
    """Reads passphrases and codes: a line each from piped stdin, or a no-echo prompt on a terminal."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream if stream is not None else sys.stdin

    def _interactive(self) -> bool:
        try:
            return self._stream.isatty()
        except (AttributeError, ValueError):
            return False

    def read(self, prompt: str) -> str:
        if self._interactive():
            return getpass.getpass(prompt)
        line = self._stream.readline()
        if not line:
            raise DeskError(
                f"expected a line on standard input for: {prompt.strip().rstrip(':')}", exit_code=2
            )
        return line.rstrip("\r\n")

    def read_new(self, prompt: str, repeat_prompt: str) -> str:
        first = self.read(prompt)
        second = self.read(repeat_prompt)
        if first != second:
            raise DeskError("the two passphrases differ; nothing was changed", exit_code=2)
        return first


def unlock_store(args: argparse.Namespace, reader: SecretReader | None = None) -> Store:
    """Unlocks the store named by ``--data-dir`` for ``--operator``, reading the passphrase once."""
    reader = reader or SecretReader()
    data_dir = data_dir_of(args)
    Store.operator_names(data_dir)  # missing store or damaged key file: say so before asking for a secret
    passphrase = reader.read(f"Passphrase for {args.operator}: ")
    store = Store.unlock(data_dir, args.operator, passphrase)
    for warning in store.warnings:  # what the unlock found (a reset counter, a rolled-back store...)
        print(warning, file=sys.stderr)
    return store

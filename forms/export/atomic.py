"""Writing an export so that the destination holds either the whole file or nothing.

The bytes go to a hidden temporary file in the destination folder (same file system, so the final
``os.replace`` is atomic), are flushed and fsynced, and only then take the destination's name; the
folder is fsynced so the rename survives a power cut. A cancel or an error removes the temporary file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO

from forms.store.atomic import fsync_dir


class AtomicFile:
    """A binary file that appears at ``destination`` only when ``commit()`` is called."""

    def __init__(self, destination: Path) -> None:
        self.destination = Path(destination)
        folder = self.destination.parent
        descriptor, name = tempfile.mkstemp(prefix=f".{self.destination.name}.", suffix=".part", dir=folder)
        self.temporary = Path(name)
        self.file: BinaryIO = os.fdopen(descriptor, "w+b")
        self._done = False

    def commit(self) -> None:
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()
        os.replace(self.temporary, self.destination)
        self._done = True
        fsync_dir(self.destination.parent)

    def abort(self) -> None:
        if self._done:
            return
        self._done = True
        with contextlib.suppress(OSError):
            self.file.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.temporary)


def check_destination(destination: Path) -> Path:
    """The destination as an absolute path whose folder exists; a plain sentence otherwise."""
    from forms.errors import DeskError

    path = Path(destination).expanduser().absolute()
    if path.is_dir():
        raise DeskError(f"the export destination is a folder, not a file: {path}", exit_code=2)
    if not path.parent.is_dir():
        raise DeskError(f"the folder for the export does not exist: {path.parent}", exit_code=2)
    return path

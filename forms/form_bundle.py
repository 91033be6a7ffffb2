"""A form as a supervisor hands it over: the XLSForm workbook and its media files (the CSV or XML choices
of select_one_from_file, images of labels). No Qt.

Three shapes, as ODK Central and KoboToolbox users have them:

- the workbook alone (``forms add form.xlsx``), optionally with ``--media FILE...``;
- a folder holding one workbook and its media beside it (or in a ``media`` or ``<form>-media`` subfolder,
  the layout ODK tools use);
- a .zip of such a folder.

Each media file is at most ``MAX_MEDIA_BYTES``; a zip is read without extracting it to disk, its
declared sizes bounded before anything is read (a zip bomb is refused, not inflated).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from forms.engine.media import MAX_MEDIA_BYTES
from forms.errors import DeskError

MAX_FORM_BYTES = 20 * 1024 * 1024
MAX_BUNDLE_BYTES = 100 * 1024 * 1024
MAX_MEDIA_FILES = 200
WORKBOOK_SUFFIXES = (".xlsx", ".xls")
_SKIPPED = (".", "~$", "__MACOSX")


@dataclass
class FormBundle:
    filename: str
    workbook: bytes
    media: dict[str, bytes] = field(default_factory=dict)


def _skipped(name: str) -> bool:
    return any(part.startswith(_SKIPPED) for part in PurePosixPath(name).parts)


def _media_folder(relative: PurePosixPath, stem: str) -> bool:
    """A file directly beside the workbook, or in its ``media`` / ``<stem>-media`` folder."""
    parents = relative.parts[:-1]
    return not parents or (len(parents) == 1 and parents[0].lower() in ("media", f"{stem.lower()}-media"))


def _add_media(media: dict[str, bytes], name: str, content: bytes) -> None:
    if len(content) > MAX_MEDIA_BYTES:
        raise DeskError(
            f"the media file {name} is larger than {MAX_MEDIA_BYTES // (1024 * 1024)} MB", exit_code=2
        )
    if name in media and media[name] != content:
        raise DeskError(f"two different media files are named {name}: keep one", exit_code=2)
    if len(media) >= MAX_MEDIA_FILES:
        raise DeskError(f"a form may bring at most {MAX_MEDIA_FILES} media files", exit_code=2)
    media[name] = content


def _read(path: Path, limit: int, what: str) -> bytes:
    try:
        if path.stat().st_size > limit:
            raise DeskError(f"the {what} {path.name} is larger than {limit // (1024 * 1024)} MB", exit_code=2)
        return path.read_bytes()
    except OSError as error:
        raise DeskError(
            f"cannot read the {what} {path}: {error.strerror or type(error).__name__}", exit_code=2
        ) from None


def read_bundle(path: Path, media_files: list[Path] | None = None) -> FormBundle:
    """The workbook and media named by ``path`` (a workbook, a folder or a .zip) and ``media_files``."""
    if path.is_dir():
        bundle = _from_folder(path)
    elif path.suffix.lower() == ".zip":
        bundle = _from_zip(path)
    else:
        if path.suffix.lower() not in WORKBOOK_SUFFIXES:
            raise DeskError(
                f"'{path.name}' is not an XLSForm: expected an .xlsx or .xls file, a folder or a .zip",
                exit_code=2,
            )
        bundle = FormBundle(path.name, _read(path, MAX_FORM_BYTES, "form file"))
    for extra in media_files or []:
        _add_media(bundle.media, extra.name, _read(extra, MAX_MEDIA_BYTES, "media file"))
    return bundle


def _one_workbook(names: list[str], where: str) -> str:
    workbooks = [
        n for n in names if n.lower().endswith(WORKBOOK_SUFFIXES) and len(PurePosixPath(n).parts) == 1
    ]
    if len(workbooks) != 1:
        found = "none" if not workbooks else ", ".join(sorted(workbooks))
        raise DeskError(
            f"{where} must hold exactly one XLSForm (.xlsx or .xls) at its top level; found: {found}",
            exit_code=2,
        )
    return workbooks[0]


def _from_folder(folder: Path) -> FormBundle:
    try:
        files = sorted(p for p in folder.rglob("*") if p.is_file())
    except OSError as error:
        raise DeskError(
            f"cannot read the folder {folder}: {error.strerror or 'unreadable'}", exit_code=2
        ) from None
    names = [
        p.relative_to(folder).as_posix() for p in files if not _skipped(p.relative_to(folder).as_posix())
    ]
    workbook = _one_workbook(names, f"the folder {folder.name}")
    bundle = FormBundle(workbook, _read(folder / workbook, MAX_FORM_BYTES, "form file"))
    stem = Path(workbook).stem
    for name in names:
        relative = PurePosixPath(name)
        if name != workbook and _media_folder(relative, stem):
            _add_media(bundle.media, relative.name, _read(folder / name, MAX_MEDIA_BYTES, "media file"))
    return bundle


def _from_zip(path: Path) -> FormBundle:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir() and not _skipped(i.filename)]
            if sum(i.file_size for i in infos) > MAX_BUNDLE_BYTES:
                raise DeskError(
                    f"the zip {path.name} unpacks to more than {MAX_BUNDLE_BYTES // (1024 * 1024)} MB",
                    exit_code=2,
                )
            # a zip made of a folder holds "folder/form.xlsx": look one level down when the top is empty
            names = [i.filename for i in infos]
            tops = {PurePosixPath(n).parts[0] for n in names}
            prefix = f"{next(iter(tops))}/" if len(tops) == 1 and all("/" in n for n in names) else ""
            inner = {n[len(prefix) :]: i for n, i in zip(names, infos, strict=True)}
            workbook = _one_workbook(list(inner), f"the zip {path.name}")
            info = inner[workbook]
            if info.file_size > MAX_FORM_BYTES:
                raise DeskError(f"the form file {workbook} is larger than 20 MB", exit_code=2)
            bundle = FormBundle(PurePosixPath(workbook).name, archive.read(info))
            stem = PurePosixPath(workbook).stem
            for name, entry in inner.items():
                relative = PurePosixPath(name)
                if name != workbook and _media_folder(relative, stem):
                    if entry.file_size > MAX_MEDIA_BYTES:
                        raise DeskError(
                            f"the media file {relative.name} is larger than "
                            f"{MAX_MEDIA_BYTES // (1024 * 1024)} MB",
                            exit_code=2,
                        )
                    _add_media(bundle.media, relative.name, archive.read(entry))
            return bundle
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        reason = getattr(error, "strerror", None) or "not a readable zip file"
        raise DeskError(f"cannot read the zip {path.name}: {reason}", exit_code=2) from None

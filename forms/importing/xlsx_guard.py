"""Check an .xlsx package before openpyxl reads it: openpyxl loads every shared string at once and
builds each cell's text whole, so a 1 MB file can unpack to gigabytes. Here the zip directory is
checked first (sizes, ratios), then every XML part is streamed through expat in small pieces with
bounded memory: a DTD (XXE, entity bombs) is refused, no text may exceed a cell's limit, the shared
strings are counted, and the sheet that will be imported is held to the row and column bounds.

What openpyxl then reads is known to be small enough. Every refusal is an ``ImportFileError``.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from xml.parsers import expat

from .errors import ImportFileError
from .limits import (
    MAX_CELL_CHARS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_COMPRESSION_RATIO,
    MAX_SHARED_STRINGS,
    MAX_SHARED_STRINGS_BYTES,
    MAX_XLSX_PART_BYTES,
    MAX_XLSX_PARTS,
    MAX_XLSX_UNCOMPRESSED,
    RATIO_CHECKED_ABOVE,
    Budget,
    cell_too_long,
    megabytes,
)

CHUNK = 64 * 1024
SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_CELL_REF = re.compile(r"^([A-Za-z]{1,3})(\d+)$")


@dataclass(frozen=True)
class SheetShape:
    """What the scan learnt about the sheet to import: the widest column holding a value."""

    max_value_column: int


class _Refused(Exception):
    """Raised inside expat callbacks; turned into an ImportFileError by the caller."""

    def __init__(self, error: ImportFileError) -> None:
        super().__init__(error.message)
        self.error = error


def damaged(filename: str) -> ImportFileError:
    return ImportFileError("not_a_workbook", filename)


def check_xlsx(path: Path) -> SheetShape:
    """Refuse ``path`` unless every bound holds; return the shape of the sheet to import."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_directory(name, infos)
            package = _Package(archive, {info.filename: info for info in infos}, name)
            content_types = package.content_types()
            sheet = package.first_worksheet(package.office_document())
            shared = {part for part, kind in content_types.items() if kind == SHARED_STRINGS_TYPE}
            # If the first sheet cannot be told here, every worksheet is held to the sheet bounds.
            sheets = (
                {sheet} if sheet else {part for part, kind in content_types.items() if kind == WORKSHEET_TYPE}
            )
            shape = SheetShape(0)
            for info in infos:
                if info.is_dir():
                    continue
                if info.filename in sheets:
                    found = _scan(archive, info, name, _SheetScan(name))
                    shape = SheetShape(max(shape.max_value_column, found.max_value_column))
                elif info.filename in shared:
                    if info.file_size > MAX_SHARED_STRINGS_BYTES:
                        raise ImportFileError(
                            "too_much_shared_text", name, megabytes(MAX_SHARED_STRINGS_BYTES)
                        )
                    _scan(archive, info, name, _SharedStringsScan(name))
                else:
                    _scan(archive, info, name, _PartScan(name))
            return shape
    except ImportFileError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, NotImplementedError, ValueError):
        # NotImplementedError: a compression method zipfile does not know; ValueError: encrypted parts.
        raise damaged(name) from None


def _check_directory(name: str, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_XLSX_PARTS:
        raise ImportFileError("too_many_parts", name, MAX_XLSX_PARTS)
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_XLSX_PART_BYTES or total > MAX_XLSX_UNCOMPRESSED:
            raise ImportFileError("unpacks_too_big", name, megabytes(MAX_XLSX_UNCOMPRESSED))
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_CHECKED_ABOVE and ratio > MAX_COMPRESSION_RATIO:
            raise ImportFileError("zip_bomb", name, MAX_COMPRESSION_RATIO)


# --- the package's map: content types, the workbook part and its first worksheet -----------------------
@dataclass(frozen=True)
class _Package:
    archive: zipfile.ZipFile
    members: dict[str, zipfile.ZipInfo]
    name: str

    def attributes(self, part: str, tag: str) -> list[dict[str, str]]:
        """The attributes of every ``tag`` element of a part (after the same DTD and text checks)."""
        info = self.members.get(part)
        if info is None:
            return []
        found: list[dict[str, str]] = []
        scan = _PartScan(self.name)

        def start(element: str, attributes: dict[str, str]) -> None:
            scan.start(element, attributes)
            if _local(element) == tag:
                found.append({_local(key): value for key, value in attributes.items()})

        _scan(self.archive, info, self.name, scan, start=start)
        return found

    def content_types(self) -> dict[str, str]:
        overrides = self.attributes("[Content_Types].xml", "Override")
        return {o.get("PartName", "").lstrip("/"): o.get("ContentType", "") for o in overrides}

    def office_document(self) -> str:
        for rel in self.attributes("_rels/.rels", "Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                return _resolve("", rel.get("Target", ""))
        return "xl/workbook.xml"

    def first_worksheet(self, workbook: str) -> str | None:
        folder, base = posixpath.split(workbook)
        relationships = self.attributes(posixpath.join(folder, "_rels", base + ".rels"), "Relationship")
        rels = {r.get("Id", ""): r for r in relationships}
        for sheet in self.attributes(workbook, "sheet"):
            rel = rels.get(sheet.get("id", ""))
            if rel is not None and rel.get("Type", "").endswith("/worksheet"):
                return _resolve(folder, rel.get("Target", ""))
        return None


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target))


def _local(element: str) -> str:
    return element.rsplit(" ", 1)[-1]


# --- streaming scans ------------------------------------------------------------------------------------
class _PartScan:
    """Any XML part: no DTD, no text longer than a cell may be."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.text = 0  # characters since the last tag

    def start(self, element: str, attributes: dict[str, str]) -> None:
        self.text = 0

    def end(self, element: str) -> None:
        self.text = 0

    def characters(self, data: str) -> None:
        self.text += len(data)
        if self.text > MAX_CELL_CHARS:
            raise _Refused(cell_too_long(self.filename, None))

    def result(self) -> SheetShape:
        return SheetShape(0)


class _SharedStringsScan(_PartScan):
    """sharedStrings.xml: each string (all its runs) within a cell's limit, and not too many strings."""

    def __init__(self, filename: str) -> None:
        super().__init__(filename)
        self.strings = 0
        self.length = 0

    def start(self, element: str, attributes: dict[str, str]) -> None:
        if _local(element) == "si":
            self.strings += 1
            self.length = 0
            if self.strings > MAX_SHARED_STRINGS:
                raise _Refused(ImportFileError("too_many_texts", self.filename, MAX_SHARED_STRINGS))

    def end(self, element: str) -> None:
        pass

    def characters(self, data: str) -> None:
        self.length += len(data)
        if self.length > MAX_CELL_CHARS:
            raise _Refused(cell_too_long(self.filename, None))


class _SheetScan(_PartScan):
    """The sheet to import: row numbers, columns that hold values, cells, and each cell's text."""

    def __init__(self, filename: str) -> None:
        super().__init__(filename)
        self.budget = Budget(filename)
        self.row = 0
        self.column = 0
        self.in_cell = False
        self.valued = False
        self.length = 0
        self.max_value_column = 0

    def start(self, element: str, attributes: dict[str, str]) -> None:
        tag = _local(element)
        if tag == "row":
            number = attributes.get("r")
            self.row = int(number) if number and number.isdigit() else self.row + 1
            self.budget.row_number(self.row)
            self.column = 0
        elif tag == "c":
            self.in_cell, self.valued, self.length = True, False, 0
            match = _CELL_REF.match(attributes.get("r", ""))
            self.column = _column_number(match.group(1)) if match else self.column + 1
        elif self.in_cell and tag in ("v", "is") and not self.valued:
            self.valued = True
            if self.column > MAX_COLUMNS:
                raise _Refused(ImportFileError("value_beyond_columns", self.filename, self.row, MAX_COLUMNS))
            self.max_value_column = max(self.max_value_column, self.column)
            self.budget.cells += 1
            if self.budget.cells > MAX_CELLS:
                self.budget.cell(self.row, self.column, None)  # says the sentence

    def end(self, element: str) -> None:
        if _local(element) == "c":
            self.in_cell = False

    def characters(self, data: str) -> None:
        if self.in_cell:
            self.length += len(data)
            if self.length > MAX_CELL_CHARS:
                raise _Refused(cell_too_long(self.filename, self.row, self.column))

    def result(self) -> SheetShape:
        return SheetShape(self.max_value_column)


def _column_number(letters: str) -> int:
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - 64
    return number


def _scan(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, scan: _PartScan,
          start: Any = None) -> SheetShape:  # fmt: skip
    """Stream one part through expat with ``scan``'s callbacks; a part that is not XML is skipped."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    parser.buffer_size = CHUNK

    def doctype(*_: Any) -> None:
        raise _Refused(ImportFileError("document_type", name, info.filename))

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.StartElementHandler = start or scan.start
    parser.EndElementHandler = scan.end
    parser.CharacterDataHandler = scan.characters
    with archive.open(info) as stream:
        first = stream.read(CHUNK)
        if not _looks_like_xml(first):
            return SheetShape(0)  # an image or a binary part: openpyxl does not parse it as XML
        try:
            _feed(parser, first, stream)
        except _Refused as refused:
            raise refused.error from None
        except expat.ExpatError:
            raise damaged(name) from None
    return scan.result()


def _feed(parser: Any, first: bytes, stream: IO[bytes]) -> None:
    chunk = first
    while chunk:
        parser.Parse(chunk, False)
        chunk = stream.read(CHUNK)
    parser.Parse(b"", True)


def _looks_like_xml(head: bytes) -> bool:
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return stripped.startswith(b"<") or head.startswith((b"\xff\xfe", b"\xfe\xff"))

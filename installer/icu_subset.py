"""A smaller ICU data library for the Linux bundle (32 MB -> about 4 MB).

Qt's libicudata.so.NN is one symbol, ``icudtNN_dat``: ICU's "common data" package, a table of contents
followed by ~3,900 items (locale data for 800 locales, 230 legacy code-page converters, dictionaries
for Chinese/Japanese/Thai/Khmer/Burmese/Lao word breaking, transliterators...). QtCore links ICU for
collation (QCollator, sorting in file dialogs), locale-aware case mapping and time-zone names; it
never uses ICU's converters (Qt converts UTF-8/16/32 and Latin-1 itself), dictionary word breaking,
transliteration or rule-based number spelling. So this keeps every item except:

- the ``.cnv`` code-page converters and the ``.dict`` word-break dictionaries,
- the ``translit/`` and ``rbnf/`` trees,
- the locale files (``xx.res``, ``xx_YY.res`` in every tree) of languages other than English, French
  and Portuguese, the interface languages. Root data, the string pools, the index files and every
  non-locale item (likely subtags, plural rules, time zones, collation base data ``ucadata.icu``) stay.

A locale ICU no longer finds falls back to root data (ICU's normal fallback), never to an error.

The subset is written as a data-only shared library with the same soname and symbol
(``write_library``: the ELF format by hand, no compiler). Pure standard library: the PyInstaller
spec and the tests import it.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

LANGUAGES = ("en", "fr", "pt")
DROPPED_TREES = ("translit/", "rbnf/")
DROPPED_SUFFIXES = (".cnv", ".dict")
_LOCALE_ID = re.compile(r"^([a-z]{2,3})(_[A-Za-z0-9]+)*$")
_NOT_LOCALES = {"root", "pool", "res_index"}
_SYMBOL = re.compile(r"^icudt\d+_dat$")
_ALIGN = 16


@dataclass(frozen=True)
class CommonData:
    header: bytes  # ICU's data header (MappedData + UDataInfo + copyright), kept as is
    items: list[tuple[str, bytes]]  # (name such as "icudt73l/coll/root.res", bytes), in TOC order

    @property
    def size(self) -> int:
        return len(pack(self))


def keep(name: str, languages: Iterable[str] = LANGUAGES) -> bool:
    """Whether an item of the common data package stays in the bundle's subset."""
    path = name.split("/", 1)[1] if "/" in name else name  # drop the "icudt73l/" package prefix
    if path.startswith(DROPPED_TREES) or path.endswith(DROPPED_SUFFIXES):
        return False
    if not path.endswith(".res"):
        return True
    stem = path.rsplit("/", 1)[-1][: -len(".res")]
    locale = _LOCALE_ID.match(stem)
    if stem in _NOT_LOCALES or locale is None:
        return True
    return locale.group(1) in set(languages)


def elf_symbol(path: Path, pattern: re.Pattern[str] = _SYMBOL) -> tuple[str, bytes]:
    """(name, bytes) of the first dynamic symbol matching ``pattern`` in a 64-bit little-endian ELF."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError(f"{path.name} is not a 64-bit little-endian ELF library")
    (section_table,) = struct.unpack_from("<Q", data, 0x28)
    entry_size, count = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, section_table + i * entry_size) for i in range(count)]
    for _, kind, _, _, offset, size, link, _, _, symbol_size in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strings = sections[link][4]
        for index in range(size // symbol_size):
            symbol = struct.unpack_from("<IBBHQQ", data, offset + index * symbol_size)
            name_at, section, value, length = symbol[0], symbol[3], symbol[4], symbol[5]
            end = data.index(b"\0", strings + name_at)
            name = data[strings + name_at : end].decode("ascii")
            if pattern.match(name):
                _, _, _, address, file_offset, *_ = sections[section]
                start = value - address + file_offset
                return name, data[start : start + length]
    raise ValueError(f"{path.name} has no symbol matching {pattern.pattern}")


def parse(blob: bytes) -> CommonData:
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    (count,) = struct.unpack_from("<I", blob, header_size)
    entries = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i) for i in range(count)]
    starts = [header_size + data_at for _, data_at in entries] + [len(blob)]
    items = []
    for index, (name_at, _) in enumerate(entries):
        name_start = header_size + name_at
        name = blob[name_start : blob.index(b"\0", name_start)].decode("ascii")
        items.append((name, blob[starts[index] : starts[index + 1]]))
    return CommonData(blob[:header_size], items)


def _pad(size: int) -> int:
    return -size % _ALIGN


def pack(data: CommonData) -> bytes:
    """The package again: same header, a new table of contents (names stay sorted), items 16-aligned."""
    count = len(data.items)
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in data.items)
    toc_size = 4 + 8 * count
    names_at = toc_size
    items_at = names_at + len(names) + _pad(len(data.header) + names_at + len(names))
    toc = [struct.pack("<I", count)]
    body = []
    name_offset, item_offset = names_at, items_at
    for name, item in data.items:
        toc.append(struct.pack("<II", name_offset, item_offset))
        name_offset += len(name) + 1
        body.append(item + b"\0" * _pad(len(item)))
        item_offset += len(item) + _pad(len(item))
    padding = b"\xaa" * (items_at - names_at - len(names))  # ICU's pkgdata pads with 0xAA
    return data.header + b"".join(toc) + names + padding + b"".join(body)


def subset(data: CommonData, wanted: Callable[[str], bool] = keep) -> CommonData:
    return CommonData(data.header, [(name, item) for name, item in data.items if wanted(name)])


def write_library(blob: bytes, symbol: str, soname: str, machine: int) -> bytes:
    """A data-only ELF shared library (64-bit, little-endian) exporting ``symbol`` = ``blob``.

    What the dynamic loader needs and nothing more: one read-only PT_LOAD with the SysV hash table,
    the dynamic symbol and string tables and the 16-byte-aligned data; a read-write PT_LOAD with the
    dynamic section (DT_SONAME, DT_HASH, DT_SYMTAB, DT_STRTAB); PT_GNU_STACK (no executable stack);
    section headers so readelf, nm and strip understand it. No compiler needed.
    """
    page = 0x10000  # the largest page size in use (64 KiB on some ARM64 kernels)
    strings = b"\0" + soname.encode() + b"\0" + symbol.encode() + b"\0"
    soname_at, symbol_at = 1, 2 + len(soname)
    section_names = b"\0.hash\0.dynsym\0.dynstr\0.rodata\0.dynamic\0.shstrtab\0"

    def name_at(name: str) -> int:
        return section_names.index(b"\0" + name.encode() + b"\0") + 1

    def align(value: int, to: int) -> int:
        return value + (-value % to)

    hash_at = 0x40 + 4 * 56
    symbols_at = align(hash_at + 5 * 4, 8)  # the hash table: five 32-bit words
    strings_at = symbols_at + 2 * 24
    data_at = align(strings_at + len(strings), 16)
    dynamic_at = align(data_at + len(blob), 8)
    dynamic_address = dynamic_at + page  # its own page, writable, congruent modulo the page size
    dynamic = [
        (4, hash_at),
        (5, strings_at),
        (6, symbols_at),
        (10, len(strings)),
        (11, 24),
        (14, soname_at),
        (0, 0),
    ]
    dynamic_bytes = b"".join(struct.pack("<qQ", tag, value) for tag, value in dynamic)
    names_at = dynamic_at + len(dynamic_bytes)
    sections_at = align(names_at + len(section_names), 8)

    header = b"\x7fELF" + bytes([2, 1, 1, 0]) + bytes(8)
    header += struct.pack("<HHIQQQIHHHHHH", 3, machine, 1, 0, 0x40, sections_at, 0, 64, 56, 4, 64, 7, 6)
    programs = b"".join([
        struct.pack("<IIQQQQQQ", 1, 4, 0, 0, 0, dynamic_at, dynamic_at, page),  # PT_LOAD, R
        struct.pack("<IIQQQQQQ", 1, 6, dynamic_at, dynamic_address, dynamic_address,
                    len(dynamic_bytes), len(dynamic_bytes), page),  # PT_LOAD, RW
        struct.pack("<IIQQQQQQ", 2, 6, dynamic_at, dynamic_address, dynamic_address,
                    len(dynamic_bytes), len(dynamic_bytes), 8),  # PT_DYNAMIC
        struct.pack("<IIQQQQQQ", 0x6474E551, 6, 0, 0, 0, 0, 0, 16),  # PT_GNU_STACK, RW
    ])  # fmt: skip
    hash_table = struct.pack("<IIIII", 1, 2, 1, 0, 0)  # one bucket -> symbol 1; both chains end
    symbol_table = bytes(24) + struct.pack("<IBBHQQ", symbol_at, 0x11, 0, 4, data_at, len(blob))
    sections = [
        bytes(64),
        struct.pack("<IIQQQQIIQQ", name_at(".hash"), 5, 2, hash_at, hash_at, len(hash_table), 2, 0, 8, 4),
        struct.pack("<IIQQQQIIQQ", name_at(".dynsym"), 11, 2, symbols_at, symbols_at, 48, 3, 1, 8, 24),
        struct.pack("<IIQQQQIIQQ", name_at(".dynstr"), 3, 2, strings_at, strings_at, len(strings),
                    0, 0, 1, 0),
        struct.pack("<IIQQQQIIQQ", name_at(".rodata"), 1, 2, data_at, data_at, len(blob), 0, 0, 16, 0),
        struct.pack("<IIQQQQIIQQ", name_at(".dynamic"), 6, 3, dynamic_address, dynamic_at,
                    len(dynamic_bytes), 3, 0, 8, 16),
        struct.pack("<IIQQQQIIQQ", name_at(".shstrtab"), 3, 0, 0, names_at, len(section_names), 0, 0, 1, 0),
    ]  # fmt: skip
    image = bytearray(sections_at + 64 * len(sections))
    for at, part in [(0, header), (0x40, programs), (hash_at, hash_table), (symbols_at, symbol_table),
                     (strings_at, strings), (data_at, blob), (dynamic_at, dynamic_bytes),
                     (names_at, section_names), (sections_at, b"".join(sections))]:  # fmt: skip
        image[at : at + len(part)] = part
    return bytes(image)


def build_subset(original: Path, folder: Path, wanted: Callable[[str], bool] = keep) -> Path:
    """The subset library in ``folder``, with the file name, soname, symbol and machine of ``original``."""
    symbol, blob = elf_symbol(original)
    (machine,) = struct.unpack_from("<H", original.read_bytes(), 0x12)
    folder.mkdir(parents=True, exist_ok=True)
    output = folder / original.name
    output.write_bytes(write_library(pack(subset(parse(blob), wanted)), symbol, original.name, machine))
    output.chmod(0o755)
    return output

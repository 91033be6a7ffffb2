"""Files shipped with a form (its "media"): the choices of select_one_from_file and
select_multiple_from_file, read the way ODK reads them.

pyxform writes ``<instance id="towns" src="jr://file-csv/towns.csv"/>`` (or ``jr://file/places.xml``)
and an itemset ``instance('towns')/root/item``: the file becomes that instance, a ``root`` of ``item``
elements with one child per CSV column (or the XML file's own ``root/item`` elements), so choice
filters work on external choices as on the choices sheet. No Qt, no network: an XML file's entities
and DTDs are never resolved.
"""

from __future__ import annotations

import csv
import io
import re

from lxml import etree

from .problems import FormError

MAX_MEDIA_BYTES = 10 * 1024 * 1024  # one choices file; ODK Central's own limit per attachment is larger
MAX_CHOICE_ROWS = 200_000
_NAME = re.compile(r"^[A-Za-z_][\w.\-]*$")
_CHOICE_FILE = re.compile(r"^jr://file(-csv)?/")


def media_name(src: str) -> str:
    """``jr://file-csv/towns.csv`` -> ``towns.csv`` (the name the file is kept under)."""
    return src.rstrip("/").rsplit("/", 1)[-1]


def choice_files(xform_xml: str) -> list[str]:
    """The choices files an XForm needs (names, in order): a form without them cannot offer those choices."""
    names: list[str] = []
    root = etree.fromstring(xform_xml.encode("utf-8"))
    for element in root.iter("{http://www.w3.org/2002/xforms}instance"):
        src = element.get("src", "")
        if _CHOICE_FILE.match(src) and media_name(src) not in names:
            names.append(media_name(src))
    return names


def choices_instance(name: str, content: bytes) -> etree._Element:
    """A choices file -> the ``root/item`` instance element; FormError (one sentence) when unreadable."""
    if len(content) > MAX_MEDIA_BYTES:
        raise FormError(f"The choices file '{name}' is larger than {MAX_MEDIA_BYTES // (1024 * 1024)} MB.")
    if name.lower().endswith(".csv"):
        return _csv_instance(name, content)
    if name.lower().endswith(".xml"):
        return _xml_instance(name, content)
    raise FormError(f"The choices file '{name}' is neither a .csv nor an .xml file.")


def _csv_instance(name: str, content: bytes) -> etree._Element:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FormError(f"The choices file '{name}' is not UTF-8 text: save it as CSV UTF-8.") from None
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") and "\t" not in sample else ","
    rows = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(rows, None)
    if not header:
        raise FormError(f"The choices file '{name}' is empty: its first row must name the columns.")
    columns = [column.strip() for column in header]
    if "name" not in columns:
        raise FormError(f"The choices file '{name}' has no 'name' column (the value saved for each choice).")
    for column in columns:
        if column and not _NAME.match(column):
            raise FormError(
                f"The choices file '{name}': the column '{column[:40]}' is not a valid name "
                "(letters, digits, _ . - and no spaces)."
            )
    root = etree.Element("root")
    for number, row in enumerate(rows, start=2):
        if number > MAX_CHOICE_ROWS + 1:
            raise FormError(f"The choices file '{name}' has more than {MAX_CHOICE_ROWS} rows.")
        if not any(cell.strip() for cell in row):
            continue
        item = etree.SubElement(root, "item")
        for column, cell in zip(columns, row, strict=False):
            if column:
                etree.SubElement(item, column).text = cell
    return root


def _xml_instance(name: str, content: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        document = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as error:
        raise FormError(f"The choices file '{name}' is not valid XML (line {error.lineno}).") from None
    root = etree.Element("root")
    for element in document.iter():
        if isinstance(element.tag, str) and etree.QName(element).localname == "item":
            item = etree.SubElement(root, "item")
            for child in element:
                if isinstance(child.tag, str):
                    etree.SubElement(item, etree.QName(child).localname).text = child.text or ""
    if not len(root):
        raise FormError(f"The choices file '{name}' has no <item> elements (expected root/item).")
    return root

"""The XLSForm engine: load a form (pyxform -> XForm XML -> model) and fill it in (FormSession).

No Qt here. See docs/forms.md for what is supported and docs/contracts.md for the API.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from .definition import FormDefinition
from .diagnostics import describe_expression_error, locate_missing_reference
from .loader import convert_with_notes
from .prebuilt import read_prebuilt, shipped_xform_for
from .problems import ExpressionFormError, FormError, Problem
from .session import FormSession

__all__ = [
    "FormDefinition", "FormError", "FormSession", "Problem", "load_form", "load_form_bytes",
    "load_xform", "shipped_form_path",
]  # fmt: skip

DEFINITIONS = Path(__file__).resolve().parent.parent / "definitions"


def shipped_form_path() -> Path:
    """The diaspora registration form shipped with the app."""
    return DEFINITIONS / "diaspora_registration.xlsx"


def load_form(path: str | Path) -> FormDefinition:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FormError(
            f"The form '{path.name}' cannot be read: {error.strerror or 'unreadable file'}."
        ) from None
    prebuilt = read_prebuilt(path, data)
    if prebuilt is not None:
        return load_xform(prebuilt, path.name)
    return load_form_bytes(data, path.name)


def load_form_bytes(data: bytes, filename: str, media: dict[str, bytes] | None = None) -> FormDefinition:
    """Load an XLSForm from bytes; refuses (FormError) rather than return a half-loaded form.

    A shipped workbook (the server's published copy of the registration form, say) is loaded from its
    stored XForm: no pyxform import, no conversion."""
    stored = shipped_xform_for(data)
    if stored is not None:
        return load_xform(stored, filename, media)
    xform, notes = convert_with_notes(data, filename)
    try:
        definition = load_xform(xform, filename, media)
    except ExpressionFormError as error:  # name the cell: the workbook is at hand here
        suffix = Path(filename).suffix.lower().lstrip(".")
        raise FormError(describe_expression_error(error, data, suffix, Path(filename).name)) from None
    suffix = Path(filename).suffix.lower().lstrip(".")
    located = [locate_missing_reference(m, data, suffix) for m in definition.missing_references]
    definition.notes = notes + located
    return definition


def load_xform(
    xform_xml: str, filename: str = "form", media: dict[str, bytes] | None = None
) -> FormDefinition:
    """``media``: the files shipped with the form by name (choices files: forms.engine.media)."""
    try:
        definition = FormDefinition(xform_xml, media)
    except ExpressionFormError as error:
        raise error.with_prefix(f"The form '{filename}' cannot be loaded: ") from None
    except FormError as error:
        raise FormError(f"The form '{filename}' cannot be loaded: {error.message}") from None
    except (ValueError, KeyError, StopIteration, AttributeError, TypeError, etree.LxmlError) as error:
        # an XForm shape we do not understand: refuse the form as a whole, never half-load it
        raise FormError(
            f"The form '{filename}' cannot be loaded: "
            f"its structure is not supported ({type(error).__name__})."
        ) from None
    stem = Path(filename).stem
    # without a settings sheet pyxform names the form after the root element: use the file name
    if definition.form_id == definition.root_tag:
        definition.form_id = stem
    if definition.title == definition.root_tag:
        definition.title = stem
    return definition

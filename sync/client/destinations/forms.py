"""Forms from a destination's formList into the desk's form library (issue 17): a programme authors in
Kobo or Central and collects on the desk.

``offered_forms`` reads the destination's OpenRosa formList with its credentials; ``download_form``
fetches one XForm from its ``downloadUrl`` (only below the destination's own address, so the token never
goes elsewhere), checks the md5 hash the list gave, turns the XForm into an XLSForm
(forms.xform_to_xlsform) and adds it to the library as ``forms add`` does. Sizes are bounded: the list
and the XForm are read up to a limit and refused beyond it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from defusedxml import ElementTree as SafeTree
from defusedxml.common import DefusedXmlException

from sync.client.destinations.config import Destination, DestinationError
from sync.client.destinations.transport import OpenRosaTransport

XFORMS_LIST_NS = "http://openrosa.org/xforms/xformsList"
MAX_FORM_LIST_BYTES = 2 * 1024 * 1024
MAX_XFORM_BYTES = 10 * 1024 * 1024
MAX_FORMS_LISTED = 2000


@dataclass(frozen=True)
class OfferedForm:
    form_id: str
    name: str
    version: str
    md5: str  # lower-case hex, from "md5:..."
    download_url: str

    def to_json(self) -> dict[str, str]:
        return {"form_id": self.form_id, "name": self.name, "version": self.version}


def parse_form_list(content: bytes) -> list[OfferedForm]:
    """The forms of an OpenRosa xforms list; DestinationError naming what is wrong otherwise."""
    try:
        root = SafeTree.fromstring(content, forbid_dtd=True)
    except (DefusedXmlException, SafeTree.ParseError) as exc:
        raise DestinationError("The destination's forms list is not a readable OpenRosa forms list.") from exc
    if root.tag != f"{{{XFORMS_LIST_NS}}}xforms":
        raise DestinationError("The destination's answer is not an OpenRosa forms list.")
    offered: list[OfferedForm] = []
    for entry in root.findall(f"{{{XFORMS_LIST_NS}}}xform")[:MAX_FORMS_LISTED]:

        def text(name: str, entry: Any = entry) -> str:
            found = entry.find(f"{{{XFORMS_LIST_NS}}}{name}")
            return (found.text or "").strip() if found is not None else ""

        form_id, digest = text("formID"), text("hash")
        if not form_id:
            continue
        md5 = digest.removeprefix("md5:").lower() if digest.startswith("md5:") else ""
        offered.append(
            OfferedForm(form_id, text("name") or form_id, text("version"), md5, text("downloadUrl"))
        )
    return offered


def offered_forms(transport: OpenRosaTransport) -> list[OfferedForm]:
    return parse_form_list(transport.form_list(limit=MAX_FORM_LIST_BYTES))


def _path_below(destination: Destination, url: str) -> str:
    base = transport_base(destination)
    if not url.startswith(base + "/"):
        raise DestinationError(
            "The destination named a form download outside its own address; nothing was fetched."
        )
    return url[len(base) :]


def transport_base(destination: Destination) -> str:
    from sync.client.transport import normalise_server_url

    return normalise_server_url(destination.url)


def fetch_xform(transport: OpenRosaTransport, offered: OfferedForm) -> bytes:
    """The XForm of one listed form, its md5 checked against the list's hash."""
    if not offered.md5:
        raise DestinationError(f"The forms list gives no md5 hash for {offered.form_id}; it was not fetched.")
    if not offered.download_url:
        raise DestinationError(f"The forms list gives no download address for {offered.form_id}.")
    path = _path_below(transport.destination, offered.download_url)
    content = transport.get_bounded(path, MAX_XFORM_BYTES, what=f"the form {offered.form_id}")
    if hashlib.md5(content, usedforsecurity=False).hexdigest() != offered.md5:
        raise DestinationError(
            f"The form {offered.form_id} that arrived does not match the forms list's md5 hash; it was not "
            "added (try again)."
        )
    return content


def choose(offered: list[OfferedForm], form_id: str) -> OfferedForm:
    for form in offered:
        if form.form_id == form_id:
            return form
    names = ", ".join(form.form_id for form in offered[:20]) or "none"
    raise DestinationError(f"The destination offers no form {form_id!r} (it offers: {names}).")


def download_form(store: Any, transport: OpenRosaTransport, form_id: str) -> tuple[Any, bool]:
    """Fetch, convert and add one form to the library: (definition, added) as ``forms add``."""
    from forms.library import add_form_bytes
    from forms.xform_to_xlsform import xform_to_xlsform

    offered = choose(offered_forms(transport), form_id)
    xlsform = xform_to_xlsform(fetch_xform(transport, offered))
    return add_form_bytes(store, xlsform, f"{offered.form_id}.xlsx")

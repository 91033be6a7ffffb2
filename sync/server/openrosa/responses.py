"""What OpenRosa clients read: the response envelope, the forms list, and the headers every answer has."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape

OPENROSA_VERSION = "1.0"
RESPONSE_NS = "http://openrosa.org/http/response"
XFORMS_LIST_NS = "http://openrosa.org/xforms/xformsList"
XML_TYPE = "text/xml; charset=utf-8"


def openrosa_headers(accept_bytes: int | None = None) -> dict[str, str]:
    headers = {"X-OpenRosa-Version": OPENROSA_VERSION}
    if accept_bytes is not None:
        headers["X-OpenRosa-Accept-Content-Length"] = str(accept_bytes)
    return headers


def message_xml(text: str, *, error: bool) -> bytes:
    """``<OpenRosaResponse><message nature="error">...`` (nature empty on success, as Central sends)."""
    nature = "error" if error else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<OpenRosaResponse xmlns="{RESPONSE_NS}" items="0">'
        f'<message nature="{nature}">{escape(text)}</message></OpenRosaResponse>'
    ).encode()


@dataclass(frozen=True)
class ListedForm:
    form_id: str
    name: str
    version: str
    md5: str
    download_url: str


def forms_list_xml(forms: Iterable[ListedForm]) -> bytes:
    items = "".join(
        "<xform>"
        f"<formID>{escape(form.form_id)}</formID>"
        f"<name>{escape(form.name or form.form_id)}</name>"
        f"<version>{escape(form.version)}</version>"
        f"<hash>md5:{form.md5}</hash>"
        f"<downloadUrl>{escape(form.download_url)}</downloadUrl>"
        "</xform>"
        for form in forms
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<xforms xmlns="{XFORMS_LIST_NS}">{items}</xforms>'
    ).encode()

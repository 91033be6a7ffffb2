"""Form labels as the people who wrote them meant them: the XLSForm markdown subset (``**bold**``,
``__bold__``, ``*italics*``, ``_italics_``, ``# headers``, ``[text](url)``) and the HTML forms use
(``<b> <i> <strong> <em> <u> <br> <p> <h1>-<h6> <a href>``, ``<span style="color: ...">``), turned
into the rich text a QLabel shows, instead of showing the tags. Everything else is escaped: a label
(or an answer shown inside one through ``${field}``) can never inject other markup. A label without
markup stays plain text (``has_markup``), so plain labels are shown exactly as written.

Also: whether a text reads right to left (Arabic, Hebrew, ...), so its label starts at the right edge.
"""

from __future__ import annotations

import html
import re
import unicodedata

_ALLOWED_TAG = re.compile(
    r"&lt;(/?)(b|i|u|em|strong|br|p|h[1-6]|small|sup|sub)\s*/?&gt;"
    r"|&lt;span\s+style=(?:&quot;|&#x27;|')\s*color\s*:\s*([#\w]+)\s*;?\s*(?:&quot;|&#x27;|')\s*&gt;"
    r"|&lt;/span&gt;"
    r"|&lt;a\s+href=(?:&quot;|&#x27;|')(https?://[^\s\"'&<>]+)(?:&quot;|&#x27;|')\s*&gt;|&lt;/a&gt;",
    re.I,
)
_MARKERS = re.compile(
    r"\*\*|__|(?<!\w)[*_]\S|^\s*#{1,6}\s|\[[^\]]+\]\(https?://|<\s*/?\s*(?:b|i|u|em|strong|br|p|h[1-6]|span|a)\b",
    re.I | re.M,
)
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.S)
_ITALIC = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])", re.S)
_HEADER = re.compile(r"^\s*(#{1,6})\s+(.+?)\s*$", re.M)
_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^\s)]+)\)")
_COLOR = re.compile(r"^#?[0-9a-fA-F]{3,8}$|^[a-zA-Z]{3,20}$")


def has_markup(text: str) -> bool:
    return bool(text) and bool(_MARKERS.search(text))


def to_rich_text(text: str) -> str:
    """The label as Qt rich text: markdown and the allowed HTML rendered, everything else escaped."""
    escaped = html.escape(text, quote=True)
    escaped = _ALLOWED_TAG.sub(_allowed, escaped)
    escaped = _LINK.sub(lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', escaped)
    escaped = _HEADER.sub(
        lambda m: f"<b style='font-size: {20 - 2 * len(m.group(1))}pt'>{m.group(2)}</b>", escaped
    )
    escaped = _BOLD.sub(r"<b>\2</b>", escaped)
    escaped = _ITALIC.sub(r"<i>\2</i>", escaped)
    return escaped.replace("\n", "<br>")


def _allowed(match: re.Match[str]) -> str:
    closing, tag, color, href = match.group(1), match.group(2), match.group(3), match.group(4)
    whole = match.group(0).lower()
    if tag:
        return f"<{closing or ''}{tag.lower()}>"
    if color is not None:
        return f'<span style="color: {color}">' if _COLOR.match(color) else "<span>"
    if whole == "&lt;/span&gt;":
        return "</span>"
    if href is not None:
        return f'<a href="{href}">'
    return "</a>"


def reads_right_to_left(text: str) -> bool:
    """The first letter with a strong direction is right-to-left (Arabic, Hebrew, Syriac, Thaana...)."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


_PLAIN = re.compile(r"<[^>]+>|\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|^\s*#+\s*", re.M)


def to_plain_text(text: str) -> str:
    """The words of a label without its markdown and HTML (column headers, choice buttons)."""
    text = _LINK.sub(r"\1", text or "")
    return " ".join(html.unescape(_PLAIN.sub("", text)).split())

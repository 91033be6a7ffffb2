"""One record as readable HTML for the review pane: a heading per section of the form, then each
question's label and answer in two columns that wrap (long answers, multi-line remarks), never a
horizontal scroll."""

from __future__ import annotations

from html import escape

from desktop.pages.review.data import FieldLine

_HEADING = "<h3 style='margin: 10px 0 2px 0;'>{}</h3>"
_SUBHEADING = "<h4 style='margin: 6px 0 2px 0;'>{}</h4>"
_TABLE = '<table width="100%" cellspacing="0" cellpadding="3">'
_ROW = '<tr><td width="38%" valign="top" style="color: #4a4a4a;">{}</td><td valign="top"><b>{}</b></td></tr>'


def _value_html(value: str) -> str:
    return "<br>".join(escape(line) for line in value.splitlines()) or "&nbsp;"


def record_html(fields: list[FieldLine], loose_heading: str) -> str:
    """``fields`` as ``data.form_fields`` lays them out; answers outside any section go under
    ``loose_heading``."""
    parts: list[str] = []
    section: str | None = None
    in_table = False
    for line in fields:
        if line.section != section:
            if in_table:
                parts.append("</table>")
                in_table = False
            section = line.section
            parts.append(_HEADING.format(escape(section or loose_heading)))
        if not line.name:
            if line.label == section and line.depth == 0:
                continue  # the section's own heading, already written
            if in_table:
                parts.append("</table>")
                in_table = False
            parts.append(_SUBHEADING.format(escape(line.label)))
            continue
        if not in_table:
            parts.append(_TABLE)
            in_table = True
        label = "&nbsp;" * 4 * line.depth + escape(line.label)
        parts.append(_ROW.format(label, _value_html(line.value)))
    if in_table:
        parts.append("</table>")
    return "".join(parts)

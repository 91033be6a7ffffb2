"""The Register page's inputs for places and attachments, by question type (the renderer's
``input_for`` hands these types here): geopoint boxes, trace/shape points, file picker, signature pad."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.pages.registration.inputs import QuestionInput

if TYPE_CHECKING:
    from forms.engine.model import Question


def place_or_file_input(question: Question) -> QuestionInput:
    kind = question.type
    if kind == "geopoint":
        from desktop.widgets.geopoint_input import GeopointInput

        return GeopointInput()
    if kind in ("geotrace", "geoshape"):
        from desktop.widgets.geopoint_input import GeoTraceInput

        return GeoTraceInput(kind)
    from desktop.widgets.attachment_input import AttachmentInput, SignatureInput

    if kind == "image" and "signature" in question.appearance.split():
        return SignatureInput()
    return AttachmentInput(kind)

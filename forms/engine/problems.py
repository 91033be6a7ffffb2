"""What goes wrong with a form or an answer, as data: the GUI and the server turn codes into words.

Codes used by the session and by ``FormDefinition.validate``:
``required``, ``constraint`` (params: ``message``, the form's own text in the session language or None),
``type_integer``, ``type_decimal``, ``type_date``, ``type_datetime``, ``type_time``, ``type_text``,
``not_a_choice`` (params: ``value``), ``out_of_range`` (params: ``minimum``, ``maximum``),
``read_only``, ``unknown_field``, ``not_relevant``, ``not_a_repeat``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from forms.errors import DeskError


@dataclass(frozen=True)
class Problem:
    """One problem with one answer. ``field`` is the field name (or repeat address) when known."""

    code: str
    params: dict[str, object] = field(default_factory=dict)
    field: str | None = None

    def at(self, name: str) -> Problem:
        return Problem(self.code, dict(self.params), name)


class FormError(DeskError):
    """A form that cannot be loaded; the message names the sheet, row and column, or the question."""

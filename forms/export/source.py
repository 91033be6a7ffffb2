"""What the exporter reads: one small interface shared by the desk (from the encrypted store) and the
central server (from PostgreSQL), so both produce the same columns from the same records.

The exporter never queries anything itself: callers hand it the form, an iterable of
``ExportRecord`` (streamed, so 100k records never sit in memory at once) and an ``ExportContext``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ExportRecord:
    """One record version as exported: ids, where it came from, and the answers dict of contracts.md."""

    record_id: str  # the client-made UUID shared by every version (Kobo's ``_uuid``)
    version_id: str  # the ODK instanceID of this version
    batch_id: str
    operator: str
    device_id: str
    created_at: str  # UTC ISO 8601, when the record was first saved
    updated_at: str  # UTC ISO 8601, when this version was saved (the ``_submission_time``)
    status: str  # draft | final
    answers: dict[str, Any]
    # The answers as stored, if the caller has them: json.dumps(answers, ensure_ascii=False,
    # sort_keys=True), what forms.store writes. Saves the exporter serialising them again for the hash.
    answers_json: str | None = None


@dataclass(frozen=True)
class BatchInfo:
    """A batch named in the metadata sheet (an event or a consulate day)."""

    id: str
    name: str
    place: str
    day: str
    status: str


@dataclass
class ExportContext:
    """Who exports what: written to the metadata sheet and the audit entry (no personal values)."""

    exported_by: str
    scope: str  # e.g. "batch 3f2a..." or "all batches"
    batches: list[BatchInfo] = field(default_factory=list)
    # how many records the caller will stream, for the progress figure (None when unknown)
    total: int | None = None
    source: str = "desk"  # "desk" or "server"


RecordSource = Iterable[ExportRecord]

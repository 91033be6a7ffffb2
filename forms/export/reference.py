"""The two sheets that explain an export: ``dictionary`` (every column: field, type, labels in every
language, choices) and ``metadata`` (what was exported, by whom, when, from where, counts, and the
SHA-256 of the data). Neither holds a personal value."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from forms.engine.definition import FormDefinition
from forms.engine.model import pick

from .cells import CellStats
from .columns import Layouts
from .source import ExportContext, ExportRecord

DATA_HASH_METHOD = (
    "SHA-256 over each exported record's version id, a newline, its answers as JSON "
    "(Python json.dumps with sort_keys=True, ensure_ascii=False, UTF-8) and a newline, in export order"
)


def dictionary_rows(form: FormDefinition, layouts: Layouts) -> tuple[list[str], list[list[Any]]]:
    languages = list(form.languages) or [form.default_language]
    headers = ["sheet", "column", "field", "type", "choice"] + [f"label::{lang}" for lang in languages]
    rows: list[list[Any]] = []
    for sheet in layouts.sheets:
        for entry in sheet.entries:
            question = entry.question
            if entry.choice is None:
                labels = [pick(question.labels, lang, form.default_language) for lang in languages]
                rows.append([sheet.title, entry.column, question.name, question.type, None, *labels])
                if question.type == "select_one" and question.choices:
                    for choice in question.choices:
                        labels = [pick(choice.labels, lang, form.default_language) for lang in languages]
                        rows.append([sheet.title, None, question.name, "choice", choice.name, *labels])
            else:
                labels = [pick(entry.choice.labels, lang, form.default_language) for lang in languages]
                rows.append([sheet.title, entry.column, question.name, "choice (0/1)", entry.choice.name,
                             *labels])  # fmt: skip
    return headers, rows


@dataclass
class Tally:
    """What the export saw, counted while streaming, and the running SHA-256 of the data."""

    records: int = 0
    batches: Counter[str] = field(default_factory=Counter)
    devices: Counter[str] = field(default_factory=Counter)
    operators: Counter[str] = field(default_factory=Counter)
    statuses: Counter[str] = field(default_factory=Counter)
    digest: Any = field(default_factory=hashlib.sha256)

    def add(self, record: ExportRecord) -> None:
        self.records += 1
        self.batches[record.batch_id] += 1
        self.devices[record.device_id] += 1
        self.operators[record.operator] += 1
        self.statuses[record.status] += 1
        canonical = record.answers_json
        if canonical is None:
            canonical = json.dumps(record.answers, ensure_ascii=False, sort_keys=True)
        self.digest.update(f"{record.version_id}\n{canonical}\n".encode())

    @property
    def data_sha256(self) -> str:
        return str(self.digest.hexdigest())


def metadata_rows(
    form: FormDefinition,
    layouts: Layouts,
    context: ExportContext,
    tally: Tally,
    stats: CellStats,
    *,
    file_format: str,
    encrypted: bool,
    exported_at: Any,
) -> list[list[Any]]:
    headers = f"labels ({layouts.language})" if layouts.language else "field names"
    rows: list[list[Any]] = [
        ["item", "value"],
        ["form_id", form.form_id],
        ["form_title", form.title],
        ["form_version", form.version],
        ["exported_at_utc", exported_at],
        ["exported_by", context.exported_by],
        ["scope", context.scope],
        ["source", context.source],
        ["format", file_format],
        ["encrypted", "yes" if encrypted else "no"],
        ["headers", headers],
        ["records", tally.records],
    ]
    rows += [[f"rows in {title}", count] for title, count in layouts.row_counts().items()]
    rows += [[f"records {status}", count] for status, count in sorted(tally.statuses.items())]
    rows += [
        ["cells truncated to 32,767 characters", stats.truncated],
        ["formula-like texts stored as text", stats.neutralised],
        ["cells with control characters removed", stats.control_characters_removed],
        ["data_sha256", tally.data_sha256],
        ["data_sha256_method", DATA_HASH_METHOD],
        [],
        ["batch", "name", "place", "day", "status", "records"],
    ]
    known = {batch.id: batch for batch in context.batches}
    places: Counter[str] = Counter()
    for batch_id in sorted(set(known) | set(tally.batches)):
        batch = known.get(batch_id)
        count = tally.batches.get(batch_id, 0)
        if batch is None:
            rows.append([batch_id, None, None, None, None, count])
        else:
            rows.append([batch.id, batch.name, batch.place, batch.day, batch.status, count])
            places[batch.place] += count
    rows += [[], ["place", "records"]] + [[place, n] for place, n in sorted(places.items())]
    rows += [[], ["device", "records"]] + [[device, n] for device, n in sorted(tally.devices.items())]
    rows += [[], ["operator", "records"]] + [[name, n] for name, n in sorted(tally.operators.items())]
    return rows

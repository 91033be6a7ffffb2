"""Fixtures for the exporter: the small multilingual form of forms.py, and three records that carry
accents, formula-looking texts, a 33,000-character answer, repeats and a nested repeat."""

from __future__ import annotations

from pathlib import Path

import pytest

from forms.engine import load_form
from forms.engine.definition import FormDefinition
from forms.export import BatchInfo, ExportContext, ExportRecord

from .forms import write_registration_form

LONG_ANSWER = "Conceição " * 3300  # 33,000 characters
FORMULA = '=HYPERLINK("http://evil.invalid","click")'


@pytest.fixture(scope="session")
def form(tmp_path_factory: pytest.TempPathFactory) -> FormDefinition:
    return load_form(write_registration_form(tmp_path_factory.mktemp("form") / "registration.xlsx"))


def make_records() -> list[ExportRecord]:
    def record(number: int, batch: str, answers: dict) -> ExportRecord:
        return ExportRecord(
            record_id=f"11111111-0000-4000-8000-00000000000{number}",
            version_id=f"22222222-0000-4000-8000-00000000000{number}",
            batch_id=batch,
            operator="ana" if number != 2 else "kofi",
            device_id="laptop-1",
            created_at="2026-06-13T10:00:00.000000+00:00",
            updated_at=f"2026-06-13T10:0{number}:00.000000+00:00",
            status="final",
            answers=answers,
        )

    return [
        record(1, "batch-a", {
            "given_name": "Conceição", "family_name": "N'Guessan", "birth_date": "1980-02-03",
            "country": "ST", "city": "São Tomé", "phone": "+239 991 2345", "skills": "health teacher",
            "years_abroad": 12, "height_m": 1.72, "arrived_at": "2026-06-13T09:58:00.000+02:00",
            "comments": FORMULA,
            "children": [
                {"child_name": "Ana", "child_birth_date": "2010-05-06",
                 "schools": [{"school_name": "Liceu Nacional"}, {"school_name": "École Sainte-Marie"}]},
                {"child_name": "Kwame"},
            ],
            "meta": {"instanceID": "uuid:22222222-0000-4000-8000-000000000001",
                     "start": "2026-06-13T09:50:00.000+02:00", "end": "2026-06-13T09:59:00.000+02:00"},
        }),
        record(2, "batch-a", {
            "given_name": "Kouamé", "family_name": "N'Guessan", "country": "LR", "skills": "engineer",
            "comments": LONG_ANSWER,
        }),
        record(3, "batch-b", {
            "given_name": "José", "family_name": "Conceição", "country": "PT", "city": "@SUM(1+1)",
            "children": [{"child_name": "-1+2"}],
        }),
    ]  # fmt: skip


@pytest.fixture
def records() -> list[ExportRecord]:
    return make_records()


@pytest.fixture
def context() -> ExportContext:
    return ExportContext(
        exported_by="supervisor1",
        scope="all batches",
        batches=[
            BatchInfo("batch-a", "Community day", "São Tomé", "2026-06-13", "approved"),
            BatchInfo("batch-b", "Consulate day", "Lisboa", "2026-06-14", "closed"),
        ],
        total=3,
    )


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder

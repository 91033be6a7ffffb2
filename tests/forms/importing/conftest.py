"""Import tests: the real shipped form, a real encrypted store (cheap Argon2 parameters), real files."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from forms.engine import FormDefinition, load_form, shipped_form_path
from forms.store import Store
from forms.store.kdf import TEST_FAST_ENV

PASSPHRASE = "lagoon mango twelve quiet"


@pytest.fixture(scope="session")
def form() -> FormDefinition:
    return load_form(shipped_form_path())


@pytest.fixture
def store(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setenv(TEST_FAST_ENV, "1")
    store, _code = Store.create(data_dir, "amara", PASSPHRASE)
    yield store
    store.close()


def valid_person(**changes: Any) -> dict[str, Any]:
    """One complete, valid registration as a spreadsheet row (strings, as a CSV holds them)."""
    row: dict[str, Any] = {
        "legal_basis": "consent",
        "consent": "yes",
        "given_name": "Aya",
        "family_name": "N'Guessan",
        "sex": "female",
        "birth_date": "1984-03-02",
        "nationalities": "CI",
        "id_document_type": "passport",
        "document_number": "CI1234567",
        "residence_country": "FR",
        "residence_city": "Paris",
        "phone": "+33 6 12 34 56 78",
        "household_size": "3",
    }
    row.update(changes)
    return row


def write_csv(
    path: Path,
    rows: list[dict[str, Any]],
    *,
    delimiter: str = ",",
    bom: bool = True,
    columns: list[str] | None = None,
) -> Path:
    columns = columns or list(dict.fromkeys(name for row in rows for name in row))
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path

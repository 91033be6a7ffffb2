"""Store tests: cheap Argon2 parameters (test-only switch) unless a test asks for the real ones."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from forms.store import Store, batches
from forms.store.kdf import TEST_FAST_ENV

PASSPHRASE = "blue river stone lamp"
CLERK_PASSPHRASE = "kofi walks to the market"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TEST_FAST_ENV, "1")


@pytest.fixture
def created(data_dir: Path) -> Iterator[tuple[Store, str]]:
    store, code = Store.create(data_dir, "amara", PASSPHRASE)
    yield store, code
    store.close()


@pytest.fixture
def store(created: tuple[Store, str]) -> Store:
    return created[0]


@pytest.fixture
def batch_id(store: Store) -> str:
    return batches.open_batch(store, "Minneapolis community day", "Minneapolis", "2026-06-13").id


def person(n: int, **extra: str) -> dict[str, object]:
    answers: dict[str, object] = {
        "given_name": f"Given{n}",
        "family_name": f"Family{n}",
        "birth_date": "1980-01-01",
        "document_number": f"P{n:07d}",
        "phone": f"+1 612 555 {n:04d}",
    }
    answers.update(extra)
    return answers

"""Demo data: valid for the shipped form, varied, and the same for the same seed."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from forms.demo_data import MAX_AGE, MIN_AGE, REFERENCE_DAY, demo_registrations, write_demo_file
from forms.engine import FormDefinition
from forms.importing import check_table, read_table
from forms.importing.check import check_columns

CONTEXT = {"registration_place": "Minneapolis", "registration_batch": "Community day", "operator": "amara"}


def test_every_generated_registration_passes_the_form_engine(form: FormDefinition) -> None:
    people = demo_registrations(300, seed=2026)
    for person in people:
        assert form.validate({**person, **CONTEXT}) == [], person["document_number"]


def test_the_people_are_varied_and_plausible() -> None:
    people = demo_registrations(400, seed=1)
    assert len(Counter(p["birth_country"] for p in people)) >= 6
    assert len(Counter(p["residence_country"] for p in people)) >= 8
    assert len({p["document_number"] for p in people}) == 400
    assert len({p["email"] for p in people}) == 400
    assert any("ç" in p["given_name"] + p["family_name"] or "'" in p["family_name"] for p in people)
    for person in people:
        born = int(person["birth_date"][:4])
        assert REFERENCE_DAY.year - MAX_AGE - 1 <= born <= REFERENCE_DAY.year - MIN_AGE
        assert re.fullmatch(r"\+[1-9][0-9]{6,14}", person["phone"].replace(" ", ""))
        assert person["email"].rsplit("@", 1)[1].startswith("example.")


def test_the_same_seed_gives_the_same_people_and_another_seed_others() -> None:
    assert demo_registrations(50, seed=7) == demo_registrations(50, seed=7)
    assert demo_registrations(50, seed=7) != demo_registrations(50, seed=8)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_demo_files_are_deterministic_and_read_back_as_valid_rows(
    form: FormDefinition, tmp_path: Path, suffix: str
) -> None:
    first, second = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    write_demo_file(form, first, 40, seed=3)
    write_demo_file(form, second, 40, seed=3)
    table = read_table(first)
    check_columns(form, table.columns, first.name)
    checked = check_table(form, table, defaults=CONTEXT)
    assert checked.problems == [] and len(checked.accepted) == 40
    assert checked.accepted[0][1]["given_name"] == demo_registrations(1, seed=3)[0]["given_name"]
    if suffix == ".csv":
        assert first.read_bytes() == second.read_bytes()
        assert first.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel then shows the accents right
    else:
        assert [r.cells for r in read_table(first)] == [r.cells for r in read_table(second)]

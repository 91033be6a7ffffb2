"""The desk harness (tests/desktop/harness.py) opens the way the registration and records tests expect."""

from __future__ import annotations

from tests.desktop.harness import Desk


def test_the_desk_opens_on_an_empty_form_in_the_open_batch(desk: Desk) -> None:
    page = desk.registration
    assert page.batch.name == "Minneapolis community day"
    assert "Minneapolis community day" in page.batch_label.text()
    assert page.renderer.rows, "the shipped form has questions"
    assert page.record_id is None

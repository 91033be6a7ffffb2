"""A registration done in French starts with French as the person's contact language (it was unset, and
receipts fell back to English); an untouched form with that preset is still untouched."""

from __future__ import annotations

from tests.desktop.harness import run_on_lane


def test_contact_language_starts_at_the_language_of_the_registration(qtbot, desk) -> None:
    page = desk.registration
    desk.context.languages.switch_to("fr")
    try:
        assert page.form_language() == "French (fr)"
        page.start_person()
        session = page.renderer.session
        assert session.value("preferred_language") == "fr"
        row = next(r for r in page.renderer.rows if r.question.name == "preferred_language")
        checked = [b.text() for b in row.input.group.buttons() if b.isChecked()]
        assert checked == ["Français"]
        assert not page.typed_something()  # the preset is not typing: no autosave, no empty draft
    finally:
        desk.context.languages.switch_to("en")
    page.start_person()
    assert page.renderer.session.value("preferred_language") == "en"
    page.start_person()
    assert run_on_lane(qtbot, desk, _drafts) == 0


def _drafts(store) -> int:
    from forms.store.stats import counts

    with store.session() as session:
        return counts(session).drafts

"""Labels as forms write them (issue 13): the XLSForm markdown subset and HTML rendered, never shown
as tags; anything else escaped; right-to-left labels start at the right edge; choice buttons show
the words of a marked-up label."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.pages.registration.markup import has_markup, reads_right_to_left, to_plain_text, to_rich_text
from tests.data.project_forms import write_xlsx
from tests.desktop.harness import open_desk

SHEETS = {
    "survey": [
        ["type", "name", "label", "hint"],
        ["text", "bold_name", "**Family** name", "As on the _passport_"],
        ["text", "red_word", '<span style="color:red">Careful</span>: <script>alert(1)</script>', ""],
        ["text", "arabic", "ما اسمك؟", ""],
        ["select_one yn", "agree", "# Consent", ""],
        ["text", "plain", "Plain snake_case label", ""],
        ["select_one long", "long_choice", "Which statement fits?", ""],
        ["select_multiple long", "long_many", "Which statements fit?", ""],
    ],
    "choices": [
        ["list_name", "name", "label"],
        ["yn", "yes", "**Yes**, I agree"],
        ["yn", "no", "No"],
        [
            "long",
            "a",
            "I have worked in a district hospital for more than five years and supervised a team of "
            "community health workers during the last vaccination campaign",
        ],
        [
            "long",
            "b",
            "لقد عملت في مستشفى المقاطعة لأكثر من خمس سنوات وأشرفت على فريق من العاملين في صحة المجتمع",
        ],
        ["long", "c", "Short"],
    ],
    "settings": [["form_id", "version"], ["markup_test", "1"]],
}


def test_markdown_and_html_become_rich_text_and_everything_else_is_escaped() -> None:
    assert to_rich_text("**Family** name") == "<b>Family</b> name"
    assert to_rich_text("__a__ and *b* and _c_") == "<b>a</b> and <i>b</i> and <i>c</i>"
    assert (
        to_rich_text("See [the guide](https://example.org/g)")
        == 'See <a href="https://example.org/g">the guide</a>'
    )
    assert (
        to_rich_text('<span style="color: #b00020">x</span><br/>y')
        == '<span style="color: #b00020">x</span><br>y'
    )
    assert to_rich_text("<script>x</script><img src=a>") == "&lt;script&gt;x&lt;/script&gt;&lt;img src=a&gt;"
    assert to_rich_text('<span style="color:red;background:url(x)">z</span>').startswith("&lt;span")
    assert not has_markup("Plain snake_case label") and not has_markup("3 * 4")
    assert to_plain_text("**Yes**, I <i>agree</i>") == "Yes, I agree"
    assert reads_right_to_left("ما اسمك؟") and not reads_right_to_left("Name (الاسم)")


def test_the_register_page_renders_marked_up_labels(qtbot, qapp, data_dir: Path, tmp_path: Path) -> None:
    form = write_xlsx(tmp_path / "markup.xlsx", SHEETS)
    desk = open_desk(qtbot, qapp, data_dir, form_path=form, settle_focus=False)
    try:
        rows = {row.question.name: row for row in desk.registration.renderer.rows}
        bold = rows["bold_name"]
        assert bold.label.textFormat() == Qt.TextFormat.RichText
        assert bold.label.text() == "<b>Family</b> name"
        assert bold.hint.text() == "As on the <i>passport</i>"
        red = rows["red_word"].label.text()
        assert '<span style="color: red">Careful</span>' in red and "<script>" not in red
        assert rows["arabic"].label.alignment() & Qt.AlignmentFlag.AlignRight
        assert rows["plain"].label.textFormat() == Qt.TextFormat.PlainText
        assert rows["plain"].label.text() == "Plain snake_case label"
        assert "<b" in rows["agree"].label.text() and "#" not in rows["agree"].label.text()
        buttons = [b.text() for b in rows["agree"].input.group.buttons()]
        assert buttons == ["Yes, I agree", "No"]

        # long choice labels wrap beside their button: the form never grows wider than the page
        page = desk.registration
        long_row = rows["long_choice"]
        first, _arabic, short = long_row.input.group.buttons()
        assert first.text().startswith("I have worked") and short.text() == "Short"
        label = page.findChild(QLabel, "choice_a_label")
        arabic_label = page.findChild(QLabel, "choice_b_label")
        assert label is not None and label.wordWrap() and arabic_label is not None
        assert arabic_label.alignment() & Qt.AlignmentFlag.AlignRight
        assert page.findChild(QLabel, "choice_c_label") is None  # short choices stay plain buttons
        desk.window.resize(900, 700)
        # wrapped, and no scrolling sideways (the layout settles over a few events on a loaded machine)
        qtbot.waitUntil(lambda: label.height() > label.fontMetrics().height() * 1.5, timeout=10_000)
        qtbot.waitUntil(lambda: page.scroll_area.horizontalScrollBar().maximum() == 0, timeout=10_000)
        qtbot.mouseClick(label, Qt.MouseButton.LeftButton)  # the label chooses its button
        assert first.isChecked() and long_row.input.value() == "a"
        many = rows["long_many"].input
        qtbot.mouseClick(page.findChildren(QLabel, "choice_b_label")[-1], Qt.MouseButton.LeftButton)
        assert many.value() == "b"
    finally:
        desk.shutdown()

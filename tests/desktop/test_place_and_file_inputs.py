"""Issue 13, the question types real forms use: the geopoint boxes (keyboard first, a pasted point spread
over them), trace/shape points, the file picker with an image preview and the signature pad (QPainter,
mouse), each a real Qt widget; attached files land in the encrypted store through the store lane; and
on the Register page a batch opened with such a form saves a record with a place, a photo and a
signature."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, Qt
from PySide6.QtGui import QColor, QImage

from desktop.widgets.attachment_input import AttachmentInput, SignatureInput, StoreAttachments
from desktop.widgets.geopoint_input import GeopointInput, GeoTraceInput
from forms.library import add_form_file
from forms.store import Store
from forms.store.attachments import read_attachment
from tests.desktop.conftest import PASSPHRASE, SUPERVISOR
from tests.forms.engine.xlsform import workbook_bytes

SURVEY = [
    ["type", "name", "label", "appearance", "required"],
    ["text", "visitor", "Visitor", "", "yes"],
    ["geopoint", "home", "Home", "", "yes"],
    ["geotrace", "route", "Route", "", ""],
    ["image", "photo", "Photo", "", ""],
    ["image", "signed", "Signature", "signature", ""],
    ["file", "paper", "Paper", "", ""],
]
SETTINGS = [["form_id", "version", "form_title"], ["home_visits", "1", "Home visits"]]


def png_bytes(width: int = 64, height: int = 48) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


@pytest.fixture
def store(data_dir: Path):
    store, _code = Store.create(data_dir, SUPERVISOR, PASSPHRASE)
    yield store


@pytest.fixture
def attachments(lane, store):
    lane.attach(store)
    errors: list[BaseException] = []
    keeper = StoreAttachments(lane, errors.append)
    keeper.errors = errors  # type: ignore[attr-defined]
    return keeper


def test_a_geopoint_is_typed_box_by_box(qtbot) -> None:
    widget = GeopointInput()
    qtbot.addWidget(widget)
    widget.show()
    assert widget.value() is None
    latitude, longitude, _altitude, accuracy = widget.boxes
    with qtbot.waitSignal(widget.edited):
        qtbot.keyClicks(latitude, "6.3")
    qtbot.keyClicks(longitude, "-10.8")
    assert widget.value() == "6.3 -10.8"
    qtbot.keyClicks(accuracy, "5")
    assert widget.value() == "6.3 -10.8 0 5"  # an accuracy needs an altitude before it, as ODK writes
    widget.set_value("7.1 -9.5 300 12")
    assert [box.text() for box in widget.boxes] == ["7.1", "-9.5", "300", "12"]
    assert widget.focus_widgets() == widget.boxes


def test_a_pasted_point_fills_the_boxes_it_names(qtbot) -> None:
    widget = GeopointInput()
    qtbot.addWidget(widget)
    widget.show()
    latitude = widget.boxes[0]
    latitude.setFocus()
    latitude.insert("6.30012, -10.80459")
    latitude.textEdited.emit(latitude.text())  # what a paste emits
    assert widget.value() == "6.30012 -10.80459"
    assert widget.boxes[1].text() == "-10.80459"


def test_leaving_means_leaving_the_question_not_the_latitude_box(qtbot) -> None:
    widget = GeopointInput()
    other = GeoTraceInput("geotrace")
    qtbot.addWidget(widget)
    qtbot.addWidget(other)
    widget.show()
    other.show()
    widget.activateWindow()
    left: list[bool] = []
    widget.left.connect(lambda: left.append(True))
    widget.boxes[0].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.boxes[0].hasFocus, timeout=2000)
    widget.boxes[1].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.wait(20)
    assert left == []


def test_a_trace_is_one_point_per_line(qtbot) -> None:
    widget = GeoTraceInput("geotrace")
    qtbot.addWidget(widget)
    qtbot.keyClicks(widget.box, "6.3 -10.8")
    qtbot.keyClick(widget.box, Qt.Key.Key_Return)
    qtbot.keyClicks(widget.box, "6.31, -10.79")
    assert widget.value() == "6.3 -10.8;6.31 -10.79"
    widget.set_value("1 2;3 4")
    assert widget.box.toPlainText() == "1 2\n3 4"


def test_an_image_is_kept_in_the_store_and_previewed(qtbot, tmp_path: Path, attachments, lane, store) -> None:
    widget = AttachmentInput("image")
    widget.attachments = attachments
    qtbot.addWidget(widget)
    widget.show()
    assert widget.name_label.text() == "No file attached" and not widget.remove_button.isVisible()
    photo = tmp_path / "Musu Kollie passport.png"
    photo.write_bytes(png_bytes())
    with qtbot.waitSignal(widget.edited):
        assert widget.attach_file(photo)
    name = widget.value()
    assert name.endswith(".png") and "Musu" not in name
    assert widget.preview.isVisible() and not widget.preview.pixmap().isNull()
    assert widget.choose_button.text() == "Replace…"
    lane.wait_for_done(10_000)
    kept = read_attachment(store, name)
    assert kept is not None and kept.content == photo.read_bytes()
    assert attachments.errors == []

    # a record opened again: the preview comes from the store
    again = AttachmentInput("image")
    again.attachments = attachments
    qtbot.addWidget(again)
    again.show()
    again.set_value(name)
    qtbot.waitUntil(lambda: again.preview.isVisible(), timeout=5000)

    widget.remove()
    assert widget.value() is None and not widget.preview.isVisible()


def test_a_wrong_or_too_large_file_is_refused_in_one_sentence(qtbot, tmp_path: Path, attachments) -> None:
    widget = AttachmentInput("image")
    widget.attachments = attachments
    qtbot.addWidget(widget)
    widget.show()
    widget.set_value("0123456789abcdef0123.png")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned")
    with qtbot.waitSignal(widget.refused) as refused:
        assert not widget.attach_file(scan)
    assert "cannot be attached to this question: it takes" in refused.args[0]
    assert widget.message.isVisible() and widget.value() == "0123456789abcdef0123.png"  # unchanged
    big = tmp_path / "big.png"
    with big.open("wb") as handle:
        handle.write(png_bytes())
        handle.truncate(11 * 1024 * 1024)
    assert not widget.attach_file(big)
    assert "an attachment may be at most 10 MB" in widget.message.text()


def test_the_signature_pad_draws_with_the_mouse_and_keeps_a_png(qtbot, attachments, lane, store) -> None:
    widget = SignatureInput()
    widget.attachments = attachments
    qtbot.addWidget(widget)
    widget.show()
    pad = widget.pad
    assert widget.value() is None and pad.is_empty()
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(30, 100))
    for x in range(40, 300, 20):
        qtbot.mouseMove(pad, QPoint(x, 100 - (x % 60)))
    with qtbot.waitSignal(widget.edited):
        qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 90))
    assert not pad.is_empty()
    name = widget.value()
    lane.wait_for_done(10_000)
    kept = read_attachment(store, name)
    assert kept is not None and kept.media_type == "image/png"
    image = QImage.fromData(QByteArray(kept.content))
    assert (image.width(), image.height()) == (pad.width(), pad.height())
    dark = sum(
        1
        for x in range(image.width())
        for y in range(image.height() - 35)  # above the dashed signing line
        if QColor(image.pixel(x, y)).lightness() < 100
    )
    assert dark > 200  # the stroke is in the image, not only on the screen
    widget.clear_button.click()
    assert widget.value() is None and pad.is_empty()


def test_a_batch_with_places_and_files_saves_them_with_the_record(
    qtbot, qapp, data_dir: Path, tmp_path
) -> None:
    from tests.desktop.harness import open_desk

    store, _recovery = Store.create(data_dir, SUPERVISOR, PASSPHRASE)
    form_file = tmp_path / "visits.xlsx"
    form_file.write_bytes(workbook_bytes(SURVEY, settings=SETTINGS))
    add_form_file(store, form_file)
    desk = open_desk(qtbot, qapp, data_dir, batch=False, store=store, settle_focus=False)
    try:
        page = desk.registration
        page.open_new_batch()
        dialog = page.batch_dialog
        qtbot.waitUntil(lambda: dialog.form_choice.count() == 2, timeout=5000)
        dialog.form_choice.setCurrentIndex(dialog.form_choice.findData("home_visits"))
        dialog.name.setText("Ganta visits")
        dialog.place.setText("Ganta")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: page.definition.form_id == "home_visits", timeout=10_000)
        inputs = {row.question.name: row.input for row in page.renderer.rows}
        assert isinstance(inputs["home"], GeopointInput)
        assert isinstance(inputs["route"], GeoTraceInput)
        assert isinstance(inputs["photo"], AttachmentInput) and not isinstance(
            inputs["photo"], SignatureInput
        )
        assert isinstance(inputs["signed"], SignatureInput)
        assert isinstance(inputs["paper"], AttachmentInput) and inputs["paper"].kind == "file"

        qtbot.keyClicks(inputs["visitor"].focus_widgets()[0], "Musu Kollie")
        latitude, longitude = inputs["home"].boxes[:2]
        qtbot.keyClicks(latitude, "7.3")
        qtbot.keyClicks(longitude, "-8.9")
        photo = tmp_path / "photo.png"
        photo.write_bytes(png_bytes())
        assert inputs["photo"].attach_file(photo)
        session = page.renderer.session
        qtbot.waitUntil(lambda: session.value("home") == "7.3 -8.9", timeout=5000)
        assert session.value("photo") == inputs["photo"].value()
        with qtbot.waitSignal(page.record_saved, timeout=10_000) as saved:
            page.save(draft=False)
        version = saved.args[0]
        answers = version.answers
        assert answers["home"] == "7.3 -8.9" and answers["photo"] == inputs["photo"].value()
        found: list = []
        desk.context.lane.run(lambda opened: read_attachment(opened, answers["photo"]), found.append)
        qtbot.waitUntil(lambda: bool(found), timeout=10_000)
        assert found[0] is not None and found[0].content == photo.read_bytes()
    finally:
        desk.shutdown()

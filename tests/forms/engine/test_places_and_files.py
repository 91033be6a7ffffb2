"""geopoint / geotrace / geoshape, attachments (image, signature, audio, file) and choices from a file
shipped with the form (select_one_from_file, select_multiple_from_file)."""

from __future__ import annotations

import pytest
from lxml import etree

from forms.engine import FormError, Problem, load_form_bytes
from forms.engine.media import choice_files
from forms.engine.values import split_geopoint

from .xlsform import workbook_bytes

SURVEY = [
    ["type", "name", "label", "appearance", "choice_filter", "required"],
    ["geopoint", "where", "Where", "", "", "yes"],
    ["geotrace", "route", "Route", "", "", ""],
    ["geoshape", "plot", "Plot", "", "", ""],
    ["image", "photo", "Photo", "", "", "yes"],
    ["image", "signed", "Signature", "signature", "", ""],
    ["audio", "voice", "Voice", "", "", ""],
    ["file", "paper", "Paper", "", "", ""],
    ["barcode", "code", "Code", "", "", ""],
    ["select_one region", "region", "Region", "", "", ""],
    ["select_one_from_file towns.csv", "town", "Town", "", "region = ${region}", ""],
    ["select_multiple_from_file places.xml", "places", "Places", "", "", ""],
]
CHOICES = [["list_name", "name", "label"], ["region", "n", "North"], ["region", "s", "South"]]
TOWNS = b"name,label,region\nporto,Porto,n\nbraga,Braga,n\nfaro,Faro,s\n"
PLACES = (
    b"<root><item><name>a</name><label>Market</label></item>"
    b"<item><name>b</name><label>Port</label></item></root>"
)


@pytest.fixture(scope="module")
def workbook():
    return workbook_bytes(SURVEY, CHOICES)


@pytest.fixture(scope="module")
def form(workbook):
    return load_form_bytes(workbook, "places.xlsx", {"towns.csv": TOWNS, "places.xml": PLACES})


def test_types_are_read_and_answerable(form):
    types = {q.name: q.type for q in form.by_path.values() if q.kind == "question" and q.type != "metadata"}
    assert types == {
        "where": "geopoint", "route": "geotrace", "plot": "geoshape", "photo": "image", "signed": "image",
        "voice": "audio", "paper": "file", "code": "unsupported:barcode", "region": "select_one",
        "town": "select_one", "places": "select_multiple",
    }  # fmt: skip
    assert form.question("signed").appearance == "signature"
    assert [q.name for q in form.by_path.values() if q.unsupported] == ["code"]
    assert form.media_names == ["places.xml", "towns.csv"]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("12.5 -8.25", "12.5 -8.25"), (" 6.3  -10.8 12 5 ", "6.3 -10.8 12 5"), ([6.3, -10.8], "6.3 -10.8"),
     ("-90 180 0 0", "-90 180 0 0")],
)  # fmt: skip
def test_a_geopoint_is_lat_lon_and_optional_altitude_and_accuracy(form, typed, stored):
    session = form.new_session()
    assert session.set("where", typed) is None
    assert session.value("where") == stored


@pytest.mark.parametrize(
    ("typed", "code"),
    [("12.5", "type_geopoint"), ("north 3", "type_geopoint"), ("1 2 3 4 5", "type_geopoint"),
     ("91 0", "geopoint_bounds"), ("0 -180.5", "geopoint_bounds"), ("1 2 0 -3", "geopoint_bounds"),
     ("1 2;3 4", "type_geopoint"), (7, "type_geopoint")],
)  # fmt: skip
def test_a_geopoint_out_of_shape_or_bounds_is_refused(form, typed, code):
    assert form.new_session().set("where", typed).code == code


def test_traces_and_shapes_are_points_joined_by_semicolons(form):
    session = form.new_session()
    assert session.set("route", "1 2;3 4 0 5;") is None
    assert session.value("route") == "1 2;3 4 0 5"
    assert session.set("route", "1 2").code == "type_geotrace"  # one point is not a trace
    assert session.set("plot", [[1, 2], [1, 3], [2, 3], [1, 2]]) is None
    assert session.value("plot") == "1 2;1 3;2 3;1 2"
    assert session.set("plot", "1 2;1 3").code == "type_geoshape"
    assert session.set("plot", "1 2;1 3;95 3").code == "geopoint_bounds"


def test_split_geopoint_gives_the_four_export_columns():
    assert split_geopoint("6.3 -10.8 12 5") == (6.3, -10.8, 12.0, 5.0)
    assert split_geopoint("6.3 -10.8") == (6.3, -10.8, None, None)


def test_an_attachment_answer_is_a_plain_file_name(form):
    session = form.new_session()
    assert session.set("photo", "0123456789abcdef0123.jpg") is None
    for bad in ("../etc/passwd", "a/b.jpg", "c:\\x.jpg", "x\n.jpg", 42):
        assert session.set("photo", bad).code == "type_attachment"


def test_required_places_and_attachments_are_required_as_in_odk(form):
    problems = {p.field: p.code for p in form.validate({})}
    assert problems["where"] == "required" and problems["photo"] == "required"
    answers = {"where": "1 2", "photo": "0123456789abcdef0123.jpg"}
    assert form.validate(answers) == []


def test_instance_xml_holds_odk_text(form):
    session = form.new_session()
    session.set("where", "6.3 -10.8 12 5")
    session.set("route", "1 2;3 4")
    session.set("photo", "0123456789abcdef0123.jpg")
    root = etree.fromstring(session.to_xml().encode())
    assert root.findtext("where") == "6.3 -10.8 12 5"
    assert root.findtext("route") == "1 2;3 4"
    assert root.findtext("photo") == "0123456789abcdef0123.jpg"


def test_choices_from_a_csv_file_follow_their_filter(form):
    session = form.new_session()
    session.set("region", "n")
    assert session.choices("town") == [("porto", "Porto"), ("braga", "Braga")]
    session.set("region", "s")
    assert session.choices("town") == [("faro", "Faro")]
    assert session.set("town", "faro") is None
    assert session.choices("places") == [("a", "Market"), ("b", "Port")]
    assert session.set("places", "a b") is None
    assert form.validate({"where": "1 2", "photo": "0123456789abcdef0123.jpg", "town": "lisbon"}) == [
        Problem("not_a_choice", {"value": "lisbon"}, "town")
    ]


def test_without_its_choices_file_the_question_is_read_only_and_named(workbook):
    form = load_form_bytes(workbook, "places.xlsx")
    assert form.question("town").unsupported == (
        "its choices come from the file towns.csv, which was not added with the form"
    )
    assert choice_files(form.xform_xml) == ["towns.csv", "places.xml"]


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"label,region\nPorto,n\n", "has no 'name' column"), (b"", "is empty"),
     (b"name,my label\nporto,Porto\n", "'my label' is not a valid name"),
     ("name,label\nporto,Pôrto\n".encode("latin-1"), "is not UTF-8 text")],
)  # fmt: skip
def test_a_bad_choices_file_is_refused_in_one_sentence(workbook, content, words):
    with pytest.raises(FormError) as refused:
        load_form_bytes(workbook, "places.xlsx", {"towns.csv": content, "places.xml": PLACES})
    assert words in refused.value.message and "towns.csv" in refused.value.message
    assert "\n" not in refused.value.message


def test_an_xml_choices_file_never_resolves_entities(workbook):
    hostile = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<root><item><name>a</name><label>&x;</label></item></root>"
    )
    form = load_form_bytes(workbook, "places.xlsx", {"towns.csv": TOWNS, "places.xml": hostile})
    assert form.new_session().choices("places") == [("a", "")]  # nothing read from the disk

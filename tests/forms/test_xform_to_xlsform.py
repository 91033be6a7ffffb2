"""An XForm turned back into an XLSForm (forms.xform_to_xlsform) loads into the same form: the project's
own XLSForms go XLSForm -> XForm (pyxform, as our server serves them) -> XLSForm -> engine, and every
question, rule, label (each language), choice and repeat is the same, and the same answers get the same
problems; what has no XLSForm equivalent is refused in one sentence naming the element."""

from __future__ import annotations

import io
import random
from pathlib import Path

import openpyxl
import pytest

from forms.engine import FormDefinition
from forms.library import convert
from forms.xform_to_xlsform import XFormConversionError, xform_to_xlsform
from tests.data.project_forms import write_forms
from tests.forms.xlsform_checks import _answers_to_try, _shape

ROUND_TRIPPED = [
    "household_repeats.xlsx",
    "cascading_select.xlsx",
    "languages_and_media.xlsx",
    "tutorial.xls",
]


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_forms(tmp_path_factory.mktemp("project-forms"))


def _round_trip(path: Path) -> tuple[FormDefinition, FormDefinition, bytes]:
    original, xform = convert(path.read_bytes(), path.name)
    workbook = xform_to_xlsform(xform)
    back, _ = convert(workbook, f"{path.stem}.xlsx")
    return original, back, workbook


@pytest.mark.parametrize("name", ROUND_TRIPPED)
def test_project_forms_come_back_as_the_same_form(forms: dict[str, Path], name: str) -> None:
    original, back, _ = _round_trip(forms[name])
    assert (back.form_id, back.version, back.title) == (original.form_id, original.version, original.title)
    assert back.languages == original.languages and back.default_language == original.default_language
    assert [_shape(q) for q in back.questions] == [_shape(q) for q in original.questions]


@pytest.mark.parametrize("name", ROUND_TRIPPED)
def test_the_same_answers_get_the_same_problems(forms: dict[str, Path], name: str) -> None:
    original, back, _ = _round_trip(forms[name])
    rng = random.Random(name)
    invalid = 0
    for answers in _answers_to_try(original, rng):
        expected = original.validate(dict(answers))
        assert back.validate(dict(answers)) == expected, answers
        invalid += bool(expected)
    assert invalid > 10  # the tries did break rules


def test_paths_are_written_back_as_names(forms: dict[str, Path]) -> None:
    _, _, workbook = _round_trip(forms["household_repeats.xlsx"])
    book = openpyxl.load_workbook(io.BytesIO(workbook))
    rows = list(book["survey"].iter_rows(values_only=True))
    header = list(rows[0])
    cells = {row[header.index("name")]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert cells["members_group"]["relevant"] == "${any_members} = 'yes'"
    assert cells["member_age"]["constraint"] == ". >= 0 and . <= ${age_limit}"  # was ../age_limit
    assert cells["member_count"]["calculation"] == "count(${member})"
    assert cells["visit"]["repeat_count"] == "${visit_count}"
    assert cells["slope"]["label::Kiswahili (sw)"] == "Mteremko (digrii)"
    assert [s.title for s in book] == ["survey", "choices", "settings"]


XFORM = """<?xml version="1.0"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml"
 xmlns:jr="http://openrosa.org/javarosa" xmlns:odk="http://www.opendatakit.org/xforms">
<h:head><h:title>T</h:title><model>{model}
<instance><data id="t"><a/><b/><meta><instanceID/></meta></data></instance>
<bind nodeset="/data/a" type="string"/><bind nodeset="/data/b" type="int" {bind}/></model></h:head>
<h:body><input ref="/data/a"><label>A</label></input>{body}</h:body></h:html>"""


def _xform(
    model: str = "", bind: str = "", body: str = '<input ref="/data/b"><label>B</label></input>'
) -> str:
    return XFORM.format(model=model, bind=bind, body=body)


def test_a_plain_xform_without_itext_converts() -> None:
    back, _ = convert(xform_to_xlsform(_xform(bind="relevant=\"/data/a != ''\"")), "t.xlsx")
    assert back.by_name["b"].labels == {"default": "B"} and back.by_name["b"].type == "integer"
    assert "/data/a" in str(back.by_name["b"].rules.relevant)


@pytest.mark.parametrize(
    ("xml", "sentence"),
    [
        (_xform(model='<submission base64RSAPublicKey="MIIB"/>'), "The form is encrypted"),
        (_xform(model='<instance id="towns" src="jr://file-csv/towns.csv"/>'), "external data 'towns'"),
        (_xform(body='<odk:mystery ref="/data/b"/>'), "<mystery>"),
        (_xform(body='<input ref="/data/b"><label>B</label></input><fancy ref="/data/a"/>'), "<fancy>"),
        (_xform(bind='relevant="/data/nowhere = 1"'), "names /data/nowhere, which is not a question"),
        (_xform(bind='jr:preload="property" jr:preloadParams="battery"'), "/data/b is preloaded"),
        ('<!DOCTYPE x [<!ENTITY e "e">]><x>&e;</x>', "DTD"),
        ("<h:html xmlns:h='http://www.w3.org/1999/xhtml'><h:head/></h:html>", "no head, model or body"),
        ("<form>", "not well-formed"),
        ("<form/>", "root element is <form>"),
    ],
)
def test_what_has_no_xlsform_equivalent_is_refused_in_one_sentence(xml: str, sentence: str) -> None:
    with pytest.raises(XFormConversionError) as refused:
        xform_to_xlsform(xml)
    assert sentence in refused.value.message and "\n" not in refused.value.message


HANDWRITTEN = """<?xml version="1.0"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml"
 xmlns:jr="http://openrosa.org/javarosa" xmlns:odk="http://www.opendatakit.org/xforms">
<h:head><h:title>Visit</h:title><model>
<itext><translation lang="English" default="true()">
 <text id="/visit/where/town:label"><value>Town of <output value="/visit/name"/></value>
  <value form="image">town.png</value></text>
 <text id="c-a"><value>Abidjan</value></text><text id="c-b"><value>Bouaké</value></text>
</translation><translation lang="Français">
 <text id="/visit/where/town:label"><value>Ville de <output value="/visit/name"/></value></text>
 <text id="c-a"><value>Abidjan</value></text><text id="c-b"><value>Bouaké (ville)</value></text>
</translation></itext>
<instance><visit id="visit_form" version="2024-1"><name/><where><town/><score/></where><ok/><when/>
<meta><instanceID/><instanceName/></meta></visit></instance>
<bind nodeset="/visit/name" type="string" required="true()" jr:requiredMsg="Say the name"/>
<bind nodeset="/visit/where" relevant="string-length(/visit/name) &gt; 1"/>
<bind nodeset="/visit/where/town" type="string" constraint=". != 'b' or ../score &gt; 2"/>
<bind nodeset="/visit/where/score" type="int"/>
<bind nodeset="/visit/ok" type="string"/>
<bind nodeset="/visit/when" type="dateTime"/>
<bind nodeset="/visit/meta/instanceID" type="string" readonly="true()" jr:preload="uid"/>
<bind nodeset="/visit/meta/instanceName" type="string" calculate="concat('Visit ', /visit/name)"/>
</model></h:head><h:body>
<input ref="/visit/name"><label>Name</label><hint>As on the card</hint></input>
<group ref="/visit/where" appearance="field-list"><label>Where</label>
 <select1 ref="/visit/where/town" appearance="minimal"><label ref="jr:itext('/visit/where/town:label')"/>
  <item><label ref="jr:itext('c-a')"/><value>a</value></item>
  <item><label ref="jr:itext('c-b')"/><value>b</value></item></select1>
 <range ref="/visit/where/score" start="0" end="10" step="1"><label>Score</label></range>
</group>
<trigger ref="/visit/ok"><label>Understood</label></trigger>
<input ref="/visit/when"><label>When</label>
 <setvalue event="odk-instance-first-load" ref="/visit/when" value="now()"/></input>
</h:body></h:html>"""


def test_a_handwritten_xform_with_inline_items_range_trigger_and_a_first_load_value() -> None:
    book = openpyxl.load_workbook(io.BytesIO(xform_to_xlsform(HANDWRITTEN)))
    rows = list(book["survey"].iter_rows(values_only=True))
    header = list(rows[0])
    cells = {row[header.index("name")]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert cells["town"]["type"] == "select_one town" and cells["town"]["appearance"] == "minimal"
    assert cells["town"]["label::Français"] == "Ville de ${name}"
    assert cells["town"]["media::image::English"] == "town.png"
    assert cells["town"]["constraint"] == ". != 'b' or ${score}> 2"  # pyxform pads ${score} again
    assert cells["where"]["relevant"] == "string-length(${name}) > 1"
    assert cells["score"]["type"] == "range" and cells["score"]["parameters"] == "start=0 end=10 step=1"
    assert cells["ok"]["type"] == "acknowledge" and cells["when"]["default"] == "now()"
    assert cells["name"]["required_message"] == "Say the name" and cells["name"]["hint"] == "As on the card"
    settings = list(book["settings"].iter_rows(values_only=True))
    named = dict(zip(settings[0], settings[1], strict=True))
    assert named["form_id"] == "visit_form" and named["version"] == "2024-1" and named["name"] == "visit"
    assert named["instance_name"] == "concat('Visit ',${name})" and named["default_language"] == "English"
    choices = list(book["choices"].iter_rows(values_only=True))
    assert ("town", "b", "Bouaké", "Bouaké (ville)") in [tuple(row[:4]) for row in choices]
    form, _ = convert(xform_to_xlsform(HANDWRITTEN), "visit.xlsx")
    assert form.form_id == "visit_form" and form.by_name["score"].range == (0, 10, 1)
    assert form.validate({"name": "Ama", "where": {"town": "b", "score": 1}})  # the constraint holds

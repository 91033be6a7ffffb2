"""An XForm (what an OpenRosa server's formList hands out) turned back into an XLSForm workbook.

The desk's form library and engine take XLSForms (forms.library.convert runs pyxform), while ODK Central,
KoboToolbox and our own server give out XForm XML. ``xform_to_xlsform(xml)`` writes the survey, choices
and settings sheets of an equivalent XLSForm:

- the primary instance gives the order of the rows: a body control makes a question (bind type and body
  element decide the XLSForm type), a node with a ``calculate`` and no control a ``calculate`` row, one
  without either a ``hidden`` row; ``meta`` is left to pyxform, which adds it again (``instanceName``
  becomes the settings' ``instance_name``); preloads become ``start``, ``end``, ``today``, ``deviceid`` ...
- bind attributes: relevant, constraint, required, calculate, readonly, their messages;
- labels, hints, guidance hints and media in every itext language (``label::LANG``), or plain text;
- choices from inline ``item``\\ s or from secondary instances (itemsets), with a filter as
  ``choice_filter`` and the instance's other columns kept;
- groups, repeats (``jr:count`` as ``repeat_count``), appearances, ``range`` parameters, static defaults;
- paths back to ``${name}``: absolute (``/data/x``), relative (``../x``) and ``current()/../x``.

What has no XLSForm equivalent here (an encrypted form, external data files, an unknown body element, a
path to a node that is not a named question) is refused with one sentence naming the element
(XFormConversionError). No Qt, no network: the caller fetched the XML.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeTree
from defusedxml.common import DefusedXmlException

from forms.errors import DeskError

XF = "http://www.w3.org/2002/xforms"
H = "http://www.w3.org/1999/xhtml"
JR = "http://openrosa.org/javarosa"
ODK = "http://www.opendatakit.org/xforms"
ORX = "http://openrosa.org/xforms"
MAX_XFORM_BYTES = 10 * 1024 * 1024

_TYPES = {
    "string": "text",
    "int": "integer",
    "integer": "integer",
    "decimal": "decimal",
    "date": "date",
    "time": "time",
    "dateTime": "dateTime",
    "geopoint": "geopoint",
    "geotrace": "geotrace",
    "geoshape": "geoshape",
    "barcode": "barcode",
}
_UPLOADS = {"image": "image", "audio": "audio", "video": "video"}
_PRELOADS = {
    ("timestamp", "start"): "start",
    ("timestamp", "end"): "end",
    ("date", "today"): "today",
    ("property", "deviceid"): "deviceid",
    ("property", "subscriberid"): "subscriberid",
    ("property", "simserial"): "simserial",
    ("property", "phonenumber"): "phonenumber",
    ("property", "username"): "username",
    ("property", "email"): "email",
    ("property", "uri:username"): "uri:username",
    ("property", "uri:email"): "uri:email",
    ("property", "uri:deviceid"): "uri:deviceid",
    ("property", "uri:phonenumber"): "uri:phonenumber",
    ("property", "uri:subscriberid"): "uri:subscriberid",
    ("property", "uri:simserial"): "uri:simserial",
}
_BIND_COLUMNS = {
    "relevant": "relevant",
    "constraint": "constraint",
    "calculate": "calculation",
    "readonly": "read_only",
    "required": "required",
}
_MEDIA_FORMS = {"image": "image", "big-image": "big-image", "audio": "audio", "video": "video"}
_NAME = r"[A-Za-z_][\w.\-]*"
_ITEXT = re.compile(r"""^\s*jr:itext\(\s*['"]([^'"]+)['"]\s*\)\s*$""")
_ITEMSET = re.compile(r"^\s*instance\(\s*['\"]([^'\"]+)['\"]\s*\)\s*/root/item\s*(?:\[(.*)\])?\s*$", re.S)


class XFormConversionError(DeskError):
    """The XForm cannot become an XLSForm that the desk runs (one sentence naming the element)."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _ns(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _attr(element: Element, name: str, namespace: str = "") -> str | None:
    return element.get(f"{{{namespace}}}{name}" if namespace else name)


@dataclass
class _Form:
    root_path: str
    names: dict[str, str]  # instance path -> name (every named node of the primary instance)
    binds: dict[str, dict[str, str]]
    controls: dict[str, Element]  # path -> body control (input, select1, group, repeat ...)
    repeats: dict[str, Element]
    itext: dict[str, dict[str, dict[str, str]]]  # language -> id -> form ("" = plain) -> text
    instances: dict[str, Element]
    setvalues: dict[str, str]  # path -> value expression set at first load
    languages: list[str]
    default_language: str | None
    survey: list[dict[str, str]] = field(default_factory=list)
    choices: list[dict[str, str]] = field(default_factory=list)
    list_names: dict[tuple[Any, ...], str] = field(default_factory=dict)
    instance_name: str | None = None


def _parse(xml: bytes | str) -> Element:
    data = xml.encode("utf-8") if isinstance(xml, str) else xml
    if len(data) > MAX_XFORM_BYTES:
        raise XFormConversionError(f"The XForm is larger than {MAX_XFORM_BYTES // (1024 * 1024)} MB.")
    try:
        root = SafeTree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise XFormConversionError("The XForm declares a DTD or entities, which are refused.") from exc
    except SafeTree.ParseError as exc:
        raise XFormConversionError(f"The XForm is not well-formed XML ({exc}).") from exc
    if _local(root.tag) != "html":
        raise XFormConversionError(f"This is not an XForm: its root element is <{_local(root.tag)}>.")
    return root


def _text_of(element: Element, form: _Form | None, context: str) -> str:
    """An element's text with <output value="..."/> turned into ${name}."""
    parts = [element.text or ""]
    for child in element:
        if _local(child.tag) == "output":
            value = child.get("value", "")
            parts.append(_expression(form, value, context) if form else value)
        else:
            parts.append(_text_of(child, form, context))
        parts.append(child.tail or "")
    return "".join(parts)


def _collect_itext(model: Element) -> tuple[dict[str, dict[str, dict[str, Element]]], list[str], str | None]:
    found: dict[str, dict[str, dict[str, Element]]] = {}
    languages: list[str] = []
    default: str | None = None
    for itext in model.iter(f"{{{XF}}}itext"):
        for translation in itext.findall(f"{{{XF}}}translation"):
            lang = translation.get("lang", "default")
            languages.append(lang)
            if translation.get("default", "").strip() in ("true()", "true"):
                default = lang
            texts = found.setdefault(lang, {})
            for text in translation.findall(f"{{{XF}}}text"):
                ident = text.get("id", "")
                for value in text.findall(f"{{{XF}}}value"):
                    texts.setdefault(ident, {})[value.get("form", "")] = value
    return found, languages, default


def _walk_body(element: Element, form: _Form, parent_ref: str) -> None:
    for child in element:
        name = _local(child.tag)
        if name in ("label", "hint", "item", "itemset", "value", "help"):
            continue
        if _ns(child.tag) not in (XF, ODK, ""):
            raise XFormConversionError(f"The form's body holds <{name}>, which has no XLSForm equivalent.")
        if name == "setvalue" or name == "setgeopoint":
            _setvalue(child, form)
            continue
        ref = child.get("ref") or child.get("nodeset") or ""
        path = _absolute_ref(ref, parent_ref) if ref else ""
        if name == "repeat":
            form.repeats[path] = child
            _walk_body(child, form, path)
            continue
        if name == "group":
            if path:
                form.controls.setdefault(path, child)
            _walk_body(child, form, path or parent_ref)
            continue
        if name not in ("input", "select1", "select", "upload", "trigger", "range", "rank"):
            raise XFormConversionError(f"The form's body holds <{name}>, which has no XLSForm equivalent.")
        if not path:
            raise XFormConversionError(f"A <{name}> of the form's body has no ref.")
        form.controls[path] = child
        for action in child:
            if _local(action.tag) in ("setvalue", "setgeopoint"):
                _setvalue(action, form)


def _setvalue(element: Element, form: _Form) -> None:
    event = element.get("event", "")
    ref = element.get("ref", "")
    if _local(element.tag) == "setgeopoint" or "odk-instance-first-load" not in event.split():
        raise XFormConversionError(
            f"The form sets {ref or 'a value'} on the event '{event}' (<{_local(element.tag)}>), "
            "which has no XLSForm equivalent here."
        )
    form.setvalues[ref] = element.get("value", "")


def _absolute_ref(ref: str, parent: str) -> str:
    ref = ref.strip()
    if ref.startswith("/"):
        return ref
    base = parent.split("/")
    for step in ref.split("/"):
        if step == "..":
            base.pop()
        elif step not in (".", ""):
            base.append(step)
    return "/".join(base)


def _string_literals(expression: str) -> Iterator[tuple[bool, str]]:
    """(is a string literal, text) pieces of an XPath expression."""
    position = 0
    for match in re.finditer(r"'[^']*'|\"[^\"]*\"", expression):
        if match.start() > position:
            yield False, expression[position : match.start()]
        yield True, match.group(0)
        position = match.end()
    if position < len(expression):
        yield False, expression[position:]


def _name_for(form: _Form, path: str, expression: str) -> str:
    name = form.names.get(path)
    if name is None:
        raise XFormConversionError(
            f"The expression '{expression.strip()}' names {path}, which is not a question of this form."
        )
    return "${" + name + "}"


_PATH = re.compile(
    rf"(?P<pre> ?)(?P<path>(?:current\(\)/)?(?:\.\./)+{_NAME}(?:/{_NAME})*|/{_NAME}(?:/{_NAME})+)(?P<post> ?)"
)


def _expression(form: _Form | None, expression: str, context: str) -> str:
    """``expression`` with its paths written as ${name}; ``context``: the node it is evaluated on (a
    choice filter's ``current()`` is the select). pyxform pads each path it wrote with one space on
    either side: that padding goes with it, unless it parts the name from a word (``or ${x}``)."""
    if form is None or not expression:
        return expression
    out: list[str] = []
    for literal, piece in _string_literals(expression):
        if literal:
            inner = piece[1:-1].strip()
            if inner.startswith(form.root_path + "/") and inner in form.names:
                piece = piece[0] + _name_for(form, inner, expression) + piece[0]
            out.append(piece)
            continue

        def replace(match: re.Match[str], piece: str = piece) -> str:
            before = piece[match.start() - 1] if match.start() else ""
            if match.group("pre") == "" and before and (before.isalnum() or before in "_.)]:/'\""):
                return match.group(0)  # a step of a longer path (instance('x')/root/item), not a path
            path = match.group("path")
            if path.startswith("/"):
                if not path.startswith(form.root_path + "/"):
                    return match.group(0)
            else:
                path = _absolute_ref(path.removeprefix("current()/"), context)
            name = _name_for(form, path, expression)
            # pyxform pads every ${name} again: the padding goes, unless it parts the name from a word
            after = piece[match.end()] if match.end() < len(piece) else ""
            pre = match.group("pre") if before.isalnum() or before == "_" else ""
            post = match.group("post") if after.isalnum() or after == "_" else ""
            return pre + name + post

        out.append(_PATH.sub(replace, piece))
    return "".join(out)


def _label_columns(form: _Form, element: Element | None, kind: str, path: str, row: dict[str, str]) -> None:
    """label / hint of a body element into row (every language; media forms too)."""
    if element is None:
        return
    found = element.find(f"{{{XF}}}{kind}")
    if found is None:
        return
    column = {"label": "label", "hint": "hint"}[kind]
    ref = found.get("ref")
    match = _ITEXT.match(ref or "")
    if match:
        _itext_columns(form, match.group(1), column, path, row)
    elif ref:
        raise XFormConversionError(
            f"The {kind} of {path} refers to '{ref}', which has no XLSForm equivalent."
        )
    else:
        text = _text_of(found, form, path).strip()
        if text:
            row[column] = text


def _itext_columns(form: _Form, ident: str, column: str, path: str, row: dict[str, str]) -> None:
    for lang in form.languages:
        values = form.itext.get(lang, {}).get(ident, {})
        for value_form, text in values.items():
            if value_form == "" or value_form == "long" or value_form == "short":
                if value_form in ("long", "short") and "" in values:
                    continue
                name = column
            elif value_form == "guidance":
                name = "guidance_hint" if column == "hint" else column
            elif value_form in _MEDIA_FORMS:
                name = f"media::{_MEDIA_FORMS[value_form]}"
            else:
                raise XFormConversionError(
                    f"The text '{ident}' has a '{value_form}' form, which has no XLSForm equivalent."
                )
            text = text.strip()
            if not text:
                continue
            row[f"{name}::{lang}" if lang != "default" else name] = text


def _itext_value_texts(form: _Form, raw: dict[str, dict[str, dict[str, Element]]]) -> None:
    for lang, texts in raw.items():
        for ident, values in texts.items():
            context = ident.split(":", 1)[0] if ident.startswith("/") else form.root_path
            form.itext.setdefault(lang, {})[ident] = {
                value_form: _text_of(value, form, context) for value_form, value in values.items()
            }


def _message(
    form: _Form, bind: dict[str, str], attribute: str, column: str, path: str, row: dict[str, str]
) -> None:
    text = bind.get(attribute)
    if not text:
        return
    match = _ITEXT.match(text)
    if match:
        _itext_columns(form, match.group(1), column, path, row)
    else:
        row[column] = text


def _choice_list(form: _Form, control: Element, path: str, row: dict[str, str]) -> str:
    """The choices of a select as a list name (choices rows added once per distinct list)."""
    items = control.findall(f"{{{XF}}}item")
    itemset = control.find(f"{{{XF}}}itemset")
    if itemset is not None:
        nodeset = itemset.get("nodeset", "")
        match = _ITEMSET.match(nodeset)
        if not match:
            raise XFormConversionError(
                f"The choices of {path} come from '{nodeset}', which has no XLSForm equivalent here."
            )
        instance_id, predicate = match.group(1), match.group(2)
        instance = form.instances.get(instance_id)
        if instance is None:
            raise XFormConversionError(f"The choices of {path} come from a missing instance '{instance_id}'.")
        if instance.get("src"):
            raise XFormConversionError(
                f"The choices of {path} come from the external file {instance.get('src')}, which "
                "downloading a form does not fetch."
            )
        value = itemset.find(f"{{{XF}}}value")
        value_ref = value.get("ref", "name") if value is not None else "name"
        label = itemset.find(f"{{{XF}}}label")
        label_ref = label.get("ref", "label") if label is not None else "label"
        if predicate:
            row["choice_filter"] = _expression(form, predicate, path).strip()
        key = ("instance", instance_id)
        if key not in form.list_names:
            form.list_names[key] = instance_id
            _instance_choices(form, instance, instance_id, value_ref, label_ref)
        return form.list_names[key]
    if not items:
        raise XFormConversionError(f"The select {path} has no choices.")
    rows: list[dict[str, str]] = []
    for item in items:
        value = item.find(f"{{{XF}}}value")
        choice: dict[str, str] = {"name": (value.text or "").strip() if value is not None else ""}
        _label_columns(form, item, "label", path, choice)
        rows.append(choice)
    key = ("items", tuple(tuple(sorted(choice.items())) for choice in rows))
    if key not in form.list_names:
        base = form.names[path]
        name = base if base not in form.list_names.values() else f"{base}_{len(form.list_names)}"
        form.list_names[key] = name
        form.choices.extend({"list_name": name, **choice} for choice in rows)
    return form.list_names[key]


def _instance_choices(form: _Form, instance: Element, list_name: str, value_ref: str, label_ref: str) -> None:
    root = next(iter(instance), None)
    for item in root if root is not None else []:
        cells: dict[str, str] = {}
        for child in item:
            tag = _local(child.tag)
            text = (child.text or "").strip()
            if tag == value_ref:
                cells["name"] = text
            elif tag == "itextId" and label_ref.replace(" ", "") == "jr:itext(itextId)":
                _itext_columns(form, text, "label", list_name, cells)
            elif tag == label_ref:
                cells["label"] = text
            else:
                cells[tag] = text
        form.choices.append({"list_name": list_name, **cells})


def _type_of(form: _Form, path: str, control: Element | None, bind: dict[str, str]) -> str:
    bind_type = bind.get("type", "string").split(":")[-1]
    preload = (bind.get("preload", ""), bind.get("preloadParams", ""))
    if preload != ("", ""):
        known = _PRELOADS.get(preload)
        if known is None:
            raise XFormConversionError(
                f"The node {path} is preloaded with {preload}, which has no XLSForm equivalent."
            )
        return known
    if control is None:
        return "calculate" if bind.get("calculate") else "hidden"
    tag = _local(control.tag)
    if tag == "trigger":
        return "acknowledge"
    if tag == "upload":
        media = control.get("mediatype", "")
        return _UPLOADS.get(media.split("/")[0], "file")
    if tag == "range":
        return "range"
    if tag == "rank":
        return "rank"
    if tag in ("select1", "select"):
        return "select_one" if tag == "select1" else "select_multiple"
    if (
        bind_type in ("string", "")
        and bind.get("readonly", "").strip() == "true()"
        and not bind.get("calculate")
    ):
        return "note"
    if bind_type == "string" and bind.get("calculate") and bind.get("readonly", "").strip() == "true()":
        return "note"
    known_type = _TYPES.get(bind_type)
    if known_type is None:
        raise XFormConversionError(
            f"The question {path} has the type '{bind_type}', which has no XLSForm equivalent."
        )
    return known_type


def _question(form: _Form, path: str, node: Element) -> dict[str, str]:
    bind = form.binds.get(path, {})
    control = form.controls.get(path)
    row: dict[str, str] = {"name": form.names[path]}
    kind = _type_of(form, path, control, bind)
    if kind in ("select_one", "select_multiple", "rank") and control is not None:
        kind = f"{kind} {_choice_list(form, control, path, row)}"
    row["type"] = kind
    if control is not None:
        _label_columns(form, control, "label", path, row)
        _label_columns(form, control, "hint", path, row)
        if control.get("appearance"):
            row["appearance"] = control.get("appearance", "")
        if _local(control.tag) == "range":
            parameters = [f"{p}={control.get(p)}" for p in ("start", "end", "step") if control.get(p)]
            row["parameters"] = " ".join(parameters)
    for attribute, column in _BIND_COLUMNS.items():
        value = bind.get(attribute)
        if not value:
            continue
        if attribute == "readonly" and (kind == "note" or kind.split()[0] in ("start", "end", "today")):
            continue
        if attribute in ("required", "readonly") and value.strip() in ("true()", "false()"):
            value = "yes" if value.strip() == "true()" else "no"
        else:
            value = _expression(form, value, path).strip()
        if attribute == "calculate" and kind == "note" and not value:
            continue
        row[column] = value
    _message(form, bind, "constraintMsg", "constraint_message", path, row)
    _message(form, bind, "requiredMsg", "required_message", path, row)
    default = (node.text or "").strip()
    if path in form.setvalues:
        default = _expression(form, form.setvalues[path], path).strip()
    if default and len(node) == 0:
        row["default"] = default
    return row


def _walk_instance(form: _Form, node: Element, path: str) -> None:
    seen: set[str] = set()
    for child in node:
        name = _local(child.tag)
        child_path = f"{path}/{name}"
        if child_path in seen:  # a repeat's template and its first instance: one repeat
            continue
        seen.add(child_path)
        if path == form.root_path and name == "meta":
            _meta(form, child, child_path)
            continue
        is_repeat = child_path in form.repeats or _attr(child, "template", JR) is not None
        control = form.controls.get(child_path)
        if is_repeat or len(child) > 0 or (control is not None and _local(control.tag) == "group"):
            _group(form, child, child_path, is_repeat)
            continue
        form.survey.append(_question(form, child_path, child))


def _meta(form: _Form, meta: Element, path: str) -> None:
    for child in meta:
        name = _local(child.tag)
        bind = form.binds.get(f"{path}/{name}", {})
        if name == "instanceName" and bind.get("calculate"):
            form.instance_name = _expression(form, bind["calculate"], f"{path}/{name}").strip()


def _group(form: _Form, node: Element, path: str, is_repeat: bool) -> None:
    begin, end = ("begin repeat", "end repeat") if is_repeat else ("begin group", "end group")
    row: dict[str, str] = {"type": begin, "name": form.names[path]}
    control = form.controls.get(path)
    bind = form.binds.get(path, {})
    if control is not None:
        _label_columns(form, control, "label", path, row)
        if control.get("appearance"):
            row["appearance"] = control.get("appearance", "")
    repeat = form.repeats.get(path)
    if repeat is not None:
        if control is None:
            _label_columns(form, repeat, "label", path, row)
        count = _attr(repeat, "count", JR)
        if count:
            row["repeat_count"] = _expression(form, count, path).strip()
        if repeat.get("appearance") and "appearance" not in row:
            row["appearance"] = repeat.get("appearance", "")
    elif is_repeat:
        raise XFormConversionError(f"The repeat {path} has no <repeat> in the form's body.")
    for attribute in ("relevant", "readonly"):
        if bind.get(attribute):
            value = bind[attribute]
            row[_BIND_COLUMNS[attribute]] = (
                "yes" if value.strip() == "true()" else _expression(form, value, path).strip()
            )
    form.survey.append(row)
    _walk_instance(form, node, path)
    form.survey.append({"type": end})


def _names(node: Element, path: str, out: dict[str, str]) -> None:
    for child in node:
        child_path = f"{path}/{_local(child.tag)}"
        out[child_path] = _local(child.tag)
        _names(child, child_path, out)


def xform_to_xlsform(xml: bytes | str) -> bytes:
    """The XLSForm workbook (.xlsx bytes) equivalent to this XForm; XFormConversionError otherwise."""
    import openpyxl

    root = _parse(xml)
    head = root.find(f"{{{H}}}head")
    body = root.find(f"{{{H}}}body")
    model = head.find(f"{{{XF}}}model") if head is not None else None
    if head is None or body is None or model is None:
        raise XFormConversionError("This is not an XForm: it has no head, model or body.")
    submission = model.find(f"{{{XF}}}submission")
    if submission is not None and submission.get("base64RSAPublicKey"):
        raise XFormConversionError(
            "The form is encrypted (its <submission> has a public key); the desk cannot fill encrypted forms."
        )
    instances = model.findall(f"{{{XF}}}instance")
    primary = next((i for i in instances if not i.get("id")), None)
    if primary is None or len(primary) == 0:
        raise XFormConversionError("The XForm's model has no primary <instance>.")
    data = primary[0]
    root_path = "/" + _local(data.tag)
    names: dict[str, str] = {}
    _names(data, root_path, names)
    binds: dict[str, dict[str, str]] = {}
    for bind in model.findall(f"{{{XF}}}bind"):
        nodeset = _absolute_ref(bind.get("nodeset", ""), root_path)
        binds[nodeset] = {_local(key): value for key, value in bind.attrib.items() if key != "nodeset"}
    raw_itext, languages, default = _collect_itext(model)
    title_element = head.find(f"{{{H}}}title")
    form = _Form(
        root_path=root_path,
        names=names,
        binds=binds,
        controls={},
        repeats={},
        itext={},
        instances={i.get("id", ""): i for i in instances if i.get("id")},
        setvalues={},
        languages=languages,
        default_language=default,
    )
    for ident, instance in form.instances.items():
        if instance.get("src"):
            raise XFormConversionError(
                f"The form reads the external data '{ident}' ({instance.get('src')}), which downloading a "
                "form does not fetch."
            )
    for action in model:
        if _local(action.tag) in ("setvalue", "setgeopoint"):
            _setvalue(action, form)
    _walk_body(body, form, root_path)
    _itext_value_texts(form, raw_itext)
    _walk_instance(form, data, root_path)
    settings = {
        "form_title": (title_element.text or "").strip() if title_element is not None else "",
        "form_id": data.get("id", "") or _local(data.tag),
        "version": data.get("version", "") or "",
    }
    if default and default != "default":
        settings["default_language"] = default
    listed = [(choice["list_name"], choice.get("name", "")) for choice in form.choices]
    if len(set(listed)) != len(listed):
        settings["allow_choice_duplicates"] = "yes"
    if form.instance_name:
        settings["instance_name"] = form.instance_name
    if _local(data.tag) != "data":
        settings["name"] = _local(data.tag)
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    _sheet(workbook, "survey", ["type", "name"], form.survey)
    if form.choices:
        _sheet(workbook, "choices", ["list_name", "name"], form.choices)
    _sheet(workbook, "settings", [], [{k: v for k, v in settings.items() if v}])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _sheet(workbook: Any, title: str, first: list[str], rows: list[dict[str, str]]) -> None:
    columns = list(first)
    for row in rows:
        columns.extend(column for column in row if column not in columns)
    sheet = workbook.create_sheet(title)
    sheet.append(columns)
    for row in rows:
        sheet.append([row.get(column, "") for column in columns])

"""XLSForm file -> XForm XML (pyxform) -> form model.

We read the XForm XML pyxform produces (a published spec), never pyxform's internal JSON, which
changes between releases. pyxform is imported lazily: importing it costs ~0.24 s.
"""

from __future__ import annotations

import hashlib
import io
import re
import threading
import warnings
from pathlib import Path

from lxml import etree

from .diagnostics import describe_conversion_error
from .media import choices_instance, media_name
from .model import ATTACHMENT_TYPES, GEO_TYPES, UNSUPPORTED_BIND_TYPES, Choice, Question, Rules
from .problems import FormError

NS = {
    "xf": "http://www.w3.org/2002/xforms",
    "h": "http://www.w3.org/1999/xhtml",
    "jr": "http://openrosa.org/javarosa",
    "odk": "http://www.opendatakit.org/xforms",
}
JR = "{http://openrosa.org/javarosa}"
_ITEXT_REF = re.compile(r"""^\s*jr:itext\(\s*['"](.+?)['"]\s*\)\s*$""")
_ITEXT_FIELD = re.compile(r"^\s*jr:itext\(\s*([\w.\-]+)\s*\)\s*$")
_ITEMSET = re.compile(r"""^\s*instance\(\s*['"]([^'"]+)['"]\s*\)/root/item(?:\[(.*)\])?\s*$""", re.S)
_INPUT_TYPES = {"string": "text", "int": "integer", "decimal": "decimal", "date": "date",
                "dateTime": "datetime", "time": "time"}  # fmt: skip
_PRELOADS = {("timestamp", "start"): "start", ("timestamp", "end"): "end", ("date", "today"): "today",
             ("uid", ""): "instanceID"}  # fmt: skip


def convert_to_xform(data: bytes, filename: str) -> str:
    """Run pyxform; any failure becomes one FormError sentence naming sheet, row and column."""
    return convert_with_notes(data, filename)[0]


def convert_with_notes(data: bytes, filename: str) -> tuple[str, list[str]]:
    """(XForm XML, pyxform's warnings as plain sentences); cached by the workbook's SHA-256."""
    suffix = Path(filename).suffix.lower().lstrip(".")
    if suffix not in ("xlsx", "xls"):
        raise FormError(f"'{Path(filename).name}' is not an XLSForm: expected an .xlsx or .xls file.")
    key = (hashlib.sha256(data).hexdigest(), suffix)
    with _CACHE_LOCK:
        cached = _CONVERTED.get(key)
    if cached is None:
        notes: list[str] = []
        cached = (run_pyxform(data, filename, notes), notes)
        with _CACHE_LOCK:
            if len(_CONVERTED) >= 16:
                _CONVERTED.pop(next(iter(_CONVERTED)))
            _CONVERTED[key] = cached
    return cached[0], list(cached[1])


# The same workbook converts to the same XForm: pyxform takes 0.1-2 s, so keep the last few results
# (the GUI, the importer and the export all load the shipped form in one process).
_CONVERTED: dict[tuple[str, str], tuple[str, list[str]]] = {}
_CACHE_LOCK = threading.Lock()
_ROW_MARK = re.compile(r"^\[row\s*:\s*(\d+)\]\s*")
_LEARN_MORE = re.compile(r"\s*Learn more:?\s*\S+", re.I)


def run_pyxform(data: bytes, filename: str, notes: list[str] | None = None) -> str:
    """The conversion itself, uncached (bench/forms.py times it); warnings are added to ``notes``."""
    suffix = Path(filename).suffix.lower().lstrip(".")
    from pyxform.xls2xform import convert  # lazy: pyxform is slow to import

    raw: list[str] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl style chatter is not the supervisor's concern
            result = convert(xlsform=io.BytesIO(data), file_type="." + suffix, form_name="data", warnings=raw)
    except Exception as error:  # pyxform, openpyxl and xlrd raise many kinds: all mean "cannot load"
        raise FormError(describe_conversion_error(error, data, suffix, Path(filename).name)) from None
    if notes is not None:
        for warning in raw:
            for line in str(warning).splitlines():
                text = _LEARN_MORE.sub(
                    "", _ROW_MARK.sub(lambda m: f"row {m.group(1)}: ", line.strip())
                ).strip()
                if text:
                    notes.append(text)
    return result.xform


def strip_namespaces(element: etree._Element) -> etree._Element:
    """A copy with plain tag names, so XPath ``/data/a`` and ``root/item`` match without prefixes."""
    copy = etree.Element(etree.QName(element).localname)
    copy.text = element.text
    for name, value in element.attrib.items():
        local = etree.QName(name).localname
        if local in ("template", "id", "version"):
            copy.set(local, value)
    for child in element:
        if isinstance(child.tag, str):
            copy.append(strip_namespaces(child))
    return copy


class XFormReader:
    """Reads one XForm document into the model tree plus what the session needs."""

    def __init__(self, xform_xml: str, media: dict[str, bytes] | None = None) -> None:
        self.root = etree.fromstring(xform_xml.encode("utf-8"))
        self.model = self.root.find("h:head/xf:model", NS)
        self.title = self.root.findtext("h:head/h:title", default="", namespaces=NS)
        self.translations: dict[str, dict[str, str]] = {}
        self.languages: list[str] = []
        self.default_language = "default"
        self._read_itext()
        instances = self.model.findall("xf:instance", NS)
        primary = next(i for i in instances if i.get("id") is None)
        self.instance = strip_namespaces(next(iter(primary)))
        self.secondary: dict[str, etree._Element] = {}
        self.external: dict[str, str] = {}
        for instance in instances:
            name = instance.get("id")
            if name is None:
                continue
            if instance.get("src"):
                src = instance.get("src", "")
                content = (media or {}).get(media_name(src))
                if content is None:
                    self.external[name] = src
                else:  # a choices file shipped with the form (select_one_from_file): read as an instance
                    self.secondary[name] = choices_instance(media_name(src), content)
            else:
                self.secondary[name] = strip_namespaces(instance)
        self.binds = {b.get("nodeset"): b for b in self.model.findall("xf:bind", NS)}
        self.controls: dict[str, etree._Element] = {}
        self.repeats: dict[str, etree._Element] = {}
        self.groups: dict[str, etree._Element] = {}
        self._read_body(self.root.find("h:body", NS))
        actions = list(self.root.iter(f"{{{NS['xf']}}}setvalue", f"{{{NS['odk']}}}setvalue"))
        # defaults that are expressions (today(), ...): on the first load, and in each new repeat
        self.dynamic_defaults = {
            s.get("ref"): s.get("value", "")
            for s in actions
            if "odk-instance-first-load" in s.get("event", "") and s.get("value")
        }
        self.repeat_defaults = {
            s.get("ref"): s.get("value", "")
            for s in actions
            if "odk-new-repeat" in s.get("event", "") and s.get("value")
        }

    # --- translations ---------------------------------------------------------------------------
    def _read_itext(self) -> None:
        for translation in self.model.findall("xf:itext/xf:translation", NS):
            language = translation.get("lang", "default")
            self.languages.append(language)
            if translation.get("default"):
                self.default_language = language
            texts: dict[str, str] = {}
            for text in translation.findall("xf:text", NS):
                values = [v for v in text.findall("xf:value", NS) if v.get("form") in (None, "long")]
                if values:
                    texts[text.get("id", "")] = rich_text(values[0])
            self.translations[language] = texts
        if self.languages and self.default_language == "default":
            self.default_language = self.languages[0]
        if not self.languages:
            self.languages = ["default"]

    def texts(self, element: etree._Element | None) -> dict[str, str]:
        """Label/hint element -> text per language (itext reference or inline text)."""
        if element is None:
            return {}
        match = _ITEXT_REF.match(element.get("ref", ""))
        if match:
            key = match.group(1)
            return {lang: t[key] for lang, t in self.translations.items() if key in t}
        text = rich_text(element)
        return {self.default_language: text} if text else {}

    def message(self, value: str | None) -> dict[str, str]:
        if not value:
            return {}
        match = _ITEXT_REF.match(value)
        if match:
            return {lang: t[match.group(1)] for lang, t in self.translations.items() if match.group(1) in t}
        return {self.default_language: value}

    # --- body -----------------------------------------------------------------------------------
    def _read_body(self, element: etree._Element | None) -> None:
        if element is None:
            return
        for child in element:
            if not isinstance(child.tag, str):
                continue
            tag = etree.QName(child).localname
            if tag == "group":
                if child.get("ref"):
                    self.groups[child.get("ref", "")] = child
                self._read_body(child)
            elif tag == "repeat":
                self.repeats[child.get("nodeset", "")] = child
                self._read_body(child)
            elif tag in ("input", "select1", "select", "trigger", "upload", "range", "rank"):
                self.controls[child.get("ref", "")] = child

    # --- model tree -----------------------------------------------------------------------------
    def questions(self) -> list[Question]:
        return self._children(self.instance, f"/{self.instance.tag}", None)

    def _children(self, element: etree._Element, path: str, parent: Question | None) -> list[Question]:
        seen: set[str] = set()
        nodes: list[Question] = []
        for child in element:
            if child.tag in seen:
                continue  # pyxform writes a repeat's template and a first instance: one node
            seen.add(child.tag)
            nodes.append(self._node(child, f"{path}/{child.tag}", parent))
        return nodes

    def _node(self, element: etree._Element, path: str, parent: Question | None) -> Question:
        bind = self.binds.get(path)
        rules = Rules()
        if bind is not None:
            rules = Rules(
                relevant=bind.get("relevant"),
                required=bind.get("required"),
                constraint=bind.get("constraint"),
                calculate=bind.get("calculate"),
                readonly=bind.get("readonly"),
            )
        is_repeat = path in self.repeats or element.get("template") is not None
        if is_repeat or len(element):
            body = self.repeats.get(path) if is_repeat else self.groups.get(path)
            group_body = self.groups.get(path)
            node = Question(
                name=element.tag,
                path=path,
                kind="repeat" if is_repeat else "group",
                type="repeat" if is_repeat else "group",
                labels=self.texts(group_body.find("xf:label", NS) if group_body is not None else None),
                appearance=next(
                    (
                        e.get("appearance", "")
                        for e in (body, group_body)
                        if e is not None and e.get("appearance")
                    ),
                    "",
                ),
                rules=rules,
                parent=parent,
            )
            if is_repeat and body is not None:
                node.rules.repeat_count = body.get(f"{JR}count")
            node.children = self._children(element, path, node)
            return node
        return self._question(element, path, parent, bind, rules)

    def _question(self, element, path, parent, bind, rules) -> Question:
        control = self.controls.get(path)
        bind_type = bind.get("type", "string") if bind is not None else "string"
        question = Question(
            name=element.tag,
            path=path,
            kind="question",
            type="text",
            bind_type=bind_type,
            rules=rules,
            parent=parent,
            default=element.text or "",
        )
        if bind is not None:
            question.constraint_messages = self.message(bind.get(f"{JR}constraintMsg"))
            question.required_messages = self.message(bind.get(f"{JR}requiredMsg"))
        if control is not None:
            question.labels = self.texts(control.find("xf:label", NS))
            question.hints = self.texts(control.find("xf:hint", NS))
            question.appearance = control.get("appearance", "")
        question.type = self._type_of(question, bind, control)
        if question.type in ("select_one", "select_multiple") and control is not None:
            self._read_choices(question, control)
        if question.type == "range" and control is not None:
            question.range = (
                float(control.get("start", "0")),
                float(control.get("end", "10")),
                float(control.get("step", "1")),
            )
        return question

    def _type_of(self, question: Question, bind, control) -> str:
        if bind is not None and bind.get(f"{JR}preload"):
            key = (bind.get(f"{JR}preload"), bind.get(f"{JR}preloadParams", ""))
            question.preload = _PRELOADS.get(key, key[1] or key[0])
            return "metadata"
        tag = etree.QName(control).localname if control is not None else None
        if question.bind_type in GEO_TYPES and tag == "input":
            return str(question.bind_type)
        if question.bind_type == "binary" and tag == "upload":
            media = (control.get("mediatype", "") or "").split("/")[0]
            return media if media in ATTACHMENT_TYPES else "file"
        if question.bind_type in UNSUPPORTED_BIND_TYPES or tag in ("upload", "rank"):
            kind = question.bind_type if question.bind_type in UNSUPPORTED_BIND_TYPES else tag
            question.unsupported = f"{kind} questions are not supported by this app yet"
            return f"unsupported:{kind}"
        if control is None:
            return "calculate" if question.rules.calculate else "hidden"
        if tag == "trigger":
            return "acknowledge"
        if tag == "range":
            return "range"
        if tag == "select1":
            return "select_one"
        if tag == "select":
            return "select_multiple"
        if question.rules.readonly == "true()" and question.bind_type == "string" and not question.default:
            return "note"
        return _INPUT_TYPES.get(question.bind_type, "text")

    def _read_choices(self, question: Question, control: etree._Element) -> None:
        itemset = control.find("xf:itemset", NS)
        if itemset is None:
            question.choices = [
                Choice(item.findtext("xf:value", "", NS), self.texts(item.find("xf:label", NS)))
                for item in control.findall("xf:item", NS)
            ]
            return
        match = _ITEMSET.match(itemset.get("nodeset", ""))
        if not match:
            question.unsupported = "its choices come from an expression this app cannot read"
            question.choices = []
            return
        list_name, predicate = match.group(1), match.group(2)
        question.choice_list = list_name
        question.choice_filter = predicate.strip() if predicate else None
        if list_name in self.external:
            question.unsupported = (
                f"its choices come from the file {media_name(self.external[list_name])}, "
                "which was not added with the form"
            )
            question.choices = []
            return
        value_ref = itemset.find("xf:value", NS).get("ref", "name")
        label = itemset.find("xf:label", NS)
        label_ref = label.get("ref", "label") if label is not None else "label"
        itext = _ITEXT_FIELD.match(label_ref)
        question.choices = []
        for item in self.secondary.get(list_name, etree.Element("x")).iter("item"):
            fields = {child.tag: child.text or "" for child in item}
            if itext:
                key = fields.get(itext.group(1), "")
                labels = {lang: t[key] for lang, t in self.translations.items() if key in t}
            else:
                labels = {self.default_language: fields.get(label_ref, "")}
            question.choices.append(Choice(fields.get(value_ref, ""), labels, fields))


def rich_text(element: etree._Element) -> str:
    """Text with ``<output value="expr"/>`` kept as ``{{expr}}`` for the session to fill in."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and etree.QName(child).localname == "output":
            parts.append("{{" + child.get("value", "").strip() + "}}")
        parts.append(child.tail or "")
    return "".join(parts).strip()

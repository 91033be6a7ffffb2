"""A form rule as a plain Python closure, for the shapes forms use most, giving what lxml gives.

``CompiledValidator`` (fast_validate.py) evaluates each rule of a form on thousands of records. lxml's
XPath call costs tens of microseconds however small the expression (a context set up, the extension
functions registered, the result converted), which made the date rules of the shipped form most of a
record's validation. ``compile_rule`` turns a rule whose every part is one of these into a closure:

- literals (numbers as libxml2 reads them: the literal is evaluated by lxml once), parentheses;
- paths to a single answer of the form (no predicates, axes or wildcards; ``.``, ``..`` and absolute
  paths), checked once against lxml on the form's own instance;
- ``and``/``or`` (short-circuit, as libxml2), ``not()``, ``true()``, ``false()``, ``boolean()``;
- ``=``/``!=`` between answers, strings and booleans, and between numbers;
- ``< <= > >= + -`` with the rewriter's ``x:dn()`` on their operands (expressions.emit), ``* div mod``
  and unary minus on numbers, with IEEE results for division by zero (as C's);
- ``string()``, ``string-length()``, ``translate()``, ``concat()``, ``contains()``, ``starts-with()``
  on answers, strings and booleans;
- the ODK functions of functions.py that depend only on their arguments (and on today's date), called
  exactly as lxml calls them: a node set as a list of elements, strings, floats and booleans.

What XPath converts in ways this module does not repeat (a text read as a number by libxml2, a number
written as text by libxml2) raises ``Unsupported`` while evaluating, and the caller evaluates the
rule with lxml instead, as it does for any other error; a shape not listed is not compiled at all
(``compile_rule`` returns None). tests/forms/engine/test_compiled_rules.py runs both ways side by side.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from lxml import etree

from .expressions import _DAY_OPERATORS, _needs_day_number, _resolve, compile_check, emit
from .functions import ENV, FUNCTIONS, days_of_text, java_regex, node_text, to_bool, to_days, to_str
from .xpath_parser import Node, walk

Value = Any  # what lxml gives and takes: str, float, bool, or a list of elements (a node set)
Compiled = Callable[[], Value]


class Unsupported(Exception):
    """A value this module does not convert as libxml2 would: the rule is evaluated by lxml instead."""


# ODK functions whose result is not a function of their arguments (the context node, the session's
# documents, chance): never compiled
_IMPURE = {"once", "position", "instance", "primary", "current", "random", "uuid"}
_NATIVE = {"not", "true", "false", "boolean", "string", "string-length", "translate", "concat", "contains"}
_NATIVE |= {"starts-with"}


def compile_rule(text: str, context_path: str, context: Any, elements: dict[str, Any]) -> Compiled | None:
    """The rule ``text``, evaluated on ``context`` (the element at ``context_path``), as a closure
    (None: not a shape this module knows). ``elements``: the elements of the form's answers that paths
    may read, by absolute path (leaves: one element each, no children)."""
    try:
        node = compile_check(text)
        return _Compiler(context_path, context, elements).compile(node)
    except _NotCompiled:
        return None


class _NotCompiled(Exception):
    pass


class _Compiler:
    def __init__(self, context_path: str, context: Any, elements: dict[str, Any]) -> None:
        self.context_path = context_path
        self.context = context
        self.elements = elements
        self.leaves: dict[Compiled, Any] = {}  # a compiled path -> the one answer element it finds

    def compile(self, node: Node) -> Compiled:
        kind = node.kind
        if kind == "num":
            number = self._literal_number(node.value)
            return lambda: number
        if kind == "str":
            string = node.value
            return lambda: string
        if kind == "paren":
            return self.compile(node.args[0])
        if kind == "neg":
            inner = self.compile(node.args[0])
            return lambda: -_number(inner())
        if kind == "binary":
            return self._binary(node)
        if kind == "call":
            return self._call(node)
        if kind == "path":
            return self._path(node)
        raise _NotCompiled  # variables

    # --- literals and paths -------------------------------------------------------------------------
    def _literal_number(self, text: str) -> float:
        value = etree.XPath(text)(etree.Element("x"))  # libxml2's own reading of the literal
        if not isinstance(value, float):
            raise _NotCompiled
        return value

    def _path(self, node: Node) -> Compiled:
        if node.head is not None:
            raise _NotCompiled
        steps = []
        for step, predicates in node.steps:
            if predicates or step == "" or step == "*" or step.startswith("@") or "::" in step or "(" in step:
                raise _NotCompiled
            steps.append(step)
        resolved = _resolve("" if node.absolute else self.context_path, steps)
        element = self.elements.get(resolved) if resolved is not None else None
        if element is None:
            raise _NotCompiled
        # the path must find that one element, as lxml finds it from the rule's node
        found = etree.XPath(emit(node))(self.context)
        if not isinstance(found, list) or len(found) != 1 or found[0] is not element:
            raise _NotCompiled
        compiled = lambda: [element]  # noqa: E731
        self.leaves[compiled] = element
        return compiled

    # --- operators ----------------------------------------------------------------------------------
    def _binary(self, node: Node) -> Compiled:
        op = node.value
        left, right = (self.compile(arg) for arg in node.args)
        if op == "and":
            return lambda: to_bool(left()) and to_bool(right())
        if op == "or":
            return lambda: to_bool(left()) or to_bool(right())
        if op == "=":
            return lambda: _equal(left(), right())
        if op == "!=":
            return lambda: _not_equal(left(), right())
        if op in _DAY_OPERATORS:  # the rewriter wraps these operands in x:dn() (expressions.emit)
            if _needs_day_number(node.args[0]):
                left = self._day_number(left)
            if _needs_day_number(node.args[1]):
                right = self._day_number(right)
        compare = _OPERATORS.get(op)
        if compare is None:
            raise _NotCompiled  # the union |
        return lambda: compare(_number(left()), _number(right()))

    # --- function calls -----------------------------------------------------------------------------
    def _call(self, node: Node) -> Compiled:
        compiled = self._function(node)
        return _per_moment(compiled) if _of_the_moment(node) else compiled

    def _function(self, node: Node) -> Compiled:
        name = node.value.removeprefix("jr:")
        args = [self.compile(arg) for arg in node.args]
        if emit(node).startswith("x:"):  # an ODK function (functions.py), as the rewriter calls it
            if name in _IMPURE or name not in FUNCTIONS:
                raise _NotCompiled
            if name == "regex" and len(node.args) == 2 and node.args[1].kind == "str":
                return _regex(args[0], node.args[1].value)
            if name == "dn" and len(args) == 1:  # functions.f_dn: to_days, a float as lxml gives it back
                return self._day_number(args[0])
            function = FUNCTIONS[name]
            if len(args) == 1:
                only = args[0]
                return lambda: _from_python(function(None, only()))
            return lambda: _from_python(function(None, *(arg() for arg in args)))
        if name not in _NATIVE:
            raise _NotCompiled
        return _native(name, args)

    def _day_number(self, inner: Compiled) -> Compiled:
        """functions.f_dn of what ``inner`` gives; of an answer's text straight away when ``inner`` is a
        path to it (an answer element has no children: its node set's text is its own text)."""
        element = self.leaves.get(inner)
        if element is not None:
            return lambda: days_of_text(element.text or "")
        return lambda: to_days(inner())


def _of_the_moment(node: Node) -> bool:
    """Whether a call's value depends on the clock's moment alone: it calls today() or now(), reads no
    answer or variable, and calls nothing that reads the session (choice labels, documents, positions)."""
    timed = False
    for part in walk(node):
        if part.kind in ("path", "var"):
            return False
        if part.kind == "call":
            name = part.value.removeprefix("jr:")
            if name in _IMPURE or name == "choice-name":
                return False
            timed = timed or name in ("today", "now")
    return timed


def _per_moment(compute: Compiled) -> Compiled:
    """``compute`` (a function of the clock's moment alone, see _of_the_moment) remembered for the moment
    objects the clock gave lately: CompiledValidator's clock gives one object for a whole batch, so
    ``int(format-date(today(), '%Y'))`` is worked out once per batch (and per batch being checked in
    another thread), not once per record. A clock giving a new object each time (a form session's) is
    asked again each time, as before. By identity: the entry holds its moment, so no other object can
    have its id meanwhile."""
    recent: dict[int, tuple[Any, Value]] = {}

    def run() -> Value:
        moment = ENV.now()
        entry = recent.get(id(moment))
        if entry is not None and entry[0] is moment:
            return entry[1]
        value = compute()
        if len(recent) >= 16:
            recent.clear()
        recent[id(moment)] = (moment, value)
        return value

    return run


def _native(name: str, args: list[Compiled]) -> Compiled:
    count = len(args)
    if name in ("true", "false") and count == 0:
        constant = name == "true"
        return lambda: constant
    if name in ("not", "boolean") and count == 1:
        (only,) = args
        return (lambda: not to_bool(only())) if name == "not" else (lambda: to_bool(only()))
    if name == "string" and count == 1:
        (only,) = args
        return lambda: _string(only())
    if name == "string-length" and count == 1:
        (only,) = args
        return lambda: float(len(_string(only())))
    if name == "translate" and count == 3:
        first, second, third = args
        return lambda: _translate(_string(first()), _string(second()), _string(third()))
    if name == "concat" and count >= 2:
        return lambda: "".join([_string(arg()) for arg in args])
    if name in ("contains", "starts-with") and count == 2:
        first, second = args
        if name == "contains":
            return lambda: _string(second()) in _string(first())
        return lambda: _string(first()).startswith(_string(second()))
    raise _NotCompiled


def _regex(value: Compiled, pattern: str) -> Compiled:
    """functions.f_regex with its pattern read once: the whole text must match (Java's matches())."""
    try:
        fullmatch = re.compile(java_regex(pattern)).fullmatch
    except re.error:  # f_regex answers false for a pattern Python cannot read

        def never() -> bool:
            to_str(value())
            return False

        return never
    return lambda: fullmatch(to_str(value())) is not None  # to_str: as f_regex converts its argument


# --- XPath 1.0 conversions and operators, as libxml2 does them -------------------------------------
def _from_python(value: Any) -> Value:
    """What lxml makes of an extension function's result."""
    kind = type(value)
    if kind is str or kind is float or kind is bool:
        return value
    if kind is int:
        return float(value)
    if isinstance(value, str):
        return str(value)
    raise Unsupported


def _string(value: Value) -> str:
    kind = type(value)
    if kind is str:
        return value  # type: ignore[no-any-return]
    if kind is list:
        if not value:
            return ""
        if len(value) == 1:
            return node_text(value[0])
        raise Unsupported
    if kind is bool:
        return "true" if value else "false"
    raise Unsupported  # libxml2 writes numbers its own way


def _number(value: Value) -> float:
    kind = type(value)
    if kind is float:
        return value  # type: ignore[no-any-return]
    if kind is bool:
        return 1.0 if value else 0.0
    raise Unsupported  # libxml2 reads texts its own way


def _equal(left: Value, right: Value) -> bool:
    if type(left) is list or type(right) is list:
        return _node_set_equal(left, right, negate=False)
    return _values_equal(left, right)


def _not_equal(left: Value, right: Value) -> bool:
    if type(left) is list or type(right) is list:
        return _node_set_equal(left, right, negate=True)
    return not _values_equal(left, right)


def _node_set_equal(left: Value, right: Value, negate: bool) -> bool:
    if type(left) is not list:
        left, right = right, left
    if len(left) != 1:
        raise Unsupported
    kind = type(right)
    if kind is bool:
        return right is not True if negate else right is True  # a non-empty node set is true
    if kind is list:
        if len(right) != 1:
            raise Unsupported
        other = node_text(right[0])
    elif kind is str:
        other = right
    else:
        raise Unsupported  # a number: libxml2 reads each node's text as a number
    mine = node_text(left[0])
    return mine != other if negate else mine == other


def _values_equal(left: Value, right: Value) -> bool:
    left_kind, right_kind = type(left), type(right)
    if left_kind is bool or right_kind is bool:
        return to_bool(left) == to_bool(right)
    if left_kind is float and right_kind is float:
        return left == right  # type: ignore[no-any-return]
    if left_kind is str and right_kind is str:
        return left == right  # type: ignore[no-any-return]
    raise Unsupported  # a text and a number: libxml2 reads the text as a number


def _divide(left: float, right: float) -> float:
    try:
        return left / right
    except ZeroDivisionError:  # C's division: infinities and NaN
        if left != left or left == 0:
            return math.nan
        return math.copysign(math.inf, left) * math.copysign(1.0, right)


def _modulo(left: float, right: float) -> float:
    try:
        return math.fmod(left, right)
    except ValueError:  # fmod(x, 0), fmod(inf, y): NaN in C
        return math.nan


_OPERATORS: dict[str, Callable[[float, float], Any]] = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "div": _divide,
    "mod": _modulo,
}


def _translate(text: str, source: str, target: str) -> str:
    table: dict[str, str] = {}
    for index, char in enumerate(source):
        if char not in table:  # the first place a character is named counts
            table[char] = target[index] if index < len(target) else ""
    return "".join([table.get(char, char) for char in text])

"""The ODK expression rewriter: lxml evaluates XPath 1.0, this makes ODK expressions safe to give it.

lxml gives true XPath 1.0 semantics (``'34' = 34`` is true, empty answers compare as strings), but
ODK forms need things lxml cannot do alone (see docs/forms.md and the design note):
- dates must compare and subtract as day numbers: operands of ``< <= > >= + -`` are wrapped in
  ``x:dn()``;
- built-ins cannot be overridden: ``round(a, b)``, one-argument ``concat()`` and every ODK function
  are renamed into our extension namespace;
- ``current()`` becomes the context node;
- unknown functions are found here, when the form is loaded, not while a clerk types.
The parse (xpath_parser.py) also yields the paths an expression reads, for the dependency graph.
"""

from __future__ import annotations

import re

from .xpath_parser import ExpressionError, Node, function_names, parse, walk

EXT_NS = "urn:diaspora-desk:odk-functions"
EXT_PREFIX = "x"

# XPath 1.0 functions lxml already implements with the semantics ODK expects.
NATIVE_FUNCTIONS = {
    "not", "count", "sum", "string-length", "substring", "contains", "starts-with", "normalize-space",
    "translate", "number", "boolean", "string", "true", "false", "position", "last", "floor",
    "ceiling", "name", "local-name", "substring-before", "substring-after", "lang", "id",
}  # fmt: skip
# ODK functions we implement as extension functions (forms/engine/functions.py).
ODK_FUNCTIONS = {
    "if", "selected", "count-selected", "selected-at", "choice-name", "today", "now", "regex",
    "coalesce", "substr", "int", "date", "date-time", "decimal-date-time", "decimal-time",
    "format-date", "format-date-time", "min", "max", "boolean-from-string", "once", "uuid", "pow",
    "sqrt", "exp", "exp10", "log", "log10", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "pi",
    "abs", "random", "join", "ends-with", "count-non-empty", "dn", "round", "concat", "position",
    "string", "instance", "primary",
}  # fmt: skip
DATE_LITERAL = re.compile(
    r"^(\d{4}-\d{2}-\d{2}(T[0-9:.]+([+-]\d{2}:?\d{2}|Z)?)?|\d{2}:\d{2}(:\d{2}(\.\d+)?)?)$"
)


def check_functions(node: Node) -> None:
    for name in function_names(node):
        local = name.split(":", 1)[1] if name.startswith("jr:") else name
        if local not in NATIVE_FUNCTIONS and local not in ODK_FUNCTIONS and name not in REWRITTEN:
            raise ExpressionError(f"the function {name}() is not known")
    for call in walk(node):
        if call.kind == "call" and call.value == "indexed-repeat":
            _indexed_repeat_path(call)  # refuses a malformed call when the form is loaded


REWRITTEN = {"current", "indexed-repeat"}  # turned into plain XPath by emit()


def _indexed_repeat_path(call: Node) -> Node:
    """indexed-repeat(/data/r/s/v, /data/r, i, /data/r/s, j) -> /data/r[position() = i]/s[position() = j]/v
    (ODK's function: the value in the i-th instance of r, j-th of s inside it)."""
    args = call.args
    if len(args) < 3 or len(args) % 2 == 0:
        raise ExpressionError("indexed-repeat() takes a field, then pairs of a repeat and an instance number")
    target = args[0]
    if target.kind != "path" or not target.absolute or target.head is not None:
        raise ExpressionError("the first argument of indexed-repeat() must be a field of the form")
    steps = [(step, list(predicates)) for step, predicates in target.steps]
    names = [step for step, _ in steps]
    for repeat, index in zip(args[1::2], args[2::2], strict=True):
        if repeat.kind != "path" or not repeat.absolute or repeat.head is not None:
            raise ExpressionError("each repeat given to indexed-repeat() must be a repeat of the form")
        prefix = [step for step, _ in repeat.steps]
        if names[: len(prefix)] != prefix or len(prefix) >= len(names):
            raise ExpressionError(
                f"in indexed-repeat(), the field is not inside the repeat /{'/'.join(prefix)}"
            )
        position = Node("binary", "=", [Node("call", "position"), Node("paren", args=[index])])
        steps[len(prefix) - 1][1].append(position)
    return Node("path", absolute=True, steps=[(step, predicates) for step, predicates in steps])


# --- rewriting ----------------------------------------------------------------------------------
_DAY_OPERATORS = {"<", "<=", ">", ">=", "+", "-"}


def _needs_day_number(node: Node) -> bool:
    return node.kind not in ("num",) and not (node.kind == "str" and not DATE_LITERAL.match(node.value))


def emit(node: Node, secondary: bool = False, predicate: bool = False) -> str:
    """Back to XPath text for lxml, with the ODK rewrites applied.

    ``secondary``: inside a predicate on a secondary instance (``instance('x')/root/item[...]``),
    where lxml would resolve ``/data/...`` and ``current()`` in the choices document; there they
    become ``x:primary('/data/...')`` and ``x:current()``, answered from the session.
    ``predicate``: inside a predicate on the form's own answers (``../../r[current()/../pos - 1]``),
    where ``.`` is the filtered node: ``current()`` is ``x:current()``, the question's node.
    """
    kind = node.kind
    if kind == "num":
        return node.value
    if kind == "str":
        return _quote(node.value)
    if kind == "var":
        return f"${node.value}"
    if kind == "paren":
        return f"({emit(node.args[0], secondary, predicate)})"
    if kind == "neg":
        return f"-({emit(node.args[0], secondary, predicate)})"
    if kind == "binary":
        left, right = (emit(arg, secondary, predicate) for arg in node.args)
        if node.value in _DAY_OPERATORS:
            if _needs_day_number(node.args[0]):
                left = f"{EXT_PREFIX}:dn({left})"
            if _needs_day_number(node.args[1]):
                right = f"{EXT_PREFIX}:dn({right})"
        return f"({left} {node.value} {right})"
    if kind == "call":
        return _emit_call(node, secondary, predicate)
    if secondary and node.absolute and node.head is None:
        return f"{EXT_PREFIX}:primary({_quote(_emit_path(node, False, False))})"
    return _emit_path(node, secondary, predicate)


def _quote(text: str) -> str:
    return f"'{text}'" if "'" not in text else f'"{text}"'


def _emit_call(node: Node, secondary: bool, predicate: bool = False) -> str:
    name = node.value.removeprefix("jr:")
    args = ", ".join(emit(arg, secondary, predicate) for arg in node.args)
    if name == "current":
        return f"{EXT_PREFIX}:current()" if secondary or predicate else "."
    if name == "indexed-repeat":
        return _emit_path(_indexed_repeat_path(node), secondary, predicate)
    if name == "position":
        native = not node.args
    elif name in ("round", "concat"):
        native = len(node.args) == 1 if name == "round" else len(node.args) > 1
    else:
        native = name in NATIVE_FUNCTIONS
    if native:
        return f"{name}({args})"
    return f"{EXT_PREFIX}:{name}({args})"


def _emit_path(node: Node, secondary: bool, predicate: bool = False) -> str:
    inside = secondary or is_instance_path(node)
    text = ""
    if node.head is not None:
        text = emit(node.head, secondary, predicate)
    elif node.absolute:
        text = "/"
    parts = []
    for step, predicates in node.steps:
        parts.append(step + "".join(f"[{emit(p, inside, not inside)}]" for p in predicates))
    if node.head is not None and node.steps and node.steps[0][0] == "":
        text += parts.pop(0)
    if node.head is not None and parts:
        text += "/"
    joined = "/".join(parts).replace("descendant-or-self::node()/", "/")
    return text + joined


def is_instance_path(node: Node) -> bool:
    head = node.head
    if head is not None and head.kind == "path" and head.head is not None:
        head = head.head
    return head is not None and head.kind == "call" and head.value == "instance"


def references(node: Node, context: str) -> set[str]:
    """Absolute paths (``/data/a/b``, predicates ignored) that ``node`` reads in the primary instance.

    ``context`` is the absolute path of the node the expression is evaluated on. Paths inside a
    secondary instance (``instance('x')/...``) are not primary references, but primary paths in
    their predicates are.
    """
    found: set[str] = set()
    _collect(node, context, found)
    return found


def _collect(node: Node, context: str, found: set[str]) -> None:
    if node.kind == "path" and not is_instance_path(node):
        start: str | None = None
        if node.absolute:
            start = ""
        elif node.head is None or (node.head.kind == "call" and node.head.value == "current"):
            start = context
        if start is not None:
            resolved = _resolve(start, [step for step, _ in node.steps])
            if resolved is not None:
                found.add(resolved)
    if node.kind == "call" and node.value == "current" and not node.args:
        found.add(context)
    for child in node.args:
        _collect(child, context, found)
    if node.head is not None and not (
        node.kind == "path" and node.head.kind == "call" and node.head.value == "current" and node.steps
    ):  # current()/../x reads x, not the question itself
        _collect(node.head, context, found)
    for _, predicates in node.steps:
        for predicate in predicates:
            # names inside predicates are relative to the filtered node, not to the question
            for sub in walk(predicate):
                if sub.kind == "path" and (sub.absolute or sub.head is not None):
                    _collect(sub, context, found)


def _resolve(start: str, steps: list[str]) -> str | None:
    parts = [p for p in start.split("/") if p]
    for step in steps:
        if step in (".", ""):
            continue
        if step == "..":
            if parts:
                parts.pop()
            continue
        if step.startswith("@") or "::" in step or "(" in step or step == "*":
            return None
        parts.append(step)
    return "/" + "/".join(parts) if parts else None


def compile_check(text: str) -> Node:
    """Parse and check an expression; raises ExpressionError with a plain reason."""
    try:
        node = parse(text)
    except ExpressionError:
        raise
    except (IndexError, ValueError) as error:  # defensive: any parser slip is a syntax error
        raise ExpressionError(f"it cannot be read ({error})") from None
    check_functions(node)
    return node


def rewrite(text: str) -> str:
    return emit(compile_check(text))

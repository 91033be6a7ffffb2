"""A small XPath 1.0 parser and rewriter: lxml evaluates, this makes ODK expressions safe to give it.

lxml gives true XPath 1.0 semantics (``'34' = 34`` is true, empty answers compare as strings), but
ODK forms need things lxml cannot do alone (see docs/forms.md and the design note):
- dates must compare and subtract as day numbers: operands of ``< <= > >= + -`` are wrapped in
  ``x:dn()``;
- built-ins cannot be overridden: ``round(a, b)``, one-argument ``concat()`` and every ODK function
  are renamed into our extension namespace;
- ``current()`` becomes the context node;
- unknown functions are found here, when the form is loaded, not while a clerk types.
The parse also yields the paths an expression reads, for the dependency graph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
    "string", "instance",
}  # fmt: skip
NODE_TYPES = {"node", "text", "comment", "processing-instruction"}
OPERATOR_NAMES = {"and", "or", "mod", "div"}
DATE_LITERAL = re.compile(r"^\d{4}-\d{2}-\d{2}(T[0-9:.]+([+-]\d{2}:?\d{2}|Z)?)?$")

_TOKEN = re.compile(
    r"""\s*(?:
    (?P<num>\d+(?:\.\d*)?|\.\d+)
  | (?P<str>"[^"]*"|'[^']*')
  | (?P<var>\$[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)
  | (?P<axis>[A-Za-z_][\w.\-]*::)
  | (?P<name>[A-Za-z_][\w.\-]*(?::(?:[A-Za-z_][\w.\-]*|\*))?)
  | (?P<op>//|\.\.|!=|<=|>=|[/\[\]().,@|=<>+\-*])
    )""",
    re.VERBOSE,
)


@dataclass
class Node:
    """Expression tree node: kind in num/str/var/call/binary/neg/path/paren."""

    kind: str
    value: str = ""
    args: list[Node] = field(default_factory=list)
    # for paths: head (a filter expression) then steps, each step (text, predicates)
    head: Node | None = None
    absolute: bool = False
    steps: list[tuple[str, list[Node]]] = field(default_factory=list)


class ExpressionError(ValueError):
    """A syntax error or unknown function; the loader names the question and the expression."""


def tokenize(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if not match or match.end() == pos:
            raise ExpressionError(f"unexpected character {text[pos:].strip()[:1]!r}")
        kind = match.lastgroup or ""
        value = match.group(kind)
        pos = match.end()
        # XPath lexical rule: after an operand, '*' is multiply and and/or/div/mod are operators
        after_operand = bool(tokens) and not (
            tokens[-1][0] in ("op", "axis", "opname") and tokens[-1][1] not in (")", "]", ".", "..")
        )
        if kind == "op" and value == "*" and not after_operand:
            kind = "name"
        elif kind == "name" and value in OPERATOR_NAMES and after_operand:
            kind = "opname"
        tokens.append((kind, value))
    return tokens


_BINARY_LEVELS: list[set[str]] = [
    {"or"},
    {"and"},
    {"=", "!="},
    {"<", "<=", ">", ">="},
    {"+", "-"},
    {"*", "div", "mod"},
    {"|"},
]


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = tokenize(text)
        self.pos = 0

    def peek(self, offset: int = 0) -> tuple[str, str]:
        index = self.pos + offset
        return self.tokens[index] if index < len(self.tokens) else ("end", "")

    def take(self) -> tuple[str, str]:
        token = self.peek()
        self.pos += 1
        return token

    def expect(self, value: str) -> None:
        _kind, got = self.take()
        if got != value:
            raise ExpressionError(f"expected {value!r} but found {got or 'the end'!r}")

    def parse(self) -> Node:
        if not self.tokens:
            raise ExpressionError("the expression is empty")
        node = self.binary(0)
        if self.peek()[0] != "end":
            raise ExpressionError(f"unexpected {self.peek()[1]!r}")
        return node

    def binary(self, level: int) -> Node:
        if level == len(_BINARY_LEVELS):
            return self.unary()
        node = self.binary(level + 1)
        while self.peek()[0] in ("op", "opname") and self.peek()[1] in _BINARY_LEVELS[level]:
            op = self.take()[1]
            node = Node("binary", op, [node, self.binary(level + 1)])
        return node

    def unary(self) -> Node:
        if self.peek() == ("op", "-"):
            self.take()
            return Node("neg", "-", [self.unary()])
        return self.path()

    def path(self) -> Node:
        kind, value = self.peek()
        node = Node("path")
        if kind == "op" and value in ("/", "//"):
            node.absolute = True
            self.take()
            if value == "//":
                node.steps.append(("descendant-or-self::node()", []))
            if not self.starts_step():
                return node  # the root alone: "/"
        elif self.starts_filter():
            head = self.primary()
            predicates = self.predicates()
            if predicates:
                head = Node("path", head=head, steps=[("", predicates)])
            if self.peek()[1] not in ("/", "//"):
                return head
            node.head = head
            self.separator(node)
        self.step(node)
        while self.peek()[1] in ("/", "//") and self.peek()[0] == "op":
            self.separator(node)
            self.step(node)
        return node

    def separator(self, node: Node) -> None:
        if self.take()[1] == "//":
            node.steps.append(("descendant-or-self::node()", []))

    def starts_filter(self) -> bool:
        kind, value = self.peek()
        if kind in ("num", "str", "var") or value == "(":
            return True
        return kind == "name" and self.peek(1)[1] == "(" and value not in NODE_TYPES

    def starts_step(self) -> bool:
        kind, value = self.peek()
        return kind in ("name", "axis") or value in (".", "..", "@")

    def step(self, node: Node) -> None:
        kind, value = self.take()
        if value in (".", ".."):
            node.steps.append((value, []))
            return
        text = ""
        if value == "@":
            text = "@"
            kind, value = self.take()
        elif kind == "axis":
            text = value
            kind, value = self.take()
        if kind != "name":
            raise ExpressionError(f"expected a field name but found {value or 'the end'!r}")
        text += value
        if value in NODE_TYPES and self.peek()[1] == "(":
            self.take()
            arg = self.take()[1] if self.peek()[0] == "str" else ""
            self.expect(")")
            text += f"({arg})"
        node.steps.append((text, self.predicates()))

    def predicates(self) -> list[Node]:
        found = []
        while self.peek() == ("op", "["):
            self.take()
            found.append(self.binary(0))
            self.expect("]")
        return found

    def primary(self) -> Node:
        kind, value = self.take()
        if kind == "num":
            return Node("num", value)
        if kind == "str":
            return Node("str", value[1:-1])
        if kind == "var":
            return Node("var", value[1:])
        if value == "(":
            inner = self.binary(0)
            self.expect(")")
            return Node("paren", args=[inner])
        self.expect("(")
        args: list[Node] = []
        if self.peek()[1] != ")":
            args.append(self.binary(0))
            while self.peek()[1] == ",":
                self.take()
                args.append(self.binary(0))
        self.expect(")")
        return Node("call", value, args)


def parse(text: str) -> Node:
    return _Parser(text).parse()


def function_names(node: Node) -> set[str]:
    found: set[str] = set()
    for child in walk(node):
        if child.kind == "call":
            found.add(child.value)
    return found


def walk(node: Node):
    yield node
    for child in node.args:
        yield from walk(child)
    if node.head is not None:
        yield from walk(node.head)
    for _, predicates in node.steps:
        for predicate in predicates:
            yield from walk(predicate)


def check_functions(node: Node) -> None:
    for name in function_names(node):
        local = name.split(":", 1)[1] if name.startswith("jr:") else name
        if local not in NATIVE_FUNCTIONS and local not in ODK_FUNCTIONS and name != "current":
            raise ExpressionError(f"the function {name}() is not known")


# --- rewriting ----------------------------------------------------------------------------------
_DAY_OPERATORS = {"<", "<=", ">", ">=", "+", "-"}


def _needs_day_number(node: Node) -> bool:
    return node.kind not in ("num",) and not (node.kind == "str" and not DATE_LITERAL.match(node.value))


def emit(node: Node) -> str:
    """Back to XPath text for lxml, with the ODK rewrites applied."""
    kind = node.kind
    if kind == "num":
        return node.value
    if kind == "str":
        quote = "'" if "'" not in node.value else '"'
        return f"{quote}{node.value}{quote}"
    if kind == "var":
        return f"${node.value}"
    if kind == "paren":
        return f"({emit(node.args[0])})"
    if kind == "neg":
        return f"-({emit(node.args[0])})"
    if kind == "binary":
        left, right = (emit(arg) for arg in node.args)
        if node.value in _DAY_OPERATORS:
            if _needs_day_number(node.args[0]):
                left = f"{EXT_PREFIX}:dn({left})"
            if _needs_day_number(node.args[1]):
                right = f"{EXT_PREFIX}:dn({right})"
        return f"({left} {node.value} {right})"
    if kind == "call":
        return _emit_call(node)
    return _emit_path(node)


def _emit_call(node: Node) -> str:
    name = node.value.removeprefix("jr:")
    args = ", ".join(emit(arg) for arg in node.args)
    if name == "current":
        return "."
    if name == "position":
        native = not node.args
    elif name in ("round", "concat"):
        native = len(node.args) == 1 if name == "round" else len(node.args) > 1
    else:
        native = name in NATIVE_FUNCTIONS
    if native:
        return f"{name}({args})"
    return f"{EXT_PREFIX}:{name}({args})"


def _emit_path(node: Node) -> str:
    text = ""
    if node.head is not None:
        text = emit(node.head)
    elif node.absolute:
        text = "/"
    parts = []
    for step, predicates in node.steps:
        parts.append(step + "".join(f"[{emit(p)}]" for p in predicates))
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
    if node.head is not None:
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

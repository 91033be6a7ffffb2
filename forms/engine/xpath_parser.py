"""XPath 1.0 tokenizer and parser: expression text -> a small tree the rewriter can walk and emit.

Follows the XPath 1.0 lexical rules (an operand before `*` or `and/or/div/mod` makes them operators)
and operator precedence; location paths keep their steps and predicates so references can be found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

NODE_TYPES = {"node", "text", "comment", "processing-instruction"}
OPERATOR_NAMES = {"and", "or", "mod", "div"}

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


def walk(node: Node) -> Iterator[Node]:
    yield node
    for child in node.args:
        yield from walk(child)
    if node.head is not None:
        yield from walk(node.head)
    for _, predicates in node.steps:
        for predicate in predicates:
            yield from walk(predicate)

"""Rules compiled for lxml, and the dependency graph that says which rules an answer change touches.

A rule is one expression of one bind (calculate, relevant, required, constraint, readonly,
repeat_count). Calculations and repeat counts produce values other rules read, so all rules are put
in one topological order; ``affected[path]`` is the ordered list of rules to recompute when the
answer at ``path`` changes (transitively through calculations), computed once at load time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from .expressions import ExpressionError, Node, compile_check, emit, references, walk
from .functions import compile_rewritten, java_regex
from .model import Question
from .problems import ExpressionFormError

RULE_KINDS = ("calculate", "repeat_count", "relevant", "required", "readonly", "constraint")
_WORDS = {
    "calculate": "calculation", "repeat_count": "repeat count", "relevant": "relevance condition",
    "required": "required condition", "readonly": "read-only condition", "constraint": "constraint",
    "choice_filter": "choice filter", "label": "label", "default": "default",
}  # fmt: skip


# the XLSForm column each kind of rule comes from (to name the cell of a broken expression)
COLUMNS = {
    "calculate": "calculation", "repeat_count": "repeat_count", "relevant": "relevant",
    "required": "required", "readonly": "read_only", "constraint": "constraint",
    "choice_filter": "choice_filter", "default": "default", "label": "label",
}  # fmt: skip


def refuse(question: Question, what: str, reason: str, text: str) -> ExpressionFormError:
    return ExpressionFormError(
        question.name,
        COLUMNS.get(what, what),
        f"The {_WORDS.get(what, what)} of question '{question.name}' cannot be used: {reason}",
        " ".join(text.split()),
    )


def compile_xpath(question: Question, what: str, text: str) -> etree.XPath:
    """Parse, rewrite and compile; a bad expression is refused naming the question and expression."""
    try:
        node = compile_check(text)
        _check_regex_literals(node)
        return compile_rewritten(emit(node))
    except (ExpressionError, etree.XPathSyntaxError) as error:
        reason = str(error) if isinstance(error, ExpressionError) else "it is not a valid expression"
        raise refuse(question, what, reason, text) from None


def _check_regex_literals(node: Node) -> None:
    # a broken pattern would make the constraint refuse every answer: say so when loading
    for call in walk(node):
        if (
            call.kind == "call"
            and call.value == "regex"
            and len(call.args) == 2
            and call.args[1].kind == "str"
        ):
            try:
                re.compile(java_regex(call.args[1].value))
            except re.error as error:
                raise ExpressionError(
                    f"the pattern {call.args[1].value!r} is not a valid regular expression ({error})"
                ) from None


@dataclass(eq=False)
class Rule:
    kind: str
    question: Question
    text: str
    xpath: etree.XPath
    reads: set[str] = field(default_factory=set)
    order: int = 0
    own_reads: set[str] = field(default_factory=set)  # what the expression itself names

    @property
    def output(self) -> str | None:
        return self.question.path if self.kind in ("calculate", "repeat_count") else None


def build_rules(
    questions: list[Question],
    known_paths: set[str],
    repeat_paths: set[str],
    missing: list[MissingReference] | None = None,
) -> list[Rule]:
    """Every rule, in dependency order. References to nodes the form does not have are read as empty,
    as ODK does (pyxform and ODK Validate accept them); each is added to ``missing``."""
    rules: list[Rule] = []

    def repeat_ancestors(path: str) -> list[str]:
        parts = path.split("/")
        return [p for p in ("/".join(parts[:i]) for i in range(2, len(parts) + 1)) if p in repeat_paths]

    for top in questions:
        for question in top.walk():
            for kind in RULE_KINDS:
                text = getattr(question.rules, kind)
                if not text or (text in ("true()", "false()") and kind in ("required", "readonly")):
                    continue
                if kind == "relevant" and text == "true()":
                    continue
                xpath = compile_xpath(question, kind, text)
                reads = references(compile_check(text), question.path)
                for path in sorted(reads - known_paths):
                    if missing is not None:
                        missing.append(MissingReference(question.name, COLUMNS.get(kind, kind), path, text))
                reads &= known_paths
                own = set(reads)
                # a rule inside a repeat runs once per instance: adding an instance must rerun it
                reads |= {
                    r.path for r in question.repeat_chain if r is not question or kind != "repeat_count"
                }
                reads |= {ancestor for path in list(reads) for ancestor in repeat_ancestors(path)}
                rules.append(Rule(kind, question, text, xpath, reads, own_reads=own))
    _order(rules)
    return sorted(rules, key=lambda rule: rule.order)


@dataclass(frozen=True)
class MissingReference:
    """A rule reading a node the form does not have (always empty there, as in ODK)."""

    question: str
    column: str
    path: str
    expression: str


def _order(rules: list[Rule]) -> None:
    """Topological order: a rule runs after every calculation / repeat count it reads."""
    producers: dict[str, list[Rule]] = {}
    for rule in rules:
        if rule.output:
            producers.setdefault(rule.output, []).append(rule)
    state: dict[int, int] = {}  # 1 = visiting, 2 = done
    counter = 0

    def visit(rule: Rule, trail: list[Rule]) -> None:
        nonlocal counter
        mark = state.get(id(rule))
        if mark == 2:
            return
        if mark == 1:
            cycle = [*trail[trail.index(rule) :], rule] if rule in trail else [*trail, rule]
            raise _cycle_error(cycle)
        state[id(rule)] = 1
        for path in sorted(rule.reads):
            for producer in producers.get(path, []):
                if producer is rule:
                    if _reads_itself(rule):
                        raise _cycle_error([rule, rule])
                    continue
                visit(producer, [*trail, rule])
        state[id(rule)] = 2
        rule.order = counter
        counter += 1

    for rule in rules:
        visit(rule, [])


def _reads_itself(rule: Rule) -> bool:
    """A calculation (or repeat count) whose expression reads its own value: never settles (ODK
    Validate refuses it as a dependency cycle). The repeat a rule sits in is not its value."""
    return rule.output is not None and rule.output in rule.own_reads


def _cycle_error(cycle: list[Rule]) -> ExpressionFormError:
    first = cycle[0]
    if len(dict.fromkeys(r.question.name for r in cycle)) == 1:
        reason = "it refers to its own value, so it can never be worked out (a circular reference)"
    else:
        names = " -> ".join(f"'{r.question.name}'" for r in cycle)
        reason = (
            f"the calculations {names} depend on each other in a circle, so none can be worked out; "
            "break the circle by removing one of these references"
        )
    return refuse(first.question, first.kind, reason, first.text)


def affected_rules(rules: list[Rule]) -> dict[str, list[Rule]]:
    """path -> rules to recompute (in order) when the value at path changes."""
    readers: dict[str, list[Rule]] = {}
    for rule in rules:
        for path in rule.reads:
            readers.setdefault(path, []).append(rule)
    result: dict[str, list[Rule]] = {}
    for path in readers:
        seen: dict[int, Rule] = {}
        pending = [path]
        while pending:
            current = pending.pop()
            for rule in readers.get(current, []):
                if id(rule) not in seen:
                    seen[id(rule)] = rule
                    if rule.output:
                        pending.append(rule.output)
        result[path] = sorted(seen.values(), key=lambda rule: rule.order)
    return result

"""Running each rule's embedded examples as tests (pytest and `editqa rules test`)."""

from __future__ import annotations

from dataclasses import dataclass

from editqa.checks.base import CheckContext
from editqa.document.loader import load_text
from editqa.rules.engine import RulesCheck
from editqa.rules.schema import Example, Rule, RuleSet
from editqa.runtime import Runtime
from editqa.style import StyleSettings, style_for


@dataclass(frozen=True, slots=True)
class Failure:
    rule: Rule
    example: Example
    problem: str

    def __str__(self) -> str:
        return f"{self.rule.path}:{self.example.line}: {self.rule.id}: {self.problem}"


def example_language(rule: Rule) -> str:
    lang = rule.languages[0]
    return "en" if lang == "*" else lang


def run_example(rule: Rule, example: Example, runtime: Runtime) -> list[str]:
    """Problems with one example (empty when it passes)."""
    check = RulesCheck(RuleSet((rule,)))
    lang = example_language(rule)
    # examples run under the built-in style of their language and their own `style:`,
    # whatever the project's config says
    style = style_for(lang, StyleSettings(example.style, "style"))

    def findings(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
        ctx = CheckContext.build(load_text(text, "<example>"), lang, runtime, style)
        return [(f.start, f.end, f.suggestions) for f in check.run(ctx) if f.rule_id == rule.id]

    got = findings(example.text)
    if not example.bad:
        return [f"good example was flagged at {got[0][:2]}: {example.text!r}"] if got else []
    if len(got) != 1:
        return [f"bad example gave {len(got)} findings, expected 1: {example.text!r}"]
    start, end, suggestions = got[0]
    if (start, end) != example.span:
        s, e = example.span or (0, 0)
        return [f"bad example flagged {example.text[start:end]!r}, expected {example.text[s:e]!r}"]
    problems = []
    if suggestions and example.fixed is None:
        problems.append("bad example needs a 'fixed' text (the rule suggests a fix)")
    if example.fixed is not None:
        if not suggestions:
            return [f"rule gave no suggestion, expected {example.fixed!r}"]
        fixed = example.text[:start] + suggestions[0] + example.text[end:]
        if fixed != example.fixed:
            problems.append(f"fix gave {fixed!r}, expected {example.fixed!r}")
        elif findings(fixed):
            problems.append(f"fixed text is still flagged: {fixed!r}")
    return problems


def test_rules(rules: RuleSet, runtime: Runtime | None = None) -> tuple[int, list[Failure]]:
    """(number of examples run, failures)."""
    runtime = runtime or Runtime(rules=rules)
    failures: list[Failure] = []
    count = 0
    for rule in rules.rules:
        for ex in rule.examples:
            count += 1
            failures.extend(Failure(rule, ex, p) for p in run_example(rule, ex, runtime))
    return count, failures


test_rules.__test__ = False  # type: ignore[attr-defined]

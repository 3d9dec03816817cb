"""Rules as data: the closed set of rule types and their fields."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any

from editqa.model import Category, FixSafety, Severity


class RuleType(StrEnum):
    SUBSTITUTION = "substitution"
    EXISTENCE = "existence"
    PATTERN = "pattern"
    NUMBER_FORMAT = "number-format"
    DATE_FORMAT = "date-format"
    REPETITION = "repetition"
    RANGE = "range"
    UNIT_SPACING = "unit-spacing"


COMMON_KEYS = frozenset(
    {
        "id",
        "type",
        "languages",
        "category",
        "severity",
        "message",
        "description",
        "fix",
        "ignorecase",
        "examples",
    }
)
TYPE_KEYS = {
    RuleType.SUBSTITUTION: frozenset({"swap"}),
    RuleType.EXISTENCE: frozenset({"tokens", "suggest", "unless"}),
    RuleType.PATTERN: frozenset({"pattern", "suggest", "unless"}),
    RuleType.NUMBER_FORMAT: frozenset({"options", "unless"}),
    RuleType.DATE_FORMAT: frozenset({"options", "unless"}),
    RuleType.REPETITION: frozenset({"options"}),
    RuleType.RANGE: frozenset({"options", "unless"}),
    RuleType.UNIT_SPACING: frozenset({"options", "unless"}),
}
REQUIRED_KEYS = ("id", "type", "languages", "category", "severity", "message", "examples")
TYPE_REQUIRED = {
    RuleType.SUBSTITUTION: ("swap",),
    RuleType.EXISTENCE: ("tokens",),
    RuleType.PATTERN: ("pattern",),
    RuleType.NUMBER_FORMAT: ("options",),
    RuleType.DATE_FORMAT: ("options",),
    RuleType.REPETITION: ("options",),
    RuleType.RANGE: ("options",),
    RuleType.UNIT_SPACING: ("options",),
}


@dataclass(frozen=True, slots=True)
class Example:
    """`bad` examples carry the marked span and the expected fixed text; `good` ones neither."""

    bad: bool
    text: str
    span: tuple[int, int] | None
    fixed: str | None
    line: int


@dataclass(frozen=True)
class Rule:
    """One loaded rule. `regex` is its compiled matcher (the substitution or existence phrases
    become one alternation); `replacements` maps a folded phrase to its swap alternatives."""

    id: str
    type: RuleType
    languages: tuple[str, ...]
    category: Category
    severity: Severity
    message: str
    fix: FixSafety
    ignorecase: bool
    pattern: str
    suggest: tuple[str, ...]
    unless: tuple[str, ...]
    replacements: tuple[tuple[str, tuple[str, ...]], ...]
    examples: tuple[Example, ...]
    path: str
    line: int
    description: str = ""
    options: tuple[tuple[str, Any], ...] = ()
    compiled: Any = field(default=None, compare=False, repr=False)
    compiled_unless: tuple[Any, ...] = field(default=(), compare=False, repr=False)

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"

    @cached_property
    def swap(self) -> dict[str, tuple[str, ...]]:
        return dict(self.replacements)

    def applies_to(self, tag: str) -> bool:
        lang = tag.split("-")[0]
        return any(x in ("*", tag, lang) for x in self.languages)


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]

    def for_language(self, tag: str) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.applies_to(tag))

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def __len__(self) -> int:
        return len(self.rules)

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
    # types with code behind them (editqa.rules.types)
    NUMBER_FORMAT = "number-format"
    DATE_FORMAT = "date-format"
    TIME_FORMAT = "time-format"
    RANGE = "range"
    UNIT_SPACING = "unit-spacing"
    PERCENT = "percent"
    ORDINAL = "ordinal"
    SMALL_NUMBERS = "small-numbers"
    QUOTES = "quotes"
    TITLE = "title"
    REPETITION = "repetition"
    CONSISTENCY = "consistency"
    DEBRIS = "debris"


DATA_TYPES = frozenset({RuleType.SUBSTITUTION, RuleType.EXISTENCE, RuleType.PATTERN})
CODE_TYPES = frozenset(set(RuleType) - DATA_TYPES)
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
} | {t: frozenset({"options", "unless"}) for t in CODE_TYPES}
REQUIRED_KEYS = ("id", "type", "languages", "category", "severity", "message", "examples")
TYPE_REQUIRED: dict[RuleType, tuple[str, ...]] = {
    RuleType.SUBSTITUTION: ("swap",),
    RuleType.EXISTENCE: ("tokens",),
    RuleType.PATTERN: ("pattern",),
} | {t: () for t in CODE_TYPES}


@dataclass(frozen=True, slots=True)
class Example:
    """`bad` examples carry the marked span and the expected fixed text; `good` ones neither."""

    bad: bool
    text: str
    span: tuple[int, int] | None
    fixed: str | None
    line: int
    style: tuple[tuple[str, Any], ...] = ()  # house-style settings the example runs under


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

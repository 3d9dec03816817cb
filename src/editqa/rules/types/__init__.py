"""Rule types with code behind them, driven by locale data and the house style.

Each type is a `CodeType`: it validates its `options` (errors name the rule file and line),
gives the regex the engine scans with, and judges each match (`judge`), or, for types that
look at a whole document (`whole_document`), finds its own spans (`scan`). The engine stays
the same for all of them: scopes, blocks, `unless`, time limits and findings are handled once.

One module per family: `numbers` (number-format, range, unit-spacing, percent, ordinal,
small-numbers), `dates` (date-format, time-format), `quotes`, `title`, and `document`
(repetition, consistency, debris).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar

from editqa.errors import RuleError

if TYPE_CHECKING:
    from editqa.checks.base import CheckContext
    from editqa.model import Block

SIMPLE_FIELDS = frozenset({"match", "suggestion"})
NEVER = r"(?!)"  # the pattern of whole-document types: the engine never scans with it

# (suggestion or None, message fields)
Verdict = tuple[str | None, dict[str, str]]
# (start, end, suggestion or None, message fields), text offsets
Hit = tuple[int, int, str | None, dict[str, str]]


class CodeType:
    """The shape every code type shares. Subclasses set `name`, `allowed` (option keys),
    `fields` (what messages may use) and implement `pattern` + `judge`, or `scan`."""

    name: ClassVar[str]
    allowed: ClassVar[frozenset[str]] = frozenset()
    fields: ClassVar[frozenset[str]] = SIMPLE_FIELDS
    whole_document: ClassVar[bool] = False
    source: ClassVar[str] = "rules"  # the Finding.source of its findings

    def compile(
        self, where: str, options: Mapping[str, Any], languages: tuple[str, ...] = ()
    ) -> str:
        """Validate the options and return the regex to scan with (for a rule of these
        `languages`: a type may use only their data, such as month names)."""
        unknown = set(options) - self.allowed
        if unknown:
            raise RuleError(f"{where}: unknown {self.name} option {sorted(unknown)[0]!r}")
        return self.pattern_for(f"{where}: {self.name}", options, languages)

    def pattern_for(
        self, where: str, options: Mapping[str, Any], languages: tuple[str, ...]
    ) -> str:
        """The pattern for a rule of these languages; most types need only the options."""
        return self.pattern(where, options)

    def pattern(self, where: str, options: Mapping[str, Any]) -> str:
        return NEVER

    def active(self, options: Mapping[str, Any], ctx: CheckContext) -> bool:
        """Whether the rule can report anything under this document's house style; when
        not, the engine does not scan for it at all."""
        return True

    def judge(self, options: Mapping[str, Any], m: Any, ctx: CheckContext) -> Verdict | None:
        """The suggestion and fields for a match, or None when it keeps the convention."""
        raise NotImplementedError

    def scan(
        self, ctx: CheckContext, options: Mapping[str, Any], blocks: list[Block]
    ) -> Iterable[Hit]:
        raise NotImplementedError


def choice(
    where: str, options: Mapping[str, Any], key: str, values: Iterable[str], default: str
) -> str:
    """An option that must be one of `values`; `where` is "file:line: type"."""
    allowed = tuple(values)
    value = options.get(key, default)
    if value not in allowed:
        raise RuleError(f"{where} {key!r} must be one of {', '.join(allowed)}")
    return str(value)


def word_list(where: str, options: Mapping[str, Any], key: str, required: bool = True) -> list[str]:
    """An option that must be a non-empty list of strings; `where` is "file:line: type"."""
    value = options.get(key)
    if value is None and not required:
        return []
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise RuleError(f"{where} {key!r} must be a non-empty list of words")
    return value


def first_chars(words: Iterable[str], digits: bool = False) -> str:
    """A look-ahead for the first characters of `words` (and digits): put before a pattern
    that starts with a look-behind, it lets the regex engine skip most positions at once."""
    import re

    chars = sorted({w[0] for w in words if w})
    body = "".join(re.escape(c) for c in chars) + (r"\d" if digits else "")
    return f"(?=[{body}])"


def alternation(words: Iterable[str]) -> str:
    import re

    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def registry() -> dict[str, CodeType]:
    """Every code type by name."""
    from editqa.rules.types import dates, document, numbers, quotes, title

    types: list[CodeType] = [
        *numbers.TYPES,
        *dates.TYPES,
        *quotes.TYPES,
        *title.TYPES,
        *document.TYPES,
    ]
    return {t.name: t for t in types}


def code_type(name: str) -> CodeType | None:
    return registry().get(name)

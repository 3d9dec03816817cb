"""Harper (harper-py), the embedded English grammar engine: no server, no Java, no download.

One `Linter` per dialect per process, built on first need in a background thread (Harper
releases the GIL while building, so editqa's own checks run meanwhile) and reused for every
document. Its spell checker is switched off unless Harper owns spelling, and so are the rules
in HOUSE_STYLE_OFF; the project's words and the names editqa's spelling accepted are
imported so that the engines agree.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from editqa.checks.base import CheckContext
from editqa.checks.grammar import GrammarUnavailable
from editqa.checks.spelling import ACCEPTED_NAMES
from editqa.model import Category, Finding, FixSafety, Severity
from editqa.text.lang import base

# Harper's lint kinds -> editqa categories.
KIND_CATEGORIES = {
    "Spelling": Category.MISSPELLING,
    "Typo": Category.MISSPELLING,
    "Capitalization": Category.TYPOGRAPHICAL,
    "Punctuation": Category.TYPOGRAPHICAL,
    "Formatting": Category.TYPOGRAPHICAL,
    "BoundaryError": Category.TYPOGRAPHICAL,
    "Agreement": Category.GRAMMAR,
    "Grammar": Category.GRAMMAR,
    "Malapropism": Category.GRAMMAR,
    "Eggcorn": Category.GRAMMAR,
    "Usage": Category.GRAMMAR,
    "Nonstandard": Category.GRAMMAR,
    "Repetition": Category.GRAMMAR,
    "WordChoice": Category.STYLE,
    "Style": Category.STYLE,
    "Readability": Category.STYLE,
    "Redundancy": Category.STYLE,
    "Enhancement": Category.STYLE,
    "Regionalism": Category.LOCALE_CONVENTION,
    "Miscellaneous": Category.OTHER,
}
SEVERITY = {
    Category.MISSPELLING: Severity.WARNING,
    Category.GRAMMAR: Severity.WARNING,
    Category.TYPOGRAPHICAL: Severity.WARNING,
    Category.STYLE: Severity.INFO,
    Category.LOCALE_CONVENTION: Severity.INFO,
    Category.OTHER: Severity.INFO,
}
SPELLING_RULE = "SpellCheck"
# Harper rules that enforce one house style where newsrooms differ, or that misfire on news
# copy (datelines in capitals, "Al" as a name, Turkey as the English name): off by default.
HOUSE_STYLE_OFF = (
    "OxfordComma",  # British and AP styles omit it
    "LongSentences",
    "NumericRangeEnDash",  # typography house rules belong to editqa's packs
    "UseEllipsisCharacter",
    "OrthographicConsistency",  # "Al" -> "AL", "Nasdaq" -> "NASDAQ"
    "NotablePlaces",  # datelines: "NEW YORK -"
    "UpdatePlaceNames",  # "Turkey" is the English name
    "CompoundNouns",  # "dock workers", "log file" are standard
)


def dialect_name(tag: str) -> str:
    """Harper's dialect for a language tag: en-GB (and en-IE, en-NZ, en-ZA) British, en-AU
    Australian, en-CA Canadian, en-IN Indian, en-US and plain en American."""
    region = tag.split("-")[1] if "-" in tag else "US"
    return {
        "GB": "BRITISH",
        "IE": "BRITISH",
        "NZ": "BRITISH",
        "ZA": "BRITISH",
        "AU": "AUSTRALIAN",
        "CA": "CANADIAN",
        "IN": "INDIAN",
    }.get(region, "AMERICAN")


class HarperBackend:
    """Harper behind the grammar protocol."""

    name = "harper"

    def __init__(self, words: Iterable[str] = (), *, spelling: bool = False) -> None:
        self._words = list(words)
        self._spelling = spelling
        self._linters: dict[str, Any] = {}
        self._builds: dict[str, threading.Thread] = {}
        self._errors: dict[str, str] = {}
        self._lock = threading.Lock()
        self._imported: dict[str, frozenset[str]] = {}

    def supports(self, language: str) -> bool:
        return base(language) == "en"

    def prepare(self, language: str) -> None:
        dialect = dialect_name(language)
        with self._lock:
            if dialect in self._linters or dialect in self._builds:
                return
            thread = threading.Thread(target=self._build, args=(dialect,), daemon=True)
            self._builds[dialect] = thread
        thread.start()

    def _build(self, dialect: str) -> None:
        try:
            import harper

            linter = harper.Linter(getattr(harper.Dialect, dialect))
            config = linter.get_lint_config()
            for rule in HOUSE_STYLE_OFF:
                if rule in config:
                    config[rule] = False
            if not self._spelling:
                config[SPELLING_RULE] = False
            linter.set_lint_config(config)
            if self._words:
                linter.import_words(self._words)
            self._linters[dialect] = linter
        except Exception as exc:
            self._errors[dialect] = f"{type(exc).__name__}: {exc}"

    def linter(self, language: str) -> Any:
        """The dialect's Linter, waiting for its build if one is under way."""
        dialect = dialect_name(language)
        self.prepare(language)
        self._builds[dialect].join()
        if dialect in self._errors:
            raise GrammarUnavailable(f"Harper could not start ({self._errors[dialect]})")
        return self._linters[dialect]

    def check(self, ctx: CheckContext, *, spelling: bool) -> list[Finding]:
        linter = self.linter(ctx.language)  # raises GrammarUnavailable if Harper is missing
        import harper

        names = frozenset(ctx.shared.get(ACCEPTED_NAMES, ()))
        dialect = dialect_name(ctx.language)
        if names - self._imported.get(dialect, frozenset()):
            linter.import_words(sorted(names))  # words only accumulate: names stay accepted
            self._imported[dialect] = self._imported.get(dialect, frozenset()) | names
        text = ctx.document.text
        by_rule = linter.organized_lints(text, language=harper.Language.PLAINTEXT)
        out = []
        for rule, lints in by_rule.items():
            for lint in lints:
                category = KIND_CATEGORIES.get(lint.lint_kind, Category.OTHER)
                if category is Category.MISSPELLING and not spelling:
                    continue
                out.append(_finding(ctx, rule, lint, category))
        return out


def _finding(ctx: CheckContext, rule: str, lint: Any, category: Category) -> Finding:
    suggestions, kinds = [], []
    for s in lint.suggestions:
        kind = s.kind.name
        if kind == "REMOVE":
            suggestions.append("")
            kinds.append("remove")
        elif kind == "INSERT_AFTER":
            suggestions.append(lint.problem_text + s.replacement_text)
            kinds.append("insert")
        else:
            suggestions.append(s.replacement_text)
            kinds.append("replace")
    return ctx.finding(
        rule_id=f"harper.{rule}",
        source="harper",
        category=category,
        severity=SEVERITY.get(category, Severity.INFO),
        message=" ".join(lint.message.split()),
        start=lint.span.start,
        end=lint.span.end,
        suggestions=suggestions,
        fix_safety=FixSafety.SUGGEST,
        suggestion_kinds=kinds,
    )

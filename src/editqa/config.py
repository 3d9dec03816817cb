"""Options for a run, as given on the command line or to the API."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from editqa.errors import UsageError
from editqa.model import Severity
from editqa.style import StyleSettings
from editqa.text.lang import parse_tag
from editqa.text.words import PROJECT_WORDS

FAIL_ON_NEVER = "never"
GRAMMAR_MODES = ("auto", "harper", "languagetool", "off")
SPELLING_ENGINES = ("editqa", "harper", "languagetool")
LT_SERVER_ENV = "EDITQA_LT_SERVER"
KNOWN_CHECKS = ("spelling", "rules", "script", "bilingual", "grammar")


@dataclass(frozen=True, slots=True)
class GrammarSettings:
    """Which grammar engine runs and how LanguageTool is asked.

    `mode`: `auto` (LanguageTool when a server answers or a local install exists, else Harper
    for English, else none), `harper`, `languagetool` or `off`. `spelling_engine`: who reports
    spelling (`editqa`'s own check, or the grammar engine's spelling rules)."""

    mode: str = "auto"
    lt_server: str | None = field(default_factory=lambda: os.environ.get(LT_SERVER_ENV) or None)
    mother_tongue: str | None = None
    lt_enabled_rules: tuple[str, ...] = ()
    lt_disabled_rules: tuple[str, ...] = ()
    lt_enabled_categories: tuple[str, ...] = ()
    lt_disabled_categories: tuple[str, ...] = ()
    lt_picky: bool = False
    lt_timeout: float = 20.0
    spelling_engine: str = "editqa"

    def __post_init__(self) -> None:
        if self.mode not in GRAMMAR_MODES:
            raise UsageError(f"--grammar {self.mode!r}: use one of {', '.join(GRAMMAR_MODES)}")
        if self.spelling_engine not in SPELLING_ENGINES:
            raise UsageError(
                f"--spelling-engine {self.spelling_engine!r}: use one of "
                + ", ".join(SPELLING_ENGINES)
            )
        if self.mother_tongue is not None:
            try:
                object.__setattr__(self, "mother_tongue", parse_tag(self.mother_tongue))
            except UsageError as exc:
                raise UsageError(str(exc).replace("--lang", "--mother-tongue", 1)) from None


@dataclass(frozen=True, slots=True)
class Options:
    """What to check and how. `lang` None means detect per document."""

    lang: str | None = None
    words: tuple[str, ...] = ()
    rule_dirs: tuple[str, ...] = ()
    builtin_rules: bool = True
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    checks: tuple[str, ...] = ("spelling", "rules", "script", "bilingual", "grammar")
    grammar: GrammarSettings = field(default_factory=GrammarSettings)
    style: StyleSettings = field(default_factory=StyleSettings)
    glossaries: tuple[str, ...] = ()  # termbase files for translation checks
    config: str | None = None  # one config file for every file (else each file's nearest)
    report_unused_suppressions: bool = False
    cache: bool = False  # results kept by file content, config and version (the CLI's default)

    def __post_init__(self) -> None:
        if self.lang is not None:
            object.__setattr__(self, "lang", parse_tag(self.lang))
        unknown = [c for c in self.checks if c not in KNOWN_CHECKS]
        if unknown:
            raise UsageError(f"unknown check {unknown[0]!r}: use some of {', '.join(KNOWN_CHECKS)}")

    def active_checks(self) -> tuple[str, ...]:
        """The checks to run: editqa's spelling only while it owns spelling, grammar unless
        it is off."""
        drop = set()
        if self.grammar.spelling_engine != "editqa":
            drop.add("spelling")
        if self.grammar.mode == "off":
            drop.add("grammar")
        return tuple(c for c in self.checks if c not in drop)

    def word_files(self) -> list[str]:
        """The project word list (if present in the working folder) and `--words` files."""
        found = [str(PROJECT_WORDS)] if PROJECT_WORDS.is_file() else []
        return found + list(self.words)


def parse_fail_on(value: str) -> Severity | None:
    """'error'|'warning'|'info' -> Severity; 'never' -> None."""
    if value == FAIL_ON_NEVER:
        return None
    return Severity(value)

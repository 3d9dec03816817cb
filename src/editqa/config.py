"""Options for a run, as given on the command line or to the API."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from editqa.model import Severity
from editqa.text.lang import parse_tag
from editqa.text.words import PROJECT_WORDS

FAIL_ON_NEVER = "never"


@dataclass(frozen=True, slots=True)
class Options:
    """What to check and how. `lang` None means detect per document."""

    lang: str | None = None
    words: tuple[str, ...] = ()
    rule_dirs: tuple[str, ...] = ()
    builtin_rules: bool = True
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    checks: tuple[str, ...] = ("spelling", "rules", "script", "boilerplate")

    def __post_init__(self) -> None:
        if self.lang is not None:
            object.__setattr__(self, "lang", parse_tag(self.lang))

    def word_files(self) -> list[str]:
        """The project word list (if present in the working folder) and `--words` files."""
        found = [str(PROJECT_WORDS)] if PROJECT_WORDS.is_file() else []
        return found + list(self.words)


def parse_fail_on(value: str) -> Severity | None:
    """'error'|'warning'|'info' -> Severity; 'never' -> None."""
    if value == FAIL_ON_NEVER:
        return None
    return Severity(value)

"""Rule types with code behind them, driven by locale data (CLDR through Babel).

`number-format` checks numbers against the document language's separators:
- `check: decimal` flags a number written with the other decimal separator before one of
  the rule's `units` ("1,6 million" in English, "1.6 млн" in Russian), which can only be a
  decimal there; the fix uses the locale's decimal sign.
- `check: grouping` flags thousands grouped with a sign that is not the locale's group sign,
  when at least two groups make it unambiguous ("1.000.000" in English, "1,000,000" in
  German); the fix regroups with the locale's sign (a no-break space in French and Russian).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from editqa.errors import RuleError

NUMBER_CHECKS = ("decimal", "grouping")
NUMBER_OPTIONS = frozenset({"check", "units"})
NUMBER_FIELDS = frozenset({"match", "suggestion", "decimal", "group", "language"})


@lru_cache(maxsize=64)
def separators(tag: str) -> tuple[str, str]:
    """(decimal sign, group sign) of a language tag, from CLDR."""
    from babel import Locale, UnknownLocaleError

    try:
        loc = Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        loc = Locale.parse(tag.split("-")[0])
    symbols: Mapping[str, Any] = loc.number_symbols
    latn = symbols.get("latn", symbols)
    return str(latn["decimal"]), str(latn["group"])


def number_pattern(where: str, options: Mapping[str, Any]) -> str:
    """The regex a number-format rule scans with; raises RuleError (with `where`) for bad
    options."""
    unknown = set(options) - NUMBER_OPTIONS
    if unknown:
        raise RuleError(f"{where}: unknown number-format option {sorted(unknown)[0]!r}")
    check = options.get("check")
    if check not in NUMBER_CHECKS:
        raise RuleError(f"{where}: number-format 'check' must be one of {', '.join(NUMBER_CHECKS)}")
    if check == "grouping":
        return r"(?<![\d.,\w])\d{1,3}(?P<sep>[.,])\d{3}(?:(?P=sep)\d{3})+(?![\d\w]|[.,]\d)"
    units = options.get("units")
    if not isinstance(units, list) or not units or not all(isinstance(u, str) for u in units):
        raise RuleError(f"{where}: number-format 'units' must be a non-empty list of words")
    alternatives = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    return (
        r"(?<![\d.,])(?P<int>\d+)(?P<sep>[.,])(?P<frac>\d{1,2})"
        rf"(?=[ \t\u00a0\u202f]*(?:{alternatives})(?!\w))"
    )


def judge_number(options: Mapping[str, Any], m: Any, tag: str) -> tuple[str, dict[str, str]] | None:
    """(suggestion, message fields) when the match breaks the locale's convention."""
    decimal, group = separators(tag)
    fields = {
        "decimal": decimal,
        "group": group.replace("\u00a0", "no-break space").replace(
            "\u202f", "narrow no-break space"
        ),
        "language": tag,
    }
    sep = m.group("sep")
    if options["check"] == "decimal":
        if sep == decimal:
            return None
        return f"{m.group('int')}{decimal}{m.group('frac')}", fields
    if sep == group or (group in ("\u00a0", "\u202f", " ") and sep == " "):
        return None
    return m.group(0).replace(sep, group), fields

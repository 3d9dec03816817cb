"""Rule types with code behind them, driven by locale data (CLDR through Babel).

`range` wants an en dash between the numbers of a range ("1990-1995" -> "1990–1995"),
leaving dates, versions and anything with more than two parts alone. `unit-spacing` wants a
space (`space: regular`, or `nbsp` for a no-break space) between a number and one of its
`units` ("10km" -> "10 km").

`repetition` finds a long capitalised designation (a title and a name: "General of the Army
Maria Petrova") repeated after its first mention, and suggests the short form (the last word,
usually the surname). Lower-case linking words ("of the") may sit inside the run;
`min_words` sets how long a run must be.

`date-format` flags numeric dates written in a form the document's language does not use
(`forms: [dotted, slashed, iso]`: "23.12.2015", "23/12/2015", "2015-12-23") and suggests the
locale's long date ("23 December 2015" in en-GB, "December 23, 2015" in en-US). A slashed
date whose day and month could be swapped is reported as ambiguous; the suggestion then reads
it the locale's way (day first, except in American English).

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


DATE_FORMS = {
    "dotted": r"(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<y>\d{4})",
    "slashed": r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})",
    "iso": r"(?P<y>\d{4})-(?P<b>\d{2})-(?P<a>\d{2})",
}
DATE_OPTIONS = frozenset({"forms"})
DATE_FIELDS = frozenset({"match", "suggestion", "language", "reading"})


def date_pattern(where: str, options: Mapping[str, Any]) -> str:
    unknown = set(options) - DATE_OPTIONS
    if unknown:
        raise RuleError(f"{where}: unknown date-format option {sorted(unknown)[0]!r}")
    forms = options.get("forms")
    if not isinstance(forms, list) or not forms or not all(f in DATE_FORMS for f in forms):
        raise RuleError(f"{where}: date-format 'forms' must list some of {', '.join(DATE_FORMS)}")
    body = "|".join(f"(?:{DATE_FORMS[f]})" for f in forms)
    return rf"(?<![\w./-])(?:{body})(?![\w/]|[.-]\d)"


def judge_date(m: Any, tag: str) -> tuple[str, dict[str, str]] | None:
    """The locale's long form of the date, or None when the numbers are not a date."""
    import datetime

    from babel.dates import format_date

    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    year, a, b = int(groups["y"]), int(groups["a"]), int(groups["b"])
    text = m.group(0)
    month_first = "/" in text and tag in ("en-US", "en")
    day, month = (b, a) if month_first else (a, b)
    if "-" in text:  # ISO: year-month-day, read from the named groups as written
        day, month = int(groups["a"]), int(groups["b"])
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        try:  # "28/02/2021" can only be day first, whatever the locale prefers
            date = datetime.date(year, day, month)
        except ValueError:
            return None
    ambiguous = "/" in text and a <= 12 and b <= 12 and a != b
    reading = "ambiguous: read as " if ambiguous else ""
    locale = tag.replace("-", "_")
    try:
        long = format_date(date, format="long", locale=locale)
    except (ValueError, LookupError):
        long = format_date(date, format="long", locale=tag.split("-")[0])
    return long, {"language": tag, "reading": reading + long}


REPETITION_OPTIONS = frozenset({"min_words"})
REPETITION_FIELDS = frozenset({"match", "suggestion", "first", "count"})
_RUN_PATTERN = r"(?<![\w-])(?:\p{Lu}[\p{L}'’-]*)(?:\s+(?:(?:of|the|de|la|del|von|der|и)\s+)*\p{Lu}[\p{L}'’-]*)+"


def repetition_pattern(where: str, options: Mapping[str, Any]) -> str:
    unknown = set(options) - REPETITION_OPTIONS
    if unknown:
        raise RuleError(f"{where}: unknown repetition option {sorted(unknown)[0]!r}")
    n = options.get("min_words", 4)
    if not isinstance(n, int) or n < 2:
        raise RuleError(f"{where}: repetition 'min_words' must be a whole number of at least 2")
    return _RUN_PATTERN


def find_repetitions(
    text: str, spans: list[tuple[int, int]], options: Mapping[str, Any]
) -> list[tuple[int, int, str, dict[str, str]]]:
    """(start, end, short form, fields) for each repeat of a long capitalised run, in the
    checkable `spans` of the text; the first mention is left alone."""
    import regex

    run = regex.compile(_RUN_PATTERN)
    word = regex.compile(r"\S+")
    n = int(options.get("min_words", 4))
    seen: dict[str, int] = {}  # a run, or a tail of one, -> mentions so far
    out = []
    for lo, hi in spans:
        for m in run.finditer(text, lo, hi):
            words = list(word.finditer(text, m.start(), m.end()))
            if len(words) < n:
                continue
            # "Later Chief Constable Alan Marsh" repeats "Chief Constable Alan Marsh": compare
            # every tail of the run that is long enough, longest first
            tails = [words[i:] for i in range(len(words) - n + 1)]
            keys = [" ".join(w.group() for w in tail) for tail in tails]
            hit = next((i for i, key in enumerate(keys) if key in seen), None)
            for key in keys:
                seen[key] = seen.get(key, 0) + (1 if hit is None else 0)
            if hit is None:
                continue
            key = keys[hit]
            seen[key] += 1
            tail = tails[hit]
            out.append(
                (
                    tail[0].start(),
                    tail[-1].end(),
                    tail[-1].group(),
                    {"first": key, "count": str(seen[key])},
                )
            )
    return out


RANGE_OPTIONS = frozenset({"dash"})
UNIT_OPTIONS = frozenset({"units", "space"})
SIMPLE_FIELDS = frozenset({"match", "suggestion"})
DASHES = {"en": "\u2013", "em": "\u2014"}
SPACES = {"regular": " ", "nbsp": "\u00a0", "narrow": "\u202f"}


def range_pattern(where: str, options: Mapping[str, Any]) -> str:
    unknown = set(options) - RANGE_OPTIONS
    if unknown:
        raise RuleError(f"{where}: unknown range option {sorted(unknown)[0]!r}")
    if options.get("dash", "en") not in DASHES:
        raise RuleError(f"{where}: range 'dash' must be one of {', '.join(DASHES)}")
    return r"(?<![\w.,/:-])(?P<a>\d{1,4})-(?P<b>\d{1,4})(?![\w/:-]|[.,]\d)"


def judge_range(options: Mapping[str, Any], m: Any) -> tuple[str, dict[str, str]] | None:
    a, b = m.group("a"), m.group("b")
    if int(a) >= int(b) and not (len(a) == 4 and len(b) == 2):
        return None  # "3-2" is a score, not a range
    return f"{a}{DASHES[options.get('dash', 'en')]}{b}", {}


def unit_pattern(where: str, options: Mapping[str, Any]) -> str:
    unknown = set(options) - UNIT_OPTIONS
    if unknown:
        raise RuleError(f"{where}: unknown unit-spacing option {sorted(unknown)[0]!r}")
    units = options.get("units")
    if not isinstance(units, list) or not units or not all(isinstance(u, str) for u in units):
        raise RuleError(f"{where}: unit-spacing 'units' must be a non-empty list")
    if options.get("space", "regular") not in SPACES:
        raise RuleError(f"{where}: unit-spacing 'space' must be one of {', '.join(SPACES)}")
    alternatives = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    return rf"(?<![\w.,])(?P<n>\d+(?:[.,]\d+)?)(?P<u>{alternatives})(?!\w)"


def judge_unit(options: Mapping[str, Any], m: Any) -> tuple[str, dict[str, str]] | None:
    return f"{m.group('n')}{SPACES[options.get('space', 'regular')]}{m.group('u')}", {}

"""Number conventions: separators, ranges, units, percentages, ordinals and small numbers.

`number-format` checks numbers against the document language's CLDR separators:
- `check: decimal` flags a number written with the other decimal separator before one of
  the rule's `units` ("1,6 million" in English, "1.6 млн" in Russian), which can only be a
  decimal there; the fix uses the locale's decimal sign.
- `check: grouping` flags thousands grouped with a sign that is not the locale's group sign,
  when at least two groups make it unambiguous ("1.000.000" in English, "1,000,000" in
  German), or one group ending in 00 ("250.000" in Russian; "12,000 hectáreas" in Spanish,
  where a comma is the decimal sign, only before a word); the fix regroups with the
  locale's sign (a no-break space in French and Russian).
- `check: group-space` flags thousands grouped with an ordinary space where the locale groups
  with a no-break space ("10 000" in French), which a line break can split.

`range` wants a dash (`dash: en|em`) between the numbers of a range ("1990-1995" ->
"1990–1995"), leaving scores, dates, versions and anything with more than two parts alone.
`unit-spacing` wants a space (`space: regular|nbsp|narrow`) between a number and one of its
`units` ("10km" -> "10 km").

`percent` checks `check: spacing`, the space CLDR's percent pattern puts between number and
sign ("50%" in English, "50 %" in German, French, Russian, Spanish), and `check: style`, the
house choice (`[style] percent`) between the sign and the rule's `word` ("per cent").

`ordinal` flags, with `check: words`, a numeric ordinal from 1st to 9th in running text when
the house style spells ordinals out (`[style] ordinals = "words"`), suggesting the rule's
`names`; with `check: dates`, an ordinal suffix in a date ("2nd May", "May 2nd", "the 2nd of
May"), suggesting the plain day ("2 May"); the words in `drop_before` ("the") and
`drop_after` ("of") go with the suffix. `suffixes` come from the rule, month names from CLDR.

`small-numbers` flags a whole number below the house threshold (`[style] small_numbers`,
10 in English news style) written in digits before a lower-case word ("3 ministers"),
suggesting the rule's `names`; numbers after a capitalised word ("Article 5"), after one of
`after` ("page 5"), before one of `units` ("5 km") or next to other digits are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from editqa.errors import RuleError
from editqa.rules.types import CodeType, Verdict, alternation, choice, word_list
from editqa.text.lang import cldr_facts

if TYPE_CHECKING:
    from editqa.checks.base import CheckContext

NBSP_NAMES = {"\u00a0": "no-break space", "\u202f": "narrow no-break space"}
SPACES = {"regular": " ", "nbsp": "\u00a0", "narrow": "\u202f"}
DASHES = {"en": "\u2013", "em": "\u2014"}


@lru_cache(maxsize=64)
def separators(tag: str) -> tuple[str, str]:
    """(decimal sign, group sign) of a language tag, from CLDR."""
    facts = cldr_facts(tag)
    return facts["decimal"], facts["group"]


@lru_cache(maxsize=64)
def percent_space(tag: str) -> str:
    """What CLDR's percent pattern puts between the number and the sign ('' or a space)."""
    m = re.search(r"0([ \u00a0\u202f]*)%", cldr_facts(tag)["percent"])
    return m.group(1) if m else ""


def month_names(tag: str) -> tuple[str, ...]:
    """Wide and abbreviated month names of the locale, in both formatting contexts."""
    return tuple(cldr_facts(tag)["months"])


def month_number(tag: str, name: str) -> int | None:
    """The number of a month name (any case, wide or abbreviated) in the locale."""
    number = cldr_facts(tag)["month_numbers"].get(name.rstrip(".").lower())
    return int(number) if number is not None else None


def space_name(sign: str) -> str:
    return NBSP_NAMES.get(sign, sign)


class NumberFormat(CodeType):
    name = "number-format"
    allowed = frozenset({"check", "units"})
    fields = frozenset({"match", "suggestion", "decimal", "group", "language"})

    def pattern(self, where: str, options: Mapping[str, Any]) -> str:
        check = choice(where, options, "check", ("decimal", "grouping", "group-space"), "")
        if check == "grouping":
            # two groups or more; or one group ending in 00 ("12,000", "1,500"), which in
            # a locale where that sign is the decimal one would be a decimal of three places
            return (
                r"(?=\d)(?<![\d.,\w]|\d )(?:\d{1,3}(?P<sep>[., ])\d{3}(?:(?P=sep)\d{3})+"
                r"|[1-9]\d{0,2}(?P<sep1>[., ])\d00)(?![\d\w]|[.,]\d| \d)"
            )
        if check == "group-space":
            return (
                r"(?=\d)(?<![\d.,\w]|\d )\d{1,3}(?P<sep> )\d{3}(?: \d{3})*(?![\d\w]| \d|[.,]\d{3})"
            )
        units = word_list(where, options, "units")
        return (
            r"(?=\d)(?<![\d.,])(?P<int>\d+)(?P<sep>[.,])(?P<frac>\d{1,2})"
            rf"(?=[ \t\u00a0\u202f]*(?:{alternation(units)})(?!\w))"
        )

    def judge(self, options: Mapping[str, Any], m: Any, ctx: CheckContext) -> Verdict | None:
        tag = ctx.language
        decimal, group = separators(tag)
        fields = {"decimal": decimal, "group": space_name(group), "language": tag}
        sep = m.groupdict().get("sep")
        check = options["check"]
        if check == "decimal":
            if sep == decimal:
                return None
            return f"{m.group('int')}{decimal}{m.group('frac')}", fields
        if check == "group-space":
            if group not in ("\u00a0", "\u202f"):
                return None
            return m.group(0).replace(" ", group), fields
        if sep is None:  # one group: only a foreign sign that is not this locale's decimal
            sep = m.group("sep1")
            if sep in (decimal, " ") and not _decimal_unlikely(m, ctx.document.text):
                return None
        if sep == " " and group != ",":
            return None  # a space groups thousands in French, Russian, German and Spanish too
        if sep == group or (group in ("\u00a0", "\u202f", " ") and sep == " "):
            return None
        return m.group(0).replace(sep, group), fields


def _decimal_unlikely(m: Any, text: str) -> bool:
    """A single group like "12,000" where the comma is the decimal sign: a decimal with
    three places ending in zeros is unlikely before a word ("Euro", "hectáreas") or at the
    end of a clause, so it is read as a foreign thousands grouping only then."""
    after = text[m.end() : m.end() + 3]
    return re.match(r"[ \u00a0][^\W\d_]{2}|[.,;:!?](?:\s|$)", after) is not None


class Range(CodeType):
    name = "range"
    allowed = frozenset({"dash"})

    def pattern(self, where: str, options: Mapping[str, Any]) -> str:
        choice(where, options, "dash", DASHES, "en")
        return r"(?=\d)(?<![\w.,/:-])(?P<a>\d{1,4})-(?P<b>\d{1,4})(?![\w/:-]|[.,]\d)"

    def judge(self, options: Mapping[str, Any], m: Any, ctx: CheckContext) -> Verdict | None:
        a, b = m.group("a"), m.group("b")
        if int(a) >= int(b) and not (len(a) == 4 and len(b) == 2):
            return None  # "3-2" is a score, not a range
        return f"{a}{DASHES[options.get('dash', 'en')]}{b}", {}


class UnitSpacing(CodeType):
    name = "unit-spacing"
    allowed = frozenset({"units", "space"})

    def pattern(self, where: str, options: Mapping[str, Any]) -> str:
        units = word_list(where, options, "units")
        choice(where, options, "space", SPACES, "regular")
        return rf"(?=\d)(?<![\w.,])(?P<n>\d+(?:[.,]\d+)?)(?P<u>{alternation(units)})(?!\w)"

    def judge(self, options: Mapping[str, Any], m: Any, ctx: CheckContext) -> Verdict | None:
        return f"{m.group('n')}{SPACES[options.get('space', 'regular')]}{m.group('u')}", {}


class Percent(CodeType):
    name = "percent"
    allowed = frozenset({"check", "word"})
    fields = frozenset({"match", "suggestion", "space", "language", "style"})

    def pattern(self, where: str, options: Mapping[str, Any]) -> str:
        check = choice(where, options, "check", ("spacing", "style"), "")
        number = r"(?=\d)(?<![\w.,])(?P<n>\d+(?:[.,]\d+)?)"
        if check == "spacing":
            return number + r"(?P<space>[ \u00a0\u202f]?)%"
        word = options.get("word")
        if not isinstance(word, str) or not word.strip():
            raise RuleError(f"{where} 'check: style' needs a 'word' such as 'per cent'")
        words = {word, "per cent", "percent"}
        return (
            number
            + rf"(?:(?P<space>[ \u00a0\u202f]?)%|[ \u00a0](?P<word>{alternation(words)})(?!\w))"
        )

    def active(self, options: Mapping[str, Any], ctx: CheckContext) -> bool:
        return options["check"] == "spacing" or ctx.style.percent != "any"

    def judge(self, options: Mapping[str, Any], m: Any, ctx: CheckContext) -> Verdict | None:
        tag = ctx.language
        want = percent_space(tag)
        fields = {"language": tag, "space": space_name(want) or "no space", "style": ""}
        if options["check"] == "spacing":
            has = m.group("space")
            if bool(has) == bool(want):
                return None
            return f"{m.group('n')}{want}%", fields
        style = ctx.style.percent
        word = str(options["word"])
        if style == "symbol" and m.group("word"):
            return f"{m.group('n')}{want}%", fields | {"style": "the % sign"}
        if style == "words" and (m.group("word") or "") != word:
            return f"{m.group('n')} {word}", fields | {"style": repr(word)}
        return None


class Ordinal(CodeType):
    name = "ordinal"
    allowed = frozenset({"check", "names", "suffixes", "drop_before", "drop_after"})
    fields = frozenset({"match", "suggestion"})

    def pattern(self, where: str, options: Mapping[str, Any]) -> str:
        check = choice(where, options, "check", ("words", "dates"), "")
        suffixes = alternation(word_list(where, options, "suffixes"))
        if check == "words":
            names = word_list(where, options, "names")
            if len(names) != 9:
                raise RuleError(f"{where} 'names' must list the ordinals 1 to 9")
            return rf"(?=\d)(?<![\w.,-])(?P<n>[1-9])(?:{suffixes})(?=[ \u00a0]\p{{Ll}})"
        before = word_list(where, options, "drop_before", required=False)
        after = word_list(where, options, "drop_after", required=False)
        lead = rf"(?:(?:{alternation(before)})[ \u00a0]+)?" if before else ""
        tail = rf"(?P<of>[ \u00a0]+(?:{alternation(after)})(?=[ \u00a0]))?" if after else ""
        first = rf"(?=\d|(?:{alternation(before)})[ \u00a0])" if before else r"(?=\d)"
        return rf"{first}(?<![\w.,-]){lead}(?P<n>\d{{1,2}})(?:{suffixes}){tail}(?!\w)"

    def active(self, options: Mapping[str, Any], ctx: CheckContext) -> bool:
        return options["check"] == "dates" or ctx.style.ordinals == "words"

    def judge(self, options: Mapping[str, Any], m: Any, ctx: CheckContext) -> Verdict | None:
        text = ctx.document.text
        after_re, before_re = _month_context(ctx.language)
        month_after = after_re.match(text, m.end(), m.end() + 20)
        month_before = before_re.search(text[max(0, m.start() - 15) : m.start()])
        if options["check"] == "dates":
            dropping = m.start("n") > m.start() or m.groupdict().get("of")
            if not (month_after or (month_before and not dropping)):
                return None  # "the 2nd of" must be followed by the month it dates
            return m.group("n"), {}
        if month_after or month_before or ctx.style.ordinals != "words":
            return None
        return str(options["names"][int(m.group("n")) - 1]), {}


@lru_cache(maxsize=16)
def _month_context(tag: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Regexes for a month name just after a match, and just before one."""
    months = alternation(month_names(tag))
    return (
        re.compile(rf"[ \u00a0]+(?:{months})\b"),
        re.compile(rf"\b(?:{months})\.?[ \u00a0]+$"),
    )


class SmallNumbers(CodeType):
    name = "small-numbers"
    allowed = frozenset({"names", "units", "after"})

    def pattern(self, where: str, options: Mapping[str, Any]) -> str:
        word_list(where, options, "names")
        word_list(where, options, "after", required=False)
        units = word_list(where, options, "units", required=False)
        skip = rf"(?!(?:{alternation(units)})(?!\w))" if units else ""
        return rf"(?=\d)(?<![\w.,:/%$€£¥₽#+–—-])(?P<n>\d{{1,3}})(?=[ \u00a0]{skip}\p{{Ll}}[\p{{Ll}}-]*\b(?![.,]?\d))"

    def active(self, options: Mapping[str, Any], ctx: CheckContext) -> bool:
        return ctx.style.small_numbers > 0

    def judge(self, options: Mapping[str, Any], m: Any, ctx: CheckContext) -> Verdict | None:
        limit = ctx.style.small_numbers
        n = int(m.group("n"))
        names = options["names"]
        if n >= limit or n >= len(names) or m.group("n").startswith("0"):
            return None
        text = ctx.document.text
        before = text[max(0, m.start() - 40) : m.start()]
        prev = re.search(r"([\w.]+)[ \u00a0]*$", before)
        if prev:
            word = prev.group(1)
            after = {a.lower() for a in options.get("after", ())}
            sentence_start = re.search(r"[.!?]$", word) is not None
            if (
                word.lower().rstrip(".") in after
                or (word[:1].isupper() and not sentence_start)
                or any(ch.isdigit() for ch in word)
            ):
                return None
        follows = text[m.end() : m.end() + 40]
        if re.match(r"[ \u00a0](?:in|of|out of|to|by)[ \u00a0]\d", follows):
            return None  # "1 in 5", "2 of 3": a ratio stays in figures
        if re.match(r"[ \u00a0]\S+[ \u00a0](?:to|and|or|of|in|out)[ \u00a0]\d", follows):
            return None  # "3 times out of 10", "between 5 and 12": keep the series in digits
        if re.search(r"\d[ \u00a0]*(?:to|and|or|in|of|out of|-|–)[ \u00a0]*$", before):
            return None
        name = str(names[n])
        at_start = not before.strip() or re.search(r"[.!?][\"”»’)]*\s*$", before) is not None
        return (name[:1].upper() + name[1:] if at_start else name), {}


TYPES: tuple[CodeType, ...] = (
    NumberFormat(),
    Range(),
    UnitSpacing(),
    Percent(),
    Ordinal(),
    SmallNumbers(),
)

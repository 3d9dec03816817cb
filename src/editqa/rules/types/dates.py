"""Dates and times in the house pattern of the document's locale.

`date-format` flags numeric dates written in a form the document's language does not use
(`forms: [dotted, slashed, iso, month-first, day-month]`: "23.12.2015", "23/12/2015",
"2015-12-23", a month name first, "Dezember 23, 2015", or a day first, "23 December 2015")
and, unless the date is already written that way, suggests the
date in the house pattern (`[style] date`: a CLDR length such as `long`, or a pattern such as
`d MMMM y`): "23 December 2015" in en-GB, "December 23, 2015" in en-US. A slashed date whose
day and month could be swapped is reported as ambiguous; the suggestion then reads it the
locale's way (day first, except in American English).

`time-format` flags a time written on the other clock than the house style's (`[style] time`,
by default CLDR's, 24-hour in de, fr, es and ru; English news uses both, so `any` there): "3:30 pm" in a 24-hour
text becomes "15:30"; "15:30" in a 12-hour text becomes "3:30 PM". Only times that cannot be
read otherwise are flagged: a 24-hour time needs a colon and an hour from 13 to 23 or 00 to be
flagged in 12-hour text.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from editqa.errors import RuleError
from editqa.rules.types import CodeType, Verdict, alternation, first_chars
from editqa.rules.types.numbers import month_names, month_number
from editqa.text.lang import babel_locale

if TYPE_CHECKING:
    from editqa.checks.base import CheckContext

DATE_FORMS = {
    "dotted": r"(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<y>\d{4})",
    "slashed": r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})",
    "iso": r"(?P<y>\d{4})-(?P<b>\d{2})-(?P<a>\d{2})",
    "month-first": "(?P<month>{months})\\.?[ \u00a0](?P<a>\\d{{1,2}}),?[ \u00a0](?P<y>\\d{{4}})",
    "day-month": "(?P<a>\\d{{1,2}})[ \u00a0](?P<month>{months})\\.?,?[ \u00a0](?P<y>\\d{{4}})",
}
NAMED_FORMS = ("month-first", "day-month")
# month names of these languages make up the `month-first` form ("Dezember 23, 2015")
MONTH_LANGUAGES = ("en", "ru", "de", "fr", "es")


def _all_months(languages: tuple[str, ...] = ()) -> str:
    """The month names of the rule's languages and English (often left untranslated) as
    one alternation, or of all MONTH_LANGUAGES for a rule of any language; kept in the
    disk cache: CLDR's data takes a tenth of a second to read, and every run loads rules."""
    from editqa.cache import cached, versions

    tags = sorted({"en", *(t for t in languages if t != "*")})
    if not languages or "*" in languages:
        tags = list(MONTH_LANGUAGES)
    return cached(
        "months",
        [*versions("babel"), *tags],
        lambda: alternation(n for tag in tags for n in month_names(tag)),
        str,
    )


def _babel_locale(tag: str) -> str:
    loc = babel_locale(tag)
    return str(loc) if loc is not None else "en"


def format_house_date(date: datetime.date, pattern: str, tag: str) -> str:
    from babel.dates import format_date

    return str(format_date(date, format=pattern, locale=_babel_locale(tag)))


def format_house_time(time: datetime.time, clock: str, tag: str) -> str:
    """The time in CLDR's short pattern of the locale when that is on the house clock, else
    in a plain pattern of that clock."""
    from babel import Locale
    from babel.dates import format_time

    locale = _babel_locale(tag)
    short = Locale.parse(locale).time_formats["short"].pattern
    if clock == "12h":
        pattern = short if "h" in short else "h:mm a"
    else:
        pattern = short if "H" in short else "HH:mm"
    return str(format_time(time, pattern, locale=locale)).replace("\u202f", " ")


class DateFormat(CodeType):
    name = "date-format"
    allowed = frozenset({"forms", "swapped_only"})
    fields = frozenset({"match", "suggestion", "language", "reading"})

    def pattern(self, where: str, options: Mapping[str, Any]) -> str:
        return self.pattern_for(where, options, ())

    def pattern_for(
        self, where: str, options: Mapping[str, Any], languages: tuple[str, ...]
    ) -> str:
        forms = options.get("forms")
        if not isinstance(forms, list) or not forms or not all(f in DATE_FORMS for f in forms):
            raise RuleError(f"{where} 'forms' must list some of {', '.join(DATE_FORMS)}")
        months = _all_months(languages) if any(f in NAMED_FORMS for f in forms) else ""
        if not isinstance(options.get("swapped_only", False), bool):
            raise RuleError(f"{where} 'swapped_only' must be true or false")
        body = "|".join(
            f"(?:{DATE_FORMS[f].format(months=months) if f in NAMED_FORMS else DATE_FORMS[f]})"
            for f in forms
        )
        first = r"(?=\d)"  # a fast start
        if "month-first" in forms:
            first = first_chars(months.split("|"), digits=True)
        return rf"{first}(?<![\w./-])(?:{body})(?![\w/]|[.-]\d)"

    def judge(self, options: Mapping[str, Any], m: Any, ctx: CheckContext) -> Verdict | None:
        tag = ctx.language
        groups = {k: v for k, v in m.groupdict().items() if v is not None}
        if "month" in groups:  # a month name first, in the document's language or English
            number = month_number(tag, groups["month"]) or month_number("en", groups["month"])
            if number is None:
                return None
            groups["b"] = str(number)
        year, a, b = int(groups["y"]), int(groups["a"]), int(groups["b"])
        text = m.group(0)
        month_first = "/" in text and tag in ("en-US", "en")
        day, month = (b, a) if month_first else (a, b)
        if "-" in text:  # ISO: year-month-day, read from the named groups as written
            day, month = a, b
        try:
            date = datetime.date(year, month, day)
            if options.get("swapped_only"):
                return None  # the locale's own reading works: not a foreign date
        except ValueError:
            try:  # "28/02/2021" can only be day first, whatever the locale prefers
                date = datetime.date(year, day, month)
            except ValueError:
                return None
        ambiguous = "/" in text and a <= 12 and b <= 12 and a != b
        reading = "ambiguous: read as " if ambiguous else ""
        house = format_house_date(date, ctx.style.date, tag)
        if " ".join(house.split()) == " ".join(text.split()):
            return None  # already the house date ("December 23, 2015" in en-US)
        fields = {"language": tag, "reading": reading + house}
        return _fit(house, ctx.document.text, m.end()), fields


def _fit(date: str, text: str, end: int) -> str:
    """The long date without what already follows the match: a year marker the text has
    ("2015 г." before "г."), or a final dot where a full stop follows ("2016 г.." )."""
    parts = date.rsplit(None, 1)
    after = text[end : end + 12]
    if len(parts) == 2 and not parts[1][:1].isdigit():
        marker = parts[1]
        if after.lstrip(" \u00a0\u202f").startswith(marker):
            return parts[0].rstrip(" \u00a0\u202f")
    if date.endswith(".") and after.startswith("."):
        return date[:-1]
    return date


# a time on either clock: the 12-hour one with am/pm, the 24-hour one with a colon
_TWELVE = (
    r"(?P<h12>1[0-2]|0?[1-9])(?:[:.](?P<m12>[0-5]\d))?[ \u00a0\u202f]?"
    r"(?P<ap>[ap]\.m\.|[ap]m\b|[AP]M\b|[AP]\.M\.)"
)
_TWENTYFOUR = (
    r"(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![ \u00a0\u202f]?(?:[ap]\.?m\b|[AP]\.?M\b))"
)


TIME_PATTERN = rf"(?=\d)(?<![\w.:,/])(?:{_TWELVE}|{_TWENTYFOUR})(?![\w:/]|[.,]\d)"


def time_of(m: Any) -> tuple[datetime.time, str]:
    """The time a TIME_PATTERN match names, and its clock ('12h' or '24h')."""
    if m.group("ap"):
        hour = int(m.group("h12")) % 12 + (12 if m.group("ap").lower().startswith("p") else 0)
        return datetime.time(hour, int(m.group("m12") or 0)), "12h"
    return datetime.time(int(m.group("h24")), int(m.group("m24"))), "24h"


class TimeFormat(CodeType):
    name = "time-format"
    allowed = frozenset()
    fields = frozenset({"match", "suggestion", "clock", "language"})

    def pattern(self, where: str, options: Mapping[str, Any]) -> str:
        return TIME_PATTERN

    def active(self, options: Mapping[str, Any], ctx: CheckContext) -> bool:
        return ctx.style.time != "any"

    def judge(self, options: Mapping[str, Any], m: Any, ctx: CheckContext) -> Verdict | None:
        clock = ctx.style.time
        fields = {"clock": "24-hour" if clock == "24h" else "12-hour", "language": ctx.language}
        time, written = time_of(m)
        if written == clock or clock == "any":
            return None
        if written == "24h" and 1 <= time.hour <= 12:
            return None  # "10:30" may be on either clock
        return format_house_time(time, clock, ctx.language), fields


TYPES: tuple[CodeType, ...] = (DateFormat(), TimeFormat())

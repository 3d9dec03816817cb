"""House style: the conventions a publication chooses, with a built-in default per locale.

A `StyleSettings` holds what the user set (in `[style]` of the config file, or `--style
KEY=VALUE`); `style_for(tag, settings)` fills in the rest from the document's locale: CLDR
(through Babel) decides the date pattern and the 12- or 24-hour clock, `LOCALE_DEFAULTS` the
conventions CLDR has no data for (headline case, small numbers). Rule types with code behind
them read the resolved `Style` from their check context.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from typing import Any

from editqa.errors import UsageError

HEADLINE_CASES = ("sentence", "title", "title-chicago", "title-ap", "any")
TENSES = ("present", "any")
CLOCKS = ("24h", "12h", "any")
PERCENTS = ("symbol", "words", "any")
SPELLINGS = ("en-GB", "en-US", "oxford", "any")
ORDINALS = ("words", "any")
QUOTE_STYLES = ("locale", "any")
DATE_LENGTHS = ("full", "long", "medium")


@dataclass(frozen=True, slots=True)
class Style:
    """Resolved house style for one locale. `date` is a CLDR length (full/long/medium) or a
    CLDR pattern ("d MMMM y"); `small_numbers` N means spell out whole numbers below N (0:
    never); `quotes` is `locale` (CLDR's marks; straight quotes are flagged), `any`, or a
    pair of marks such as «» that replaces the locale's."""

    locale: str
    headline_case: str = "any"
    headline_max_chars: int = 80
    headline_tense: str = "any"
    date: str = "long"
    time: str = "24h"
    serial_comma: bool | None = None
    percent: str = "any"
    spelling: str = "any"
    small_numbers: int = 0
    ordinals: str = "any"
    quotes: str = "locale"


# What CLDR does not say: per language (or full tag), the conventions of its news style guides.
LOCALE_DEFAULTS: dict[str, dict[str, Any]] = {
    "en": {
        "headline_case": "any",
        "headline_tense": "present",
        "small_numbers": 10,
        "ordinals": "words",
        "quotes": "any",
        "time": "any",  # English news writes both 15:30 and 3.30pm; the house chooses
    },
    "en-GB": {"headline_case": "sentence"},
    "ru": {"headline_case": "sentence"},
    "de": {"headline_case": "sentence"},  # German capitalises nouns, not every word
    "fr": {"headline_case": "sentence"},
    "es": {"headline_case": "sentence"},
}

STYLE_KEYS = tuple(f.name for f in fields(Style))


@dataclass(frozen=True, slots=True)
class StyleSettings:
    """The house style as configured: only the keys the user set. `origin` names where they
    came from, for error messages."""

    values: tuple[tuple[str, Any], ...] = ()
    origin: str = "[style]"

    @classmethod
    def parse(cls, table: Mapping[str, Any], origin: str) -> StyleSettings:
        """Validated settings from a `[style]` table; a bad key or value is a UsageError
        naming `origin` and the key."""
        out: dict[str, Any] = {}
        for key, value in table.items():
            out[key] = _validate(key, value, origin)
        return cls(tuple(sorted(out.items())), origin)

    @classmethod
    def from_pairs(cls, pairs: list[str], origin: str = "--style") -> StyleSettings:
        """`--style KEY=VALUE` options: numbers and true/false are converted."""
        table: dict[str, Any] = {}
        for pair in pairs:
            key, sep, raw = pair.partition("=")
            if not sep or not key.strip():
                raise UsageError(f"{origin} {pair!r}: write KEY=VALUE, e.g. percent=symbol")
            value: Any = raw.strip()
            if value.lower() in ("true", "false"):
                value = value.lower() == "true"
            elif value.isdecimal() and value.isascii():
                value = int(value)
            table[key.strip().replace("-", "_")] = value
        return cls.parse(table, origin)

    def merged(self, other: StyleSettings) -> StyleSettings:
        """These settings with `other`'s on top."""
        values = dict(self.values) | dict(other.values)
        return StyleSettings(tuple(sorted(values.items())), other.origin)

    def get(self, key: str) -> Any:
        return dict(self.values).get(key)


def _validate(key: str, value: Any, origin: str) -> Any:
    where = f"{origin}: {key}"
    choices = {
        "headline_case": HEADLINE_CASES,
        "headline_tense": TENSES,
        "time": CLOCKS,
        "percent": PERCENTS,
        "spelling": SPELLINGS,
        "ordinals": ORDINALS,
    }
    if key not in STYLE_KEYS:
        raise UsageError(f"{origin}: unknown style key {key!r} (known: {', '.join(STYLE_KEYS)})")
    if key in choices:
        if value not in choices[key]:
            raise UsageError(f"{where} = {value!r}: use one of {', '.join(choices[key])}")
        return value
    if key in ("headline_max_chars", "small_numbers"):
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1000:
            raise UsageError(f"{where} = {value!r}: use a whole number from 0 to 1000")
        return value
    if key == "serial_comma":
        if not isinstance(value, bool):
            raise UsageError(f"{where} = {value!r}: use true or false")
        return value
    if not isinstance(value, str) or not value.strip():
        raise UsageError(f"{where} = {value!r}: use a non-empty string")
    if key == "locale":
        from editqa.text.lang import parse_tag

        try:
            return parse_tag(value)
        except UsageError:
            raise UsageError(f"{where} = {value!r}: not a language tag such as en-GB") from None
    if key == "quotes" and value not in QUOTE_STYLES and not _quote_pair(value):
        raise UsageError(
            f"{where} = {value!r}: use locale, any, or an opening and a closing mark such as «»"
        )
    if key == "date" and value not in DATE_LENGTHS:
        _check_date_pattern(value, where)
    return value


def _quote_pair(value: str) -> bool:
    from editqa.rules.types.quotes import PAIRS

    return len(value) == 2 and value[0] in PAIRS and value[1] in PAIRS[value[0]]


def _check_date_pattern(pattern: str, where: str) -> None:
    import datetime

    from babel.dates import format_date

    if not all(ch in pattern for ch in "dMy"):
        raise UsageError(
            f"{where} = {pattern!r}: use full, long, medium or a CLDR pattern with d, M and y "
            "(e.g. 'd MMMM y')"
        )
    try:
        format_date(datetime.date(2015, 12, 23), pattern, locale="en")
    except (ValueError, KeyError) as exc:
        raise UsageError(f"{where} = {pattern!r}: not a CLDR date pattern ({exc})") from None


@lru_cache(maxsize=64)
def locale_clock(tag: str) -> str:
    """'12h' or '24h': the hour field of CLDR's short time pattern for the locale."""
    from editqa.text.lang import cldr_facts

    facts = cldr_facts(tag)
    if not facts["known"]:
        return "any"
    pattern = facts["short_time"]
    return "12h" if "h" in pattern or "K" in pattern else "24h"


@lru_cache(maxsize=256)
def _style_for(tag: str, settings: StyleSettings) -> Style:
    lang = tag.split("-")[0]
    values: dict[str, Any] = dict(LOCALE_DEFAULTS.get(lang, {}))
    if tag != lang:
        values |= LOCALE_DEFAULTS.get(tag, {})
    values |= {k: v for k, v in settings.values if k != "locale"}
    if "time" not in values:  # CLDR's clock, read only when needed (Babel's data is slow)
        values["time"] = locale_clock(tag)
    return replace(Style(locale=tag), **values)


def style_for(tag: str, settings: StyleSettings | None = None) -> Style:
    """The house style for a document in `tag`: the built-in defaults of its locale under
    the configured settings."""
    return _style_for(tag, settings or StyleSettings())

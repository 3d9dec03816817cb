"""Language tags: parsing `--lang`, detecting a document's language, English dialects."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from editqa.errors import UsageError

# Languages editqa knows something about (spelling from pyspellchecker and/or Hunspell).
KNOWN_LANGUAGES = ("en", "ru", "de", "fr", "es", "it", "pt", "nl", "ar", "fa", "eu", "lv")
ENGLISH_DIALECTS = ("GB", "US", "AU", "CA", "IN", "NZ", "IE", "ZA")
# Further languages the detector can name, so that a Polish or Swedish text is called what it
# is (and not checked with a Latvian or Dutch dictionary); editqa has no dictionary for them.
OTHER_DETECTABLE = (
    "pl",
    "cs",
    "sk",
    "uk",
    "bg",
    "sr",
    "hr",
    "sl",
    "ro",
    "hu",
    "sv",
    "da",
    "nb",
    "fi",
    "tr",
    "el",
    "he",
    "et",
    "lt",
    "ca",
)
CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be", "bg", "sr", "mk", "kk"})
_SCRIPT_OF_LANGUAGE = {"ar": "ARABIC", "fa": "ARABIC", "el": "GREEK", "he": "HEBREW"} | {
    lang: "CYRILLIC" for lang in CYRILLIC_LANGUAGES
}


def parse_tag(tag: str) -> str:
    """Normalise 'en_gb', 'EN-GB', 'en' to 'en-GB' / 'en'. Raises UsageError if unknown."""
    raw = tag.strip().replace("_", "-")
    parts = raw.split("-")
    lang = parts[0].lower()
    if lang not in KNOWN_LANGUAGES or len(parts) > 2:
        known = ", ".join(KNOWN_LANGUAGES)
        raise UsageError(f"--lang {tag!r}: unknown language; use one of {known} (en-GB, en-US...)")
    if len(parts) == 1:
        return lang
    region = parts[1].upper()
    if not re.fullmatch(r"[A-Z]{2}|\d{3}", region):
        raise UsageError(f"--lang {tag!r}: a region is two letters or three digits (en-GB)")
    if lang == "en" and region not in ENGLISH_DIALECTS:
        raise UsageError(f"--lang {tag!r}: unknown English dialect; use en-GB, en-US, en-AU...")
    return f"{lang}-{region}"


def base(tag: str) -> str:
    return tag.split("-")[0]


def language_script(tag: str) -> str:
    """The script a language is written in, as Unicode names it ('LATIN', 'CYRILLIC'...)."""
    return _SCRIPT_OF_LANGUAGE.get(base(tag), "LATIN")


def letter_script(ch: str) -> str:
    """The script of a letter as the first word of its Unicode name ('LATIN', 'CJK'...)."""
    return unicodedata.name(ch, "").split(" ", 1)[0]


@dataclass(slots=True)
class LanguageDetector:
    """Detects a text's language with lingua; built once per process, models loaded lazily.

    `detect` chooses among KNOWN_LANGUAGES (fast); `detect_any` also knows OTHER_DETECTABLE,
    for texts that the first answer does not fit."""

    _detectors: dict[tuple[str, ...], Any] = field(default_factory=dict, init=False)

    def detect(self, text: str) -> str | None:
        return self._detect(text, KNOWN_LANGUAGES)

    def detect_any(self, text: str) -> str | None:
        return self._detect(text, KNOWN_LANGUAGES + OTHER_DETECTABLE)

    def _detect(self, text: str, codes: tuple[str, ...]) -> str | None:
        sample = text[:4000]
        letters = [ch for ch in sample if ch.isalpha()]
        if len(letters) < 20:
            return None
        cyrillic = sum("\u0400" <= ch <= "\u052f" for ch in letters)
        if cyrillic > 0.8 * len(letters) and codes == KNOWN_LANGUAGES:
            return "ru"  # the one Cyrillic-script language editqa knows
        detector = self._detectors.get(codes)
        if detector is None:
            from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

            langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes]
            detector = self._detectors[codes] = (
                LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()
            )
        found = detector.detect_language_of(sample)
        return None if found is None else str(found.iso_code_639_1.name).lower()


def infer_english_dialect(
    words: Iterable[str], british: Callable[[str], bool], american: Callable[[str], bool]
) -> str:
    """'en-GB' when more distinct words are British-only than American-only, else 'en-US'.

    A word is British-only when the British dictionary accepts it and the American one does
    not ("defence", "centre"), and the other way round ("defense", "center"). Only lower-case
    words vote: capitalised ones are often names (the World Food Programme, Pearl Harbor).
    """
    gb = us = 0
    for w in {w for w in words if w.isalpha() and w.islower() and len(w) > 3}:
        in_gb, in_us = british(w), american(w)
        if in_gb and not in_us:
            gb += 1
        elif in_us and not in_gb:
            us += 1
    return "en-GB" if gb > us else "en-US"


@lru_cache(maxsize=128)
def babel_locale(tag: str) -> Any:
    """Babel's CLDR locale for a language tag: the tag itself when CLDR knows it ("en-GB"),
    else its language ("fr-XX" -> fr); None when CLDR knows neither."""
    from babel import Locale, UnknownLocaleError

    for name in (tag.replace("-", "_"), base(tag)):
        try:
            return Locale.parse(name)
        except (UnknownLocaleError, ValueError):
            continue
    return None


@lru_cache(maxsize=64)
def cldr_facts(tag: str) -> dict[str, Any]:
    """The few CLDR facts of a locale that editqa's rules read on most runs (separators,
    percent pattern, month names, short time pattern), kept in the disk cache: loading a
    Babel locale takes tens of milliseconds, reading this back almost none."""
    from editqa.cache import cached, versions

    return cached("cldr", [*versions("babel"), tag], lambda: _read_cldr(tag), dict)


def _read_cldr(tag: str) -> dict[str, Any]:
    loc = babel_locale(tag)
    known = loc is not None
    if loc is None:
        loc = babel_locale("en")
    symbols = loc.number_symbols
    latn = symbols.get("latn", symbols)
    names: set[str] = set()
    numbers: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in loc.months[context][width].items():
                clean = str(name).rstrip(".")
                if clean:
                    names.add(clean)
                    numbers[clean.lower()] = int(number)
    return {
        "known": known,
        "locale": str(loc),
        "decimal": str(latn["decimal"]),
        "group": str(latn["group"]),
        "percent": str(loc.percent_formats[None].pattern),
        "short_time": str(loc.time_formats["short"].pattern),
        "months": sorted(names),
        "month_numbers": numbers,
    }


# the language a text too short for the detector most likely is, by its letters' script
_SCRIPT_DEFAULTS = {"CYRILLIC": "ru", "GREEK": "el", "HEBREW": "he", "ARABIC": "ar"}


def script_language(text: str) -> str | None:
    """For a text written mostly in a script other than Latin, its most likely language."""
    counts: dict[str, int] = {}
    for ch in text[:2000]:
        if ch.isalpha():
            script = unicodedata.name(ch, "OTHER").split(" ")[0]
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return None
    script = max(counts, key=lambda k: counts[k])
    return _SCRIPT_DEFAULTS.get(script) if counts[script] * 2 > sum(counts.values()) else None

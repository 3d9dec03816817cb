"""Language tags: parsing `--lang`, detecting a document's language, English dialects."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from editqa.errors import UsageError

# Languages editqa knows something about (spelling from pyspellchecker and/or Hunspell).
KNOWN_LANGUAGES = ("en", "ru", "de", "fr", "es", "it", "pt", "nl", "ar", "fa", "eu", "lv")
ENGLISH_DIALECTS = ("GB", "US", "AU", "CA", "IN", "NZ", "IE", "ZA")
CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be", "bg", "sr", "mk", "kk"})
LATIN_LANGUAGES = frozenset({"en", "de", "fr", "es", "it", "pt", "nl", "eu", "lv"})


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
    if lang == "en" and region not in ENGLISH_DIALECTS:
        raise UsageError(f"--lang {tag!r}: unknown English dialect; use en-GB, en-US, en-AU...")
    return f"{lang}-{region}"


def base(tag: str) -> str:
    return tag.split("-")[0]


@dataclass(slots=True)
class LanguageDetector:
    """Detects a text's language among KNOWN_LANGUAGES with lingua; built once per process."""

    _detector: Any = field(default=None, init=False)

    def detect(self, text: str) -> str | None:
        sample = text[:4000]
        letters = [ch for ch in sample if ch.isalpha()]
        if len(letters) < 20:
            return None
        cyrillic = sum("\u0400" <= ch <= "\u052f" for ch in letters)
        if cyrillic > 0.8 * len(letters):
            return "ru"  # the one Cyrillic-script language editqa knows
        if self._detector is None:
            from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

            langs = [
                Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper()))
                for c in KNOWN_LANGUAGES
            ]
            self._detector = (
                LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()
            )
        found = self._detector.detect_language_of(sample)
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

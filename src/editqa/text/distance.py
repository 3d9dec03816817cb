"""Edit distances for ranking spelling suggestions and finding near-miss names."""

from __future__ import annotations

TRANSPOSITION = 0.7
VOWEL_SWAP = 0.8
_LIGHT = frozenset("'’-")  # a dropped apostrophe or hyphen ("dont", "wellknown")
_VOWELS = frozenset("aeiouyаеёиоуыэюяäöüéèêàâîôûí")


def edit_distance(a: str, b: str, *, limit: float = 3.0) -> float:
    """Damerau-Levenshtein (optimal string alignment) distance with typing-aware weights.

    Doubling or undoubling a letter ("adress" -> "address") or adding or dropping an
    apostrophe or hyphen ("dont" -> "don't") costs 0.5, a swap of two
    neighbours ("recieve") 0.7, a vowel for another vowel ("humerous") 0.8, any other
    insertion, deletion or substitution 1. Returns at most `limit + 1` once the distance is
    known to exceed `limit`.
    """
    if a == b:
        return 0.0
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[float] = []
    prev = [0.0]
    for j in range(1, len(b) + 1):
        prev.append(
            prev[-1] + (0.5 if (j > 1 and b[j - 1] == b[j - 2]) or b[j - 1] in _LIGHT else 1.0)
        )
    for i in range(1, len(a) + 1):
        cur = [prev[0] + (0.5 if (i > 1 and a[i - 1] == a[i - 2]) or a[i - 1] in _LIGHT else 1.0)]
        for j in range(1, len(b) + 1):
            ca, cb = a[i - 1], b[j - 1]
            delete = 0.5 if (i > 1 and ca == a[i - 2]) or ca in _LIGHT else 1.0
            insert = 0.5 if (j > 1 and cb == b[j - 2]) or cb in _LIGHT else 1.0
            sub = 0.0 if ca == cb else (VOWEL_SWAP if ca in _VOWELS and cb in _VOWELS else 1.0)
            best = min(prev[j] + delete, cur[j - 1] + insert, prev[j - 1] + sub)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb and ca != cb:
                best = min(best, prev2[j - 2] + TRANSPOSITION)
            cur.append(best)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def deletes(word: str) -> set[str]:
    """The word and every string one deletion away (for symmetric-delete indexes)."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}

"""Edit distances for ranking spelling suggestions and finding near-miss names."""

from __future__ import annotations


def edit_distance(a: str, b: str, *, limit: float = 3.0) -> float:
    """Damerau-Levenshtein (optimal string alignment) distance with typing-aware weights.

    Doubling or undoubling a letter ("adress" -> "address") costs 0.5, a swap of two
    neighbours 1, any other insertion, deletion or substitution 1. Returns at most
    `limit + 1` once the distance is known to exceed `limit`.
    """
    if a == b:
        return 0.0
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[float] = []
    prev = [0.0]
    for j in range(1, len(b) + 1):
        prev.append(prev[-1] + (0.5 if j > 1 and b[j - 1] == b[j - 2] else 1.0))
    for i in range(1, len(a) + 1):
        cur = [prev[0] + (0.5 if i > 1 and a[i - 1] == a[i - 2] else 1.0)]
        for j in range(1, len(b) + 1):
            ca, cb = a[i - 1], b[j - 1]
            delete = 0.5 if i > 1 and ca == a[i - 2] else 1.0
            insert = 0.5 if j > 1 and cb == b[j - 2] else 1.0
            best = min(prev[j] + delete, cur[j - 1] + insert, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb and ca != cb:
                best = min(best, prev2[j - 2] + 1.0)
            cur.append(best)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def deletes(word: str) -> set[str]:
    """The word and every string one deletion away (for symmetric-delete indexes)."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}

"""Spans of text that are not prose: URLs, e-mail addresses, code, file paths; and quotations.

Checks skip the first kind entirely; quotations are verbatim speech, which spelling reports
more gently.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

# Each kind of non-prose span with a literal its matches must contain: a pattern runs only
# on texts that contain its literal (most prose has no '@', '://' or '()'), which keeps the
# scan cheap on long documents.
_NON_PROSE: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (needles, re.compile(pattern))
    for needles, pattern in (
        (("://",), r"""\b[A-Za-z][\w+.-]*://[^\s<>"'»”]+[^\s<>"'»”.,;:!?)\]]"""),  # URLs
        (("mailto:",), r"\bmailto:[^\s<>\"'»”]+[^\s<>\"'»”.,;:!?)\]]"),  # mailto: addresses
        (("${",), r"\$\{[^}\s]*\}"),  # template expressions like ${env:HOME}
        (("/",), r"\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/[^\s<>\"'»”]*[\w/]"),  # domain/path
        # command-line options and their argument: --upgrade pkg-name, -v
        (("-",), r"(?<![\w-])--?[a-z][\w-]*(?:[= \t][a-z][\w.:/-]*)?"),
        (("www.",), r"""\bwww\.[^\s<>"'»”]+[^\s<>"'»”.,;:!?)\]]"""),  # bare www. addresses
        (("@",), r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # e-mail addresses
        (("`",), r"`[^`\n]+`"),  # inline code
        (("@", "#"), r"(?<!\w)[@#]\w+"),  # handles and hashtags
        (("/",), r"(?<![\w/])(?:[\w.-]+/)+[\w.-]+\.\w{1,5}\b"),  # file paths
        (("()",), r"\b\w+(?:\.\w+)+\(\)"),  # calls like os.path.join()
        (
            (
                ".com",
                ".org",
                ".net",
                ".ru",
                ".de",
                ".fr",
                ".es",
                ".uk",
                ".io",
                ".gov",
                ".edu",
                ".info",
            ),
            r"\b[\w-]+\.(?:com|org|net|ru|de|fr|es|uk|io|gov|edu|info)\b",
        ),
    )
)
# “double”, «guillemets», „German“, "straight", and ‘single’ quotes, inside which a ’ that
# is followed by a letter is an apostrophe (‘We don’t know’).
_QUOTED = re.compile(r"“[^”\n]*”|«[^»\n]*»|„[^“”\n]*[“”]|\"[^\"\n]*\"|‘(?:[^‘’\n]|’(?=\w))*’")


@dataclass(frozen=True, slots=True)
class Spans:
    """Sorted, non-overlapping spans with a fast containment test."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, patterns: Iterable[re.Pattern[str]], text: str) -> Spans:
        """The union of every pattern's matches, merged into sorted disjoint spans."""
        return cls.from_pairs((m.start(), m.end()) for p in patterns for m in p.finditer(text))

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[int, int]]) -> Spans:
        """Sorted disjoint spans covering the union of (start, end) pairs."""
        merged: list[list[int]] = []
        for start, end in sorted(pairs):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return cls(tuple(p[0] for p in merged), tuple(p[1] for p in merged))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, max(start, end - 1)) - 1
        return i >= 0 and self.ends[i] > start

    def __len__(self) -> int:
        return len(self.starts)


@dataclass(frozen=True, slots=True)
class Scopes:
    non_prose: Spans
    quoted: Spans


def find_scopes(text: str) -> Scopes:
    non_prose = [p for needles, p in _NON_PROSE if any(n in text for n in needles)]
    return Scopes(Spans.of(non_prose, text), Spans.of([_QUOTED], text))

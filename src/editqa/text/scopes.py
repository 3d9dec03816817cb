"""Spans of text that are not prose: URLs, e-mail addresses, code, file paths; and quotations.

Checks skip the first kind entirely; quotations are verbatim speech, which spelling reports
more gently.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_NON_PROSE = re.compile(
    r"""
    (?:https?|ftp)://[^\s<>"'»”]+[^\s<>"'»”.,;:!?)\]]      # URLs with a scheme
  | \bwww\.[^\s<>"'»”]+[^\s<>"'»”.,;:!?)\]]               # bare www. addresses
  | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                           # e-mail addresses
  | `[^`\n]+`                                              # inline code
  | (?<!\w)@\w+ | (?<!\w)\#\w+                             # handles and hashtags
  | (?<![\w/])(?:[\w.-]+/)+[\w.-]+\.\w{1,5}\b              # file paths
  | \b\w+(?:\.\w+)+\(\)                                   # calls like os.path.join()
  | \b[\w-]+\.(?:com|org|net|ru|de|fr|es|uk|io|gov|edu|info)\b  # domain names
    """,
    re.VERBOSE,
)
_QUOTED = re.compile(r"“[^”\n]*”|«[^»\n]*»|„[^“”\n]*[“”]|\"[^\"\n]*\"")


@dataclass(frozen=True, slots=True)
class Spans:
    """Sorted, non-overlapping spans with a fast containment test."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, pattern: re.Pattern[str], text: str) -> Spans:
        pairs = [(m.start(), m.end()) for m in pattern.finditer(text)]
        return cls(tuple(p[0] for p in pairs), tuple(p[1] for p in pairs))

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
    return Scopes(Spans.of(_NON_PROSE, text), Spans.of(_QUOTED, text))

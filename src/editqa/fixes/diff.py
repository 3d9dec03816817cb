"""Annotated diffs: what the fixes changed, word by word, each change tied to its findings.

diff-match-patch compares the texts at word granularity (each word, run of spaces or
punctuation mark stands for one character, as its line mode does for lines) and cleans the
result up semantically. Every piece carries the findings of the original check that it
overlaps, so a reader sees why each change was made; findings without a fix annotate
unchanged text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

from editqa.model import Finding

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
EQUAL, DELETE, INSERT = "equal", "delete", "insert"


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of unchanged, deleted or inserted text. `start`/`end` are offsets in the
    original text (equal to each other for an insertion); `findings` are those it overlaps."""

    op: str
    text: str
    start: int
    end: int
    findings: tuple[Finding, ...] = ()


def _encode(tokens: list[str], table: dict[str, str], order: list[str]) -> str:
    out = []
    for tok in tokens:
        ch = table.get(tok)
        if ch is None:
            ch = table[tok] = (
                chr(0xE000 + len(order)) if len(order) < 6400 else chr(0xF0000 + len(order))
            )
            order.append(tok)
        out.append(ch)
    return "".join(out)


def word_diff(original: str, fixed: str) -> list[tuple[str, str]]:
    """(op, text) runs from `original` to `fixed`, at word granularity."""
    table: dict[str, str] = {}
    order: list[str] = []
    a = _encode(_TOKEN.findall(original), table, order)
    b = _encode(_TOKEN.findall(fixed), table, order)
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 2.0
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    back = {ch: tok for tok, ch in table.items()}
    ops = {0: EQUAL, -1: DELETE, 1: INSERT}
    return [(ops[op], "".join(back[ch] for ch in chars)) for op, chars in diffs if chars]


def annotated_diff(original: str, fixed: str, findings: Sequence[Finding]) -> list[Piece]:
    """The word diff as pieces, each tied to the findings (of `original`) it overlaps."""
    pieces: list[Piece] = []
    pos = 0
    for op, text in word_diff(original, fixed):
        if op == INSERT:
            linked = tuple(f for f in findings if f.start <= pos <= f.end and f.suggestions)
            pieces.append(Piece(op, text, pos, pos, linked))
            continue
        end = pos + len(text)
        if op == DELETE:
            linked = tuple(f for f in findings if f.start < end and f.end > pos)
        else:
            linked = tuple(f for f in findings if f.start < end and f.end > pos)
        pieces.append(Piece(op, text, pos, end, linked))
        pos = end
    return pieces


def unified_diff(original: str, fixed: str, fromfile: str, tofile: str) -> str:
    """A unified diff that `patch` and `git apply` accept: lines end at "\n" only (not at
    U+2028 or form feeds, as `str.splitlines` would have it), and a last line without a
    newline is marked as such."""
    import difflib

    def lines(text: str) -> list[str]:
        return [line for line in re.split(r"(?<=\n)", text) if line]

    out = []
    for line in difflib.unified_diff(lines(original), lines(fixed), fromfile, tofile):
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)

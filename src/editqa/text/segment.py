"""Tokens and sentence starts, computed once per document and shared by every check."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from editqa.model import Block, BlockKind

# Word characters plus combining marks (decomposed accents), soft hyphens and joiners, which
# belong inside a word although `\w` does not match them.
_WORD_CHARS = r"[\w\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff\u00ad\u200c\u200d]"
_TOKEN = re.compile(rf"{_WORD_CHARS}+(?:['’\-]{_WORD_CHARS}+)*")
_SENTENCE_END = re.compile(r"[.!?…]")
# Abbreviations whose full stop does not end a sentence (titles, "e.g.", initials).
_ABBREVIATION = re.compile(
    r"(?:^|\W)(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|Gen|Col|Capt|Lt|Sgt|Rev|Hon|Sen|Rep|Gov|Pres|"
    r"Mt|No|Nos|vs|etc|approx|cf|e\.g|i\.e|Fig|Vol|pp|Inc|Ltd|Co|Corp|г|гг|им|т\.е|"
    r"Hr|Fr|Frau|Nr|z\.B|Mme|Mlle|Sra|Sr|Dña|[A-Z])\.\s*$"
)


class TokenKind(StrEnum):
    WORD = "word"
    NUMBER = "number"
    CODE = "code"


class Token(NamedTuple):
    """A word, number or code-like token; offsets are into the document's text.
    (A NamedTuple: a document has hundreds of thousands, and tuples are built fastest.)"""

    start: int
    end: int
    text: str
    kind: TokenKind
    sentence_initial: bool
    block: int


@dataclass(frozen=True, slots=True)
class Segmentation:
    tokens: tuple[Token, ...]


def classify(word: str) -> TokenKind:
    if word.isalpha():
        return TokenKind.WORD
    if word.isdigit() or (word[0].isdigit() and not any(c.isalpha() for c in word)):
        return TokenKind.NUMBER
    if "_" in word or any(c.isdigit() for c in word):
        return TokenKind.CODE
    return TokenKind.WORD


def segment(text: str, blocks: tuple[Block, ...]) -> Segmentation:
    """Tokens of every block; a token is sentence-initial when it opens a block or follows
    sentence-final punctuation (abbreviations included: that only makes checks more lenient)."""
    tokens: list[Token] = []
    for bi, block in enumerate(blocks):
        if block.kind is BlockKind.CODE:
            continue
        prev_end = block.start
        first = True
        for m in _TOKEN.finditer(text, block.start, block.end):
            gap = text[prev_end : m.start()]
            initial = first or (
                gap != " "
                and bool(_SENTENCE_END.search(gap))
                and not _ABBREVIATION.search(text[max(block.start, prev_end - 8) : m.start()])
            )
            word = m.group()
            tokens.append(Token(m.start(), m.end(), word, classify(word), initial, bi))
            prev_end = m.end()
            first = False
    return Segmentation(tuple(tokens))

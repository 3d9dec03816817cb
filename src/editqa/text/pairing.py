"""Pairing a translation with its source: blocks aligned first, then sentences within
each aligned group of blocks (length-based, with numbers and names as anchors).

The result is a `Pair`: the source document, its language, and segments, each a span of the
source text and a span of the target text (either may be empty: an omission or an
addition). Segment ids are "p3.s2": the third aligned paragraph group, its second sentence
group.
"""

from __future__ import annotations

from dataclasses import dataclass

from editqa.document.loader import Document
from editqa.model import BlockKind
from editqa.text.align import (
    Bead,
    align,
    anchor_sets,
    anchors,
    calendar_keys,
    expected_ratio,
    split_sentences,
    suspicious,
)
from editqa.text.lang import base

ALIGNED_KINDS = frozenset(
    {BlockKind.TITLE, BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE}
)


@dataclass(frozen=True, slots=True)
class Segment:
    """One aligned unit: text spans (not source-file offsets) of each side; `problem` is
    "omitted", "added" or "length" when the alignment itself looks wrong."""

    id: str
    source: tuple[int, int]
    target: tuple[int, int]
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class Pair:
    source: Document
    source_language: str
    segments: tuple[Segment, ...]


def _units(doc: Document) -> list[tuple[int, int]]:
    return [(b.start, b.end) for b in doc.blocks if b.kind in ALIGNED_KINDS]


def pair_documents(
    source: Document, source_language: str, target: Document, target_language: str | None = None
) -> Pair:
    """Align `target` (the translation) with `source`, paragraphs then sentences. An
    omission gets an empty target span where the text is missing, an addition an empty
    source span."""
    s_units, t_units = _units(source), _units(target)
    s_texts = [source.text[a:b] for a, b in s_units]
    t_texts = [target.text[a:b] for a, b in t_units]
    ratio = expected_ratio(s_texts, t_texts)
    beads = align(s_texts, t_texts, ratio=ratio)
    # omissions skew the overall ratio: estimate it again from the one-to-one pairs
    better = _one_to_one_ratio(beads, s_texts, t_texts)
    if better is not None and abs(better - ratio) > 0.05 * ratio:
        ratio = better
        beads = align(s_texts, t_texts, ratio=ratio)
    segments: list[Segment] = []
    cursor = _Cursor(s_units[0][0] if s_units else 0, t_units[0][0] if t_units else 0)
    for p, bead in enumerate(beads, start=1):
        s_sent = [sp for i in bead.source for sp in split_sentences(source.text, *s_units[i])]
        t_sent = [sp for j in bead.target for sp in split_sentences(target.text, *t_units[j])]
        if not s_sent or not t_sent:  # a paragraph omitted or added as a whole
            whole = "omitted" if not t_sent else "added"
            segments.append(cursor.segment(f"p{p}", s_sent, t_sent, whole))
            continue
        s_txt = [source.text[a:b] for a, b in s_sent]
        t_txt = [target.text[a:b] for a, b in t_sent]
        for k, inner in enumerate(align(s_txt, t_txt, ratio=ratio), start=1):
            problem = suspicious(inner, s_txt, t_txt, ratio) or _merged_short(
                inner, s_txt, t_txt, ratio, (source_language, target_language)
            )
            segments.append(
                cursor.segment(
                    f"p{p}.s{k}",
                    [s_sent[i] for i in inner.source],
                    [t_sent[j] for j in inner.target],
                    problem,
                )
            )
    return Pair(source, source_language, tuple(segments))


def _one_to_one_ratio(beads: list[Bead], source: list[str], target: list[str]) -> float | None:
    """Target/source length over the 1-1 beads, when there are at least three."""
    pairs = [(b.source[0], b.target[0]) for b in beads if len(b.source) == len(b.target) == 1]
    if len(pairs) < 3:
        return None
    return expected_ratio([source[i] for i, _ in pairs], [target[j] for _, j in pairs])


MIN_DROPPED = 20  # characters: a shorter sentence merged away may be a fragment


def _merged_short(
    bead: Bead,
    source: list[str],
    target: list[str],
    ratio: float,
    languages: tuple[str, str | None] = ("", None),
) -> str | None:
    """ "length" for a 2-1 bead whose target is closer to the longer source sentence alone
    than to both, or keeps none of the anchors (numbers, names) of one of them: that
    sentence was probably left out, not merged in. And for a 1-2 bead whose source is
    closer to one target sentence alone, or one of whose target sentences has anchors the
    source has none of: that one was probably added."""
    s_lang: str | None = languages[0]
    t_lang = languages[1]
    if len(bead.source) == 2 and len(bead.target) == 1:
        two, one, scale = [source[i] for i in bead.source], target[bead.target[0]], ratio
        two_lang, one_lang = s_lang, t_lang
    elif len(bead.source) == 1 and len(bead.target) == 2:
        two, one, scale = [target[j] for j in bead.target], source[bead.source[0]], 1 / ratio
        two_lang, one_lang = t_lang, s_lang
    else:
        return None
    a, b = len(two[0]), len(two[1])
    if min(a, b) < MIN_DROPPED:
        return None
    lone = len(one)
    alone = min(abs(lone - a * scale), abs(lone - b * scale))
    if alone < abs(lone - (a + b) * scale):
        return "length"
    kept = anchors(one)
    lost = [_telling_anchors(t, two_lang, one_lang) for t in two]
    return "length" if any(keys and not keys & kept for keys in lost) else None


def _telling_anchors(text: str, lang: str | None, other: str | None) -> frozenset[str]:
    """The anchors of a sentence that its translation should keep: numbers and addresses,
    and names, leaving out the names of months and weekdays, which are translated. German
    capitalises its nouns too: there, one capitalised word is no evidence, two are."""
    strong, weak = anchor_sets(text)
    weak -= calendar_keys(lang or "") | calendar_keys(other or "") | calendar_keys("en")
    if not lang or (base(lang) == "de" and len(weak) < 2):
        return strong
    return strong | weak


class _Cursor:
    """Where the last segment ended on each side: an empty side is placed there."""

    def __init__(self, source: int, target: int) -> None:
        self.source, self.target = source, target

    def segment(
        self,
        ident: str,
        s_spans: list[tuple[int, int]],
        t_spans: list[tuple[int, int]],
        problem: str | None,
    ) -> Segment:
        s = (s_spans[0][0], s_spans[-1][1]) if s_spans else (self.source, self.source)
        t = (t_spans[0][0], t_spans[-1][1]) if t_spans else (self.target, self.target)
        self.source, self.target = s[1], t[1]
        return Segment(ident, s, t, problem)

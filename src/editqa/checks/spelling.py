"""Spelling: unknown words, misspelt proper nouns, and the other English dialect's spellings.

Deliberately ignored: URLs, e-mail addresses, code, paths (text scopes); tokens with digits or
underscores; ALL-CAPS acronyms; mixed-case words (camelCase, iPhone); words in another script
than the language's (the script rules report those); boilerplate blocks; project word lists;
and capitalised words that are not near misses of a known or more frequent name, which are
taken as names used consistently. Words inside quotation marks are reported as `info`.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from editqa.checks.base import CheckContext
from editqa.model import BlockKind, Category, Finding, FixSafety, Severity
from editqa.text.distance import edit_distance
from editqa.text.gazetteer import Gazetteer
from editqa.text.lang import base, language_script, letter_script
from editqa.text.lexicon import is_ize_variant
from editqa.text.segment import TokenKind

ACCEPTED_NAMES = "spelling.accepted-names"
SKIPPED_BLOCKS = frozenset({BlockKind.BOILERPLATE, BlockKind.CODE})
CAPITALISED_BLOCKS = frozenset({BlockKind.TITLE, BlockKind.HEADING})
MAX_NAME_USES_FOR_GAZETTEER = 1  # a name spelt the same way twice is used consistently
# Languages that capitalise every noun: there a capitalised unknown word is as likely a
# misspelt noun as a name.
NOUN_CAPITALISING = frozenset({"de"})


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    text: str
    positional_capital: bool  # capitalised because it opens a sentence or sits in a title
    in_name_run: bool  # a capitalised neighbour in mid-sentence ("Jalen Brunson", "Steffi Lemke")


def lookup_form(word: str) -> str:
    """The form to look a word up in: composed accents (NFC), no soft hyphens or joiners,
    typographic apostrophes made plain."""
    for invisible in ("\u00ad", "\u200c", "\u200d"):
        word = word.replace(invisible, "")
    return unicodedata.normalize("NFC", word).replace("’", "'")


class SpellingCheck:
    name = "spelling"

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        """Findings for unknown words; the capitalised words it accepted as names are left in
        `ctx.shared[ACCEPTED_NAMES]` for the grammar engines."""
        accepted: set[str] = ctx.shared.setdefault(ACCEPTED_NAMES, set())
        if not ctx.runtime.lexicon(ctx.language).available:
            return
        words = list(self._words(ctx))
        if not words:
            return
        usage = _Usage.of(ctx)
        for w in words:
            finding = self._check(ctx, w, usage)
            if finding is not None:
                yield finding
            elif w.text[0].isupper():
                accepted.add(w.text)

    def _words(self, ctx: CheckContext) -> Iterator[_Word]:
        """Checkable word parts not known as they stand: hyphenated compounds are split,
        non-words dropped. The decision for each distinct token text is made once."""
        blocks = ctx.document.blocks
        tokens = ctx.segmentation.tokens
        memo: dict[str, tuple[tuple[int, str], ...]] = {}
        for i, tok in enumerate(tokens):
            if tok.kind is not TokenKind.WORD:
                continue
            parts = memo.get(tok.text)
            if parts is None:
                parts = memo[tok.text] = self._parts_to_check(ctx, tok.text)
            if not parts:
                continue
            kind = blocks[tok.block].kind
            if kind in SKIPPED_BLOCKS or ctx.scopes.non_prose.overlaps(tok.start, tok.end):
                continue
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            prev = tokens[i - 1] if i > 0 else None
            in_name_run = (
                nxt is not None
                and nxt.block == tok.block
                and not nxt.sentence_initial
                and nxt.text[:1].isupper()
            ) or (
                prev is not None
                and prev.block == tok.block
                and not tok.sentence_initial
                and not prev.sentence_initial
                and prev.text[:1].isupper()
            )
            for offset, part in parts:
                start = tok.start + offset
                positional = (tok.sentence_initial and offset == 0) or kind in CAPITALISED_BLOCKS
                yield _Word(start, start + len(part), part, positional, in_name_run)

    def _parts_to_check(self, ctx: CheckContext, text: str) -> tuple[tuple[int, str], ...]:
        words = ctx.runtime.words
        lexicon = ctx.runtime.lexicon(ctx.language)
        if words.accepts(text) or lexicon.known(lookup_form(text)):
            return ()
        script = language_script(ctx.language)
        out = []
        offset = 0
        for part in text.split("-"):
            part = _without_possessive(part)
            if (
                len(part) >= 2
                and not words.accepts(part)
                and not _not_a_word(part)
                and letter_script(part[0]) == script
            ):
                out.append((offset, part))
            offset += len(part) + 1
        return tuple(out)

    def _check(self, ctx: CheckContext, w: _Word, usage: _Usage) -> Finding | None:
        lexicon = ctx.runtime.lexicon(ctx.language)
        text = lookup_form(w.text)
        if lexicon.known(text):
            return None
        quoted = ctx.scopes.quoted.overlaps(w.start, w.end)
        if lexicon.is_other_dialect(text) and (
            w.positional_capital or not w.text[0].isupper()
        ):  # capitalised mid-sentence, it is a name: the Labor Department, Rockefeller Center
            suggestions = lexicon.dialect_suggestions(text)
            oxford = is_ize_variant(w.text) and any(not is_ize_variant(x) for x in suggestions)
            if oxford and ctx.style.spelling == "oxford":
                return None  # the house spells British English with -ize
            note = " (Oxford spelling, also used in British English)" if oxford else ""
            return _finding(
                ctx,
                w,
                "spelling.dialect",
                Severity.INFO if quoted or oxford else Severity.WARNING,
                f"'{w.text}' is not the usual {ctx.language} spelling{note}.",
                suggestions,
            )
        if w.text[0].isupper():
            if lexicon.known(text.lower()) or lexicon.is_other_dialect(text):
                return None
            return self._check_name(ctx, w, usage, quoted)
        return self._unknown(ctx, w, quoted)

    def _unknown(self, ctx: CheckContext, w: _Word, quoted: bool) -> Finding:
        suggestions = ctx.runtime.lexicon(ctx.language).suggest(lookup_form(w.text))
        hint = f"; did you mean '{suggestions[0]}'?" if suggestions else "."
        note = " (inside a quotation)" if quoted else ""
        return _finding(
            ctx,
            w,
            "spelling.unknown-word",
            Severity.INFO if quoted else Severity.ERROR,
            f"Unknown word '{w.text}'{note}{hint}",
            suggestions,
        )

    def _check_name(
        self, ctx: CheckContext, w: _Word, usage: _Usage, quoted: bool
    ) -> Finding | None:
        """A capitalised unknown word is a name unless it is a near miss of a more frequent
        name in this text or of a gazetteer name; a sentence-initial one, or any capitalised
        word in a language that capitalises nouns, may be a plain typo."""
        counts = usage.counts
        n = counts[w.text]
        gazetteer = ctx.runtime.gazetteer()
        if w.text in gazetteer:
            return None
        near = usage.rivals(w.text) or gazetteer.near(w.text)
        in_text = [c for c in near if counts[c]]
        if near and (in_text or n <= MAX_NAME_USES_FOR_GAZETTEER):
            best = (in_text or near)[0]
            seen = f" (used {counts[best]} times in this text)" if counts[best] else ""
            severity = Severity.ERROR if in_text else Severity.WARNING
            return _finding(
                ctx,
                w,
                "spelling.proper-noun",
                Severity.INFO if quoted else severity,
                f"'{w.text}' looks like a misspelling of '{best}'{seen}.",
                tuple(dict.fromkeys([best, *near])),
            )
        noun_language = base(ctx.language) in NOUN_CAPITALISING
        if not w.in_name_run and (
            (noun_language and n <= MAX_NAME_USES_FOR_GAZETTEER)
            or (w.positional_capital and w.text not in usage.mid_sentence)
        ):
            lexicon = ctx.runtime.lexicon(ctx.language)
            suggestions = lexicon.suggest(lookup_form(w.text))
            first = suggestions[0] if suggestions else ""
            if (
                first
                and (noun_language or lexicon.known_common(first.lower()))
                and edit_distance(w.text.lower(), first.lower(), limit=1) <= 1
            ):
                return self._unknown(ctx, w, quoted)
        return None


def _finding(
    ctx: CheckContext,
    w: _Word,
    rule_id: str,
    severity: Severity,
    message: str,
    suggestions: tuple[str, ...],
) -> Finding:
    return ctx.finding(
        rule_id=rule_id,
        source="spelling",
        category=Category.MISSPELLING,
        severity=severity,
        message=message,
        start=w.start,
        end=w.end,
        suggestions=suggestions,
        fix_safety=FixSafety.SUGGEST,
    )


class _Usage:
    """How often each word (and each part of a hyphenated word) is used in checked blocks,
    which words appear capitalised in mid-sentence, and an index of the capitalised words
    used at least twice, for near misses."""

    def __init__(self, counts: Counter[str], mid_sentence: set[str]) -> None:
        self.counts = counts
        self.mid_sentence = mid_sentence
        self._index: Gazetteer | None = None
        self._memo: dict[str, list[str]] = {}

    @classmethod
    def of(cls, ctx: CheckContext) -> _Usage:
        blocks = ctx.document.blocks
        counts: Counter[str] = Counter()
        mid_sentence: set[str] = set()
        for tok in ctx.segmentation.tokens:
            kind = blocks[tok.block].kind
            if tok.kind is not TokenKind.WORD or kind in SKIPPED_BLOCKS:
                continue
            parts = [_without_possessive(p) for p in tok.text.split("-")]
            counts.update(parts)
            if not tok.sentence_initial and kind not in CAPITALISED_BLOCKS:
                mid_sentence.update(parts)
        return cls(counts, mid_sentence)

    def rivals(self, word: str) -> list[str]:
        """More frequent capitalised words of this text that `word` is a near miss of."""
        hit = self._memo.get(word)
        if hit is None:
            if self._index is None:
                self._index = Gazetteer(
                    w for w, n in self.counts.items() if n >= 2 and w[0].isupper()
                )
            n = self.counts[word]
            hit = sorted(
                (c for c in self._index.near(word) if self.counts[c] > n),
                key=lambda c: -self.counts[c],
            )
            self._memo[word] = hit
        return hit


def _without_possessive(part: str) -> str:
    """'Brunson's' -> 'Brunson'."""
    return part[:-2] if part[-2:] in ("'s", "’s") and len(part) > 3 else part


def _not_a_word(part: str) -> bool:
    """Acronyms and mixed-case identifiers are not checked."""
    if part.isupper():
        return True
    rest = part[1:]
    return rest != rest.lower()

"""Checking a translation against its source, segment by aligned segment.

Runs only when the check context carries a `Pair` (see `editqa.text.pairing`). Findings point
into the translation; each carries a `SegmentRef` naming the source segment and its span in
the source file. Rule ids are `bilingual.*`:
- `bilingual.omission` / `bilingual.addition` / `bilingual.length`: the alignment found a
  source segment with no translation, a translated segment with no source, or a length far
  from the language pair's ratio;
- `bilingual.number`: a number, date or time of the source missing from the translation.
  Numbers are compared by value, read with either side's CLDR separators, with scale words
  ("1,6 млн" = "1.6 million") and small number words ("три" = "three") understood, so numbers
  that differ only by locale format are never reported;
- `bilingual.url`, `bilingual.placeholder`: URLs, e-mail addresses, placeholders ({0}, %s,
  {{name}}) and markup tags that must come through unchanged;
- `bilingual.untranslated`: a segment identical to its source;
- `bilingual.whitespace`: leading or trailing white space of a unit not kept;
- `bilingual.quotes`: quotation marks that no longer pair up;
- `bilingual.end-punctuation`, `bilingual.brackets`: a question, exclamation or colon ending
  lost, or brackets that no longer balance;
- `bilingual.inconsistent`: the same source sentence translated two ways;
- `bilingual.name-spelling`: a source name spelt two ways in the translation;
- `bilingual.glossary`, `bilingual.forbidden-term`: a termbase's source term translated
  without its required target term, or with a forbidden one (`--glossary FILE`).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from functools import lru_cache

from editqa.checks.base import CheckContext
from editqa.document.loader import Document
from editqa.model import Category, Finding, FixSafety, SegmentRef, Severity
from editqa.text.align import name_key
from editqa.text.glossary import Term
from editqa.text.lang import base, cldr_facts
from editqa.text.pairing import Pair, Segment

_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"'»”]+[^\s<>\"'»”.,;:!?)]|[\w.+-]+@[\w-]+\.[\w.-]+\w"
    # a bare domain with a path or a common top-level domain: example.com/shop, gov.uk
    r"|(?<![\w@./-])(?:[a-z0-9][\w-]*\.)+(?:com|org|net|edu|gov|info|io|eu|uk|ru|de|fr|es|it"
    r"|nl|ch|at|be|pl|ua|by|kz)\b(?:/[^\s<>\"'»”]*[^\s<>\"'»”.,;:!?)])?"
)
_PLACEHOLDER = re.compile(
    r"\{\{\s*\w+\s*\}\}|\{\w*\}|%(?:\(\w+\))?[sdfi]|</?[a-zA-Z][\w-]*(?:\s[^<>]*)?/?>"
)
_MARKUP = re.compile(f"{_URL.pattern}|{_PLACEHOLDER.pattern}")
_DATE = re.compile(
    r"(?<![\w./-])(?:(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))(?![\w/]|[.-]\d)"
)
_TIME = re.compile(
    # 15:27, 15.27 (not 16.00%), 3:27 pm, 8 a.m., 16 Uhr, 17 h 30, 17h
    r"(?<![\w.:])(?P<h>[01]?\d|2[0-3])"
    r"(?:[:.](?P<mi>[0-5]\d)(?![\w:%]|[.,]\d)(?:\s?(?P<ap>[ap])\.?\s?m\b\.?)?"
    r"|\s?(?P<ap2>[ap])\.?\s?m\b\.?"
    r"|\s?(?:Uhr\b|h\b(?:\s?(?P<mi2>[0-5]\d)\b)?))",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?:[.,]\d+)?(?![\w.,]\d)|(?<![\w.,])\d+(?:[.,]\d+)?"
)
_WORD = re.compile(r"[^\W\d_]+")
_FINAL = "?!:…"

# Scale words (their stems) by the power of ten they stand for, in the supported languages.
SCALES = {
    3: ("thousand", "тыс", "тысяч", "tausend", "tsd", "mille", "mil"),
    6: ("million", "mln", "mn", "mio", "млн", "миллион", "millionen", "millón", "millones"),
    9: ("billion", "bn", "млрд", "миллиард", "milliard", "mrd", "mds", "milliarde"),
    12: ("trillion", "trn", "трлн", "триллион", "billionen", "billón", "billones"),
}
# outside English, "billion" is a million millions (de Billion, fr billion, es billón)
_LONG_SCALE_BILLION = ("billion",)
_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)[/–-](\d\d)\b(?![.,]\d)")
_ATTACHED_SCALES = {"k": 3, "m": 6, "mn": 6, "bn": 9}
# Number words 0-10 (and common inflections) of the supported languages.
NUMBER_WORDS = {
    "en": "zero one two three four five six seven eight nine ten",
    "ru": "ноль один два три четыре пять шесть семь восемь девять десять",
    "de": "null eins zwei drei vier fünf sechs sieben acht neun zehn",
    "fr": "zéro un deux trois quatre cinq six sept huit neuf dix",
    "es": "cero uno dos tres cuatro cinco seis siete ocho nueve diez",
}
# more number words: teens, tens and inflected forms (one is never reported: "a", "an",
# "ein" are too common)
_EXTRA_WORDS = {
    "en": {
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
        "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90,
    },
    "ru": {
        "две": 2, "двух": 2, "двум": 2, "двумя": 2, "трёх": 3, "трех": 3, "трём": 3,
        "трем": 3, "тремя": 3, "четырёх": 4, "четырех": 4, "четырём": 4, "четырем": 4,
        "четырьмя": 4, "пяти": 5, "пятью": 5, "шести": 6, "шестью": 6, "семи": 7,
        "семью": 7, "восьми": 8, "девяти": 9, "десяти": 10, "двадцать": 20, "двадцати": 20,
        "тридцать": 30, "тридцати": 30,
    },
    "de": {"elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30},
    "fr": {"onze": 11, "douze": 12, "vingt": 20, "trente": 30},
    "es": {"once": 11, "doce": 12, "veinte": 20, "treinta": 30},
}  # fmt: skip
_ENGLISH_COMPOUND = re.compile(
    r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-"
    r"(one|two|three|four|five|six|seven|eight|nine)\b",
    re.IGNORECASE,
)


class BilingualCheck:
    name = "bilingual"

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        pair = ctx.pair
        if pair is None:
            return
        seen_targets: dict[str, tuple[str, Segment]] = {}
        terms = [
            t for t in ctx.runtime.glossary.terms if t.applies(pair.source_language, ctx.language)
        ]
        for seg in pair.segments:
            yield from self._segment(ctx, pair, seg, seen_targets, terms)
        yield from _name_spellings(ctx, pair)

    def _segment(
        self,
        ctx: CheckContext,
        pair: Pair,
        seg: Segment,
        seen: dict[str, tuple[str, Segment]],
        terms: list[Term],
    ) -> Iterator[Finding]:
        src = pair.source.text[seg.source[0] : seg.source[1]]
        tgt = ctx.document.text[seg.target[0] : seg.target[1]]

        def finding(rule: str, category: Category, severity: Severity, message: str) -> Finding:
            return _finding(ctx, pair, seg, rule, category, severity, message)

        if seg.problem == "omitted":
            yield finding(
                "bilingual.omission",
                Category.OMISSION,
                Severity.ERROR,
                f"Source segment {seg.id} has no translation: {_short(src)!r}.",
            )
            return
        if seg.problem == "added":
            yield finding(
                "bilingual.addition",
                Category.OMISSION,
                Severity.WARNING,
                "This text has no counterpart in the source (an addition, or a mistranslation).",
            )
            return
        if src.strip() and not tgt.strip():
            yield finding(
                "bilingual.untranslated",
                Category.UNTRANSLATED,
                Severity.WARNING,
                f"Segment {seg.id} has no translation yet.",
            )
            return
        if seg.problem == "length":
            yield finding(
                "bilingual.length",
                Category.OMISSION,
                Severity.WARNING,
                f"Unusual length for a translation of {seg.id} "
                f"({len(tgt)} characters for {len(src)} in the source): check for omissions.",
            )
        if (
            _norm(src) == _norm(tgt)
            and len(_WORD.findall(src)) >= 2
            and base(pair.source_language) != base(ctx.language)
        ):
            yield finding(
                "bilingual.untranslated",
                Category.UNTRANSLATED,
                Severity.ERROR,
                "This segment is the same as its source: it was not translated.",
            )
            return
        left = _left_in_source_language(ctx, pair.source_language, tgt)
        if left is not None:
            yield _finding(
                ctx,
                pair,
                seg,
                "bilingual.untranslated",
                Category.UNTRANSLATED,
                Severity.ERROR,
                f"These words are in the source's language, not translated: "
                f"{_short(tgt[left[0] : left[1]])!r}.",
                (seg.target[0] + left[0], seg.target[0] + left[1]),
            )
        missing = _missing_numbers(src, tgt, pair.source_language, ctx.language)
        if missing:  # one finding a segment: findings are one per rule and span
            yield finding(
                "bilingual.number",
                Category.NUMBERS,
                Severity.ERROR,
                f"The source has {_listed(missing)}, which this translation does not.",
            )
        for start, end, fixed in _foreign_formats(src, tgt, pair.source_language, ctx.language):
            written = tgt[start:end]
            yield _finding(
                ctx,
                pair,
                seg,
                "bilingual.number-format",
                Category.LOCALE_CONVENTION,
                Severity.ERROR,
                f"{written!r} is written as the source's language writes numbers; "
                f"here it reads as another number: write {fixed!r}.",
                (seg.target[0] + start, seg.target[0] + end),
                (fixed,),
            )
        for pattern, rule, what in (
            (_URL, "bilingual.url", "address"),
            (_PLACEHOLDER, "bilingual.placeholder", "placeholder or tag"),
        ):
            lost = [
                t for t in dict.fromkeys(m.group() for m in pattern.finditer(src)) if t not in tgt
            ]
            if lost:
                yield finding(
                    rule,
                    Category.MARKUP,
                    Severity.ERROR,
                    f"The source's {what} {_listed([repr(t) for t in lost])} is missing or changed here.",
                )
        lead = (src[:1].isspace(), tgt[:1].isspace())
        trail = (src[-1:].isspace(), tgt[-1:].isspace())
        if lead[0] != lead[1] or trail[0] != trail[1]:
            where = "start" if lead[0] != lead[1] else "end"
            yield finding(
                "bilingual.whitespace",
                Category.TYPOGRAPHICAL,
                Severity.INFO,
                f"White space at the {where} differs from the source's (a unit's spaces often matter where it is shown).",
            )
        s_end, t_end = _end_mark(src), _end_mark(tgt)
        lost_stop = s_end == "." and (t_end in "!?" or t_end.isalnum())
        asked = src.count("?")  # Spanish opens with ¿ and closes with ?: count the closing
        lost_stop = lost_stop or (asked > tgt.count("?") and s_end != "?")
        exclaimed = tgt.count("!") > src.count("!")
        if (
            (s_end in _FINAL and t_end != s_end and not (s_end == "…" and tgt.endswith("...")))
            or lost_stop
            or exclaimed
        ):
            said = f"The source ends with {s_end!r}, this translation with {t_end or 'nothing'!r}."
            if s_end == t_end == "." and asked:
                said = "The source asks a question here (?) that this translation does not."
            elif s_end == t_end:
                said = "This translation exclaims (!) where the source does not."
            yield finding(
                "bilingual.end-punctuation", Category.TYPOGRAPHICAL, Severity.WARNING, said
            )
        # paragraphs decide: a quotation may run over two sentences, cut differently; the
        # finding covers the paragraph, since the missing mark may belong to any sentence
        s_block, _ = _block_of(pair.source, seg.source[0], src)
        t_block, t_span = _block_of(ctx.document, seg.target[0], tgt)
        if _quotes_balance(s_block) and not _quotes_balance(t_block):
            yield _finding(
                ctx,
                pair,
                seg,
                "bilingual.quotes",
                Category.TYPOGRAPHICAL,
                Severity.WARNING,
                "Quotation marks do not pair up in this paragraph (they do in the source's).",
                t_span or seg.target,
            )
        if not _brackets_differ(s_block) and _brackets_differ(t_block):
            yield _finding(
                ctx,
                pair,
                seg,
                "bilingual.brackets",
                Category.TYPOGRAPHICAL,
                Severity.WARNING,
                "Brackets do not balance in this paragraph (they do in the source's).",
                t_span or seg.target,
            )
        for term in terms:
            if not term.pattern.search(src):
                continue
            if term.targets and not any(p.search(tgt) for p in term.target_patterns):
                wanted = " or ".join(repr(t) for t in term.targets)
                yield finding(
                    "bilingual.glossary",
                    Category.TERMINOLOGY,
                    Severity.WARNING,
                    f"The glossary translates {term.source!r} as {wanted} ({term.where}).",
                )
            used = [
                t
                for t, p in zip(term.forbidden, term.forbidden_patterns, strict=True)
                if p.search(tgt)
            ]
            if used:
                yield finding(
                    "bilingual.forbidden-term",
                    Category.TERMINOLOGY,
                    Severity.ERROR,
                    f"The glossary forbids {used[0]!r} for {term.source!r} ({term.where}).",
                )
        key = _norm(src)
        if len(_WORD.findall(src)) >= 3:
            earlier = seen.get(key)
            if earlier is None:
                seen[key] = (_norm(tgt), seg)
            elif earlier[0] != _norm(tgt):
                yield finding(
                    "bilingual.inconsistent",
                    Category.TERMINOLOGY,
                    Severity.INFO,
                    f"The same source sentence is translated differently in {earlier[1].id}.",
                )


def _name_spellings(ctx: CheckContext, pair: Pair) -> Iterator[Finding]:
    """A source name spelt two ways in the translation ("Smirnova", "Smirnowa"): the
    spelling used less often is reported, with the other as the fix. Names are matched
    across scripts and inflections by `name_key` ("Смирновой" ~ "Smirnova")."""
    from collections import Counter

    spellings: dict[str, Counter[str]] = {}
    places: dict[str, list[tuple[int, int, Segment]]] = {}
    for seg in pair.segments:
        src = pair.source.text[seg.source[0] : seg.source[1]]
        keys = {name_key(w) for w in _names(src)}
        if not keys:
            continue
        for m in _NAME.finditer(ctx.document.text, seg.target[0], seg.target[1]):
            if m.start() == seg.target[0]:
                continue  # sentence-initial: capitalised for another reason
            key = name_key(m.group())
            if key in keys and len(key) > 3:
                spellings.setdefault(key, Counter())[m.group()] += 1
                places.setdefault(key, []).append((m.start(), m.end(), seg))
    for key, counts in spellings.items():
        if len(counts) < 2:
            continue
        best = counts.most_common(1)[0][0]
        for start, end, seg in places[key]:
            written = ctx.document.text[start:end]
            if written == best:
                continue
            f = _finding(
                ctx,
                pair,
                seg,
                "bilingual.name-spelling",
                Category.TERMINOLOGY,
                Severity.WARNING,
                f"This name is spelt {best!r} elsewhere in the translation ({counts[best]} times).",
            )
            from dataclasses import replace

            s, e = ctx.document.to_source(start, end)
            yield replace(
                f,
                start=s,
                end=e,
                text=ctx.document.source[s:e],
                suggestions=(best,),
                fix_safety=FixSafety.SUGGEST,
            )


_NAME = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zß-öø-ÿа-яё]+(?:-[A-ZА-Я][a-zа-я]+)?(?![\w-])")


def _names(text: str) -> list[str]:
    """Capitalised words of a text that are not the first word of a sentence."""
    out = []
    for m in _NAME.finditer(text):
        before = text[: m.start()].rstrip()
        if before and before[-1] not in '.!?…:"«„“':
            out.append(m.group())
    return out


def _finding(
    ctx: CheckContext,
    pair: Pair,
    seg: Segment,
    rule: str,
    category: Category,
    severity: Severity,
    message: str,
    span: tuple[int, int] | None = None,
    suggestions: tuple[str, ...] = (),
) -> Finding:
    """A finding on the segment's translation (or on `span` in it), tied to its source."""
    from dataclasses import replace

    s, e = pair.source.to_source(*seg.source)
    ref = SegmentRef(seg.id, s, e, pair.source.source[s:e])
    start, end = span or seg.target
    f = ctx.finding(
        rule_id=rule,
        source="bilingual",
        category=category,
        severity=severity,
        message=message,
        start=start,
        end=end,
        suggestions=suggestions,
        fix_safety=FixSafety.SUGGEST,
    )
    return replace(f, segment=ref)


_QUOTE_PAIRS = (("“", "”"), ("«", "»"), ("„", "“"), ("‚", "‘"))


LEFT_WORDS = 3  # source-language words in a row (shared words between) that make a run


def _left_in_source_language(ctx: CheckContext, s_lang: str, tgt: str) -> tuple[int, int] | None:
    """A run of the translation left in the source's language (a French clause in an
    English text, an English one in a Russian text): at least LEFT_WORDS lower-case words
    the source language's dictionary knows and the target's does not, with only words both
    know (or names, numbers) between them. Its span in `tgt`, or None."""
    t_lang = ctx.language
    if base(s_lang) == base(t_lang):
        return None
    source_lex, target_lex = ctx.runtime.lexicon(s_lang), ctx.runtime.lexicon(t_lang)
    if not (source_lex.available and target_lex.available):
        return None
    tgt = _MARKUP.sub(lambda m: " " * len(m.group()), tgt)  # addresses are not words
    run: list[tuple[int, int]] = []  # the source-language words of the current run
    shared = 0  # words both languages know, inside it
    best: tuple[list[tuple[int, int]], int] = ([], 0)
    for m in _WORD.finditer(tgt):
        word = m.group()
        if len(word) < 2 or not word.islower():
            continue  # names, initials and numbers neither start nor end a run
        if target_lex.known(word):
            if not source_lex.known(word):
                best, run, shared = max(best, (run, shared), key=_weight), [], 0
            elif run:
                shared += 1
            continue
        if source_lex.known(word):
            run.append(m.span())
    words, shared = max(best, (run, shared), key=_weight)
    # three of the source's words, or two among four ("presidente de la cooperativa")
    if len(words) >= LEFT_WORDS or (len(words) == 2 and len(words) + shared >= 4):
        return words[0][0], words[-1][1]
    return None


def _weight(run: tuple[list[tuple[int, int]], int]) -> tuple[int, int]:
    return len(run[0]), run[1]


def _end_mark(text: str) -> str:
    """A segment's last character that is not a space, a closing quote or bracket."""
    return text.rstrip(" \t\r\n\"'”»’)]\u00a0")[-1:]


def _block_of(doc: Document, offset: int, fallback: str) -> tuple[str, tuple[int, int] | None]:
    """The text and span of the block (paragraph) holding a text offset (or `fallback`)."""
    for b in doc.blocks:
        if b.start <= offset < b.end:
            return doc.text[b.start : b.end], (b.start, b.end)
    return fallback, None


def _brackets_differ(text: str) -> bool:
    return text.count("(") != text.count(")")


def _quotes_balance(text: str) -> bool:
    """Whether straight double quotes come in pairs and each kind of curly or angle quote
    closes as often as it opens (German „…“ reuses “ as its closing mark)."""
    if text.count('"') % 2:
        return False
    if "„" in text:
        return text.count("„") == text.count("“") and text.count("«") == text.count("»")
    return all(text.count(a) == text.count(b) for a, b in _QUOTE_PAIRS[:2])


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()) + re.findall(r"\d+", text))


# ---- numbers, dates and times, compared by value ----


def _missing_numbers(src: str, tgt: str, s_lang: str, t_lang: str) -> list[str]:
    """What the source states (numbers, dates, times) that the target does not."""
    out: list[str] = []
    # numbers inside addresses and placeholders are not the text's numbers ("{0}")
    src, tgt = _MARKUP.sub(" ", src), _MARKUP.sub(" ", tgt)
    t_dates, t_times, t_rest = _dates_times(tgt, t_lang)
    s_dates, s_times, s_rest = _dates_times(src, s_lang)
    have_dates = {d for d, _ in t_dates}
    have_times = {t for t, _ in t_times}
    for d, text in s_dates:
        if d not in have_dates:
            out.append(f"the date {text!r}")
    t_values = _values(t_rest, t_lang, s_lang)
    verbatim = set(_NUMBER.findall(tgt))  # "3.11" carried over as written (a version)
    for t, text in s_times:
        if t in have_times:
            continue
        # "3:27" may be "15:27"; but "9 a.m." is not "21:00"
        loose = {(h % 12, m) for (h, m), said in t_times if not _definite(said)}
        if (t[0] % 12, t[1]) in loose or (
            not _definite(text) and (t[0] % 12, t[1]) in {(h % 12, m) for h, m in have_times}
        ):
            continue
        if ":" not in text and round(t[0] + t[1] / 100, 6) in t_values:
            continue  # "16.00" in a rate, not a clock
        out.append(f"the time {text!r}")
    for text, values in _numbers(s_rest, s_lang, s_lang, scaled=True):
        if not values & t_values and text not in verbatim:
            out.append(f"the number {text!r}")
    return out


def _foreign_formats(
    src: str, tgt: str, s_lang: str, t_lang: str
) -> Iterator[tuple[int, int, str]]:
    """Numbers of the translation written with the source language's separators ("2.4" in
    German for the source's 2.4, "1,6 million" in English for "1,6 млн"): each one's span
    in `tgt` and its form in the target language. Only when the target's reading of it is
    none of the source's numbers and the source's reading is one of them."""
    s_facts, t_facts = cldr_facts(s_lang), cldr_facts(t_lang)
    if (s_facts["decimal"], s_facts["group"]) == (t_facts["decimal"], t_facts["group"]):
        return
    _, _, s_rest = _dates_times(_MARKUP.sub(" ", src), s_lang)
    _, _, t_rest = _dates_times(_MARKUP.sub(" ", tgt), t_lang)
    stated = _values(s_rest, s_lang, s_lang)
    for m in _NUMBER.finditer(t_rest):
        token = m.group()
        if not any(ch in token for ch in ".,"):
            continue
        scale = _scale_after(t_rest, m.end(), t_lang)
        ours = _scaled(_readings(token, (t_lang,)), scale)
        theirs = _scaled(_readings(token, (s_lang,)), scale)
        before = re.search(r"(\S+)\s*$", t_rest[: m.start()])
        if before and f"{before.group(1)} {token}" in src:
            continue  # carried over with its name: a version or model ("Python 3.11")
        if theirs & stated and not ours & stated:
            swap = {s_facts["decimal"]: t_facts["decimal"], s_facts["group"]: t_facts["group"]}
            yield m.start(), m.end(), "".join(swap.get(ch, ch) for ch in token)


def _scaled(values: set[float], scale: int) -> set[float]:
    return values | {round(v * 10**scale, 6) for v in values} if scale else values


Dated = list[tuple[datetime.date, str]]
Timed = list[tuple[tuple[int, int], str]]


def _dates_times(text: str, lang: str) -> tuple[Dated, Timed, str]:
    """Dates and times in a text (numeric, or with a month name of the language or
    English), and the text with them blanked out."""
    dates: list[tuple[datetime.date, str]] = []
    times: list[tuple[tuple[int, int], str]] = []
    rest = list(text)

    def blank(m: re.Match[str]) -> None:
        for i in range(m.start(), m.end()):
            rest[i] = " "

    for m in _DATE.finditer(text):
        try:
            if m.group("y"):
                dates.append((datetime.date(int(m["y"]), int(m["m"]), int(m["d"])), m.group()))
            else:
                dates.append((datetime.date(int(m["iy"]), int(m["im"]), int(m["id"])), m.group()))
        except ValueError:
            try:  # month first (an American date)
                dates.append((datetime.date(int(m["y"]), int(m["d"]), int(m["m"])), m.group()))
            except (ValueError, TypeError):
                continue
        blank(m)
    for m, date in _named_dates(text, lang):
        dates.append((date, m.group()))
        blank(m)
    english = base(lang) == "en"
    for m in _TIME.finditer("".join(rest)):
        if english and m["mi"] and text[m.start("mi") - 1] == "." and not m["ap"]:
            continue  # "1.38 metres": English writes "3.30pm" with its half of the day
        times.append((_clock(m), m.group()))
        blank(m)
    return dates, times, "".join(rest)


def _definite(said: str) -> bool:
    """Whether a time as written says which half of the day it is (pm, 0:30, 21:00)."""
    m = _TIME.match(said)
    if m is None:
        return False
    hour = int(m["h"])
    return bool(m["ap"] or m["ap2"]) or hour == 0 or hour >= 13 or said.startswith("0")


def _clock(m: re.Match[str]) -> tuple[int, int]:
    """(hour, minute) on the 24-hour clock of a _TIME match."""
    hour, minute = int(m["h"]), int(m["mi"] or m["mi2"] or 0)
    half = (m["ap"] or m["ap2"] or "").lower()
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return hour, minute


def _named_dates(text: str, lang: str) -> Iterator[tuple[re.Match[str], datetime.date]]:
    for pattern, months in (_month_pattern(lang), _month_pattern("en")):
        for m in pattern.finditer(text):
            month = months.get((m["m1"] or m["m2"]).rstrip(".").lower())
            day = int(m["d1"] or m["d2"])
            try:
                yield m, datetime.date(int(m["y1"] or m["y2"]), month or 0, day)
            except ValueError:
                continue


@lru_cache(maxsize=16)
def _month_pattern(lang: str) -> tuple[re.Pattern[str], dict[str, int]]:
    months: dict[str, int] = dict(cldr_facts(lang)["month_numbers"])
    names = "|".join(re.escape(n) for n in sorted(months, key=len, reverse=True))
    pattern = re.compile(
        rf"(?P<d1>\d{{1,2}})\.?\s+(?:de\s+)?(?P<m1>{names})\.?(?:\s+de)?\s+(?P<y1>\d{{4}})"
        rf"|(?P<m2>{names})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})",
        re.IGNORECASE,
    )
    return pattern, months


def _numbers(
    text: str, lang: str, other: str, scaled: bool = False
) -> list[tuple[str, set[float]]]:
    """Each number of `text` with the values it may have. A number followed by a scale word
    ("1,6 млн") is worth the scaled value, and, unless `scaled`, its bare value too (the
    target side: "1.6 million" must meet a source's "1,6 млн" however it is read). Number
    words in a hyphenated compound ("three-year") are left out: translations fold them into
    one word ("трехлетний", "dreijährig")."""
    out = []
    for m in _NUMBER.finditer(text):
        values = _readings(m.group(), (lang, other))
        scale = _scale_after(text, m.end(), lang)
        if scale:
            grown = {round(v * 10**scale, 6) for v in values}
            values = grown if scaled else values | grown
        out.append((m.group(), values))
    for m in _YEAR_RANGE.finditer(text):  # "2023/24" names 2024 too
        out.append((m.group(), {float(m.group(1)[:2] + m.group(2))}))
    if base(lang) == "en":  # "twenty-eight"
        for m in _ENGLISH_COMPOUND.finditer(text):
            tens = _EXTRA_WORDS["en"][m.group(1).lower()]
            out.append((m.group(), {float(tens + _number_words("en")[m.group(2).lower()])}))
    for m in _WORD.finditer(text):
        if text[m.end() : m.end() + 1] == "-" or text[m.start() - 1 : m.start()] == "-":
            continue
        value = _word_value(m.group().lower(), lang)
        if value is not None and value > 1:
            out.append((m.group(), {float(value)}))
    return out


def _values(text: str, lang: str, other: str) -> set[float]:
    values: set[float] = set()
    for _, vs in _numbers(text, lang, other):
        values |= vs
    return values


def _readings(token: str, langs: tuple[str, ...]) -> set[float]:
    """The values a number token can have under the separators of these languages."""
    out: set[float] = set()
    for lang in langs:
        decimal, group = cldr_facts(lang)["decimal"], cldr_facts(lang)["group"]
        if any(ch in ".," and ch not in (decimal, group) for ch in token):
            continue  # "6.2" is no number in Russian, whose separators are "," and a space
        raw = token
        for g in {group, " ", "\u00a0", "\u202f"}:
            raw = raw.replace(g, "")
        raw = raw.replace(decimal, ".")
        try:
            out.add(round(float(raw), 6))
        except ValueError:
            continue
    return out


def _scale_after(text: str, end: int, lang: str) -> int:
    """The power of ten of a scale word right after a number ("1,6 млн", "£2bn", "2 mil
    millones"), in the text's language; 0 without one."""
    m = re.match(r"[\s\u00a0\u202f]*([^\W\d_]+)(?:\s+(millones)\b)?", text[end : end + 30])
    if not m:
        return 0
    word = m.group(1).lower()
    if m.start(1) == 0 and word in _ATTACHED_SCALES:  # "£1.6m", "$2bn", "5k"
        return _ATTACHED_SCALES[word]
    if word == "mil" and m.group(2):  # Spanish "mil millones": a thousand millions
        return 9
    if base(lang) != "en" and word.startswith(_LONG_SCALE_BILLION):
        return 12
    # the longest stem decides: Spanish "mil" (thousand) begins "million" and "milliard"
    found = [
        (len(s), power) for power, stems in SCALES.items() for s in stems if word.startswith(s)
    ]
    return max(found)[1] if found else 0


@lru_cache(maxsize=16)
def _number_words(lang: str) -> dict[str, int]:
    words = NUMBER_WORDS.get(base(lang), "").split()
    return {w: i for i, w in enumerate(words)}


def _word_value(word: str, lang: str) -> int | None:
    value = _number_words(lang).get(word)
    if value is None:
        value = _EXTRA_WORDS.get(base(lang), {}).get(word)
    return value

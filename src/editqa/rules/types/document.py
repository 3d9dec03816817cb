"""Rule types that look at a whole document: repetition, consistency and page debris.

`repetition` with `check: designation` (the default) finds a long capitalised designation (a
title and a name: "General of the Army Maria Petrova") repeated after its first mention, and
suggests the short form (the last word, usually the surname). Lower-case linking words ("of
the") may sit inside the run; `min_words` sets how long a run must be. With `check: phrase`
it finds the same run of `min_words` words or more in two adjacent sentences ("the results of
the talks on trade ... the results of the talks on trade"), with no fix. With `check:
titled-name` it finds a title in lower-case words and a name ("la ministre du Travail
Catherine Vautrin") repeated in a later sentence, where capitalised runs do not show the
title, and suggests the surname.

`consistency` wants one form per document where several are correct. `check:`
- `variants`: each list in `sets` holds spellings of one word ("email", "e-mail"); the form
  used most often (the first listed on a tie) is suggested for the others.
- `ise-ize`: -ise and -ize spellings of the same words ("organise", "realize"); the house
  choice (`[style] spelling = "oxford"` means -ize) or else the majority wins. With
  `spelling = "en-GB"` or `"en-US"` the spelling check's dialect findings cover this.
- `grouping`: thousands grouped in more than one way ("10,000", "10 000", "10000"); the
  locale's way (CLDR's group sign) is suggested.
- `dates`: long dates in both orders ("23 December 2015", "March 14").
- `clock`: times on both clocks ("2:30pm", "14:30"), when the house style has not chosen.
- `percent`: both "%" and the rule's `word` ("per cent"), when the house style has no choice.
- `serial-comma`: lists of three words with and without a comma before "and"/"or"; the
  house choice (`[style] serial_comma = true|false`) flags every list of the other kind. A
  first "item" after an opening phrase that starts with one of `intro` ("After lunch,
  ministers and officials") is no list.

`debris` reports each run of web-page leftovers around the article once, with a fix that
removes the run, up to the next block. Lines are told apart by general features, in the
extractor (`document.plain`): no sentence punctuation and no function words, breadcrumb
separators, key=value stamps, bare numbers and dates, lists that repeat themselves, short
unpunctuated lines after the last paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from editqa.errors import RuleError
from editqa.model import BlockKind
from editqa.rules.types import CodeType, Hit, alternation, choice, first_chars, word_list
from editqa.rules.types.numbers import month_names
from editqa.text.lexicon import match_case

if TYPE_CHECKING:
    from editqa.checks.base import CheckContext
    from editqa.model import Block

_RUN_PATTERN = (
    r"(?<![\w-])(?:\p{Lu}[\p{L}'’-]*)"
    r"(?:\s+(?:(?:of|the|for|de|la|del|von|der|и)\s+)*\p{Lu}[\p{L}'’-]*)+"  # _LINKERS
)


_LINKERS = frozenset({"of", "the", "for", "de", "la", "del", "von", "der", "и"})


def _prose(blocks: list[Block]) -> list[tuple[int, int]]:
    return [(b.start, b.end) for b in blocks if b.kind is not BlockKind.BOILERPLATE]


class Repetition(CodeType):
    name = "repetition"
    allowed = frozenset({"check", "min_words", "not_after"})
    fields = frozenset({"match", "suggestion", "first", "count"})
    whole_document = True

    def pattern(self, where: str, options: Mapping[str, Any]) -> str:
        choice(where, options, "check", ("designation", "phrase", "titled-name"), "designation")
        word_list(where, options, "not_after", required=False)
        n = options.get("min_words", 4)
        if not isinstance(n, int) or isinstance(n, bool) or n < 2:
            raise RuleError(f"{where} 'min_words' must be a whole number of at least 2")
        return super().pattern(where, options)

    def scan(
        self, ctx: CheckContext, options: Mapping[str, Any], blocks: list[Block]
    ) -> Iterable[Hit]:
        check = options.get("check", "designation")
        if check == "phrase":
            yield from _repeated_phrases(ctx, int(options.get("min_words", 4)))
            return
        if check == "titled-name":
            places = {w.lower() for w in options.get("not_after", ())}
            yield from _repeated_titled_names(ctx, int(options.get("min_words", 4)), places)
            return
        yield from _repeated_designations(ctx, options, blocks)


MAX_DESIGNATION = 12  # words: longer capitalised runs are headings in capitals, not titles


def _repeated_designations(
    ctx: CheckContext, options: Mapping[str, Any], blocks: list[Block]
) -> Iterable[Hit]:
    """Each repeat of a long capitalised run; the first mention is left alone."""
    import regex

    text = ctx.document.text
    run = regex.compile(_RUN_PATTERN)
    word = regex.compile(r"\S+")
    n = int(options.get("min_words", 4))
    seen: dict[str, int] = {}  # a run, or a tail of one, -> mentions so far
    for lo, hi in _prose(blocks):
        for m in run.finditer(text, lo, hi):
            words = list(word.finditer(text, m.start(), m.end()))[-MAX_DESIGNATION:]
            if len(words) < n or words[-1].group().isupper():
                continue  # too short, or it ends in an acronym ("Deutsche Bahn AG"): no name
            # "Later Chief Constable Alan Marsh" repeats "Chief Constable Alan Marsh":
            # compare every tail of the run that is long enough, longest first
            tails = [words[i:] for i in range(len(words) - n + 1)]
            keys = [" ".join(w.group() for w in tail) for tail in tails]
            hit = next((i for i, key in enumerate(keys) if key in seen), None)
            for key in keys:
                seen[key] = seen.get(key, 0) + (1 if hit is None else 0)
            if hit is None:
                continue
            key = keys[hit]
            seen[key] += 1
            tail = tails[hit]
            # "Health and Social Care Secretary ...": the run is the second half of a title
            lead = _joined(text, tail[0].start()) if hit == 0 else None
            yield (
                tail[0].start() if lead is None else lead,
                tail[-1].end(),
                tail[-1].group(),
                {"first": key, "count": str(seen[key])},
            )


def _joined(text: str, start: int) -> int | None:
    """Where a capitalised run really starts when "Word and " (or "&") comes before it, as
    in "Health and Social Care Secretary"; None when it does not."""
    import regex

    lo = max(0, start - 60)
    m = regex.search(r"(?:\p{Lu}[\p{L}'’-]*\s+(?:and|&|und|et|y|и)\s+)+$", text[lo:start])
    return lo + m.start() if m else None


def _sentences(ctx: CheckContext) -> list[list[Any]]:
    """The tokens of paragraphs, list items and quotes, sentence by sentence."""
    prose_blocks = {
        i
        for i, b in enumerate(ctx.document.blocks)
        if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE)
    }
    sentences: list[list[Any]] = []
    for token in ctx.segmentation.tokens:
        if token.block not in prose_blocks:
            continue
        if token.sentence_initial or not sentences or sentences[-1][-1].block != token.block:
            sentences.append([])
        sentences[-1].append(token)
    return sentences


def _repeated_titled_names(ctx: CheckContext, n: int, places: set[str]) -> Iterable[Hit]:
    """A title written in lower-case words before a first name and surname ("la ministre du
    Travail Catherine Vautrin", "заместитель мэра Москвы Максим Ликсутов") repeated in a
    later sentence: the run of words both mentions share, ending in the name, is reported,
    with the surname as the short form. Names after one of `places`, the prepositions of
    places ("à", "в"), are places and left out."""
    sentences = _sentences(ctx)
    seen: dict[tuple[str, ...], tuple[int, int, int]] = {}  # last n words -> first, count
    for si, sentence in enumerate(sentences):
        j = len(sentence) - 1
        while j >= max(1, n - 1):
            last, before = sentence[j], sentence[j - 1]
            if (
                not (last.text[:1].isupper() and before.text[:1].isupper())
                or before.sentence_initial
            ):
                j -= 1
                continue
            key = tuple(t.text.lower() for t in sentence[j - n + 1 : j + 1])
            if key not in seen:
                seen[key] = (si, j, 1)
                j -= 1
                continue
            fi, fj, count = seen[key]
            after_place = j >= 2 and sentence[j - 2].text.lower() in places
            if fi == si or after_place:
                j -= 1
                continue
            first = sentences[fi]
            k = n  # extend the shared run backwards as far as both mentions agree
            while (
                j - k >= 0
                and fj - k >= 0
                and sentence[j - k].text.lower() == first[fj - k].text.lower()
            ):
                k += 1
            run = sentence[j - k + 1 : j + 1]
            seen[key] = (fi, fj, count + 1)
            phrase = ctx.document.text[run[0].start : run[-1].end]
            yield run[0].start, run[-1].end, last.text, {"first": phrase, "count": str(count + 1)}
            j -= k


_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


def _repeated_phrases(ctx: CheckContext, n: int) -> Iterable[Hit]:
    """The first run of at least `n` words that a sentence repeats from the sentence just
    before it, in paragraphs and list items (not the headline, which the lead may echo).
    Works on the lower-cased text with C-speed splitting: most sentence pairs share fewer
    than two long words and are dismissed before any n-gram is built."""
    text = ctx.document.text
    lowered = ctx.shared.get("lowered")
    if lowered is None:
        lowered = ctx.shared["lowered"] = text.lower()
    kinds = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE)
    for block in ctx.document.blocks:
        if block.kind not in kinds:
            continue
        previous: list[str] = []
        previous_long: set[str] = set()
        for sm in _SENTENCE.finditer(lowered, block.start, block.end):
            words = _WORD.findall(sm.group())
            long = {w for w in words if len(w) >= 5}
            if len(words) >= n and len(long & previous_long) >= 2:
                hit = _shared_run(words, previous, n)
                if hit is not None:
                    spans = [m.span() for m in _WORD.finditer(text, sm.start(), sm.end())]
                    if len(spans) == len(words):
                        start, end = spans[hit[0]][0], spans[hit[1]][1]
                        run = text[start:end]
                        if not _designation(run):
                            yield start, end, None, {"first": run}
            previous, previous_long = words, long


def _shared_run(words: list[str], previous: list[str], n: int) -> tuple[int, int] | None:
    """(first, last) word index of the first run of `n` or more words of `words` that
    `previous` has too."""
    before = set(_grams(previous, n))
    shared = {i for i, g in enumerate(_grams(words, n)) if g in before}
    if not shared:
        return None
    first = last = min(shared)
    while last + 1 in shared:
        last += 1
    return first, last + n - 1


def _designation(run: str) -> bool:
    """A run of capitalised words (with linkers): the designation check's business."""
    return all(w[:1].isupper() or w in _LINKERS or w == "and" for w in run.split())


def _grams(words: list[str], n: int) -> list[tuple[str, ...]]:
    return list(zip(*(words[k:] for k in range(n)), strict=False))


CONSISTENCY_CHECKS = (
    "variants",
    "ise-ize",
    "grouping",
    "dates",
    "percent",
    "serial-comma",
    "clock",
)
_ISE = r"(?=i[sz])(?<=\p{Ll})i(?P<sz>[sz])(?:ations?|ers?|es|ed|ing|e)(?![\w-])"
_GROUPED = (
    r"(?=\d)(?<![\w.,/#-])(?:\d{1,3}(?:(?P<sep>[,.\u00a0\u202f ])\d{3})(?:(?P=sep)\d{3})*|\d{5,})"
    r"(?![\w/-]|[.,]\d{3})"
)


class Consistency(CodeType):
    name = "consistency"
    allowed = frozenset({"check", "sets", "word", "intro"})
    fields = frozenset({"match", "suggestion", "other", "count"})
    whole_document = True

    def pattern(self, where: str, options: Mapping[str, Any]) -> str:
        check = choice(where, options, "check", CONSISTENCY_CHECKS, "")
        if check == "variants":
            sets = options.get("sets")
            if (
                not isinstance(sets, list)
                or not sets
                or not all(
                    isinstance(s, list) and len(s) >= 2 and all(isinstance(w, str) and w for w in s)
                    for s in sets
                )
            ):
                raise RuleError(f"{where} 'sets' must be a list of lists of spellings")
        word_list(where, options, "intro", required=False)
        if check == "percent" and not isinstance(options.get("word"), str):
            raise RuleError(f"{where} 'check: percent' needs a 'word' (per cent)")
        return super().pattern(where, options)

    def scan(
        self, ctx: CheckContext, options: Mapping[str, Any], blocks: list[Block]
    ) -> Iterable[Hit]:
        check = options["check"]
        # (start, end, form, suggestion for this occurrence written in each form)
        found = {
            "variants": _variants,
            "ise-ize": _ise_ize,
            "grouping": _grouping,
            "dates": _dates,
            "percent": _percent,
            "serial-comma": _serial_comma,
            "clock": _clock,
        }[check](ctx, options, blocks)
        groups: dict[Any, list[tuple[int, int, str, dict[str, str]]]] = {}
        for key, start, end, form, spellings in found:
            groups.setdefault(key, []).append((start, end, form, spellings))
        for key, items in groups.items():
            counts = Counter(form for _, _, form, _ in items)
            house = _house_style(ctx, check)
            if house is None:
                if len(counts) < 2:
                    continue
                # grouping: the locale's way whenever the text uses it, else the majority's
                house = (
                    key[0] if check == "grouping" and key[0] in counts else _majority(key, counts)
                )
            for start, end, form, spellings in items:
                if form == house or house not in spellings:
                    continue
                fields = {"other": spellings[house], "count": str(counts[house])}
                yield start, end, spellings[house], fields


def _house_style(ctx: CheckContext, check: str) -> str | None:
    """The form the house style prescribes, whatever the document does; None: no choice."""
    style = ctx.style
    if check == "ise-ize" and style.spelling == "oxford":
        return "z"
    if check == "serial-comma" and style.serial_comma is not None:
        return "serial" if style.serial_comma else "plain"
    return None


def _majority(key: Any, counts: Counter[str]) -> str:
    """The form used most; on a tie, the first of the key's preferred forms."""
    best = max(counts.values())
    tied = [form for form in counts if counts[form] == best]
    if len(tied) == 1:
        return tied[0]
    preferred = key if isinstance(key, tuple) else ()
    return next((f for f in preferred if f in tied), sorted(tied)[0])


Found = Iterable[tuple[Any, int, int, str, dict[str, str]]]


def _matches(ctx: CheckContext, pattern: str, blocks: list[Block], flags: int = 0) -> Iterable[Any]:
    import regex

    compiled = regex.compile(pattern, flags)
    text = ctx.document.text
    for lo, hi in _prose(blocks):
        for m in compiled.finditer(text, lo, hi):
            if not ctx.scopes.non_prose.overlaps(m.start(), m.end()):
                yield m


def _variants(ctx: CheckContext, options: Mapping[str, Any], blocks: list[Block]) -> Found:
    keys = {
        s.lower(): tuple(w.lower() for w in spellings)
        for spellings in options["sets"]
        for s in spellings
    }
    text = ctx.document.text
    folded = {k.casefold(): k for k in keys}
    for start, end in _find_phrases(ctx, keys, blocks):
        form = folded.get(text[start:end].casefold())
        if form is None:
            continue  # matched case-blind through a letter that folds oddly ("ONLİNE")
        key = keys[form]
        yield key, start, end, form, {s: match_case(text[start:end], s) for s in key}


def _find_phrases(
    ctx: CheckContext, phrases: Iterable[str], blocks: list[Block]
) -> list[tuple[int, int]]:
    """Whole-word occurrences of lower-case phrases in any case, in prose: one str.find
    pass per phrase over the lower-cased text, far cheaper than a case-blind alternation."""
    import regex

    text = ctx.document.text
    lowered = ctx.shared.get("lowered")
    if lowered is None:
        lowered = ctx.shared["lowered"] = text.lower()
    if len(lowered) != len(text):  # lower-casing changed lengths ("İ"): match the slow way
        pattern = rf"(?<![\w-])(?:{alternation(phrases)})(?![\w-])"
        return [m.span() for m in _matches(ctx, pattern, blocks, regex.IGNORECASE)]
    prose = _prose(blocks)
    starts = [lo for lo, _ in prose]
    found: list[tuple[int, int]] = []
    for phrase in phrases:
        at = lowered.find(phrase)
        while at != -1:
            end = at + len(phrase)
            before = text[at - 1] if at else " "
            after = text[end] if end < len(text) else " "
            if not (before.isalnum() or before in "-_" or after.isalnum() or after in "-_"):
                i = bisect_right(starts, at) - 1
                if i >= 0 and end <= prose[i][1] and not ctx.scopes.non_prose.overlaps(at, end):
                    found.append((at, end))
            at = lowered.find(phrase, at + 1)
    return sorted(found)


def _ise_ize(ctx: CheckContext, options: Mapping[str, Any], blocks: list[Block]) -> Found:
    if not ctx.language.startswith("en") or ctx.style.spelling in ("en-GB", "en-US"):
        return
    lex = ctx.runtime.lexicon(ctx.language)
    text = ctx.document.text
    # find the suffix, then the word it ends: far cheaper than matching every word
    for m in _matches(ctx, _ISE, blocks):
        start = m.start()
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        if m.start() - start < 3 or (start > 0 and text[start - 1] in "-_"):
            continue
        written = text[start : m.end()]
        if not written[1:].islower():
            continue  # a name or an acronym
        word = written.lower()
        i = m.start("sz") - start
        other = word[:i] + ("z" if word[i] == "s" else "s") + word[i + 1 :]
        if not (_real(lex, word) and _real(lex, other)):
            continue
        forms = {word[i]: match_case(written, word), other[i]: match_case(written, other)}
        yield ("s", "z"), start, m.end(), word[i], forms


def _real(lex: Any, word: str) -> bool:
    return bool(lex.known(word) or lex.is_other_dialect(word))


def _grouping(ctx: CheckContext, options: Mapping[str, Any], blocks: list[Block]) -> Found:
    import regex

    from editqa.rules.types.numbers import separators

    _, group = separators(ctx.language)
    text = ctx.document.text
    for m in _matches(ctx, _GROUPED, blocks):
        sep = m.group("sep") or ""
        kind = " " if sep in ("\u00a0", "\u202f", " ") else sep
        digits = m.group().replace(sep, "") if sep else m.group()
        if sep in (",", ".") and sep != group and len(m.group()) <= 7:
            continue  # one group of a sign that is not the locale's: a decimal, maybe
        if len(digits) < 5:
            continue  # "1,600" and "1600" both read well; years are four digits
        if not sep and not regex.match(r"[ \u00a0]\p{Ll}", text[m.end() : m.end() + 2]):
            continue  # a bare number is a count only before a word: not a code or postcode
        forms = {k: _regroup(digits, k if k != " " else group) for k in (",", ".", " ", "")}
        native = " " if group in ("\u00a0", "\u202f", " ") else group
        yield (native, ",", ".", " ", ""), m.start(), m.end(), kind, forms


def _regroup(digits: str, sep: str) -> str:
    if sep == "":
        return digits
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


def _dates(ctx: CheckContext, options: Mapping[str, Any], blocks: list[Block]) -> Found:
    months = alternation(month_names(ctx.language))
    day_first = rf"(?P<d1>\d{{1,2}}) (?P<m1>{months})(?: (?P<y1>\d{{4}}))?"
    # without a year, "March 14" must not run into a noun: "In March 14 people died"
    month_first = (
        rf"(?P<m2>{months}) (?P<d2>\d{{1,2}})(?:(?:,? (?P<y2>\d{{4}}))|(?![ \u00a0]\p{{Ll}}))"
    )
    start = first_chars(month_names(ctx.language), digits=True)
    pattern = rf"{start}(?<![\w])(?:{day_first}|{month_first})(?![\w])"
    key = ("day-month", "month-day") if ctx.language != "en-US" else ("month-day", "day-month")
    for m in _matches(ctx, pattern, blocks):
        if m.group("d1"):
            d, mo, y, form = m.group("d1"), m.group("m1"), m.group("y1"), "day-month"
        else:
            d, mo, y, form = m.group("d2"), m.group("m2"), m.group("y2"), "month-day"
        yield (
            key,
            m.start(),
            m.end(),
            form,
            {
                "day-month": f"{d} {mo}" + (f" {y}" if y else ""),
                "month-day": f"{mo} {d}" + (f", {y}" if y else ""),
            },
        )


def _clock(ctx: CheckContext, options: Mapping[str, Any], blocks: list[Block]) -> Found:
    """Times on the 12- and the 24-hour clock in one text (when the house has not chosen:
    the time-format type reports the other clock then). A 24-hour time counts only when it
    cannot be a 12-hour one: an hour of 13 to 23, or a leading zero."""
    from editqa.rules.types.dates import TIME_PATTERN, format_house_time, time_of

    if ctx.style.time != "any":
        return
    from editqa.style import locale_clock

    key = ("12h", "24h") if locale_clock(ctx.language) == "12h" else ("24h", "12h")
    for m in _matches(ctx, TIME_PATTERN, blocks):
        time, form = time_of(m)
        if form == "24h" and 1 <= time.hour <= 12 and not m.group("h24").startswith("0"):
            continue
        yield (
            key,
            m.start(),
            m.end(),
            form,
            {c: format_house_time(time, c, ctx.language) for c in ("12h", "24h")},
        )


def _percent(ctx: CheckContext, options: Mapping[str, Any], blocks: list[Block]) -> Found:
    if ctx.style.percent != "any":
        return  # the house has chosen: the percent rule type reports the other form
    words = {str(options["word"]), "percent", "per cent"}
    pattern = (
        r"(?=\d)(?<![\w.,])(?P<n>\d+(?:[.,]\d+)?)"
        rf"(?:[ \u00a0\u202f]?%|[ \u00a0](?P<w>{alternation(words)})(?!\w))"
    )
    found = list(_matches(ctx, pattern, blocks))
    # the word as this text writes it ("percent" in American copy), else the rule's
    used = Counter(m.group("w").lower() for m in found if m.group("w"))
    word = used.most_common(1)[0][0] if used else str(options["word"])
    for m in found:
        n = m.group("n")
        form = "word" if m.group("w") else "symbol"
        yield (
            ("symbol", "word"),
            m.start(),
            m.end(),
            form,
            {"symbol": f"{n}%", "word": f"{n} {word}"},
        )


# three single words of one shape (all lower case, or all capitalised) in a list
_LIST = (
    r"(?<![,;:] ?)(?<![\w-])(?P<x>\p{L}[\p{Ll}'’-]+), (?P<y>\p{L}[\p{Ll}'’-]+)(?P<comma>,?) "
    r"(?P<conj>and|or) (?P<z>\p{L}[\p{Ll}'’-]+)(?![\w-])"
)


def _serial_comma(ctx: CheckContext, options: Mapping[str, Any], blocks: list[Block]) -> Found:
    import regex

    """Lists of three words: with the comma before 'and' ("serial") or without ("plain").
    The span is the second item and what follows it up to the conjunction."""
    intro = {w.lower() for w in options.get("intro", ())}
    text = ctx.document.text
    for m in _matches(ctx, _LIST, blocks):
        shapes = {w[0].isupper() for w in (m.group("x"), m.group("y"), m.group("z"))}
        if len(shapes) != 1:
            continue
        lead = regex.split(r"[.!?\n]", text[max(0, m.start() - 60) : m.start()])[-1].split()
        if 1 <= len(lead) <= 3 and lead[0].lower() in intro:
            continue  # "After lunch, ministers and officials met": an opening phrase, no list
        y, conj = m.group("y"), m.group("conj")
        form = "serial" if m.group("comma") else "plain"
        start, end = m.start("y"), m.end("conj")
        yield (
            ("serial", "plain"),
            start,
            end,
            form,
            {"serial": f"{y}, {conj}", "plain": f"{y} {conj}"},
        )


class Debris(CodeType):
    name = "debris"
    source = "document"
    fields = frozenset({"match", "suggestion", "lines"})
    whole_document = True

    def scan(
        self, ctx: CheckContext, options: Mapping[str, Any], blocks: list[Block]
    ) -> Iterable[Hit]:
        """The span of a run reaches to the next block (or the end of the text), so that
        deleting it leaves no empty lines behind."""
        run: list[Block] = []
        text_end = len(ctx.document.text)
        for block in (*ctx.document.blocks, None):
            if block is not None and block.kind is BlockKind.BOILERPLATE:
                run.append(block)
                continue
            if run:
                end = block.start if block is not None else text_end
                lines = ctx.document.text[run[0].start : run[-1].end].splitlines()
                yield run[0].start, end, "", {"lines": str(sum(1 for x in lines if x.strip()))}
                run = []


TYPES: tuple[CodeType, ...] = (Repetition(), Consistency(), Debris())

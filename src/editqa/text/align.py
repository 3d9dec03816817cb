"""Sentence and paragraph alignment of a source text with its translation.

Length-based dynamic programming after Gale & Church (1993), "A program for aligning
sentences in bilingual corpora": a translated unit's length is roughly proportional to its
source's, so the cost of pairing units is how improbable their length difference is, plus a
prior for the bead kind. On top of the lengths, anchors that survive translation (numbers,
URLs and e-mail addresses, names) lower the cost of beads that share them, so a pairing that
keeps "1,6 млн" next to "1.6 million" wins over one that only looks right by length.

The alignment feeds the bilingual checks: a 1-0 bead is a candidate omission, a 0-1 bead an
addition, and a 1-1 bead far off the expected length ratio a candidate partial omission.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

# Variance of the target length per source character (Gale & Church's estimate).
VARIANCE = 6.8
# Bead priors from Gale & Church, as -log P. Their 2-1/1-2 probability (0.089) is split
# between the two directions; their 1-0/0-1 probability (0.0099) is given to each
# direction: translated news drops sentences more often than the Canadian Hansard did,
# and finding those is the point (measured: fewer omissions mistaken for merges).
PRIOR_11 = -math.log(0.89)
PRIOR_10 = -math.log(0.0099)
PRIOR_21 = -math.log(0.089 / 2)
PRIOR_22 = -math.log(0.011)
# Anchors: a shared number or URL is strong evidence, a shared name weaker (names recur
# across sentences); a number on one side only is mild evidence against the bead (it may
# be spelt out in words on the other side), and so is a unit of a merge that shares no
# anchor at all with the other side. Counts are capped so a list of figures cannot
# outweigh everything else.
NUMBER_BONUS = 2.0
NAME_BONUS = 1.0
NUMBER_MISS = 1.0
MERGE_MISS = 2.0
ANCHOR_CAP = 3
# The most anchors can take off a bead's cost (penalties only add to it).
_MAX_BONUS = (NUMBER_BONUS + NAME_BONUS) * ANCHOR_CAP
# The expected target/source length ratio is clamped to this range.
MIN_RATIO, MAX_RATIO = 0.5, 2.0
# Thresholds of `suspicious` for 1-1 beads.
SHORT_FACTOR, LONG_FACTOR, MIN_SUSPICIOUS_LENGTH = 0.4, 2.5, 40


@dataclass(frozen=True, slots=True)
class Bead:
    """Units aligned with each other: indices into the source and the target units (one
    side may be empty), and what the pairing cost the aligner (lower is more plausible;
    negative when shared anchors outweigh the length and kind penalties)."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    cost: float


# --------------------------------------------------------------------------- anchors

_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'«»“”]+"  # a web address
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # an e-mail address
    re.IGNORECASE,
)
_URL_HINT = re.compile(r"@|://|www\.", re.IGNORECASE)
_URL_TAIL = ".,;:!?)]}»\"'’”"
_NUMBER = re.compile(r"\d+(?:[.,'’\u00a0\u2009\u202f ]\d+)*")
_NUMBER_SEPARATOR = re.compile(r"([.,'’\u00a0\u2009\u202f ])")
_NAME = re.compile(r"[^\W\d_]{2,}")

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e",
    "є": "ye", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "i", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
    "ы": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
# Spelling variants that differ between romanisations: y/j/i, c/k, w/v, q/k.
_LOOSE = str.maketrans({"y": "i", "j": "i", "c": "k", "w": "v", "q": "k"})
_VOWELS = frozenset("aeiou")


def anchors(text: str) -> frozenset[str]:
    """The anchors of a unit, as comparable keys: `#` numbers, `@` URLs and e-mail
    addresses, `~` capitalised words (see `name_key`). Two units share an anchor when
    their key sets intersect."""
    strong, weak = anchor_sets(text)
    return strong | weak


@lru_cache(maxsize=16)
def calendar_keys(lang: str) -> frozenset[str]:
    """The anchor keys of a language's month and weekday names, which translations change."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse((lang or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return frozenset()
    names: set[str] = set()
    for width in ("wide", "abbreviated"):
        for table in (locale.months, locale.days):
            for context in table.values():
                names.update(context.get(width, {}).values())
    return frozenset(name_key(n) for n in names if n)


def anchor_sets(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Numbers and URLs (strong anchors), and the keys of capitalised words but the first
    (weak anchors: the first word is capitalised because it comes first)."""
    pieces = [text]
    urls: set[str] = set()
    if _URL_HINT.search(text):  # the full pattern is slow on text without any
        urls = {_url_key(m.group()) for m in _URL.finditer(text)}
        pieces = _URL.split(text)
    numbers: set[str] = set()
    words: list[str] = []
    for piece in pieces:
        numbers.update(number_keys(piece))
        words.extend(_NAME.findall(piece))
    names = {name_key(w) for w in words[1:] if w[0].isupper()}
    return frozenset(urls | numbers), frozenset(names)


def _url_key(url: str) -> str:
    """A URL without its scheme, `www.` and trailing punctuation, lower-cased."""
    key = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.lower())
    return "@" + key.rstrip(_URL_TAIL)


def number_keys(text: str) -> list[str]:
    """The quantities written in `text`, normalised across locales.

    Group separators (comma, full stop, apostrophe, spaces) before exactly three digits are
    removed and a comma or full stop before one or two final digits is a decimal point, so
    "1 600", "1,600", "1.600" and "1600" all give `#1600` while "1,6" and "1.6" give `#1.6`.
    Three digits after a single separator are read as a group ("3.141" is 3141): the
    ambiguity is inherent in the notation and the reading is the same on both sides.
    """
    keys: list[str] = []
    for m in _NUMBER.finditer(text):
        parts = _NUMBER_SEPARATOR.split(m.group())
        whole: str | None = parts[0]
        groupable = len(parts[0]) <= 3  # "2024 150" is two numbers, "12 150" one
        for sep, group in zip(parts[1::2], parts[2::2], strict=True):
            if whole is None:
                whole, groupable = group, len(group) <= 3
            elif groupable and len(group) == 3:
                whole += group
            elif sep in ".," and len(group) <= 2:
                keys.append(_quantity(whole, group))
                whole = None
            else:
                keys.append(_quantity(whole, ""))
                whole, groupable = group, len(group) <= 3
        if whole is not None:
            keys.append(_quantity(whole, ""))
    return keys


def _quantity(whole: str, fraction: str) -> str:
    """`#` + integer part without leading zeros + fraction without trailing zeros."""
    integer = whole.lstrip("0") or "0"
    fraction = fraction.rstrip("0")
    return f"#{integer}.{fraction}" if fraction else f"#{integer}"


def name_key(word: str) -> str:
    """A loose key under which a name and its romanisation agree.

    Cyrillic is transliterated with a simple table, accents are dropped, romanisation
    variants are merged (y/j -> i, c/q -> k, w -> v) and doubled letters collapsed; the key
    is then the first four consonants ("Шойгу" and "Shoigu" -> `~shg`, "Зеленский" and
    "Zelensky" -> `~zlns`). Words with fewer than three consonants keep their vowels, so
    short words only match exactly. Conventional spellings that differ in their consonants
    ("Шольц"/"Scholz") are out of reach by design; "Москва"/"Moscow" happens to match.
    """
    latin = "".join(_CYRILLIC.get(c, c) for c in word.lower())
    decomposed = unicodedata.normalize("NFKD", latin)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_LOOSE)
    collapsed = "".join(c for i, c in enumerate(plain) if i == 0 or c != plain[i - 1])
    consonants = [c for c in collapsed if c not in _VOWELS]
    return "~" + ("".join(consonants[:4]) if len(consonants) >= 3 else collapsed)


# --------------------------------------------------------------------------- costs


def expected_ratio(source: Sequence[str], target: Sequence[str]) -> float:
    """The target/source ratio of total character lengths, clamped to [0.5, 2.0]
    (1.0 when the source is empty): the default expected length ratio of `align`."""
    total = sum(map(len, source))
    if total == 0:
        return 1.0
    return min(MAX_RATIO, max(MIN_RATIO, sum(map(len, target)) / total))


def length_cost(source_length: int, target_length: int, ratio: float) -> float:
    """-log of the probability of a length difference at least this large (Gale & Church):
    the difference from the expected target length, in standard deviations that grow with
    the square root of the mean length, read against a standard normal distribution."""
    if source_length == 0 and target_length == 0:
        return 0.0
    mean = (source_length + target_length / ratio) / 2
    x = abs(target_length - source_length * ratio) / math.sqrt(2 * VARIANCE * mean)
    if x > 20:  # erfc underflows; -log erfc(x) ~ x² + log(x √π)
        return x * x + math.log(x * math.sqrt(math.pi))
    return -math.log(math.erfc(x))


def _anchor_score(source: _Run, target: _Run) -> float:
    """What the anchors take off a bead's cost: a bonus per shared number, URL or name,
    less a penalty per number on one side only and per merged unit that shares none of
    its anchors with the other side (the mark of an omission disguised as a merge)."""
    score = 0.0
    if source.strong or target.strong:
        shared = len(source.strong & target.strong)
        missing = len(source.strong) + len(target.strong) - 2 * shared
        score += NUMBER_BONUS * min(shared, ANCHOR_CAP) - NUMBER_MISS * min(missing, ANCHOR_CAP)
    if source.weak and target.weak:
        score += NAME_BONUS * min(len(source.weak & target.weak), ANCHOR_CAP)
    if len(source.parts) > 1:
        score -= MERGE_MISS * _unsupported(source.parts, target.keys)
    if len(target.parts) > 1:
        score -= MERGE_MISS * _unsupported(target.parts, source.keys)
    return score


def _unsupported(parts: tuple[frozenset[str], ...], other: frozenset[str]) -> int:
    """How many of the merged units have anchors but none of them on the other side."""
    return sum(1 for keys in parts if keys and keys.isdisjoint(other))


class _Run(NamedTuple):
    """One or two neighbouring units of a side, as a bead sees them. (A NamedTuple: the
    search reads hundreds of thousands of them, and tuples are read fastest.)"""

    length: int
    strong: frozenset[str]  # numbers and URLs
    weak: frozenset[str]  # name keys
    keys: frozenset[str]  # strong | weak
    parts: tuple[frozenset[str], ...]  # the keys of each unit in the run


@dataclass(frozen=True, slots=True)
class _Side:
    """The runs of one side, computed once per call: `singles[i]` is unit i, `pairs[i]`
    units i and i+1."""

    singles: tuple[_Run, ...]
    pairs: tuple[_Run, ...]

    @classmethod
    def of(cls, units: Sequence[str]) -> _Side:
        singles = []
        for unit in units:
            strong, weak = anchor_sets(unit)
            keys = strong | weak
            singles.append(_Run(len(unit), strong, weak, keys, (keys,)))
        pairs = tuple(
            _Run(
                a.length + b.length,
                a.strong | b.strong,
                a.weak | b.weak,
                a.keys | b.keys,
                (a.keys, b.keys),
            )
            for a, b in itertools.pairwise(singles)
        )
        return cls(tuple(singles), pairs)

    def runs(self, size: int) -> tuple[_Run, ...]:
        """The runs of `size` (1 or 2) units, indexed by their first unit."""
        return self.singles if size == 1 else self.pairs


# Bead kinds as (source units, target units), in order of preference on equal cost.
_KINDS = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2))
_PRIORS = {(1, 1): PRIOR_11, (1, 0): PRIOR_10, (0, 1): PRIOR_10}
_PRIORS |= {(2, 1): PRIOR_21, (1, 2): PRIOR_21, (2, 2): PRIOR_22}


def _bead_cost(src: _Side, tgt: _Side, i: int, j: int, ns: int, nt: int, ratio: float) -> float:
    """The cost of the bead of ns source units from i and nt target units from j.

    A 1-0 or 0-1 bead costs its prior only. (Gale & Church also charge it the length cost
    of matching l characters against none, which grows so fast with l that merging an
    omitted sentence into its neighbour always looks cheaper than leaving it out; without
    that term, long omitted sentences come out as the 1-0 beads they are.)
    """
    if ns == 0 or nt == 0:
        return PRIOR_10
    return _match_cost(_PRIORS[ns, nt], src.runs(ns)[i], tgt.runs(nt)[j], ratio)


def _match_cost(prior: float, source: _Run, target: _Run, ratio: float) -> float:
    """Prior + length cost - anchor score of a bead with units on both sides."""
    cost = prior + length_cost(source.length, target.length, ratio)
    if source.keys or target.keys:
        cost -= _anchor_score(source, target)
    return cost


# --------------------------------------------------------------------------- alignment


def align(
    source: Sequence[str], target: Sequence[str], *, ratio: float | None = None
) -> list[Bead]:
    """Monotonic alignment covering every unit exactly once, in order; beads of kinds
    1-1, 1-0, 0-1, 2-1, 1-2 and 2-2.

    `ratio` is the expected target/source length ratio (default: `expected_ratio`). The
    search visits a band around the diagonal that starts 10 units wide on either side and
    doubles while the best path runs along its edge, so the cost is about proportional to
    the number of units when the texts correspond. A better path that leaves the band and
    comes back without touching its edge would be missed.
    """
    if ratio is None:
        ratio = expected_ratio(source, target)
    if not (ratio > 0 and math.isfinite(ratio)):
        raise ValueError(f"ratio must be a positive number, got {ratio}")
    src, tgt = _Side.of(source), _Side.of(target)
    n, m = len(source), len(target)
    width = max(10.0, m / max(n, 1) + 1, n / max(m, 1) + 1)
    while True:
        steps = _search(src, tgt, _band(n, m, width), ratio)
        if width > max(n, m) or not _hugs_edge(steps, n, m, width):
            break
        width *= 2
    return [
        Bead(
            tuple(range(i, i + ns)),
            tuple(range(j, j + nt)),
            _bead_cost(src, tgt, i, j, ns, nt, ratio),
        )
        for i, j, ns, nt in steps
    ]


def _band(n: int, m: int, width: float) -> list[tuple[int, int]]:
    """For each source position i (0..n), the target positions [lo, hi] within `width` of
    the diagonal i*m/n. A width above the slope m/n keeps each row connected to the next,
    so (n, m) is always reachable from (0, 0)."""
    rows = []
    for i in range(n + 1):
        centre = i * m / n if n else 0.0
        rows.append((max(0, math.floor(centre - width)), min(m, math.ceil(centre + width))))
    return rows


def _hugs_edge(steps: list[tuple[int, int, int, int]], n: int, m: int, width: float) -> bool:
    """Whether the path comes within two units of an edge of the band that is not an edge
    of the whole grid: then a wider band might hold a cheaper path."""
    for i, j, _, _ in steps:
        centre = i * m / n if n else 0.0
        lo, hi = math.floor(centre - width), math.ceil(centre + width)
        if (lo > 0 and j < lo + 2) or (hi < m and j > hi - 2):
            return True
    return False


def _search(
    src: _Side, tgt: _Side, band: list[tuple[int, int]], ratio: float
) -> list[tuple[int, int, int, int]]:
    """The cheapest path through the band, as (i, j, ns, nt) per bead, in order."""
    matches = [
        (k, ns, nt, _PRIORS[ns, nt], src.runs(ns), tgt.runs(nt))
        for k, (ns, nt) in enumerate(_KINDS)
        if ns and nt
    ]
    inf = math.inf
    cost: list[list[float]] = []
    back: list[list[int]] = []
    for i, (lo, hi) in enumerate(band):
        row, moves = [inf] * (hi - lo + 1), [-1] * (hi - lo + 1)
        up = cost[i - 1] if i else []
        up_lo = band[i - 1][0] if i else 0
        for j in range(lo, hi + 1):
            best, move = (0.0, -1) if i == 0 and j == 0 else (inf, -1)
            if 0 <= j - up_lo < len(up) and up[j - up_lo] + PRIOR_10 < best:  # 1-0
                best, move = up[j - up_lo] + PRIOR_10, 1
            if j > lo and row[j - 1 - lo] + PRIOR_10 < best:  # 0-1
                best, move = row[j - 1 - lo] + PRIOR_10, 2
            for k, ns, nt, prior, source_runs, target_runs in matches:
                pi, pj = i - ns, j - nt
                if pi < 0 or pj < 0:
                    continue
                plo = band[pi][0]
                previous = cost[pi]
                if not 0 <= pj - plo < len(previous):
                    continue
                start = previous[pj - plo]
                if start + prior - _MAX_BONUS >= best:
                    continue  # cannot win, whatever its lengths and anchors
                total = start + _match_cost(prior, source_runs[pi], target_runs[pj], ratio)
                if total < best:
                    best, move = total, k
            row[j - lo], moves[j - lo] = best, move
        cost.append(row)
        back.append(moves)
    return _trace(back, band)


def _trace(back: list[list[int]], band: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Follow the back pointers from the last cell to (0, 0)."""
    steps: list[tuple[int, int, int, int]] = []
    i, j = len(band) - 1, band[-1][1]
    while i or j:
        ns, nt = _KINDS[back[i][j - band[i][0]]]
        i, j = i - ns, j - nt
        steps.append((i, j, ns, nt))
    steps.reverse()
    return steps


def suspicious(
    bead: Bead, source: Sequence[str], target: Sequence[str], ratio: float
) -> str | None:
    """Why a bead looks wrong, or None: "omitted" for a 1-0 bead, "added" for a 0-1 bead,
    "length" for a 1-1 bead whose target is under 0.4 or over 2.5 times the expected
    length (source length × `ratio`). Pairs under 40 characters on the longer side are not
    judged by length: short units vary too much. Merges (2-1, 1-2, 2-2) are not judged."""
    if bead.source and not bead.target:
        return "omitted"
    if bead.target and not bead.source:
        return "added"
    if len(bead.source) == 1 and len(bead.target) == 1:
        ls, lt = len(source[bead.source[0]]), len(target[bead.target[0]])
        expected = ls * ratio
        if max(ls, lt) >= MIN_SUSPICIOUS_LENGTH and not (
            SHORT_FACTOR * expected <= lt <= LONG_FACTOR * expected
        ):
            return "length"
    return None


# --------------------------------------------------------------------------- segmentation

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n|\u2029")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'»”’)\]]*\s+")
_OPENERS = frozenset("\"'«„“‘‚‹(-–—¿¡")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words whose full stop does not end a sentence (titles, Latin and local abbreviations).
# Those that often close a sentence ("etc.", "и т.д.", "usw.", "руб.") are deliberately
# absent; letters joined by full stops ("e.g.", "т.е.") are recognised by `_DOTTED`.
_ABBREVIATIONS = _words(
    # English
    "Mr Mrs Ms Dr Prof St Jr Sr Gen Col Capt Lt Sgt Rev Hon Sen Rep Gov Mt No Nos vs "
    "cf approx Fig Vol Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    # Russian
    "Дж г гг им ул пр просп пл д кв стр тыс млн млрд трлн напр "
    "проф акад доц рис табл см ср "
    # German
    "bzw Nr Hr Fr ca vgl evtl ggf Str Mio Mrd Tsd "
    # French
    "MM Mme Mlle Mgr Pr av bd env "
    # Spanish
    "Sra Srta Dra Ud Uds Lic Ing pág núm Avda"
)
# Letters joined by full stops: "e.g", "U.S", "т.е", "z.B", "p.ej".
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_GERMAN_MONTHS = _words(
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
)


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the blank-line separated paragraphs of `text`, trimmed of surrounding
    whitespace; blank paragraphs are skipped."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.extend(_trimmed(text, start, m.start()))
        start = m.end()
    spans.extend(_trimmed(text, start, len(text)))
    return spans


def _trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[(start, end)] without surrounding whitespace, or [] if nothing else is left."""
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return []
    begin = start + len(piece) - len(piece.lstrip())
    return [(begin, begin + len(stripped))]


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the sentences in text[start:end], absolute offsets into `text`, trimmed.

    A sentence ends after . ! ? or … (and any closing quotes or brackets) followed by
    whitespace and an upper-case letter, a digit, an opening quote, a dash or ¿ ¡. A single
    full stop does not end a sentence after a known abbreviation ("Mr.", "г.", "млн."),
    letters joined by full stops ("e.g.", "т.е.", "U.S."), a single capital (an initial,
    "A." or "В."), or a day number before a German month ("am 3. Oktober"). Deliberately
    ignored: a sentence that really ends with one of these ("in the U.S. The", "Plan B.
    Then") is not split; that costs a merged unit, never a broken one.
    """
    spans: list[tuple[int, int]] = []
    begin = start
    for m in _SENTENCE_END.finditer(text, start, end):
        after = m.end()
        if after >= end or not _opens_sentence(text[after]):
            continue
        if m.group().rstrip() == "." and _is_abbreviation(text, begin, m.start(), after):
            continue
        spans.extend(_trimmed(text, begin, after))
        begin = after
    spans.extend(_trimmed(text, begin, end))
    return spans


def _opens_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in _OPENERS


def _is_abbreviation(text: str, begin: int, dot: int, after: int) -> bool:
    """Whether the lone full stop at `dot` closes an abbreviation, an initial or a German
    ordinal day rather than a sentence (`after`: where the next sentence would start)."""
    word = _word_before(text, begin, dot)
    if word in _ABBREVIATIONS or _DOTTED.fullmatch(word) or (len(word) == 1 and word.isupper()):
        return True
    if word.isdigit() and len(word) <= 2:
        next_word = re.match(r"\w+", text[after : after + 12])
        return next_word is not None and next_word.group() in _GERMAN_MONTHS
    return False


def _word_before(text: str, begin: int, dot: int) -> str:
    """The non-space run before `dot`, without opening punctuation ("(e.g" -> "e.g")."""
    k = dot
    while k > begin and not text[k - 1].isspace():
        k -= 1
    return text[k:dot].lstrip("\"'«„“‘(")

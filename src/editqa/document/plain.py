"""Plain-text extraction: paragraphs, a title, and web-page debris around the article.

The text is the source itself (identity source map). Blocks are classified by layout:
- a paragraph or line that ends in sentence punctuation, or is long, is prose;
- before the first prose block, page furniture (navigation menus, breadcrumbs, bare dates,
  key=value debris) is `boilerplate`; the first other short line without final punctuation is
  the `title`, later ones are `heading`s;
- after the last prose block, unpunctuated lines that are furniture, short, or repetitive
  (tags, share and rating widgets whose labels repeat, server stamps) are `boilerplate`;
- between prose blocks, short unpunctuated lines are `heading`s;
- a short line with page-furniture features (a run of rating stars or arrows, key=value
  pairs, breadcrumb separators) is never prose, whatever punctuation ends it;
- anywhere, a line opening with a bullet or a number ("- two eggs", "2. Stir") is a
  `list-item`, never debris.
"""

from __future__ import annotations

import re
from itertools import pairwise

from editqa.document.extraction import Extraction
from editqa.document.sourcemap import SourceMap
from editqa.model import Block, BlockKind

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_FINAL_PUNCT = re.compile(r"[.!?…:;»”\"')\]]\s*$")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_LIST_ITEM = re.compile(r"(?:[-*•–]|\d{1,3}[.)])\s+\S")
_KEY_VALUE = re.compile(r"\b\w+=\S")
# three or more symbols in a row: rating stars, arrows, bullets ("★★★★☆")
_SYMBOL_RUN = re.compile(r"[\u2190-\u21ff\u2600-\u26ff\u2700-\u27bf\u2b00-\u2bff\u25a0-\u25ff]{3,}")
_CRUMB_SEPARATORS = re.compile(r"\s[<>|»›/•·]\s")
# Function words of the supported languages: page menus have none, headlines and prose do.
_FUNCTION_WORDS = frozenset(
    """a an the of and or in on at to for with by from is are as not no
    de la le les des du et en un une au aux pour par sur dans
    el los las y o del por para con un una al
    der die das und oder von zu mit im am auf für ein eine ist
    в и на с по о об для из к от у за не""".split()  # noqa: SIM905
)
SHORT_WORDS = 25
TRAILER_WORDS = 8
SHORT_CHARS = 200


def extract_plain(source: str) -> Extraction:
    """Split `source` into classified blocks; the checkable text is the source itself."""
    units = list(_units(source))
    kinds = _classify(source, units)
    blocks = tuple(Block(kind, s, e) for (s, e), kind in zip(units, kinds, strict=True))
    return Extraction(text=source, blocks=blocks, source_map=SourceMap.identity(len(source)))


def _units(source: str) -> list[tuple[int, int]]:
    """Paragraphs (blank-line separated); a paragraph of short unpunctuated lines is split."""
    paragraphs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for m in _LINE.finditer(source):
        if m.start() == m.end():
            break
        raw = m.group()
        body = raw.rstrip("\r\n")
        if not body.strip():
            if current:
                paragraphs.append(current)
                current = []
            continue
        lead = len(body) - len(body.lstrip())
        current.append((m.start() + lead, m.start() + len(body.rstrip())))
    if current:
        paragraphs.append(current)
    units: list[tuple[int, int]] = []
    for lines in paragraphs:
        texts = [source[s:e] for s, e in lines]
        if len(lines) > 1 and all(_is_short(t) and not _FINAL_PUNCT.search(t) for t in texts):
            units.extend(lines)
        else:
            units.append((lines[0][0], lines[-1][1]))
    return units


def _is_short(text: str) -> bool:
    return len(text) <= SHORT_CHARS and len(_WORD.findall(text)) <= SHORT_WORDS


def _is_prose(text: str) -> bool:
    """Ends like a sentence and has words ("23.12.2015 (15:27)" does not), or is long."""
    words = [w for w in _WORD.findall(text) if any(ch.isalpha() for ch in w)]
    return (bool(_FINAL_PUNCT.search(text)) and len(words) >= 2) or not _is_short(text)


def looks_like_furniture(text: str) -> bool:
    """Navigation menus, breadcrumbs, bare dates and numbers, key=value stamps."""
    return _plainly_furniture(text) or _capitalised_run(text)


def _plainly_furniture(text: str) -> bool:
    if not any(ch.isalpha() for ch in text):
        return True
    if _KEY_VALUE.search(text) or _SYMBOL_RUN.search(text):
        return True
    parts = [p for p in _CRUMB_SEPARATORS.split(text) if p.strip()]
    return len(parts) >= 2 and all(len(_WORD.findall(p)) <= 4 for p in parts)


def _capitalised_run(text: str) -> bool:
    """Every word capitalised, no function word: a menu, or a headline in title case."""
    words = _WORD.findall(text)
    return (
        len(words) >= 4
        and all(w[0].isupper() or w[0].isdigit() for w in words)
        and not any(w.lower() in _FUNCTION_WORDS for w in words)
    )


def _title_case_headline(texts: list[str], i: int, first_prose: int) -> bool:
    """A capitalised line right before the first paragraph, with no menu's marks (separators,
    symbols) and no repeated word, reads as the article's headline in title case."""
    text = texts[i]
    words = [w.lower() for w in _WORD.findall(text)]
    return (
        i == first_prose - 1
        and "\n" not in text
        and not _plainly_furniture(text)
        and len(words) <= HEADLINE_WORDS
        and len(set(words)) == len(words)
    )


def _looks_like_trailer(text: str) -> bool:
    """After the article: furniture, a short line (tags, ratings, a widget's label), or a
    list that repeats itself ("Share on X Share on Y"). A longer unpunctuated line, such as
    an obituary's closing "Name, botanist, born 1932; died 2024", stays part of the text."""
    raw = _WORD.findall(text)
    words = [w.lower() for w in raw]
    trigrams = list(zip(words, words[1:], words[2:], strict=False))
    # widget labels repeat a capitalised lead: "Share on X Share on Y", "Post this ... Post this"
    leads = [(a, b) for a, b in pairwise(raw) if a[:1].isupper()]
    return (
        looks_like_furniture(text)
        or len(words) <= TRAILER_WORDS
        or len(set(trigrams)) < len(trigrams)
        or len(set(leads)) < len(leads)
    )


HEADLINE_WORDS = 12
_ARTICLES = frozenset({"the", "an"})  # not "a": a Spanish and French preposition too
# pronouns a headline does not start with (French, Spanish and German headlines do keep
# their articles: "Le marché de Noël s'installe")
_OPENERS = frozenset(
    """this that these those it he she they we i you there here
    il elle ils elles nous on ella ellos ellas nosotros er sie es wir он она они мы это""".split()  # noqa: SIM905
)


def _headline_with_stop(texts: list[str], i: int, prose: list[int]) -> bool:
    """A first line that reads as a headline with a full stop after it: one short sentence,
    no comma, no English article and no opening article or pronoun ("The minister resigned
    on Monday." is a lead), followed by a longer paragraph."""
    text = texts[i]
    words = _WORD.findall(text)
    later = [j for j in prose if j > i]
    return (
        bool(later)
        and not _ARTICLES.intersection(w.lower() for w in words)  # English headlines drop them
        and words[0].lower() not in _OPENERS
        and text.endswith(".")
        and not text.endswith("..")
        and text[:1].isupper()
        and len(words) <= HEADLINE_WORDS
        and not re.search(r"[.!?;:,]\s", text)
        and "\n" not in text
        and len(_WORD.findall(texts[later[0]])) > len(words)
    )


def _classify(source: str, units: list[tuple[int, int]]) -> list[BlockKind]:
    texts = [source[s:e] for s, e in units]
    # a short line that looks like page furniture is not prose even when it ends in ")"
    prose = [
        i
        for i, t in enumerate(texts)
        if _is_prose(t) and not (_is_short(t) and looks_like_furniture(t))
    ]
    is_prose = set(prose)
    if not prose:
        kinds = [BlockKind.PARAGRAPH] * len(units)
        if texts and _is_short(texts[0]) and not _FINAL_PUNCT.search(texts[0]):
            kinds[0] = BlockKind.TITLE
        return kinds
    first, last = prose[0], prose[-1]
    kinds = []
    title_seen = False
    for i, text in enumerate(texts):
        if _LIST_ITEM.match(text) and not looks_like_furniture(text):
            kinds.append(BlockKind.LIST_ITEM)
        elif i == first and not title_seen and _headline_with_stop(texts, i, prose):
            kinds.append(BlockKind.TITLE)
            title_seen = True
        elif first <= i <= last:
            kinds.append(BlockKind.PARAGRAPH if i in is_prose else BlockKind.HEADING)
        elif i > last:
            trailer = _looks_like_trailer(text)
            kinds.append(BlockKind.BOILERPLATE if trailer else BlockKind.PARAGRAPH)
        elif not title_seen and _title_case_headline(texts, i, first):
            kinds.append(BlockKind.TITLE)
            title_seen = True
        elif looks_like_furniture(text):
            kinds.append(BlockKind.BOILERPLATE)
        elif not title_seen:
            kinds.append(BlockKind.TITLE)
            title_seen = True
        else:
            kinds.append(BlockKind.HEADING)
    return kinds

"""HTML and XHTML, parsed with the standard library's `html.parser` (which reports where each
tag, text run and entity starts, and is forgiving of broken markup).

The checkable text is what a browser shows as running text, one block per block-level
element, blocks separated by blank lines:
- `<title>` and the first `<h1>` are TITLE blocks, later `<h1>`s and `<h2>`-`<h6>` HEADINGs;
  text in `<li>` is a LIST_ITEM, in `<blockquote>` a QUOTE, in `<pre>` CODE, in `<nav>` and
  `<footer>` BOILERPLATE; all other text (`<p>`, `<div>`, table cells...) a PARAGRAPH.
  The innermost of these elements decides, except that CODE and BOILERPLATE win.
- Inline elements (`<a>`, `<em>`, `<span>`, unknown ones...) do not break a block.
- Left out entirely: `<script>`, `<style>`, `<template>`, `<noscript>`, `<svg>`, `<math>`,
  form controls, `<head>` except its `<title>`, comments, declarations, CDATA sections and
  every attribute value (an image's alt text included).
- Whitespace collapses as a browser collapses it: a run of spaces, tabs and newlines (across
  inline tags too) reads as one space, and none at a block's edges; so a double space in the
  file is not a double space in the text. A run that is exactly one space stays verbatim;
  a longer one maps to its position as a whole. `<pre>` keeps its whitespace.
- `<br>` is a newline inside the block; two in a row end the block (a paragraph break).
- Entities and character references ("&amp;", "&nbsp;", "&#8212;") are decoded ("&nbsp;"
  to U+00A0) and map to themselves as a whole.
- Inline code (`<code>`, `<kbd>`, `<samp>`, `<tt>`) keeps its text verbatim, between two
  backticks that map to the tags: the checks' scopes skip a backtick span as code, as they
  do in Markdown. (Code that holds a backtick or a `<br>` is therefore only partly skipped.)

Everything else in the text is the file's own characters, mapped one to one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

from editqa.document.extraction import Extraction
from editqa.document.sourcemap import Segment, SourceMap
from editqa.model import Block, BlockKind

EXTENSIONS = (".html", ".htm", ".xhtml")

_HIDDEN = frozenset(
    {"script", "style", "template", "noscript", "svg", "math"}
    | {"textarea", "select", "iframe", "object"}
)
_HEAD_CONTENT = frozenset(
    {"title", "meta", "link", "style", "script", "base", "noscript", "template"}
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta"}
    | {"param", "source", "track", "wbr"}
)
_BLOCK = frozenset(
    """address article aside blockquote body caption center dd details dialog dir div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html legend
    li listing main menu nav ol p pre section summary table tbody td tfoot th thead title tr ul
    xmp""".split()  # noqa: SIM905
)
_PREFORMATTED = frozenset({"pre", "listing", "xmp"})
_BOILERPLATE = frozenset({"nav", "footer"})
_INLINE_CODE = frozenset({"code", "kbd", "samp", "tt"})
_KINDS = {
    "title": BlockKind.TITLE,
    **dict.fromkeys(("h2", "h3", "h4", "h5", "h6"), BlockKind.HEADING),
    "li": BlockKind.LIST_ITEM,
    "blockquote": BlockKind.QUOTE,
    **dict.fromkeys(("dt", "dd", "td", "th", "caption", "figcaption"), BlockKind.PARAGRAPH),
}
_SPACE = " \t\n\r\f"  # HTML's whitespace; U+00A0 is not
_RUNS = re.compile(rf"[{_SPACE}]+|[^{_SPACE}]+")


def extract_html(source: str) -> Extraction:
    """The reader's text of an HTML document, its blocks and the map back to `source`."""
    parser = _Parser(source)
    parser.feed(source)
    while True:  # after a stray "&#" the parser stops to wait for more input: push it on
        before = parser.getpos()
        parser.feed("")
        if parser.getpos() == before:
            break
    parser.close()
    parser.out.end_block()
    return parser.out.extraction()


@dataclass(frozen=True, slots=True)
class _Open:
    """An element that is open: its tag, where its start tag is, the block kind it gives."""

    tag: str
    at: int
    kind: BlockKind | None


class _Parser(HTMLParser):
    """Turns the parser's events (with their positions) into calls on a `_Builder`."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.out = _Builder(source)
        self.stack: list[_Open] = []
        self.h1_seen = False

    def _at(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _visible(self) -> bool:
        tags = [o.tag for o in self.stack]
        if any(t in _HIDDEN for t in tags):
            return False
        return "head" not in tags or "title" in tags[tags.index("head") :]

    def _kind(self) -> BlockKind:
        """The kind of a block that would open here."""
        if any(o.tag in _PREFORMATTED for o in self.stack):
            return BlockKind.CODE
        if any(o.tag in _BOILERPLATE for o in self.stack):
            return BlockKind.BOILERPLATE
        giver = self._giver()
        if giver is None or giver.kind is None:
            return BlockKind.PARAGRAPH
        if giver.tag == "h1" and self.h1_seen:  # only the first h1 with text is the title
            return BlockKind.HEADING
        return giver.kind

    def _giver(self) -> _Open | None:
        """The innermost open element that gives its text a block kind."""
        return next((o for o in reversed(self.stack) if o.kind), None)

    def _code_at(self) -> int | None:
        """Where the outermost open inline code element starts (None outside code, or in
        preformatted text, which is code already)."""
        if any(o.tag in _PREFORMATTED for o in self.stack):
            return None
        return next((o.at for o in self.stack if o.tag in _INLINE_CODE), None)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """`<![CDATA[...` and the like: HTML reads them as a comment up to the next '>'
        (the standard library's stricter reading raises on some of them)."""
        end = self.rawdata.find(">", i + 3)
        return -1 if end < 0 else end + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self._at()
        self._close_head(tag)
        if self._visible():
            if tag == "br":
                raw = self.get_starttag_text() or "<br>"
                self.out.line_break(at, at + len(raw), self._pre())
            elif tag in _BLOCK:
                self.out.end_block()
        if tag not in _VOID:
            kind = BlockKind.TITLE if tag == "h1" else _KINDS.get(tag)
            self.stack.append(_Open(tag, at, kind))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:  # XHTML's <div/>: an empty element
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        at = self._at()
        if tag == "br":  # "</br>" is read as "<br>"
            if self._visible():
                end = self.source.find(">", at) + 1 or len(self.source)
                self.out.line_break(at, end, self._pre())
            return
        i = next((i for i in range(len(self.stack) - 1, -1, -1) if self.stack[i].tag == tag), -1)
        if i < 0:
            return  # a stray end tag
        visible = self._visible()
        closed = self.stack[i:]
        del self.stack[i:]
        if not visible:
            return
        if self._code_at() is None and any(o.tag in _INLINE_CODE for o in closed):
            self.out.close_code(at, self.source.find(">", at) + 1 or len(self.source))
        if any(o.tag in _BLOCK for o in closed):
            self.out.end_block()

    def _close_head(self, tag: str) -> None:
        """A start tag that cannot be in `<head>` closes it (its end tag is optional)."""
        if not self.stack or "head" not in (o.tag for o in self.stack):
            return
        if tag == "body" or (self.stack[-1].tag == "head" and tag not in _HEAD_CONTENT):
            i = max(i for i, o in enumerate(self.stack) if o.tag == "head")
            del self.stack[i:]

    def _pre(self) -> bool:
        return any(o.tag in _PREFORMATTED for o in self.stack)

    def handle_data(self, data: str) -> None:
        if not self._visible():
            return
        at = self._at()
        code_at = self._code_at()
        if not self.source.startswith(data, at):  # not expected: never lose the words
            found = self.source.find(data, at)
            if found < 0:
                self._words(data, at, at, code_at)
                return
            at = found
        pre = self._pre()
        for m in _RUNS.finditer(data):
            if m.group()[0] in _SPACE:
                self.out.space(m.group(), at + m.start(), None, pre)
            else:
                self._words(m.group(), at + m.start(), None, code_at)

    def handle_entityref(self, name: str) -> None:
        self._reference(name, 1)

    def handle_charref(self, name: str) -> None:
        self._reference(name, 2)

    def _reference(self, name: str, lead: int) -> None:
        """An entity ("&amp;", lead 1 for "&") or a character reference ("&#38;", lead 2)."""
        if not self._visible():
            return
        at = self._at()
        end = at + lead + len(name)
        end += self.source.startswith(";", end)
        raw = self.source[at:end]
        decoded = unescape(raw)
        if decoded == raw:  # not a reference after all: the characters as they are
            self._words(raw, at, None, self._code_at())
        elif not decoded.strip(_SPACE):
            self.out.space(decoded, at, end, self._pre())
        else:
            self._words(decoded, at, end, self._code_at())

    def _words(self, text: str, at: int, end: int | None, code_at: int | None) -> None:
        """Readable characters: `text` at `at` (see `_Builder._put` for `end`)."""
        if self.out.block_at is None:
            kind = self._kind()
            self.out.open_block(kind)
            giver = self._giver()
            if kind is BlockKind.TITLE and giver is not None and giver.tag == "h1":
                self.h1_seen = True
        self.out.words(text, at, end, code_at)


class _Builder:
    """Collects the text, its blocks and its map, piece by piece. Whitespace waits in
    `pending` until words follow it in the same block, so that a block's edges have none."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.parts: list[str] = []
        self.length = 0
        self.segments: list[Segment] = []
        self.blocks: list[Block] = []
        self.block_at: int | None = None  # text offset of the open block, if one is open
        self.kind = BlockKind.PARAGRAPH
        self.pending: list[tuple[str, int, int | None]] = []  # arguments for _put
        self.tick_open = False  # an opening backtick of inline code is in the block
        self.last_end = 0  # source offset where the last piece put ends
        self.last_replaced = False

    def _put(self, text: str, at: int, end: int | None) -> None:
        """Append `text`: source[at:at+len(text)] itself when `end` is None, else what
        replaces source[at:end] (a piece of length 0 in the map)."""
        if end is None:
            last = self.segments[-1] if self.segments else None
            if (
                last is not None
                and last.length
                and last.text_start + last.length == self.length
                and last.source_start + last.length == at
            ):  # continues the last verbatim piece
                self.segments[-1] = Segment(
                    last.text_start, at - last.length, last.length + len(text)
                )
            else:
                self.segments.append(Segment(self.length, at, len(text)))
            self.last_end = at + len(text)
        else:
            self.segments.append(Segment(self.length, at, 0, end - at))
            self.last_end = end
        self.last_replaced = end is not None
        self.parts.append(text)
        self.length += len(text)

    def open_block(self, kind: BlockKind) -> None:
        if self.block_at is None:
            if self.parts:
                self.parts.append("\n\n")
                self.length += 2
            self.block_at = self.length
            self.kind = kind

    def words(self, text: str, at: int, end: int | None, code_at: int | None) -> None:
        """Put readable characters (no whitespace) in the open block, after the whitespace
        waiting, and after an opening backtick if they start inline code (at `code_at`)."""
        for piece in self.pending:
            self._put(*piece)
        self.pending.clear()
        if code_at is not None and not self.tick_open:
            # the backtick stands for the <code> tag, or for nothing when the code element
            # began in an earlier block
            tag_here = code_at >= self.last_end
            self._put("`", code_at if tag_here else at, at)
            self.tick_open = True
        self._put(text, at, end)

    def space(self, text: str, at: int, end: int | None, pre: bool) -> None:
        """Whitespace: kept as it is in preformatted text, else one space at most in a row."""
        if self.block_at is None:
            return
        if pre:
            self.pending.append((text, at, end))
        elif not self.pending:
            verbatim = text == " " and end is None
            self.pending.append((" ", at, None if verbatim else (end or at + len(text))))

    def line_break(self, at: int, end: int, pre: bool) -> None:
        """`<br>`: a newline (whitespace around it dropped); a second one ends the block."""
        if self.block_at is None:
            return
        if pre:
            self.pending.append(("\n", at, end))
        elif self.pending and self.pending[-1][0] == "\n":
            self.end_block()
        else:
            self.pending = [("\n", at, end)]

    def close_code(self, at: int, end: int) -> None:
        """The end of inline code, source[at:end]: the closing backtick (before any
        whitespace waiting, which was inside the code)."""
        if self.tick_open:
            self._put("`", at, end)
            self.tick_open = False

    def end_block(self) -> None:
        if self.block_at is None:
            return
        self.close_code(self.last_end, self.last_end)
        self.pending.clear()
        if self.last_replaced:  # so that the block's end maps to the end of its last piece
            self.segments.append(Segment(self.length, self.last_end, 0))
        self.blocks.append(Block(self.kind, self.block_at, self.length))
        self.block_at = None

    def extraction(self) -> Extraction:
        segments = tuple(self.segments) or (Segment(0, 0, 0),)
        return Extraction("".join(self.parts), tuple(self.blocks), SourceMap(segments))

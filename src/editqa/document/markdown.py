"""Markdown (CommonMark with GFM tables and strikethrough), parsed with markdown-it-py.

The checkable text keeps what a reader sees: the words of paragraphs, headings, quotations,
list items and table cells, one block each, blocks separated by blank lines. Markup goes:
emphasis marks, link destinations, images, HTML tags, a YAML front-matter block. Inline code
keeps its backticks (so the checks' scopes know it is code), inline HTML `<code>` gets a
backtick for each tag, and fenced or indented code blocks become CODE blocks, which the
checks skip. Every character of the text maps back to
the file; an escape or entity ("\\*", "&amp;") maps to itself as a whole.

markdown-it gives line ranges for blocks but no offsets inside them, so each inline piece
is found in the file from a cursor that only moves forward: text tokens are verbatim source
(the `text_join` rule, which would merge escapes into them, is off), and the markup between
them (link tails, images, HTML) is stepped over.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from editqa.document.extraction import Extraction
from editqa.document.sourcemap import Segment, SourceMap
from editqa.model import Block, BlockKind

EXTENSIONS = (".md", ".markdown", ".mdown", ".mkd")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_CONTAINERS = {"blockquote_open": BlockKind.QUOTE, "list_item_open": BlockKind.LIST_ITEM}
_CELLS = {"th_open", "td_open"}
# inline HTML that holds code: marked with a backtick (mapped to the tag) so the checks'
# scopes skip what is between, as they skip `code`
_HTML_CODE = re.compile(r"</?(?:code|kbd|samp|tt|var)\b[^>]*>", re.IGNORECASE)
_RAW_HTML = re.compile(r"<(/?)(?:script|style)\b[^>]*>", re.IGNORECASE)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")


def extract_markdown(source: str) -> Extraction:
    """The reader's text of a Markdown document, its blocks and the map back to `source`."""
    masked = _mask_front_matter(source)
    line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(masked)]
    out = _Builder(masked)
    containers: list[BlockKind] = []
    in_cell = False
    heading: str | None = None
    for tok in _parser().parse(masked):
        if tok.type in _CONTAINERS:
            containers.append(_CONTAINERS[tok.type])
        elif tok.type in {"blockquote_close", "list_item_close"}:
            containers.pop()
        elif tok.type in _CELLS:
            in_cell = True
        elif tok.type in {"th_close", "td_close"}:
            in_cell = False
        elif tok.type == "heading_open":
            heading = tok.tag
        elif tok.type == "heading_close":
            heading = None
        elif tok.type in {"fence", "code_block"} and tok.map:
            out.code(_code_span(masked, line_starts, tok))
        elif tok.type == "inline" and tok.map:
            if heading is not None:
                kind = BlockKind.TITLE if heading == "h1" and not out.blocks else BlockKind.HEADING
            elif in_cell:
                kind = BlockKind.LIST_ITEM
            else:
                kind = containers[-1] if containers else BlockKind.PARAGRAPH
            out.inline(tok.children or [], line_starts[tok.map[0]], kind)
    return out.extraction()


def _mask_front_matter(source: str) -> str:
    """`source` with a leading YAML front-matter block blanked (newlines kept)."""
    m = _FRONT_MATTER.match(source)
    if not m:
        return source
    return re.sub(r"[^\n]", " ", m.group()) + source[m.end() :]


def _code_span(source: str, line_starts: Sequence[int], tok: Any) -> tuple[int, int]:
    """Source span of a code block's contents (a fence's own lines left out)."""
    first, last = tok.map
    if tok.type == "fence":
        first += 1
        closing = _line(source, line_starts, last - 1).strip()
        if last - 1 >= first and closing.startswith(tok.markup):
            last -= 1
    start = line_starts[first] if first < len(line_starts) else len(source)
    end = line_starts[last] if last < len(line_starts) else len(source)
    return start, max(start, end)


def _line(source: str, line_starts: Sequence[int], n: int) -> str:
    if n >= len(line_starts):
        return ""
    end = line_starts[n + 1] if n + 1 < len(line_starts) else len(source)
    return source[line_starts[n] : end]


class _Builder:
    """Collects the text, its blocks and its map, piece by piece."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.parts: list[str] = []
        self.length = 0
        self.segments: list[Segment] = []
        self.blocks: list[Block] = []
        self._raw_html = False  # inside an inline <script> or <style>

    def _put(self, text: str, source_at: int, replaces: int | None = None) -> None:
        """Append `text`, taken verbatim from `source_at`, or (`replaces` given) standing for
        that many source characters there as a whole."""
        if not text:
            return
        if replaces is None:
            self.segments.append(Segment(self.length, source_at, len(text)))
        else:
            self.segments.append(Segment(self.length, source_at, 0, replaces))
        self.parts.append(text)
        self.length += len(text)

    def _open_block(self) -> int:
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        return self.length

    def code(self, span: tuple[int, int]) -> None:
        start, end = span
        body = self.source[start:end].rstrip("\n")
        if not body.strip():
            return
        at = self._open_block()
        self._put(body, start)
        self.blocks.append(Block(BlockKind.CODE, at, self.length))

    def inline(self, children: Sequence[Any], cursor: int, kind: BlockKind) -> None:
        at = self._open_block()
        self._pieces(children, cursor)
        if self.length > at:
            self.blocks.append(Block(kind, at, self.length))
        elif self.parts and self.parts[-1] == "\n\n":  # nothing readable in this block
            self.parts.pop()
            self.length -= 2

    def _put_unescaped(self, content: str, cursor: int) -> int:
        """Put `content`, which the source has with backslash escapes, piece by piece; where
        it ended in the source (or, not found at all, put it as standing for nothing)."""
        pattern = "".join(
            rf"\\?{re.escape(c)}" if c in _ESCAPABLE else re.escape(c) for c in content
        )
        m = re.compile(pattern).search(self.source, cursor)
        if m is None:  # never lose the words
            self._put(content, cursor, 0)
            return cursor
        run_text, run_at, j = "", m.start(), m.start()
        for c in content:
            if self.source[j] == "\\" and c in _ESCAPABLE:
                self._put(run_text, run_at)
                self._put(c, j, 2)
                j += 2
                run_text, run_at = "", j
            else:
                run_text += c
                j += 1
        self._put(run_text, run_at)
        return m.end()

    def _pieces(self, children: Sequence[Any], cursor: int) -> int:
        """Put the readable text of inline tokens found from `cursor`; where they ended."""
        src = self.source
        for child in children:
            kind_of = child.type
            if kind_of == "text":
                found = src.find(child.content, cursor)
                if self._raw_html:  # inside an inline <script> or <style>: not text
                    cursor = max(cursor, found + len(child.content)) if found >= 0 else cursor
                elif found >= 0:
                    self._put(child.content, found)
                    cursor = found + len(child.content)
                else:  # unescaped by the parser ("\|" in a table cell): map it piece by piece
                    cursor = self._put_unescaped(child.content, cursor)
            elif kind_of == "text_special":  # an escape or an entity
                found = src.find(child.markup, cursor)
                found = cursor if found < 0 else found
                self._put(child.content, found, len(child.markup))
                cursor = found + len(child.markup)
            elif kind_of == "softbreak":
                brk = _LINE_BREAK.search(src, cursor)
                if brk is None:
                    self._put("\n", cursor, 0)
                elif brk.group() == "\n":
                    self._put("\n", brk.start())
                    cursor = brk.end()
                else:  # "\r\n" or a lone "\r"
                    self._put("\n", brk.start(), len(brk.group()))
                    cursor = brk.end()
            elif kind_of == "hardbreak":
                brk = _LINE_BREAK.search(src, cursor)
                if brk is None:
                    self._put("\n", cursor, 0)
                else:
                    self._put("\n", brk.start(), len(brk.group()))
                    cursor = brk.end()
            elif kind_of == "code_inline":
                start = src.find(child.markup, cursor)
                end = _closing_ticks(src, start + len(child.markup), child.markup)
                if start < 0 or end < 0:
                    self._put(f"`{child.content}`", cursor, 0)
                    continue
                self._put(src[start:end], start)
                cursor = end
            elif kind_of == "link_close":
                cursor = _after_link(src, cursor, child.markup == "autolink")
            elif kind_of == "image":  # its alternative text is what some readers get
                start = src.find("![", cursor)
                if start >= 0:
                    end = _matching_bracket(src, start + 1)
                    self._pieces(child.children or [], start + 2)
                    cursor = _after_link(src, max(start + 2, end - 1), False)
            elif kind_of == "html_inline":
                found = src.find(child.content, cursor)
                if found >= 0:
                    if _HTML_CODE.match(child.content):  # <code>…</code>: code, as `…` is
                        self._put("`", found, len(child.content))
                    raw = _RAW_HTML.match(child.content)
                    if raw:
                        self._raw_html = not raw.group(1)  # opened, or closed
                    cursor = found + len(child.content)
        return cursor

    def extraction(self) -> Extraction:
        segments = tuple(self.segments) or (Segment(0, 0, 0),)
        return Extraction("".join(self.parts), tuple(self.blocks), SourceMap(segments))


def _closing_ticks(src: str, pos: int, ticks: str) -> int:
    """End of the backtick run of exactly `ticks` that closes a code span opened before pos."""
    pattern = re.compile(rf"(?<!`){re.escape(ticks)}(?!`)")
    m = pattern.search(src, pos)
    return m.end() if m else -1


def _matching_bracket(src: str, pos: int, pair: str = "[]") -> int:
    """Offset just past the bracket that closes the one at `pos` (`pair`: opening and
    closing characters; backslash escapes skipped), or len(src)."""
    depth = 0
    i = pos
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if ch == pair[0]:
            depth += 1
        elif ch == pair[1]:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return len(src)


def _after_link(src: str, cursor: int, autolink: bool) -> int:
    """Step over the end of a link whose text ended at `cursor`: '](dest "title")',
    '][ref]', ']' or, for an autolink, '>'."""
    close = src.find(">" if autolink else "]", cursor)
    if close < 0:
        return cursor
    pos = close + 1
    if autolink or pos >= len(src):
        return pos
    if src[pos] == "(":
        return _matching_bracket(src, pos, "()")
    if src[pos] == "[":
        end = src.find("]", pos)
        return end + 1 if end >= 0 else pos
    return pos

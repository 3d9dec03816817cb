"""Maps offsets in a document's checkable text back to offsets in its decoded source."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Segment:
    """text[text_start:text_start+length] == source[source_start:source_start+length]; or,
    with length 0, a replaced run: text from text_start on stands for source[source_start:
    source_start+span] as a whole (an entity, an escape)."""

    text_start: int
    source_start: int
    length: int
    span: int = 0


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Piecewise-identity map from text offsets to source offsets, sorted by `text_start`."""

    segments: tuple[Segment, ...]
    starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", tuple(s.text_start for s in self.segments))

    @classmethod
    def identity(cls, length: int) -> SourceMap:
        return cls((Segment(0, 0, length),))

    def to_source(self, offset: int) -> int:
        """The source offset of text offset `offset` (an end offset maps to the end of its run)."""
        if not self.segments:
            return offset
        starts = self.starts
        i = max(bisect_right(starts, offset) - 1, 0)
        seg = self.segments[i]
        if offset > seg.text_start + seg.length and i + 1 < len(self.segments):
            seg = self.segments[i + 1]
            return seg.source_start
        return seg.source_start + min(offset - seg.text_start, seg.length)

    def to_source_end(self, offset: int) -> int:
        """The source offset of a span ending at text offset `offset`: the end of the
        verbatim run it closes ("libary" in "<em>libary</em>" ends before "</em>"), or the
        end of the replaced run it closes ("reciev&#101;")."""
        if not self.segments or offset == 0:
            return self.to_source(offset)
        i = bisect_left(self.starts, offset) - 1
        if i >= 0:
            seg = self.segments[i]
            if seg.length and offset <= seg.text_start + seg.length:
                return seg.source_start + (offset - seg.text_start)
            if not seg.length and seg.span:
                return seg.source_start + seg.span
        return self.to_source(offset)


@dataclass(frozen=True, slots=True)
class LineIndex:
    """1-based line and column of a source offset."""

    line_starts: tuple[int, ...]

    @classmethod
    def of(cls, source: str) -> LineIndex:
        starts = [0]
        for i, ch in enumerate(source):
            if ch == "\n" or (ch == "\r" and source[i + 1 : i + 2] != "\n"):
                starts.append(i + 1)
        return cls(tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def line_span(self, line: int, source: str) -> tuple[int, int]:
        """Start and end (without the newline) of 1-based `line`."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(source)
        while end > start and source[end - 1] in "\r\n":
            end -= 1
        return start, end

"""The domain objects that pass between editqa's layers. All are frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe."""
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Category(StrEnum):
    """Issue types after W3C ITS 2.0 localization-quality-issue types."""

    MISSPELLING = "misspelling"
    GRAMMAR = "grammar"
    TYPOGRAPHICAL = "typographical"
    NUMBERS = "numbers"
    TERMINOLOGY = "terminology"
    STYLE = "style"
    UNTRANSLATED = "untranslated"
    OMISSION = "omission"
    LOCALE_CONVENTION = "locale-convention"
    MARKUP = "markup"
    OTHER = "other"


class FixSafety(StrEnum):
    SAFE = "safe"
    SUGGEST = "suggest"
    NONE = "none"


class BlockKind(StrEnum):
    TITLE = "title"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    LIST_ITEM = "list-item"
    BOILERPLATE = "boilerplate"
    CODE = "code"


@dataclass(frozen=True, slots=True)
class Block:
    """A structural unit of a document's checkable text; `start`/`end` are text offsets."""

    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace source[start:end] with `replacement` (code points, source coordinates)."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """The edits that carry out one finding's first suggestion, and how safe they are."""

    edits: tuple[Edit, ...]
    safety: FixSafety
    rule_id: str


@dataclass(frozen=True, slots=True)
class SegmentRef:
    """Where a bilingual finding's segment is in the source file: its id (a unit id, or
    "p3.s2" for aligned plain text) and its span, code points into the decoded source file."""

    id: str
    source_start: int
    source_end: int
    source_text: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found by any backend; offsets are code points into the decoded source."""

    rule_id: str
    source: str
    category: Category
    severity: Severity
    message: str
    start: int
    end: int
    text: str
    suggestions: tuple[str, ...] = ()
    fix_safety: FixSafety = FixSafety.NONE
    context: str = ""
    engines: tuple[str, ...] = field(default=())  # every backend that reported this span
    suggestion_kinds: tuple[str, ...] = field(default=())  # replace|remove|insert, per suggestion
    segment: SegmentRef | None = None  # bilingual checks: the source segment it concerns

    @property
    def fix(self) -> Fix | None:
        """The fix carried by the first suggestion, if the finding has one."""
        if not self.suggestions or self.fix_safety is FixSafety.NONE:
            return None
        edit = Edit(self.start, self.end, self.suggestions[0])
        return Fix((edit,), self.fix_safety, self.rule_id)


@dataclass(frozen=True, slots=True)
class Notice:
    """Something a user should hear about once that is not a finding in the text."""

    message: str
    path: str | None = None


@dataclass(frozen=True, slots=True)
class AlignedSegment:
    """One aligned segment of a translation, for reports that show source beside target:
    the target span in code points into the decoded target file, the source segment's text,
    and the alignment's own problem ("omitted", "added", "length") if any."""

    id: str
    target_start: int
    target_end: int
    source_text: str
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class FileResult:
    """What checking one file gave: its findings, or the error that stopped it."""

    path: str
    language: str | None
    findings: tuple[Finding, ...] = ()
    source: str = ""
    error: str | None = None
    encoding: str | None = None
    notes: tuple[str, ...] = ()
    alignment: tuple[AlignedSegment, ...] = ()  # a translation's segments, in target order


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The result of a whole run."""

    files: tuple[FileResult, ...]
    notices: tuple[Notice, ...] = ()

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for r in self.files for f in r.findings)

    @property
    def errors(self) -> tuple[FileResult, ...]:
        return tuple(r for r in self.files if r.error is not None)

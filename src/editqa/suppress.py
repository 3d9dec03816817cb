"""Suppression comments: an author silences a rule where it is wrong about the text.

In Markdown, HTML and plain text alike:

    <!-- editqa-disable RULE [RULE...] -->        from here on (no RULE: every rule)
    <!-- editqa-enable RULE [RULE...] -->         until here (no RULE: every rule)
    <!-- editqa-disable-next-line RULE [...] -->  the line after the comment only

Plain text, which has no comment syntax, may also use a line of its own such as
`# editqa-disable-next-line spelling`. RULE is a rule id, a prefix of ids ("spelling",
"en.numbers"), or a shell pattern ("*.decimal-comma"); several are separated by spaces or
commas. A comment inside a code block is an example, not a directive. The comment's own
text is never reported. For each rule, the last disable or enable comment before a
finding that names the rule (or names none) decides. A directive that suppressed nothing can be reported as
`editqa.unused-suppression` (`--report-unused-suppressions`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from editqa.configfile import rule_matches
from editqa.document.loader import Document
from editqa.model import BlockKind, Category, Finding, Severity

UNUSED_RULE = "editqa.unused-suppression"
_KINDS = "disable-next-line|disable|enable"
_DIRECTIVE = re.compile(
    rf"<!--[ \t]*editqa-(?P<k1>{_KINDS})\b(?P<r1>(?:(?!-->)[^\n])*)-->"
    rf"|^[ \t]*#[ \t]*editqa-(?P<k2>{_KINDS})\b(?P<r2>[^\n]*)$",
    re.MULTILINE,
)


@dataclass(eq=False)
class Directive:
    kind: str  # "disable", "enable" or "disable-next-line"
    rules: tuple[str, ...]  # empty: every rule
    start: int  # source offsets of the comment
    end: int
    line: int  # 1-based line of the comment's end
    used: bool = field(default=False)

    def covers(self, rule_id: str) -> bool:
        return not self.rules or any(rule_matches(rule_id, r) for r in self.rules)


def directives(doc: Document) -> list[Directive]:
    """The suppression comments of a document, in order, those inside code left out."""
    if "editqa-" not in doc.source:
        return []
    code = sorted(doc.to_source(b.start, b.end) for b in doc.blocks if b.kind is BlockKind.CODE)
    starts = [s for s, _ in code]
    out = []
    for m in _DIRECTIVE.finditer(doc.source):
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and code[i][0] <= m.start() < code[i][1]:
            continue
        line_start = doc.source.rfind("\n", 0, m.start()) + 1
        if doc.source.count("`", line_start, m.start()) % 2:
            continue  # quoted in inline code: `<!-- editqa-disable -->`
        kind = m.group("k1") or m.group("k2")
        raw = (m.group("r1") if m.group("k1") else m.group("r2")) or ""
        rules = tuple(r for r in re.split(r"[\s,]+", raw.strip()) if r)
        line, _ = doc.position(max(m.start(), m.end() - 1))
        out.append(Directive(kind, rules, m.start(), m.end(), line))
    return out


def suppress(
    findings: Sequence[Finding], doc: Document, report_unused: bool = False
) -> tuple[Finding, ...]:
    """`findings` without those the document's comments suppress (and those on the
    comments themselves), plus, if asked, a finding for each directive that did nothing."""
    found = directives(doc)
    if not found:
        return tuple(findings)
    kept = [f for f in findings if not _silenced(f, doc, found)]
    if report_unused:
        kept.extend(_unused(doc, found))
    return tuple(sorted(kept, key=lambda f: (f.start, f.rule_id, f.end)))


def _silenced(f: Finding, doc: Document, found: Iterable[Directive]) -> bool:
    """Whether a finding is silenced: by a disable-next-line comment on the line before,
    or by the last disable or enable comment before it that names its rule."""
    line, _ = doc.position(f.start)
    last: Directive | None = None  # the last disable/enable comment that covers the rule
    for d in found:
        if d.start < f.end and f.start < d.end:
            return True  # a finding on the comment's own words
        if d.kind == "disable-next-line":
            if d.line + 1 == line and d.covers(f.rule_id):
                d.used = True
                return True
        elif d.start < f.start and d.covers(f.rule_id):
            last = d
    if last is not None and last.kind == "disable":
        last.used = True
        return True
    return False


def _unused(doc: Document, found: Iterable[Directive]) -> list[Finding]:
    out = []
    for d in found:
        if d.used or d.kind == "enable":
            continue
        what = " ".join(d.rules) or "every rule"
        text = doc.source[d.start : d.end]
        out.append(
            Finding(
                rule_id=UNUSED_RULE,
                source="editqa",
                category=Category.OTHER,
                severity=Severity.WARNING,
                message=f"This editqa-{d.kind} comment ({what}) suppresses nothing: remove it.",
                start=d.start,
                end=d.end,
                text=text,
                context=text,
                engines=("editqa",),
            )
        )
    return out

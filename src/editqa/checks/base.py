"""The shape every check shares, and the context it reads."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from editqa.document.loader import Document
from editqa.model import Category, Finding, FixSafety, Severity
from editqa.text.scopes import Scopes, find_scopes
from editqa.text.segment import Segmentation, segment

if TYPE_CHECKING:
    from editqa.runtime import Runtime

CONTEXT_CHARS = 40


@dataclass(frozen=True, slots=True)
class CheckContext:
    """Everything a check may read: the document, its language, shared analysis, resources."""

    document: Document
    language: str
    segmentation: Segmentation
    scopes: Scopes
    runtime: Runtime

    @classmethod
    def build(cls, document: Document, language: str, runtime: Runtime) -> CheckContext:
        return cls(
            document,
            language,
            segment(document.text, document.blocks),
            find_scopes(document.text),
            runtime,
        )

    def finding(
        self,
        *,
        rule_id: str,
        source: str,
        category: Category,
        severity: Severity,
        message: str,
        start: int,
        end: int,
        suggestions: Iterable[str] = (),
        fix_safety: FixSafety = FixSafety.NONE,
    ) -> Finding:
        """A Finding for the text span [start, end), converted to source coordinates."""
        doc = self.document
        s, e = doc.to_source(start, end)
        src = doc.source
        before = src[max(0, s - CONTEXT_CHARS) : s].split("\n")[-1]
        after = src[e : e + CONTEXT_CHARS].split("\n")[0]
        sugg = tuple(suggestions)
        return Finding(
            rule_id=rule_id,
            source=source,
            category=category,
            severity=severity,
            message=message,
            start=s,
            end=e,
            text=src[s:e],
            suggestions=sugg,
            fix_safety=fix_safety if sugg else FixSafety.NONE,
            context=f"{before}{src[s:e]}{after}",
        )


class Check(Protocol):
    """One kind of check. `name` is what config and `--disable` call it."""

    name: str

    def run(self, ctx: CheckContext) -> Iterable[Finding]: ...

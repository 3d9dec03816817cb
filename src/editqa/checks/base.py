"""The shape every check shares, and the context it reads."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol

from editqa.document.loader import Document
from editqa.model import Category, Finding, FixSafety, Severity
from editqa.text.scopes import Scopes, find_scopes
from editqa.text.segment import Segmentation, segment

if TYPE_CHECKING:
    from editqa.runtime import Runtime
    from editqa.style import Style
    from editqa.text.pairing import Pair

CONTEXT_CHARS = 40


class CheckContext:
    """Everything a check may read: the document, its language, shared analysis (computed on
    first use, once per document) and the process's resources. Checks must not modify it."""

    def __init__(
        self,
        document: Document,
        language: str,
        runtime: Runtime,
        style: Style | None = None,
        pair: Pair | None = None,
    ) -> None:
        self.document = document
        # a translation checked against its source: the source and the aligned segments
        self.pair = pair
        self.language = language
        self.runtime = runtime
        # Per-document results one check computes and another reuses (the names editqa's
        # spelling accepted, which the grammar engines are told about), keyed by name.
        self.shared: dict[str, Any] = {}
        self._style = style

    @classmethod
    def build(
        cls,
        document: Document,
        language: str,
        runtime: Runtime,
        style: Style | None = None,
        pair: Pair | None = None,
    ) -> CheckContext:
        return cls(document, language, runtime, style, pair)

    @property
    def style(self) -> Style:
        """The house style for this document's locale (or the one the context was built
        with, as examples are)."""
        if self._style is None:
            self._style = self.runtime.style(self.language)
        return self._style

    @cached_property
    def segmentation(self) -> Segmentation:
        return segment(self.document.text, self.document.blocks)

    @cached_property
    def scopes(self) -> Scopes:
        return find_scopes(self.document.text)

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
        suggestion_kinds: Iterable[str] = (),
    ) -> Finding:
        """A Finding for the text span [start, end), converted to source coordinates."""
        doc = self.document
        s, e = doc.to_source(start, end)
        src = doc.source
        before = src[max(0, s - CONTEXT_CHARS) : s].split("\n")[-1]
        after = src[e : e + CONTEXT_CHARS].split("\n")[0]
        sugg = tuple(suggestions)
        if doc.text[start:end] != src[s:e]:
            # the span crosses markup or an escape (Markdown emphasis, an XML entity): a
            # replacement would take the markup with it, so it is offered, never applied
            fix_safety = FixSafety.NONE
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
            engines=(source,),
            suggestion_kinds=tuple(suggestion_kinds),
        )


class Check(Protocol):
    """One kind of check. `name` is what config and `--disable` call it."""

    name: str

    def run(self, ctx: CheckContext) -> Iterable[Finding]: ...

"""Grammar engines behind one protocol, chosen per document, reporting into one stream.

`GrammarCheck` picks, for each document, the first engine of its list that supports the
document's language and is reachable: with `--grammar auto` LanguageTool (when a server answers
or a local install exists), then Harper (English only). An engine that cannot be reached, or
a language no engine checks, is said once per run as a notice, never raised.

Deliberately ignored: matches in boilerplate and code blocks and in non-prose scopes (URLs,
code), and the engine's spelling matches unless the engine owns spelling.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from editqa.checks.base import CheckContext
from editqa.model import BlockKind, Category, Finding, FixSafety

SKIPPED_BLOCKS = frozenset({BlockKind.BOILERPLATE, BlockKind.CODE})


class GrammarUnavailable(Exception):
    """An engine cannot check now (server down, timeout, refused request). The message is
    one line for the run's notices."""


class GrammarBackend(Protocol):
    """One grammar engine. Built once per process and reused for every document."""

    name: str

    def supports(self, language: str) -> bool:
        """Whether the engine can check this language tag and is available."""
        ...

    def prepare(self, language: str) -> None:
        """Start any slow set-up for this language in the background (may do nothing)."""
        ...

    def check(self, ctx: CheckContext, *, spelling: bool) -> list[Finding]:
        """Findings for the document; `spelling` says whether to keep spelling matches.
        Raises GrammarUnavailable when the engine cannot answer."""
        ...


class GrammarCheck:
    """The grammar check: the first engine that supports the document's language."""

    name = "grammar"

    def __init__(
        self, backends: Sequence[GrammarBackend], *, spelling_engine: str, notices: Notices
    ) -> None:
        self.backends = list(backends)
        self.spelling_engine = spelling_engine
        self.notices = notices

    def prepare(self, language: str) -> None:
        for backend in self.backends:
            if backend.supports(language):
                backend.prepare(language)
                return

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        failed = False
        for backend in self.backends:
            if not backend.supports(ctx.language):
                failure = getattr(backend, "failure", None)
                if failure and getattr(backend, "configured", False):
                    self.notices.add(f"{backend.name}: {failure}")
                continue
            try:
                found = backend.check(ctx, spelling=self.spelling_engine == backend.name)
            except GrammarUnavailable as exc:
                self.notices.add(f"{backend.name}: {exc}; its grammar checks were skipped")
                failed = True
                continue
            yield from (f for f in found if _in_prose(ctx, f.start, f.end))
            return
        if failed:
            return
        reasons = [
            f"{b.name}: {reason}" if (reason := getattr(b, "failure", None)) else b.name
            for b in self.backends
        ]
        tried = "; ".join(reasons) or "none configured"
        self.notices.add(
            f"no grammar engine checks '{ctx.language}' here ({tried}); grammar was not checked"
        )


def _in_prose(ctx: CheckContext, start: int, end: int) -> bool:
    """Inside a checkable block and outside URLs and code (source and text offsets agree for
    the plain-text documents grammar engines are given)."""
    for b in ctx.document.blocks:
        if b.start <= start < b.end or (start == end == b.end):
            return b.kind not in SKIPPED_BLOCKS and not ctx.scopes.non_prose.overlaps(start, end)
    return False


class Notices:
    """Messages said once per run, in the order first given."""

    def __init__(self) -> None:
        self._seen: dict[str, None] = {}

    def add(self, message: str) -> None:
        self._seen.setdefault(message, None)

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._seen))

    def take(self) -> list[str]:
        out = list(self._seen)
        self._seen.clear()
        return out


# Where engines disagree about one span, the finding of the most specific source is kept.
SPECIFICITY = {
    "document": 6,
    "rules": 5,
    "script": 4,
    "spelling": 3,
    "languagetool": 2,
    "harper": 1,
}


def merge(findings: Sequence[Finding]) -> list[Finding]:
    """One finding a problem. Findings of different engines are one problem when they cover
    the same span, or overlap with the same category, or one lies inside the other and they
    propose the same corrected text: the most specific engine's finding is kept, with
    the others' suggestions added after its own (re-expressed over its span when their span
    lies inside it) and every agreeing engine listed in `engines`."""
    # two rules of one engine proposing the same fix for the same span are one problem:
    # keep the more severe ("23 December 2015" as both the house date and the majority's)
    unique: dict[tuple[str, int, int, str], Finding] = {}
    rest: list[Finding] = []
    for f in findings:
        if not f.suggestions:
            rest.append(f)
            continue
        key = (f.source, f.start, f.end, f.suggestions[0])
        if key not in unique or f.severity.rank > unique[key].severity.rank:
            unique[key] = f
    ordered = sorted([*unique.values(), *rest], key=lambda f: (f.start, f.end))
    groups: list[list[Finding]] = []
    open_groups: list[list[Finding]] = []
    for f in ordered:
        open_groups = [g for g in open_groups if max(x.end for x in g) >= f.start]
        home = next(
            (
                g
                for g in open_groups
                if all(x.source != f.source and _same_problem(x, f) for x in g)
            ),
            None,
        )
        if home is None:
            home = [f]
            groups.append(home)
            open_groups.append(home)
        else:
            home.append(f)
    return [g[0] if len(g) == 1 else _combine(g) for g in groups]


def _same_problem(a: Finding, b: Finding) -> bool:
    if (a.start, a.end) == (b.start, b.end):
        return True
    if not _overlap(a, b):
        return False
    if a.category == b.category:
        return True
    outer, inner = (a, b) if a.start <= b.start and b.end <= a.end else (b, a)
    if not (outer.start <= inner.start and inner.end <= outer.end):
        return False
    return bool(set(outer.suggestions) & set(_within(outer, inner)))


def _within(outer: Finding, inner: Finding) -> list[str]:
    """`inner`'s suggestions as replacements of `outer`'s whole span."""
    head = outer.text[: inner.start - outer.start]
    tail = outer.text[inner.end - outer.start :]
    return [head + s + tail for s in inner.suggestions]


def _overlap(a: Finding, b: Finding) -> bool:
    if a.start == a.end or b.start == b.end:
        return a.start == b.start
    return a.start < b.end and b.start < a.end


def _combine(group: list[Finding]) -> Finding:
    from dataclasses import replace

    group = sorted(group, key=lambda f: -SPECIFICITY.get(f.source, 0))
    best = group[0]
    suggestions = list(best.suggestions)
    kinds = list(best.suggestion_kinds) or ["replace"] * len(suggestions)
    for other in group[1:]:
        if not (best.start <= other.start and other.end <= best.end):
            continue
        other_kinds = list(other.suggestion_kinds) or ["replace"] * len(other.suggestions)
        for whole, kind in zip(_within(best, other), other_kinds, strict=False):
            if whole not in suggestions and whole != best.text:
                suggestions.append(whole)
                kinds.append(kind)
    return replace(
        best,
        suggestions=tuple(suggestions),
        suggestion_kinds=tuple(kinds) if any(f.suggestion_kinds for f in group) else (),
        engines=tuple(sorted({e for f in group for e in f.engines})),
        fix_safety=best.fix_safety if best.suggestions else FixSafety.SUGGEST,
    )


# W3C ITS 2.0 issue types (LanguageTool's issueType) and Harper's lint kinds -> categories.
ITS_CATEGORIES = {
    "misspelling": Category.MISSPELLING,
    "grammar": Category.GRAMMAR,
    "typographical": Category.TYPOGRAPHICAL,
    "whitespace": Category.TYPOGRAPHICAL,
    "duplication": Category.GRAMMAR,
    "style": Category.STYLE,
    "register": Category.STYLE,
    "terminology": Category.TERMINOLOGY,
    "inconsistency": Category.STYLE,
    "locale-violation": Category.LOCALE_CONVENTION,
    "locale-specific-content": Category.LOCALE_CONVENTION,
    "numbers": Category.NUMBERS,
    "untranslated": Category.UNTRANSLATED,
    "omission": Category.OMISSION,
    "mistranslation": Category.TERMINOLOGY,
    "markup": Category.MARKUP,
}

"""Running YAML rules over a document: one regex scan per rule and block, bounded in time.

Deliberately ignored: matches that overlap URLs, e-mail addresses or code (text scopes), matches
that cross block boundaries, and code blocks.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import Any

from editqa.checks.base import CheckContext
from editqa.errors import RuleTimeoutError
from editqa.model import Block, BlockKind, Finding
from editqa.rules.loader import ensure_compiled, ensure_unless_compiled, fold
from editqa.rules.schema import Rule, RuleSet, RuleType
from editqa.rules.types import code_type
from editqa.text.lexicon import match_case
from editqa.text.scopes import Spans

REGEX_TIMEOUT = 1.0  # seconds per rule and chunk
CHUNK_CHARS = 20_000
_FIELD = re.compile(r"\{(\w+)\}")


class RulesCheck:
    """The YAML rule engine as a check. Built with the rule set to run."""

    name = "rules"

    def __init__(self, rules: RuleSet, timeout: float = REGEX_TIMEOUT) -> None:
        self.rules = rules
        self.timeout = timeout

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.document
        blocks = [b for b in doc.blocks if b.kind is not BlockKind.CODE]
        starts = [b.start for b in blocks]
        chunks = _chunks(blocks)
        for rule in self.rules.for_language(ctx.language):
            kind = code_type(rule.type.value)
            options = dict(rule.options)
            if kind is not None and not kind.active(options, ctx):
                continue
            excepted = _Exceptions(rule, ctx, self.timeout)
            if kind is not None and kind.whole_document:
                for start, end, suggestion, fields in kind.scan(ctx, options, blocks):
                    if excepted.cover(blocks[max(0, bisect_right(starts, start) - 1)], start, end):
                        continue
                    m = _Span(doc.text, start, end)
                    found = () if suggestion is None else (suggestion,)
                    yield _finding(ctx, rule, m, found, fields, kind.source)
                continue
            for lo, hi in chunks:
                for m in _scan(ensure_compiled(rule), doc.text, lo, hi, rule, ctx, self.timeout):
                    start, end = m.span()
                    if start == end or ctx.scopes.non_prose.overlaps(start, end):
                        continue
                    block = blocks[bisect_right(starts, start) - 1]
                    if end > block.end or excepted.cover(block, start, end):
                        continue  # crosses into the next block, or an exception
                    if kind is not None:
                        verdict = kind.judge(options, m, ctx)
                        if verdict is None:
                            continue
                        found = () if verdict[0] is None else (verdict[0],)
                        yield _finding(ctx, rule, m, found, verdict[1])
                        continue
                    yield _finding(ctx, rule, m)


class _Exceptions:
    """Where a rule's `unless` patterns match, found once per block that has a match,
    however many matches it has."""

    def __init__(self, rule: Rule, ctx: CheckContext, timeout: float) -> None:
        self.rule, self.ctx, self.timeout = rule, ctx, timeout
        self.spans: dict[int, Spans] = {}  # block start -> where `unless` matched

    def cover(self, block: Block, start: int, end: int) -> bool:
        if not self.rule.unless:
            return False
        ensure_compiled(self.rule)
        where = self.spans.get(block.start)
        if where is None:
            text = self.ctx.document.text
            where = self.spans[block.start] = _unless_spans(
                self.rule, text, block.start, block.end, self.ctx, self.timeout
            )
        return where.overlaps(start, end)


class _Span:
    """The little of a regex match that findings need, for matches found by code."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self, key: int | str = 0) -> str:
        if key == 0:
            return self._text[self._start : self._end]
        raise IndexError(key)


def _chunks(blocks: list[Block]) -> list[tuple[int, int]]:
    """Runs of consecutive blocks of about CHUNK_CHARS: one regex call each, so that the call
    overhead is paid per chunk, and a time-out can still name where it happened."""
    out: list[tuple[int, int]] = []
    for b in blocks:
        if out and b.start - out[-1][0] < CHUNK_CHARS:
            out[-1] = (out[-1][0], b.end)
        else:
            out.append((b.start, b.end))
    return out


def _scan(
    compiled: Any, text: str, start: int, end: int, rule: Rule, ctx: CheckContext, timeout: float
) -> list[Any]:
    """All matches in text[start:end]; a time-out is a RuleTimeoutError naming the rule's file
    and line and the first line of the block where the pattern got stuck."""
    try:
        return list(compiled.finditer(text, start, end, timeout=timeout))
    except TimeoutError:
        pass
    culprit = start
    for b in ctx.document.blocks:
        if b.end <= start or b.start >= end or b.kind is BlockKind.CODE:
            continue
        try:
            list(compiled.finditer(text, b.start, b.end, timeout=timeout))
        except TimeoutError:
            culprit = b.start
            break
    line, _ = ctx.document.position(ctx.document.source_map.to_source(culprit))
    raise RuleTimeoutError(
        f"{rule.where}: rule {rule.id} ran over {timeout:g} s on {ctx.document.path}:{line}; "
        "its pattern backtracks catastrophically (look for nested quantifiers like (a+)+)"
    )


def _unless_spans(
    rule: Rule, text: str, start: int, end: int, ctx: CheckContext, timeout: float
) -> Spans:
    """Where the rule's `unless` patterns match in one block: scanned once per block that has
    a match, however many matches it has."""
    found = [
        (um.start(), um.end())
        for u in ensure_unless_compiled(rule)
        for um in _scan(u, text, start, end, rule, ctx, timeout)
    ]
    return Spans.from_pairs(found)


def expand(template: str, m: Any, extra: dict[str, str] | None = None) -> str:
    """Fill `{0}`, `{1}`, `{name}` from the match and `extra` ({match}, {suggestion})."""

    def field(f: re.Match[str]) -> str:
        key = f.group(1)
        if extra and key in extra:
            return extra[key]
        try:
            value = m.group(int(key)) if key.isdigit() else m.group(key)
        except (IndexError, KeyError):
            return f.group(0)
        return value or ""

    return _FIELD.sub(field, template)


def suggestions_for(rule: Rule, m: Any) -> tuple[str, ...]:
    matched = m.group(0)
    if rule.type is RuleType.SUBSTITUTION:
        alts = rule.swap.get(fold(matched), ())
    else:
        alts = tuple(expand(t, m) for t in rule.suggest)
    if rule.ignorecase:
        alts = tuple(match_case(matched, a) if a else a for a in alts)
    return tuple(dict.fromkeys(alts))


def _finding(
    ctx: CheckContext,
    rule: Rule,
    m: Any,
    suggestions: tuple[str, ...] | None = None,
    fields: dict[str, str] | None = None,
    source: str = "rules",
) -> Finding:
    if suggestions is None:
        suggestions = suggestions_for(rule, m)
    extra = {"match": m.group(0), "suggestion": suggestions[0] if suggestions else ""}
    message = expand(rule.message, m, extra | (fields or {}))
    return ctx.finding(
        rule_id=rule.id,
        source=source,
        category=rule.category,
        severity=rule.severity,
        message=message,
        start=m.start(),
        end=m.end(),
        suggestions=suggestions,
        fix_safety=rule.fix,
    )

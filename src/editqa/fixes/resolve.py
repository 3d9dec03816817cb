"""Choosing which findings' fixes to apply: one place resolves overlaps, by priority.

A finding offers a fix when it has a first suggestion and its `fix_safety` allows it: `safe`
always, `suggest` only when unsafe fixes are asked for. Where two fixes touch overlapping
text, the one with the higher severity wins, then the more specific engine (rules before
spelling before grammar engines), then the safer, then the shorter span, then the earlier;
every fix left out is recorded with the reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from editqa.checks.grammar import SPECIFICITY
from editqa.model import Edit, Finding, FixSafety


@dataclass(frozen=True, slots=True)
class Dropped:
    finding: Finding
    reason: str


@dataclass(frozen=True, slots=True)
class Resolution:
    """The edits to apply (sorted by position) with the findings they fix, and the rest."""

    edits: tuple[Edit, ...]
    fixed: tuple[Finding, ...]
    dropped: tuple[Dropped, ...]


def wanted(f: Finding, *, unsafe: bool, rules: frozenset[str] | None) -> str | None:
    """Why a finding's fix is not wanted, or None when it is."""
    if not f.suggestions or f.fix_safety is FixSafety.NONE:
        return "no fix"
    if f.fix_safety is FixSafety.SUGGEST and not unsafe:
        return "not safe (use --unsafe)"
    if rules is not None and f.rule_id not in rules:
        return "rule not selected"
    return None


def priority(f: Finding) -> tuple[int, int, int, int, int]:
    """Smaller sorts first: the fix that wins an overlap."""
    return (
        -f.severity.rank,
        -SPECIFICITY.get(f.source, 0),
        0 if f.fix_safety is FixSafety.SAFE else 1,
        f.end - f.start,
        f.start,
    )


def _clash(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:  # insertions clash at the same point or inside
        return a.start == b.start or (a.start < b.start < a.end) or (b.start < a.start < b.end)
    return a.start < b.end and b.start < a.end


def resolve(
    findings: Iterable[Finding], *, unsafe: bool = False, rules: Iterable[str] | None = None
) -> Resolution:
    selected = frozenset(rules) if rules is not None else None
    candidates: list[Finding] = []
    dropped: list[Dropped] = []
    for f in findings:
        reason = wanted(f, unsafe=unsafe, rules=selected)
        if reason is None:
            candidates.append(f)
        elif reason != "no fix":
            dropped.append(Dropped(f, reason))
    chosen: list[tuple[Edit, Finding]] = []
    for f in sorted(candidates, key=priority):
        edit = Edit(f.start, f.end, f.suggestions[0])
        if edit.replacement == f.text:
            continue
        winner = next((g for e, g in chosen if _clash(e, edit)), None)
        if winner is not None:
            dropped.append(Dropped(f, f"overlaps the fix of {winner.rule_id}"))
            continue
        chosen.append((edit, f))
    chosen.sort(key=lambda pair: (pair[0].start, pair[0].end))
    return Resolution(tuple(e for e, _ in chosen), tuple(f for _, f in chosen), tuple(dropped))

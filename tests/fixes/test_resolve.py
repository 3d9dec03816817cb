from __future__ import annotations

from editqa.fixes.apply import apply_edits
from editqa.fixes.resolve import resolve
from editqa.model import Category, Edit, Finding, FixSafety, Severity


def finding(
    rule: str,
    start: int,
    end: int,
    text: str,
    fix: str,
    *,
    source: str = "rules",
    severity: Severity = Severity.WARNING,
    safety: FixSafety = FixSafety.SAFE,
) -> Finding:
    return Finding(rule, source, Category.STYLE, severity, "m", start, end, text, (fix,), safety)


def test_safe_fixes_by_default_and_suggest_on_request() -> None:
    safe = finding("a.b.safe", 0, 3, "abc", "x")
    maybe = finding("a.b.maybe", 5, 7, "de", "y", safety=FixSafety.SUGGEST)
    res = resolve([safe, maybe])
    assert [f.rule_id for f in res.fixed] == ["a.b.safe"]
    assert [(d.finding.rule_id, d.reason) for d in res.dropped] == [
        ("a.b.maybe", "not safe (use --unsafe)")
    ]
    assert [f.rule_id for f in resolve([safe, maybe], unsafe=True).fixed] == [
        "a.b.safe",
        "a.b.maybe",
    ]


def test_overlaps_go_to_the_more_severe_then_the_more_specific() -> None:
    warn = finding("a.b.warn", 0, 5, "hello", "x")
    err = finding("a.b.err", 3, 8, "lo wo", "y", severity=Severity.ERROR)
    res = resolve([warn, err])
    assert [f.rule_id for f in res.fixed] == ["a.b.err"]
    assert res.dropped[0].reason == "overlaps the fix of a.b.err"
    harper = finding("harper.x", 0, 5, "hello", "h", source="harper")
    rule = finding("a.b.rule", 2, 4, "ll", "l")
    assert [f.rule_id for f in resolve([harper, rule]).fixed] == ["a.b.rule"]


def test_rule_selection() -> None:
    a, b = finding("a.b.one", 0, 1, "a", "x"), finding("a.b.two", 2, 3, "b", "y")
    res = resolve([a, b], rules=["a.b.two"])
    assert [f.rule_id for f in res.fixed] == ["a.b.two"]


def test_apply_right_to_left() -> None:
    text = "one two three"
    edits = [Edit(0, 3, "1"), Edit(8, 13, "3"), Edit(4, 4, "and ")]
    assert apply_edits(text, edits) == "1 and two 3"

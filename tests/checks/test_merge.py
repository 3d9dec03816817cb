"""One stream: the same problem from several engines is reported once."""

from __future__ import annotations

from editqa.checks.grammar import merge
from editqa.model import Category, Finding, FixSafety, Severity


def finding(
    source: str,
    start: int,
    end: int,
    text: str,
    suggestions: tuple[str, ...],
    category: Category = Category.GRAMMAR,
    rule: str = "",
) -> Finding:
    return Finding(
        rule_id=rule or f"{source}.x",
        source=source,
        category=category,
        severity=Severity.WARNING,
        message="m",
        start=start,
        end=end,
        text=text,
        suggestions=suggestions,
        fix_safety=FixSafety.SUGGEST,
        engines=(source,),
    )


def test_same_span_keeps_the_most_specific_and_merges_suggestions() -> None:
    rule = finding("rules", 10, 17, "the the", ("the",), Category.TYPOGRAPHICAL)
    harper = finding("harper", 10, 17, "the the", ("the", "then"))
    (f,) = merge([harper, rule])
    assert f.rule_id == "rules.x" and f.suggestions == ("the", "then")
    assert f.engines == ("harper", "rules")


def test_an_inner_span_with_the_same_correction_is_the_same_problem() -> None:
    rule = finding("rules", 5, 7, " ,", (",",), Category.TYPOGRAPHICAL)
    harper = finding("harper", 5, 6, " ", ("",), Category.GRAMMAR)
    (f,) = merge([rule, harper])
    assert (f.source, f.start, f.end, f.suggestions) == ("rules", 5, 7, (",",))
    assert f.engines == ("harper", "rules")


def test_different_problems_stay_apart() -> None:
    spelling = finding("spelling", 0, 7, "recieve", ("receive",), Category.MISSPELLING)
    style = finding("harper", 0, 20, "recieve the letters", ("get the letters",), Category.STYLE)
    same_engine = finding("harper", 0, 7, "recieve", ("relieve",), Category.STYLE, "harper.y")
    assert len(merge([spelling, style])) == 2
    assert len(merge([style, same_engine])) == 2


def test_a_finding_joins_a_group_only_if_it_matches_every_member() -> None:
    a = finding("rules", 0, 10, "0123456789", ("x",), Category.TYPOGRAPHICAL)
    b = finding("harper", 0, 10, "0123456789", ("y",), Category.GRAMMAR)
    c = finding("languagetool", 8, 20, "89abcdefghij", ("z",), Category.GRAMMAR)
    merged = merge([a, b, c])
    assert sorted(f.source for f in merged) == ["languagetool", "rules"]


def test_zero_length_findings_at_one_point_merge() -> None:
    a = finding("rules", 5, 5, "", (",",), Category.TYPOGRAPHICAL)
    b = finding("harper", 5, 5, "", (",",), Category.TYPOGRAPHICAL)
    (f,) = merge([a, b])
    assert f.engines == ("harper", "rules")

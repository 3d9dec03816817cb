from __future__ import annotations

from pathlib import Path

import pytest

from editqa.checks.base import CheckContext
from editqa.document.loader import load_text
from editqa.errors import RuleTimeoutError
from editqa.rules.engine import RulesCheck
from editqa.rules.loader import load_rules
from editqa.runtime import Runtime

HEAD = """\
id: t.test.{name}
type: {type}
languages: [en]
category: style
severity: warning
message: "{message}"
"""
EXAMPLES = """\
examples:
  - bad: "[[x]]"
  - good: "y"
"""


def rule_file(tmp_path: Path, name: str, type_: str, body: str, message: str = "m") -> Path:
    d = tmp_path / name
    d.mkdir()
    (d / "r.yml").write_text(
        HEAD.format(name=name, type=type_, message=message) + body + EXAMPLES, encoding="utf-8"
    )
    return d


def run(folder: Path, text: str, timeout: float = 0.5) -> list[tuple[str, tuple[str, ...], str]]:
    rules = load_rules([folder], builtin=False)
    ctx = CheckContext.build(load_text(text, "doc.txt"), "en-GB", Runtime(rules=rules))
    return [(f.text, f.suggestions, f.message) for f in RulesCheck(rules, timeout).run(ctx)]


def test_substitution_keeps_case_and_spans_whitespace(tmp_path: Path) -> None:
    d = rule_file(tmp_path, "sub", "substitution", "swap:\n  in his turn: for his part\n")
    got = run(d, "In his turn, Ana spoke. IN HIS TURN! and in his\nturn again.")
    assert [(t, s[0]) for t, s, _ in got] == [
        ("In his turn", "For his part"),
        ("IN HIS TURN", "FOR HIS PART"),
        ("in his\nturn", "for his part"),
    ]


def test_pattern_template_groups_unless_and_message(tmp_path: Path) -> None:
    d = rule_file(
        tmp_path,
        "pat",
        "pattern",
        "pattern: '(\\d+),(\\d{1,2})(?=\\s+million)'\nsuggest: '{1}.{2}'\n"
        "unless: ['\\b1,5 million tonnes']\n",
        message="Write {suggestion} for {match}.",
    )
    got = run(d, "About 2,5 million people and 1,600 million more; 1,5 million tonnes.")
    assert got == [("2,5", ("2.5",), "Write 2.5 for 2,5.")]


def test_existence_flags_whole_words_only(tmp_path: Path) -> None:
    d = rule_file(tmp_path, "ex", "existence", "tokens: [utilize]\n")
    assert [t for t, _, _ in run(d, "We utilize tools; utilizes is fine; Utilize!")] == [
        "utilize",
        "Utilize",
    ]


def test_matches_inside_urls_are_ignored(tmp_path: Path) -> None:
    d = rule_file(tmp_path, "url", "existence", "tokens: [actual]\n")
    assert run(d, "See https://example.org/actual/page and the actual page.") == [
        ("actual", (), "m")
    ]


def test_catastrophic_backtracking_is_bounded_and_named(tmp_path: Path) -> None:
    d = rule_file(tmp_path, "slow", "pattern", "pattern: '(a+)+$'\n")
    with pytest.raises(RuleTimeoutError) as err:
        run(d, "x\n\n" + "a" * 5000 + "!", timeout=0.2)
    msg = str(err.value)
    assert f"{d / 'r.yml'}:1: rule t.test.slow ran over 0.2 s on doc.txt:3" in msg


def test_replacements_with_their_own_capitals_are_kept(tmp_path: Path) -> None:
    d = rule_file(tmp_path, "caps", "substitution", "swap:\n  javascript: JavaScript\n")
    assert [s[0] for _, s, _ in run(d, "We use JAVASCRIPT and Javascript.")] == [
        "JavaScript",
        "JavaScript",
    ]


def test_unless_is_applied_per_match_in_long_paragraphs(tmp_path: Path) -> None:
    d = rule_file(tmp_path, "unl", "pattern", "pattern: '\\bfoo\\b'\nunless: ['foo bar']\n")
    text = " ".join(["foo bar", "foo baz"] * 500)
    got = run(d, text)
    assert len(got) == 500 and all(t == "foo" for t, _, _ in got)

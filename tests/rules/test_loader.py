from __future__ import annotations

from pathlib import Path

import pytest

from editqa.errors import RuleError
from editqa.rules.loader import builtin_rules_dir, load_rules

GOOD = """\
id: t.usage.remind-that
type: pattern
languages: [en]
category: grammar
severity: warning
message: "Use 'recalled that'."
pattern: '\\breminded\\s+that\\b'
suggest: 'recalled that'
examples:
  - bad: "She [[reminded that]] it rained."
    fixed: "She recalled that it rained."
  - good: "She reminded us that it rained."
"""


def write(tmp_path: Path, text: str, name: str = "r.yml") -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def error(tmp_path: Path, text: str) -> str:
    with pytest.raises(RuleError) as err:
        load_rules([write(tmp_path, text)], builtin=False)
    msg = str(err.value)
    assert "\n" not in msg
    return msg


def test_a_good_rule_loads(tmp_path: Path) -> None:
    (rule,) = load_rules([write(tmp_path, GOOD)], builtin=False).rules
    assert rule.id == "t.usage.remind-that" and rule.line == 1
    assert rule.examples[0].span == (4, 17)


def test_unknown_key_names_file_and_line(tmp_path: Path) -> None:
    msg = error(tmp_path, GOOD.replace("severity: warning", "severity: warning\nsevertiy: x"))
    assert msg.startswith(f"{tmp_path / 'r.yml'}:6: unknown key 'severtiy'")


def test_bad_regex_names_file_and_line(tmp_path: Path) -> None:
    msg = error(tmp_path, GOOD.replace("pattern: '\\breminded\\s+that\\b'", "pattern: '(unclosed'"))
    assert msg.startswith(f"{tmp_path / 'r.yml'}:7: bad pattern '(unclosed'")


def test_duplicate_id_names_both_places(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "a.yml")
    write(tmp_path, GOOD, "b.yml")
    with pytest.raises(RuleError, match=r"b\.yml:1: duplicate rule id .* \(first at .*a\.yml:1\)"):
        load_rules([tmp_path], builtin=False)


def test_duplicate_key(tmp_path: Path) -> None:
    assert ":6: duplicate key 'severity'" in error(
        tmp_path, GOOD.replace("severity: warning", "severity: warning\nseverity: error")
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("type: pattern", "type: regex"), ":2: unknown rule type 'regex'"),
        (("severity: warning", "severity: fatal"), ":5: severity 'fatal' is not one of"),
        (("languages: [en]", "languages: []"), ":3: 'languages' must be a non-empty list"),
        (
            ('  - good: "She reminded us that it rained."\n', ""),
            "needs at least one bad and one good",
        ),
        (("[[reminded that]]", "reminded that"), ":10: a bad example must mark exactly one span"),
        (
            ("message: \"Use 'recalled that'.\"\n", ""),
            ":1: rule 't.usage.remind-that' is missing the key 'message'",
        ),
        (("id: t.usage.remind-that", "id: Bad Id"), ":1: rule id 'Bad Id' must be dotted"),
    ],
)
def test_strict_validation(tmp_path: Path, change: tuple[str, str], expected: str) -> None:
    assert expected in error(tmp_path, GOOD.replace(*change))


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    assert f"{tmp_path / 'r.yml'}:3: invalid YAML" in error(tmp_path, "id: x\ntype: [\n: :\n")


def test_missing_rule_folder(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="rule folder not found"):
        load_rules([tmp_path / "nope"])


def test_builtin_rules_are_found_and_load() -> None:
    assert builtin_rules_dir().is_dir()
    # built-in packs load lazily in a run; here they are loaded as user packs are, with every
    # pattern compiled and every template checked
    eager = load_rules([builtin_rules_dir()], builtin=False)
    assert all(r.compiled is not None for r in eager.rules)
    rules = load_rules(())
    assert len(rules) >= 20
    langs = {lang for r in rules.rules for lang in r.languages}
    assert {"en", "ru", "de", "fr", "es"} <= langs


def test_yaml_tags_are_errors_naming_file_and_line(tmp_path: Path) -> None:
    msg = error(tmp_path, GOOD.replace("severity: warning", "severity: !warn error"))
    assert msg.startswith(f"{tmp_path / 'r.yml'}:5: ")


def test_templates_must_name_existing_groups(tmp_path: Path) -> None:
    msg = error(tmp_path, GOOD.replace("suggest: 'recalled that'", "suggest: '{1} recalled'"))
    assert ":8: suggest uses {1}, but the rule has no such group" in msg
    msg = error(tmp_path, GOOD.replace("message: \"Use 'recalled that'.\"", 'message: "Use {x}."'))
    assert ":6: message uses {x}" in msg


def test_language_tags_are_normalised_and_checked(tmp_path: Path) -> None:
    (rule,) = load_rules([write(tmp_path, GOOD.replace("[en]", "[en-gb]"))], builtin=False).rules
    assert rule.languages == ("en-GB",) and rule.applies_to("en-GB")
    assert ":3: language 'xx'" in error(tmp_path, GOOD.replace("[en]", "[xx]"))


NUMBER = """\
id: t.numbers.sep
type: number-format
languages: [de]
category: locale-convention
severity: error
message: "Use {decimal}: {suggestion}"
options:
  check: decimal
  units: [Prozent]
examples:
  - bad: "Es sind [[2.5]] Prozent."
    fixed: "Es sind 2,5 Prozent."
  - good: "Es sind 2,5 Prozent."
"""


def test_number_format_rules_load_and_check_their_options(tmp_path: Path) -> None:
    (rule,) = load_rules([write(tmp_path, NUMBER)], builtin=False).rules
    assert dict(rule.options) == {"check": "decimal", "units": ["Prozent"]}
    assert ":8: unknown number-format option 'unit'" in error(
        tmp_path, NUMBER.replace("  units:", "  unit:")
    )
    assert ":8: number-format 'check' must be one of" in error(
        tmp_path, NUMBER.replace("check: decimal", "check: money")
    )
    assert ":6: message uses {currency}" in error(
        tmp_path, NUMBER.replace("Use {decimal}", "Use {currency}")
    )


def test_builtin_packs_from_the_disk_cache_equal_a_fresh_parse() -> None:
    from editqa.rules.loader import builtin_rules_dir, load_file

    first = load_rules(())  # parsed, and stored in the session's cache
    again = load_rules(())  # from the cache
    folder = builtin_rules_dir()
    fresh = [r for p in sorted(folder.rglob("*.yml")) for r in load_file(p, lazy=True)]
    assert [r.id for r in again.rules] == [r.id for r in first.rules] == [r.id for r in fresh]
    assert [(r.pattern, r.options, r.examples) for r in again.rules] == [
        (r.pattern, r.options, r.examples) for r in fresh
    ]

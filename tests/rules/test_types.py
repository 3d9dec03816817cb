"""Rule types with code behind them: option errors, locale data, and properties the
embedded examples cannot show."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editqa.api import check_text
from editqa.config import GrammarSettings, Options
from editqa.errors import RuleError
from editqa.rules.loader import load_file, load_rules
from editqa.rules.types import code_type
from editqa.rules.types.document import _regroup
from editqa.rules.types.numbers import month_number, percent_space, separators
from editqa.rules.types.quotes import locale_quotes
from editqa.style import StyleSettings

RULE = """\
id: t.area.name
type: {type}
languages: [en]
category: style
severity: info
message: "m"
options:
{options}
examples:
  - bad: "{bad}"
  - good: "Nothing to see."
"""


def load(tmp_path: Path, rtype: str, options: str, bad: str = "[[x]]") -> None:
    path = tmp_path / "r.yml"
    path.write_text(RULE.format(type=rtype, options=options, bad=bad), encoding="utf-8")
    load_file(path)


@pytest.mark.parametrize(
    ("rtype", "options", "expected"),
    [
        ("quotes", "  check: curly", ":8: quotes 'check' must be one of marks, apostrophe"),
        ("quotes", "  check: marks\n  inner_space: wide", "'inner_space' must be one of"),
        ("title", "  check: tense\n  irregular: [met]", "'irregular' must map past forms"),
        ("title", "  check: case", "'minor' must be a non-empty list"),
        ("consistency", "  check: variants\n  sets: [email]", "'sets' must be a list of lists"),
        ("consistency", "  check: percent", "needs a 'word'"),
        ("percent", "  check: style", "needs a 'word'"),
        ("ordinal", "  check: words\n  suffixes: [st]\n  names: [first]", "ordinals 1 to 9"),
        ("small-numbers", "  names: [zero]\n  after: [1, 2]", "'after' must be a non-empty list"),
        ("time-format", "  clock: 24h", "unknown time-format option 'clock'"),
        ("debris", "  lines: 3", "unknown debris option 'lines'"),
    ],
)
def test_bad_options_name_file_and_line(
    tmp_path: Path, rtype: str, options: str, expected: str
) -> None:
    with pytest.raises(RuleError) as exc:
        load(tmp_path, rtype, options)
    message = str(exc.value)
    assert message.startswith(str(tmp_path / "r.yml") + ":") and expected in message


def test_an_examples_style_is_validated(tmp_path: Path) -> None:
    path = tmp_path / "r.yml"
    path.write_text(
        RULE.format(type="percent", options="  check: spacing", bad="[[5 %]]").replace(
            '  - good: "Nothing to see."', '  - good: "Nothing."\n    style: {percent: lots}'
        ),
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match=r"r\.yml:11: style: percent = 'lots'"):
        load_file(path)


def test_every_rule_type_with_code_is_registered() -> None:
    from editqa.rules.schema import CODE_TYPES

    for rtype in CODE_TYPES:
        assert code_type(rtype.value) is not None, rtype


def test_locale_data_comes_from_cldr() -> None:
    assert locale_quotes("ru")[:2] == ("«", "»")
    assert locale_quotes("de")[:2] == ("„", "“")
    assert locale_quotes("fr-CA")[:2] == ("«", "»")  # falls back to the language
    assert locale_quotes("en-GB")[:2] == ("“", "”")
    assert separators("fr") == (",", "\u202f") and separators("de") == (",", ".")
    assert percent_space("en") == "" and percent_space("de") == "\u00a0"
    assert month_number("ru", "декабря") == 12 and month_number("de", "Dez.") == 12


@given(st.integers(min_value=10_000, max_value=10**15), st.sampled_from([",", ".", " ", ""]))
def test_regrouping_keeps_the_digits(n: int, sep: str) -> None:
    grouped = _regroup(str(n), sep)
    assert (grouped.replace(sep, "") if sep else grouped) == str(n)
    if sep:
        parts = grouped.split(sep)
        assert 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])


@given(
    st.text(alphabet="abcdefgh ,", min_size=1, max_size=30).filter(
        lambda s: s.strip() == s and any(c.isalpha() for c in s)
    )
)
def test_quotes_keep_the_quoted_words(inner: str) -> None:
    result = check_text(
        f'Er sagte "{inner}" gestern.\n',
        options=Options(lang="de", grammar=GrammarSettings(mode="off"), checks=("rules",)),
    )
    quotes = [f for f in result.findings if f.rule_id == "de.quotes.marks"]
    assert len(quotes) == 1  # straight quotes are not German
    assert quotes[0].suggestions[0][1:-1].strip("\u00a0 ") == inner


def test_house_style_from_options_reaches_the_rules() -> None:
    text = "Prices rose 4 per cent in May.\n"
    plain = Options(lang="en-GB", grammar=GrammarSettings(mode="off"))
    chosen = Options(
        lang="en-GB",
        grammar=GrammarSettings(mode="off"),
        style=StyleSettings.parse({"percent": "symbol"}, "test"),
    )
    assert not [f for f in check_text(text, options=plain).findings if "percent" in f.rule_id]
    (found,) = [f for f in check_text(text, options=chosen).findings if "percent" in f.rule_id]
    assert found.suggestions == ("4%",)


def test_house_locale_sets_the_dialect() -> None:
    text = "Fighters from the centre of the city met the council on 23.12.2015 to talk.\n"
    us = Options(
        grammar=GrammarSettings(mode="off"), style=StyleSettings.parse({"locale": "en-US"}, "t")
    )
    result = check_text(text, options=us)
    assert result.language == "en-US"
    (date,) = [f for f in result.findings if f.rule_id == "en.dates.numeric-date"]
    assert date.suggestions == ("December 23, 2015",)


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Договор подписан 12/23/2015 г. в Москве.\n", "23 декабря 2015"),
        ("Власти подписали договор 09/18/2016.\n", "18 сентября 2016\u202fг"),
        ("Договор подписан 12/23/2015 в Москве.\n", "23 декабря 2015\u202fг."),
    ],
)
def test_a_long_date_does_not_repeat_what_follows_it(text: str, suggestion: str) -> None:
    result = check_text(
        text, options=Options(lang="ru", grammar=GrammarSettings(mode="off"), checks=("rules",))
    )
    (date,) = [f for f in result.findings if f.rule_id.startswith("ru.dates")]
    assert date.suggestions[0].replace("\u00a0", " ") == suggestion.replace("\u00a0", " ")


def test_unless_applies_to_whole_document_types(tmp_path: Path) -> None:
    rule = """\
- id: t.style.final-stop
  type: title
  languages: [en]
  category: style
  severity: info
  message: "m"
  fix: safe
  options: {check: final-stop}
  unless: ['Holdings\\.$']
  examples:
    - bad: "Harbour reopens after storm[[.]]\\n\\nThe harbour reopened on Monday after a week of repairs.\\n"
      fixed: "Harbour reopens after storm\\n\\nThe harbour reopened on Monday after a week of repairs.\\n"
    - good: "Harbour sold to Seaways Holdings.\\n\\nThe harbour was sold on Monday after a week of talks.\\n"
"""
    (tmp_path / "r.yml").write_text(rule, encoding="utf-8")
    from editqa.rules.examples import test_rules as run_examples

    count, failures = run_examples(load_rules([tmp_path], builtin=False))
    assert count == 2 and not failures, failures


def _rules_only(text: str, lang: str, **style: object) -> list[tuple[str, str, tuple[str, ...]]]:
    options = Options(
        lang=lang,
        grammar=GrammarSettings(mode="off"),
        style=StyleSettings.parse(style, "test"),
    )
    return [(f.rule_id, f.text, f.suggestions) for f in check_text(text, options=options).findings]


def test_letters_that_fold_oddly_do_not_break_variant_counts() -> None:
    text = "Shop goes online\n\nThe shop in İzmir sells ONLİNE, and on-line orders grow.\n"
    found = [
        (t, sg) for r, t, sg in _rules_only(text, "en-GB") if r == "en.style.consistent-variants"
    ]
    assert found == [("on-line", ("online",))]  # "ONLİNE" is not counted, and nothing breaks


def test_a_short_lead_sentence_is_not_a_headline() -> None:
    text = (
        "The minister resigned on Monday.\n\nShe had been in office for three years and "
        "faced criticism over the budget, the hospital closures and the rail strikes.\n"
    )
    assert not [r for r, _, _ in _rules_only(text, "en-GB") if "headline" in r]


def test_oxford_spelling_accepts_ize_and_asks_for_it() -> None:
    text = "Council plans new fair\n\nThe council will organize a fair, and volunteers realise it takes weeks.\n"
    found = _rules_only(text, "en-GB", spelling="oxford")
    assert ("en.style.consistent-ise-ize", "realise", ("realize",)) in found
    assert not [f for f in found if f[1] == "organize"]


def test_consistent_grouping_in_another_style_is_left_to_number_rules() -> None:
    text = "March draws crowds\n\nThe march drew 12 500 people in May and 40 000 people in June.\n"
    assert not [r for r, _, _ in _rules_only(text, "en-GB") if r == "en.style.consistent-grouping"]


def test_a_quotation_inside_a_quotation_takes_the_second_level_marks() -> None:
    text = 'Директор заявил: «Мы назвали проект "Север" и начнём весной». А "Юг" ждёт.\n'
    found = {t: s for r, t, s in _rules_only(text, "ru") if r == "ru.quotes.marks"}
    assert found == {'"Север"': ("„Север“",), '"Юг"': ("«Юг»",)}


def test_capitalised_ise_words_count_and_keep_their_capital() -> None:
    text = "Fair\n\nOrganized teams realise it takes weeks, and they organise the stalls.\n"
    found = _rules_only(text, "en-GB")
    assert ("en.style.consistent-ise-ize", "Organized", ("Organised",)) in found


def test_unknown_check_names_are_usage_errors() -> None:
    from editqa.errors import UsageError

    with pytest.raises(UsageError, match="unknown check 'boilerplate'"):
        Options(checks=("spelling", "boilerplate"))

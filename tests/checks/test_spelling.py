from __future__ import annotations

from pathlib import Path

import pytest

from editqa.api import build_checks, check_document
from editqa.document.loader import load_text
from editqa.model import Severity
from editqa.runtime import Runtime
from editqa.text.words import WordList
from tests.conftest import CheckFn, texts

SPELLING = ("spelling",)


def spelling(check: CheckFn, text: str, lang: str | None = "en-GB") -> dict[str, tuple[str, ...]]:
    """Flagged word -> suggestions."""
    return {f.text: f.suggestions for f in check(text, lang, SPELLING).findings}


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("recieve", "receive"),
        ("goverment", "government"),
        ("seperate", "separate"),
        ("occured", "occurred"),
        ("adress", "address"),
        ("definately", "definitely"),
        ("accomodation", "accommodation"),
        ("untill", "until"),
    ],
)
def test_common_misspellings_are_found_with_the_right_first_suggestion(
    check: CheckFn, wrong: str, right: str
) -> None:
    got = spelling(check, f"The committee said it would {wrong} the plan on Monday.")
    assert got[wrong][0] == right


def test_british_spellings_are_not_errors_in_british_text(check: CheckFn) -> None:
    text = (
        "The defence ministry will organise a programme at the centre; the colour of the "
        "harbour and the travellers' catalogue were analysed."
    )
    assert check(text, "en-GB", SPELLING).findings == ()


def test_other_dialect_is_reported_with_this_dialects_spelling(check: CheckFn) -> None:
    found = check("The color of the harbor was grey.", "en-GB", SPELLING).findings
    assert {f.text: f.suggestions[0] for f in found} == {"color": "colour", "harbor": "harbour"}
    assert all(f.rule_id == "spelling.dialect" and f.severity is Severity.WARNING for f in found)
    us = check("The colour of the harbour was gray.", "en-US", SPELLING).findings
    assert {f.text: f.suggestions[0] for f in us} == {"colour": "color", "harbour": "harbor"}


def test_oxford_ize_is_only_information_in_british_text(check: CheckFn) -> None:
    (f,) = check("They will organize a meeting.", "en-GB", SPELLING).findings
    assert f.severity is Severity.INFO and f.suggestions[0] == "organise"


def test_non_words_are_not_spelling_errors(check: CheckFn) -> None:
    text = (
        "Read https://exampel.org/pahts/indx.html or write to jdoe@exmaple.com; the NATO "
        "and UNESCO teams ran `pip instal` with snake_case_name, camelCaseName, iPhone, "
        "node2 and COVID-19 on a Tuesday."
    )
    assert spelling(check, text) == {}


def test_consistent_names_are_accepted(check: CheckFn) -> None:
    text = (
        "Councillor Wojciechowska met Mr Tshabalala in Gdynia. Wojciechowska said the talks "
        "went well, and Tshabalala agreed."
    )
    assert spelling(check, text) == {}


def test_misspelt_name_beside_its_usual_spelling(check: CheckFn) -> None:
    text = (
        "Wojciechowska opened the session. Wojciechowska spoke first. Later "
        "Wojciechowksa closed it."
    )
    got = check(text, "en-GB", SPELLING).findings
    assert [(f.text, f.suggestions[0], f.severity) for f in got] == [
        ("Wojciechowksa", "Wojciechowska", Severity.ERROR)
    ]


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("Exports to Germnay rose.", "Germnay", "Germany"),
        ("The delegation flew to Argentnia on Monday.", "Argentnia", "Argentina"),
        ("Talks in Brimingham ended early.", "Brimingham", "Birmingham"),
        ("Die Delegation reiste nach Deutchland.", "Deutchland", "Deutschland"),
    ],
)
def test_gazetteer_near_misses(check: CheckFn, text: str, wrong: str, right: str) -> None:
    lang = "de" if "Die " in text else "en-GB"
    found = [f for f in check(text, lang, SPELLING).findings if f.text == wrong]
    assert found and found[0].rule_id == "spelling.proper-noun"
    assert found[0].suggestions[0] == right


def test_sentence_initial_typo_of_a_common_word_is_found(check: CheckFn) -> None:
    assert spelling(check, "Teh council met. Recieve the report.")["Recieve"][0] == "Receive"


def test_words_in_quotes_are_only_information(check: CheckFn) -> None:
    (f,) = check('She said: "we hav no comment".', "en-GB", SPELLING).findings
    assert f.text == "hav" and f.severity is Severity.INFO


def test_boilerplate_is_not_spell_checked(check: CheckFn) -> None:
    text = "Homee | Nwes | Sprot\n\nThe council met on Monday and approved the plan.\n"
    assert spelling(check, text) == {}


def test_project_word_list(tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("# team jargon\nfrobnicate\nMcQuarrie\n", encoding="utf-8")
    rt = Runtime(words=WordList.load([words]))
    doc = load_text("We frobnicate the data; Frobnicate it again. mcquarrie and McQuarrie.")
    found = check_document(doc, rt, build_checks(rt, SPELLING), "en-GB").findings
    assert texts(found) == ["mcquarrie"]


def test_russian_inflected_words_come_from_hunspell(check: CheckFn) -> None:
    text = (
        "Стороны подвели итоги сотрудничества и обсудили ратификацию соглашений. "
        "Министр отметил, что перадача систем завершена."
    )
    got = spelling(check, text, "ru")
    assert list(got) == ["перадача"]
    assert got["перадача"][0] == "передача"


@pytest.mark.parametrize(
    ("lang", "text", "wrong"),
    [
        ("de", "Der Stadtrat hat den Haushallt beschlossen.", "Haushallt"),
        ("fr", "Le conseil a adopté le budjet mardi.", "budjet"),
        ("es", "El ayuntamiento aprobó el presupusto el martes.", "presupusto"),
    ],
)
def test_other_languages(check: CheckFn, lang: str, text: str, wrong: str) -> None:
    assert list(spelling(check, text, lang)) == [wrong]


def test_german_nouns_are_capitalised_words_not_names(check: CheckFn) -> None:
    got = spelling(check, "Die Regierung hat die Verteidigungsausgabn erhöht.", "de")
    assert got["Verteidigungsausgabn"][0] == "Verteidigungsausgaben"


def test_names_beside_names_are_not_taken_for_misspelt_words(check: CheckFn) -> None:
    assert spelling(check, "Umweltministerin Steffi Lemke sprach in Berlin.", "de") == {}
    assert spelling(check, "Jalen Brunson scored 40 points. Brunson was tired.", "en-US") == {}
    assert spelling(check, "By Kenji Tanaka\n\nThe market fell on Monday.", "en-US") == {}


def test_decomposed_accents_and_soft_hyphens_stay_inside_words(check: CheckFn) -> None:
    text = "Her re\u0301sume\u0301 impressed the panel. The govern\u00adment fell."
    assert spelling(check, text) == {}


def test_words_in_other_scripts_are_not_spelling_errors(check: CheckFn) -> None:
    assert spelling(check, "She said שלום and 你好世界 and καλημέρα to the room.") == {}


def test_british_single_quotes_are_quotations(check: CheckFn) -> None:
    (f,) = check("He said: ‘We don’t recieve letters.’", "en-GB", SPELLING).findings
    assert f.text == "recieve" and f.severity is Severity.INFO

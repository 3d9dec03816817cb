from __future__ import annotations

import pytest

from tests.conftest import CheckFn

SCRIPT = ("script",)


@pytest.mark.parametrize(
    ("lang", "text", "word", "fixed"),
    [
        ("en-GB", "Shares in the Bаnk of Cyprus rose on Friday.", "Bаnk", "Bank"),
        ("en-GB", "The сouncil approved the budget without debate.", "сouncil", "council"),
        ("ru", "Городской совет утвердил бюджет на следующий гoд.", "гoд", "год"),
        ("ru", "Kомпания открыла новый завод в Казани.", "Kомпания", "Компания"),
        ("ru", "Матч завершился в пользу «Cпартака».", "Cпартака", "Спартака"),
    ],
)
def test_look_alike_letters_are_retyped(
    check: CheckFn, lang: str, text: str, word: str, fixed: str
) -> None:
    (f,) = check(text, lang, SCRIPT).findings
    assert (f.rule_id, f.text, f.suggestions, f.fix_safety.value) == (
        "script.mixed-word",
        word,
        (fixed,),
        "safe",
    )


def test_a_stray_letter_without_look_alike_has_no_fix(check: CheckFn) -> None:
    (f,) = check("Он вернулся в Москvу вечером.", "ru", SCRIPT).findings
    assert f.text == "Москvу" and f.suggestions == ()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "IT-компания выпустила приложение для iPhone-ов и Android."),
        ("ru", "Сеть Wi-Fi работает во всех вагонах."),
        ("en-GB", "The council approved the budget, the Одноклассники post said."),
        ("en-GB", "Shares in the Bank of Cyprus rose on Friday."),
    ],
)
def test_words_in_one_script_are_fine(check: CheckFn, lang: str, text: str) -> None:
    assert check(text, lang, SCRIPT).findings == ()

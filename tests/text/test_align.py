from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editqa.text.align import (
    NUMBER_BONUS,
    Bead,
    align,
    anchors,
    expected_ratio,
    name_key,
    number_keys,
    split_paragraphs,
    split_sentences,
    suspicious,
)

# A short news item and its translation, one sentence per line, paragraphs split by "".
RU = [
    "Министр обороны России Сергей Шойгу в понедельник посетил Калининград.",
    "По данным министерства, в учениях участвуют более 12 000 военнослужащих и 150 единиц техники.",
    "Учения продлятся до 15 сентября.",
    "",
    "Бюджет программы составляет 1,6 млрд рублей, сообщил представитель ведомства Игорь Конашенков.",
    "В прошлом году аналогичные манёвры прошли в Псковской области.",
    "Тогда в них приняли участие около 8 500 человек, а расходы превысили 900 млн рублей.",
    "",
    "Губернатор Калининградской области Антон Алиханов заявил, что учения не повлияют на работу транспорта.",
    "Подробности опубликованы на сайте https://mil.ru/news/12345.",
]
EN = [
    "Russian Defence Minister Sergei Shoigu visited Kaliningrad on Monday.",
    "According to the ministry, more than 12,000 troops and 150 vehicles are taking part in the exercises.",
    "The exercises will last until 15 September.",
    "",
    "The programme's budget is 1.6 billion roubles, ministry spokesman Igor Konashenkov said.",
    "Similar manoeuvres were held in the Pskov region last year.",
    "About 8,500 people took part in them at the time, and costs exceeded 900 million roubles.",
    "",
    "Kaliningrad Region Governor Anton Alikhanov said the exercises would not affect transport.",
    "Details are published at https://mil.ru/news/12345.",
]


def article(lines: list[str]) -> str:
    """Sentences joined into paragraphs (an empty line starts a new one)."""
    return "\n\n".join(" ".join(p.split("\n")) for p in "\n".join(lines).split("\n\n"))


def units(text: str) -> list[str]:
    """The sentences of every paragraph, as the bilingual checks will cut them."""
    return [
        text[s:e] for ps, pe in split_paragraphs(text) for s, e in split_sentences(text, ps, pe)
    ]


def kinds(beads: list[Bead]) -> list[tuple[int, int]]:
    return [(len(b.source), len(b.target)) for b in beads]


def test_segmentation_gives_the_sentences_back() -> None:
    assert units(article(RU)) == [s for s in RU if s]
    assert units(article(EN)) == [s for s in EN if s]


def test_identity_gives_one_to_one_beads_in_order() -> None:
    sentences = units(article(RU))
    beads = align(sentences, sentences)
    assert [(b.source, b.target) for b in beads] == [((i,), (i,)) for i in range(len(sentences))]


def test_translation_aligns_one_to_one() -> None:
    source, target = units(article(RU)), units(article(EN))
    beads = align(source, target)
    assert kinds(beads) == [(1, 1)] * len(source)
    ratio = expected_ratio(source, target)
    assert all(suspicious(b, source, target, ratio) is None for b in beads)


@pytest.mark.parametrize("omitted", range(8))
def test_an_omitted_sentence_is_a_single_one_to_zero_bead(omitted: int) -> None:
    source = units(article(RU))
    target = [s for i, s in enumerate(units(article(EN))) if i != omitted]
    beads = align(source, target)
    empty = [b for b in beads if not b.target]
    assert [b.source for b in empty] == [(omitted,)]
    assert all(len(b.source) == len(b.target) == 1 for b in beads if b.target)
    ratio = expected_ratio(source, target)
    reasons = [suspicious(b, source, target, ratio) for b in beads]
    assert reasons.count("omitted") == 1
    assert reasons[omitted] == "omitted"
    assert set(reasons) == {None, "omitted"}


def test_an_added_sentence_is_a_zero_to_one_bead() -> None:
    source = units(article(RU))
    target = units(article(EN))
    target.insert(3, "Reporters were not allowed to attend the briefing in the city on Monday.")
    beads = align(source, target)
    added = [b for b in beads if not b.source]
    assert [b.target for b in added] == [(3,)]
    assert suspicious(added[0], source, target, expected_ratio(source, target)) == "added"


def test_two_sentences_translated_as_one_give_a_two_to_one_bead() -> None:
    source = units(article(RU))
    target = units(article(EN))
    target[2:4] = [
        "The exercises, which will last until 15 September, have a budget of 1.6 billion"
        " roubles, ministry spokesman Igor Konashenkov said."
    ]
    beads = align(source, target)
    assert [(b.source, b.target) for b in beads if kinds([b]) != [(1, 1)]] == [((2, 3), (2,))]


def test_one_sentence_split_in_two_gives_a_one_to_two_bead() -> None:
    source = units(article(RU))
    target = units(article(EN))
    target[6:7] = [
        "Kaliningrad Region Governor Anton Alikhanov spoke to reporters on Monday.",
        "He said the exercises would not affect transport.",
    ]
    beads = align(source, target)
    assert [(b.source, b.target) for b in beads if kinds([b]) != [(1, 1)]] == [((6,), (6, 7))]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("1,6 млн", "1.6 million"),
        ("1 600", "1,600"),
        ("1\u00a0600", "1600"),
        ("1.600", "1600"),
        ("1\u202f600\u202f000", "1,600,000"),
        ("1.600,5", "1,600.5"),
        ("0,50", "0.5"),
        ("007", "7"),
        ("2,0", "2"),
    ],
)
def test_numbers_in_different_locale_formats_are_the_same_anchor(a: str, b: str) -> None:
    assert number_keys(a) == number_keys(b)
    assert len(number_keys(a)) == 1


def test_number_keys_keep_different_quantities_apart() -> None:
    assert number_keys("1,600") != number_keys("1,6")
    assert number_keys("в 2024 150 человек") == ["#2024", "#150"]
    assert number_keys("с 10 до 12.30") == ["#10", "#12.3"]
    assert number_keys("01.05.2024") == ["#1.05", "#2024"]


@pytest.mark.parametrize(
    ("ru", "en"),
    [("Шойгу", "Shoigu"), ("Зеленский", "Zelensky"), ("Москва", "Moscow"), ("Газпром", "Gazprom")],
)
def test_names_match_across_scripts(ru: str, en: str) -> None:
    assert name_key(ru) == name_key(en)


def test_unrelated_names_do_not_match() -> None:
    assert name_key("Шольц") != name_key("Scholz")  # conventional spellings are out of reach
    assert name_key("Путин") != name_key("Песков")
    assert name_key("Он") != name_key("An")  # short words only match exactly


def test_anchors_cover_numbers_urls_and_names() -> None:
    keys = anchors("See https://www.Example.com/a, write to press@example.org or call Ivanov 5.")
    assert keys == {"@example.com/a", "@press@example.org", "#5", "~vnv"}


def test_a_shared_number_makes_a_one_to_one_bead_clearly_cheaper() -> None:
    same = align(["Выручка составила 1,6 млн рублей."], ["Revenue was 1.6 million roubles."])
    other = align(["Выручка составила 2,7 млн рублей."], ["Revenue was 1.6 million roubles."])
    assert other[0].cost - same[0].cost >= NUMBER_BONUS


def test_numbers_decide_which_sentence_was_left_out() -> None:
    # Equal lengths: only the numbers tell which source sentence has no translation.
    source = [
        "Выручка составила 1,6 млн рублей.",
        "Прибыль составила 2,4 млн рублей.",
        "Расходы составили 3,1 млн рублей.",
    ]
    for omitted in range(3):
        target = [
            f"The figure was {n} million roubles."
            for i, n in enumerate(("1.6", "2.4", "3.1"))
            if i != omitted
        ]
        beads = align(source, target)
        assert [b.source for b in beads if not b.target] == [(omitted,)]


def test_suspicious_lengths() -> None:
    source = ["Это длинное предложение, в котором говорится о многих важных вещах сразу."]
    short = ["It says things."]
    long = ["It is a long sentence. " * 10]
    tiny = ["Да."]
    assert suspicious(Bead((0,), (0,), 0.0), source, short, 1.0) == "length"
    assert suspicious(Bead((0,), (0,), 0.0), source, long, 1.0) == "length"
    assert suspicious(Bead((0,), (0,), 0.0), source, source, 1.0) is None
    assert suspicious(Bead((0,), (0,), 0.0), tiny, ["Yes, of course."], 1.0) is None  # short
    assert suspicious(Bead((0, 1), (0,), 0.0), source * 2, short, 1.0) is None  # merges
    assert suspicious(Bead((), (0,), 0.0), source, short, 1.0) == "added"
    assert suspicious(Bead((0,), (), 0.0), source, short, 1.0) == "omitted"


def test_ratio_defaults_and_limits() -> None:
    assert expected_ratio(["abcd"], ["ab"]) == 0.5
    assert expected_ratio(["a"], ["abcdef"]) == 2.0
    assert expected_ratio([], ["abc"]) == 1.0
    assert expected_ratio(["abcd"], ["abc"]) == 0.75
    with pytest.raises(ValueError, match="ratio"):
        align(["a"], ["b"], ratio=0)


def test_empty_sides() -> None:
    assert align([], []) == []
    assert kinds(align(["a", "b"], [])) == [(1, 0), (1, 0)]
    assert kinds(align([], ["a", "b"])) == [(0, 1), (0, 1)]


short_texts = st.lists(
    st.text(alphabet="abc XYZ 0123456789.,АБВгде", max_size=30), min_size=0, max_size=25
)


@given(short_texts, short_texts)
def test_every_unit_appears_once_in_order(source: list[str], target: list[str]) -> None:
    beads = align(source, target)
    assert [i for b in beads for i in b.source] == list(range(len(source)))
    assert [j for b in beads for j in b.target] == list(range(len(target)))
    assert set(kinds(beads)) <= {(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2)}


@given(short_texts)
def test_a_list_aligned_with_itself_is_one_to_one(units: list[str]) -> None:
    assert kinds(align(units, units)) == [(1, 1)] * len(units)


@given(st.integers(0, 60), st.integers(0, 60))
def test_uneven_lengths_are_covered_beyond_the_initial_band(n: int, m: int) -> None:
    beads = align(["x" * (i % 7 + 1) for i in range(n)], ["y" * (j % 5 + 1) for j in range(m)])
    assert [i for b in beads for i in b.source] == list(range(n))
    assert [j for b in beads for j in b.target] == list(range(m))


def test_split_paragraphs_trims_and_skips_blank_ones() -> None:
    text = "\n\n  First para\nline two.  \n \t\n\nSecond.\r\n\r\nThird\n   \n"
    assert [text[s:e] for s, e in split_paragraphs(text)] == [
        "First para\nline two.",
        "Second.",
        "Third",
    ]
    assert split_paragraphs(" \n\n ") == []


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


def test_split_sentences_english() -> None:
    text = (
        "Mr. Smith met Dr. Jane R. Brown on Monday. Prices rose 2.5% (e.g. bread and milk). "
        '"It is too much," she said. "Why?" asked Mr. Smith. 42 people attended... '
        "— Nobody knew why! E.g. The list goes on. "
    )
    assert sentences(text) == [
        "Mr. Smith met Dr. Jane R. Brown on Monday.",
        "Prices rose 2.5% (e.g. bread and milk).",
        '"It is too much," she said.',
        '"Why?" asked Mr. Smith.',
        "42 people attended...",
        "— Nobody knew why!",
        "E.g. The list goes on.",
    ]


def test_split_sentences_russian() -> None:
    text = (
        "В 2024 г. В. В. Путин подписал указ о бюджете. Расходы составят 1,6 млн. рублей, "
        "т.е. меньше, чем в прошлом году. Об этом сообщил проф. А. Иванов! Почему так мало? "
        "«Денег нет», — ответил он… Следующее заседание пройдёт 3 мая."
    )
    assert sentences(text) == [
        "В 2024 г. В. В. Путин подписал указ о бюджете.",
        "Расходы составят 1,6 млн. рублей, т.е. меньше, чем в прошлом году.",
        "Об этом сообщил проф. А. Иванов!",
        "Почему так мало?",
        "«Денег нет», — ответил он…",
        "Следующее заседание пройдёт 3 мая.",
    ]


def test_split_sentences_german_french_spanish() -> None:
    assert sentences(
        "Am 3. Oktober trafen sich Hr. Müller und Fr. Schmidt, z.B. in Berlin. Es regnete."
    ) == [
        "Am 3. Oktober trafen sich Hr. Müller und Fr. Schmidt, z.B. in Berlin.",
        "Es regnete.",
    ]
    assert sentences("M. Dupont est arrivé. Mme Martin aussi.") == [
        "M. Dupont est arrivé.",
        "Mme Martin aussi.",
    ]
    assert sentences("El Sr. García llegó. ¿Vendrá la Sra. López? ¡Sí!") == [
        "El Sr. García llegó.",
        "¿Vendrá la Sra. López?",
        "¡Sí!",
    ]


def test_split_sentences_offsets_are_absolute() -> None:
    text = "Title\n\n  First one. Second one.  "
    (_, (start, end)) = split_paragraphs(text)
    spans = split_sentences(text, start, end)
    assert spans == [(9, 19), (20, 31)]
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]
    assert split_sentences(text, 0, 5) == [(0, 5)]


def test_a_merged_sentence_whose_names_the_translation_drops_is_flagged() -> None:
    from editqa.document.loader import load_text
    from editqa.text.pairing import pair_documents

    source = load_text(
        "Работы начались в марте 2019 года. Подрядчиком выступила компания «Спецстройтранс». "
        "Жители соседних поселков теперь доедут до центра за двадцать минут.\n"
    )
    target = load_text(
        "Work began in March 2019. Residents of the neighbouring villages can now reach "
        "the centre in twenty minutes.\n"
    )
    problems = [s.problem for s in pair_documents(source, "ru", target, "en").segments]
    assert problems == [None, "length"]
    kept = load_text(
        "Work began in March 2019. The contractor was Spetsstroytrans, and residents of the "
        "neighbouring villages can now reach the centre in twenty minutes.\n"
    )
    assert [s.problem for s in pair_documents(source, "ru", kept, "en").segments] == [None, None]

"""Bilingual checks: a translation against its source, over aligned segments."""

from __future__ import annotations

from pathlib import Path

import pytest

from editqa.api import check_pair
from editqa.config import GrammarSettings, Options
from editqa.model import Finding
from editqa.runtime import Runtime

OFF = Options(grammar=GrammarSettings(mode="off"), checks=("bilingual",))


def findings(
    tmp_path: Path,
    runtime: Runtime,
    source: str,
    target: str,
    lang: str | None = None,
    **kw: str,
) -> tuple[Finding, ...]:
    """The bilingual findings of a pair written to files (`lang`: the target's language)."""
    (tmp_path / "s.txt").write_text(source, encoding="utf-8")
    (tmp_path / "t.txt").write_text(target, encoding="utf-8")
    options = OFF if lang is None else Options(lang=lang, grammar=OFF.grammar, checks=OFF.checks)
    result = check_pair(
        str(tmp_path / "t.txt"), str(tmp_path / "s.txt"), options, runtime=runtime, **kw
    )
    assert not result.errors, result.errors
    return result.findings


def pair(
    tmp_path: Path, runtime: Runtime, source: str, target: str, **kw: str
) -> list[tuple[str, str, str]]:
    return [
        (f.rule_id, f.message, f.segment.id if f.segment else "")
        for f in findings(tmp_path, runtime, source, target, **kw)
    ]


def test_numbers_in_another_locale_format_are_not_mismatches(
    tmp_path: Path, runtime: Runtime
) -> None:
    source = (
        "Бюджет составит 1,6 млн рублей, а заседание 23.12.2015 началось в 15:27. "
        "В городе живут 1 250 000 человек. Три района получат деньги.\n"
    )
    target = (
        "The budget will be 1.6 million roubles, and the meeting on 23 December 2015 began at "
        "3:27 pm. The city has 1,250,000 people. Three districts will get money.\n"
    )
    assert pair(tmp_path, runtime, source, target) == []


def test_a_changed_number_date_and_time_are_reported(tmp_path: Path, runtime: Runtime) -> None:
    source = "Бюджет составит 1,6 млн рублей, а заседание 23.12.2015 началось в 15:27.\n"
    target = "The budget will be 16 million roubles, and the meeting on 22 December 2015 began at 15:37.\n"
    (message,) = [
        m for r, m, _ in pair(tmp_path, runtime, source, target) if r == "bilingual.number"
    ]
    assert "'1,6'" in message and "'23.12.2015'" in message and "'15:27'" in message


@pytest.mark.parametrize(
    ("source", "target", "s_lang"),
    [
        ("Магазин открыт с 8:00 до 23:00.\n", "The shop is open from 8 a.m. to 11 p.m.\n", "ru"),
        ("Die Warnung gilt bis 8.00 Uhr.\n", "The warning is valid until 8 a.m.\n", "de"),
        ("La réunion commence à 17 h 30.\n", "The meeting starts at 5:30 pm.\n", "fr"),
        (
            "Ставка осталась на уровне 16,00% годовых.\n",
            "The rate stayed at 16.00% a year.\n",
            "ru",
        ),
        ("Проект обойдётся в 4,7 млн долларов.\n", "The project will cost $4.7m.\n", "ru"),
        ("Der Umbau kostet 1,2 Milliarden Euro.\n", "The rebuild costs €1.2 billion.\n", "de"),
        ("Город принял трехлетний план.\n", "The city adopted a three-year plan.\n", "ru"),
    ],
)
def test_times_rates_scales_and_compounds_that_agree_are_not_reported(
    tmp_path: Path, runtime: Runtime, source: str, target: str, s_lang: str
) -> None:
    assert pair(tmp_path, runtime, source, target, source_lang=s_lang) == []
    # and the other way round, where the number is a word of the target's compound
    if s_lang == "ru" and "трех" in source:
        assert pair(tmp_path, runtime, target, source, source_lang="en") == []


@pytest.mark.parametrize(
    ("source", "target", "s_lang", "missing"),
    [
        (
            "Проект обойдётся в 1,2 млрд рублей.\n",
            "The project will cost 1.2 million roubles.\n",
            "ru",
            "'1,2'",
        ),
        ("Der Laden öffnet um 16 Uhr.\n", "The shop opens at 6 p.m.\n", "de", "'16 Uhr'"),
        ("The shop opens at 9 a.m.\n", "Магазин открывается в 21:00.\n", "en", "'9 a.m.'"),
    ],
)
def test_a_changed_scale_or_clock_is_reported(
    tmp_path: Path, runtime: Runtime, source: str, target: str, s_lang: str, missing: str
) -> None:
    (message,) = [
        m
        for r, m, _ in pair(tmp_path, runtime, source, target, source_lang=s_lang)
        if r == "bilingual.number"
    ]
    assert missing in message


def test_a_number_in_the_source_languages_format_is_reported_with_its_target_form(
    tmp_path: Path, runtime: Runtime
) -> None:
    source = "The plant has 2.4 megawatts and ships 10,000 parcels. Python 3.11 is used.\n"
    target = "Die Anlage hat 2.4 Megawatt und versendet 10,000 Pakete. Python 3.11 wird genutzt.\n"
    found = findings(tmp_path, runtime, source, target, source_lang="en")
    formats = [(f.text, f.suggestions) for f in found if f.rule_id == "bilingual.number-format"]
    assert formats == [("2.4", ("2,4",)), ("10,000", ("10.000",))]  # not the version
    assert all(f.segment is not None for f in found)
    ok = "Die Anlage hat 2,4 Megawatt und versendet 10.000 Pakete. Python 3.11 wird genutzt.\n"
    assert pair(tmp_path, runtime, source, ok, source_lang="en") == []


def test_a_decimal_comma_is_reported_once_when_a_monolingual_rule_says_it_too(
    tmp_path: Path, runtime: Runtime
) -> None:
    from editqa.config import GrammarSettings, Options

    (tmp_path / "s.txt").write_text("Бюджет составит 1,6 млн рублей.\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text("The budget will be 1,6 million roubles.\n", encoding="utf-8")
    options = Options(grammar=GrammarSettings(mode="off"), checks=("bilingual", "rules"))
    result = check_pair(str(tmp_path / "t.txt"), str(tmp_path / "s.txt"), options, runtime=runtime)
    on_number = [f.rule_id for f in result.findings if f.text == "1,6"]
    assert on_number == ["en.numbers.decimal-comma"]


def test_end_punctuation_changes_and_quotations_over_two_sentences(
    tmp_path: Path, runtime: Runtime
) -> None:
    source = "The shop closed. Prices rose by a third.\n\nWill it reopen?\n"
    target = "Магазин закрылся! Цены выросли на треть\n\nОткроется ли он.\n"
    messages = [
        m for r, m, _ in pair(tmp_path, runtime, source, target) if r == "bilingual.end-punctuation"
    ]
    assert len(messages) == 3
    assert "with '!'" in messages[0] and "with 'ь'" in messages[1] and "'?'" in messages[2]
    # one quotation over two source sentences, two target sentences cut elsewhere: fine
    source = "«Библиотеки важны. Их любят все», — сказал мэр.\n"
    target = "“Libraries matter. Everyone loves them,” the mayor said.\n"
    assert pair(tmp_path, runtime, source, target, source_lang="ru") == []
    unbalanced = "“Libraries matter. Everyone loves them, the mayor said.\n"
    rules = [r for r, _, _ in pair(tmp_path, runtime, source, unbalanced, source_lang="ru")]
    assert "bilingual.quotes" in rules


def test_omission_untranslated_and_markup(tmp_path: Path, runtime: Runtime) -> None:
    source = (
        "Мэр открыл мост.\n\nОн сказал, что мост простоит сто лет. Движение по мосту откроют в "
        "конце весны, когда закончится укладка асфальта.\n\n"
        "Подробности на сайте https://city.example.org и по адресу press@city.example.org.\n\n"
        "Нажмите {0}, чтобы продолжить.\n"
    )
    target = (
        "The mayor opened the bridge.\n\nHe said the bridge would stand for a hundred years.\n\n"
        "Details on the website.\n\nНажмите {0}, чтобы продолжить.\n"
    )
    found = pair(tmp_path, runtime, source, target, source_lang="ru")
    rules = [r for r, _, _ in found]
    assert {"bilingual.omission", "bilingual.length"} & set(rules)  # a sentence left out
    (url,) = [m for r, m, _ in found if r == "bilingual.url"]
    assert "https://city.example.org" in url and "press@city.example.org" in url
    assert "bilingual.untranslated" in rules
    assert "bilingual.placeholder" not in rules  # the untranslated segment kept {0}


def test_end_punctuation_brackets_and_consistency(tmp_path: Path, runtime: Runtime) -> None:
    source = (
        "Что будет с ценами? Цены вырастут (по прогнозу).\n\n"
        "Решение примут в среду утром.\n\nРешение примут в среду утром.\n"
    )
    target = (
        "What will happen to prices. Prices will rise (according to the forecast.\n\n"
        "The decision will be taken on Wednesday morning.\n\n"
        "A ruling comes on Wednesday morning.\n"
    )
    rules = [r for r, _, _ in pair(tmp_path, runtime, source, target)]
    assert {"bilingual.end-punctuation", "bilingual.brackets", "bilingual.inconsistent"} <= set(
        rules
    )


def test_findings_carry_the_source_segment(tmp_path: Path, runtime: Runtime) -> None:
    source = "Мэр открыл мост 3 мая.\n"
    target = "The mayor opened the bridge on 4 May.\n"
    found = findings(tmp_path, runtime, source, target)
    (f,) = [f for f in found if f.rule_id == "bilingual.number"]
    assert f.segment is not None and f.segment.source_text == source.strip()
    assert (f.segment.source_start, f.segment.source_end) == (0, len(source.strip()))


def test_an_unreadable_source_is_an_error(tmp_path: Path, runtime: Runtime) -> None:
    (tmp_path / "t.txt").write_text("Text.\n", encoding="utf-8")
    result = check_pair(
        str(tmp_path / "t.txt"), str(tmp_path / "missing.txt"), OFF, runtime=runtime
    )
    assert result.errors and "missing.txt" in str(result.errors[0].error)


@pytest.mark.parametrize("fmt", ["json", "terminal"])
def test_reports_show_the_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    from editqa.cli import main

    (tmp_path / "s.txt").write_text("Мэр открыл мост 3 мая.\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text("The mayor opened the bridge on 4 May.\n", encoding="utf-8")
    code = main(
        [
            "check",
            str(tmp_path / "t.txt"),
            "--source",
            str(tmp_path / "s.txt"),
            "--grammar",
            "off",
            "-f",
            fmt,
            "--color",
            "never",
        ]
    )
    out = capsys.readouterr().out
    assert code == 1
    if fmt == "json":
        assert '"segment_id": "p1.s1"' in out and '"source_start": 0' in out
    else:
        assert "source [p1.s1]: Мэр открыл мост 3 мая." in out


def test_the_html_report_of_a_translation_carries_its_segments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json
    import re

    from editqa.cli import main

    (tmp_path / "s.txt").write_text("Мэр открыл мост 3 мая.\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text("The mayor opened the bridge on 4 May.\n", encoding="utf-8")
    out = tmp_path / "r.html"
    args = ["report", str(tmp_path / "t.txt"), "-o", str(out), "--grammar", "off"]
    assert main([*args, "--source", str(tmp_path / "s.txt"), "--source-lang", "ru"]) == 0
    page = out.read_text(encoding="utf-8")
    blob = re.search(r'id="editqa-data">(.*?)</script>', page, re.S)
    assert blob is not None
    (file,) = json.loads(blob.group(1))["files"]
    assert file["segments"][0]["sourceText"] == "Мэр открыл мост 3 мая."
    assert any(f["rule"] == "bilingual.number" for f in file["findings"])
    assert main([*args, "--source-lang", "ru"]) == 2
    assert "--source-lang needs --source" in capsys.readouterr().err


def test_source_lang_without_source_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from editqa.cli import main

    (tmp_path / "t.txt").write_text("Text.\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "t.txt"), "--source-lang", "ru"]) == 2
    assert "--source-lang needs --source" in capsys.readouterr().err


def test_glossary_terms_required_and_forbidden(tmp_path: Path) -> None:
    from editqa.api import build_runtime

    (tmp_path / "g.csv").write_text(
        "source,target,forbidden\nпричал,berth,moorage\nбюджет,budget,\n", encoding="utf-8"
    )
    (tmp_path / "s.txt").write_text(
        "Новый причал построят к маю. Расходы бюджета выросли.\n", encoding="utf-8"
    )
    (tmp_path / "t.txt").write_text(
        "The new moorage will be built by May. Spending from the treasury rose.\n",
        encoding="utf-8",
    )
    options = Options(
        grammar=GrammarSettings(mode="off"),
        checks=("bilingual",),
        glossaries=(str(tmp_path / "g.csv"),),
    )
    result = check_pair(
        str(tmp_path / "t.txt"), str(tmp_path / "s.txt"), options, runtime=build_runtime(options)
    )
    found = sorted((f.rule_id, f.message) for f in result.findings)
    rules = [r for r, _ in found]
    assert rules.count("bilingual.glossary") == 2  # neither 'berth' nor 'budget'
    assert rules.count("bilingual.forbidden-term") == 1
    assert any(
        "g.csv:2" in m and "'moorage'" in m for r, m in found if r == "bilingual.forbidden-term"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("src,tgt\nа,b\n", "g.csv:1: a glossary needs a header"),
        ("source,target,notes\nа,b,c\n", "g.csv:1: unknown glossary column 'notes'"),
        ("source,target\nмэр\n", "g.csv:2: a glossary row needs a source"),
    ],
)
def test_bad_glossaries_name_file_and_line(tmp_path: Path, text: str, expected: str) -> None:
    from editqa.errors import InputError
    from editqa.text.glossary import Glossary

    (tmp_path / "g.csv").write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=expected):
        Glossary.load((str(tmp_path / "g.csv"),))


def test_a_name_spelt_two_ways_in_the_translation(tmp_path: Path, runtime: Runtime) -> None:
    source = (
        "Директор порта Ольга Смирнова открыла причал.\n\nПо словам Смирновой, работы "
        "завершатся весной.\n\nЭксперт Иван Кузнецов согласился со Смирновой.\n"
    )
    target = (
        "Port director Olga Smirnova opened the berth.\n\nAccording to Smirnowa, the work "
        "will be finished in spring.\n\nExpert Ivan Kuznetsov agreed with Smirnova.\n"
    )
    found = findings(tmp_path, runtime, source, target)
    (f,) = [f for f in found if f.rule_id == "bilingual.name-spelling"]
    assert (f.text, f.suggestions) == ("Smirnowa", ("Smirnova",))


def test_units_of_a_po_file_keep_their_white_space(tmp_path: Path, runtime: Runtime) -> None:
    from editqa.api import check_paths

    (tmp_path / "m.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "Итого: "\nmsgstr "Total:"\n\n'
        'msgid "Всего заказов"\nmsgstr "All orders"\n',
        encoding="utf-8",
    )
    result = check_paths([str(tmp_path / "m.po")], OFF, runtime)
    (f,) = [f for f in result.findings if f.rule_id == "bilingual.whitespace"]
    assert "at the end" in f.message and f.segment is not None and f.segment.id == "line 5"


def test_quotes_that_no_longer_pair_up(tmp_path: Path, runtime: Runtime) -> None:
    source = "Мэр назвал проект «лучшим в регионе» и уехал.\n"
    target = "The mayor called the project “the best in the region and left.\n"
    rules = [r for r, _, _ in pair(tmp_path, runtime, source, target)]
    assert rules == ["bilingual.quotes"]
    fine = "The mayor called the project “the best in the region” and left.\n"
    assert pair(tmp_path, runtime, source, fine) == []


TBX2 = (
    '<?xml version="1.0"?><martif type="TBX" xml:lang="en"><text><body>'
    '<termEntry id="t1"><langSet xml:lang="ru"><tig><term>причал</term></tig></langSet>'
    '<langSet xml:lang="en-GB"><tig><term>berth</term></tig>'
    '<tig><term>moorage</term><termNote type="administrativeStatus">'
    "deprecatedTerm-admn-sts</termNote></tig></langSet></termEntry>"
    "</body></text></martif>"
)
TBX3 = (
    '<?xml version="1.0"?><tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" '
    'style="dca" xml:lang="en"><text><body><conceptEntry id="c1">'
    '<langSec xml:lang="de"><termSec><term>Haushalt</term></termSec></langSec>'
    '<langSec xml:lang="en"><termSec><term>budget</term></termSec>'
    '<termSec><term>household</term><termNote type="administrativeStatus">'
    "supersededTerm-admn-sts</termNote></termSec></langSec>"
    "</conceptEntry></body></text></tbx>"
)


def test_a_tbx_termbase_gives_required_and_forbidden_translations_both_ways(
    tmp_path: Path,
) -> None:
    from editqa.text.glossary import Glossary

    (tmp_path / "g.tbx").write_text(TBX2, encoding="utf-8")
    terms = {t.languages: t for t in Glossary.load((str(tmp_path / "g.tbx"),)).terms}
    ru_en = terms[("ru", "en")]
    assert (ru_en.source, ru_en.targets, ru_en.forbidden) == ("причал", ("berth",), ("moorage",))
    assert ru_en.pattern.search("у нового причала")
    assert ru_en.applies("ru", "en-GB") and not ru_en.applies("de", "en")
    en_ru = [
        t for t in Glossary.load((str(tmp_path / "g.tbx"),)).terms if t.languages == ("en", "ru")
    ]
    assert sorted(t.source for t in en_ru) == [
        "berth",
        "moorage",
    ]  # a deprecated source is still found
    assert all(t.targets == ("причал",) for t in en_ru)
    (tmp_path / "g3.tbx").write_text(TBX3, encoding="utf-8")
    (de_en,) = [
        t for t in Glossary.load((str(tmp_path / "g3.tbx"),)).terms if t.languages == ("de", "en")
    ]
    assert (de_en.targets, de_en.forbidden) == (("budget",), ("household",))


def test_tbx_forbidden_terms_are_reported_only_for_their_languages(tmp_path: Path) -> None:
    from editqa.api import build_runtime

    (tmp_path / "g.tbx").write_text(TBX2, encoding="utf-8")
    (tmp_path / "s.txt").write_text("Новый причал построят к маю.\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text("The new moorage will be built by May.\n", encoding="utf-8")
    options = Options(
        grammar=GrammarSettings(mode="off"),
        checks=("bilingual",),
        glossaries=(str(tmp_path / "g.tbx"),),
    )
    runtime = build_runtime(options)
    result = check_pair(str(tmp_path / "t.txt"), str(tmp_path / "s.txt"), options, runtime=runtime)
    assert sorted(f.rule_id for f in result.findings) == [
        "bilingual.forbidden-term",
        "bilingual.glossary",
    ]
    assert "g.tbx:1" in result.findings[0].message
    german = check_pair(
        str(tmp_path / "t.txt"), str(tmp_path / "s.txt"), options, runtime=runtime, source_lang="de"
    )
    assert german.findings == ()  # a ru-en term says nothing of a de-en pair


def test_a_broken_tbx_file_is_one_error_with_its_line(tmp_path: Path) -> None:
    from editqa.errors import InputError
    from editqa.text.glossary import Glossary

    (tmp_path / "bad.tbx").write_text("<martif>\n<text>\n</martif>", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.tbx:3: not a readable TBX file"):
        Glossary.load((str(tmp_path / "bad.tbx"),))


def test_source_with_a_bilingual_file_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from editqa.cli import main

    (tmp_path / "m.po").write_text('msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    (tmp_path / "s.txt").write_text("Текст.\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "m.po"), "--source", str(tmp_path / "s.txt")]) == 2
    assert "holds its own source: check it without --source" in capsys.readouterr().err


def test_a_clause_left_in_the_source_language_of_the_same_script(
    tmp_path: Path, runtime: Runtime
) -> None:
    source = (
        "Le musée rouvre ses portes lundi, après des travaux qui ont duré trois ans et "
        "coûté beaucoup plus que prévu.\n"
    )
    target = (
        "The museum reopens on Monday, after works qui ont duré trois ans et coûté "
        "beaucoup plus que prévu.\n"
    )
    found = [
        f
        for f in findings(tmp_path, runtime, source, target, "en", source_lang="fr")
        if f.rule_id == "bilingual.untranslated"
    ]
    assert [f.text for f in found] == ["qui ont duré trois ans et coûté beaucoup plus que prévu"]
    good = (
        "The museum reopens on Monday, after works that lasted three years and cost far more "
        "than planned: a tour de force, says the director.\n"
    )
    assert pair(tmp_path, runtime, source, good, source_lang="fr") == []


@pytest.mark.parametrize(
    ("source", "target", "s_lang", "rule"),
    [
        # a question inside a quotation lost, an exclamation added
        (
            "“Who made these mistakes?” asked the shareholder.\n",
            "„Wer hat diese Fehler gemacht“, fragte der Aktionär.\n",
            "en",
            "bilingual.end-punctuation",
        ),
        (
            "«Цены выросли на треть», — сказал он.\n",
            "“Prices have risen by a third!” he said.\n",
            "ru",
            "bilingual.end-punctuation",
        ),
        # a bare domain changed
        (
            "Details at shop.example.com/spring-sale today.\n",
            "Подробности на shop.example.com/spring sale сегодня.\n",
            "en",
            "bilingual.url",
        ),
        # an English clause left in a Russian translation
        (
            "The phone goes on sale in May, said an analyst at the research firm.\n",
            "Телефон поступит в продажу в мае, said an analyst at the research firm.\n",
            "en",
            "bilingual.untranslated",
        ),
    ],
)
def test_punctuation_addresses_and_words_left_untranslated(
    tmp_path: Path, runtime: Runtime, source: str, target: str, s_lang: str, rule: str
) -> None:
    lang = (
        "de"
        if "Aktionär" in target
        else "ru"
        if "Телефон" in target or "Подробности" in target
        else "en"
    )
    found = findings(tmp_path, runtime, source, target, lang, source_lang=s_lang)
    assert [f.rule_id for f in found] == [rule]


@pytest.mark.parametrize(
    ("source", "target", "s_lang", "t_lang"),
    [
        ("Die Saison 2023/2024 war trocken.\n", "The 2023/24 season was dry.\n", "de", "en"),
        ("Revenue rose to £412m.\n", "Der Umsatz stieg auf 412 Mio. Pfund.\n", "en", "de"),
        (
            "Die Schulden betragen 2 Billionen Euro.\n",
            "The debt is 2 trillion euros.\n",
            "de",
            "en",
        ),
        (
            "El plan cuesta 2 mil millones de euros.\n",
            "The plan costs 2 billion euros.\n",
            "es",
            "en",
        ),
    ],
)
def test_year_ranges_and_scales_in_each_language_agree(
    tmp_path: Path, runtime: Runtime, source: str, target: str, s_lang: str, t_lang: str
) -> None:
    assert findings(tmp_path, runtime, source, target, t_lang, source_lang=s_lang) == ()


def test_a_sentence_added_into_a_paragraph_is_flagged(tmp_path: Path, runtime: Runtime) -> None:
    before_ru = (
        "Водители автобусов в городе выйдут на забастовку в понедельник.\n\n"
        "Движение на большинстве маршрутов будет остановлено на весь день.\n\n"
    )
    before_en = (
        "Bus drivers in the city will go on strike on Monday.\n\n"
        "Traffic on most routes will stop for the whole day.\n\n"
    )
    source = before_ru + (
        "Профсоюз объявил забастовку на понедельник. «Мы не хотим неудобств пассажирам, "
        "но зарплата не растёт уже три года», — сказал председатель профсоюза Игорь Белов.\n"
    )
    target = before_en + (
        "The union called a strike for Monday. “We do not want to inconvenience passengers, "
        "but pay has not risen for three years,” said union chairman Igor Belov. The union "
        "has said it is prepared to continue the action for as long as it takes.\n"
    )
    rules = [r for r, _, _ in pair(tmp_path, runtime, source, target, source_lang="ru")]
    assert rules == ["bilingual.addition"]

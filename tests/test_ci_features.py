"""For CI and real projects: suppression comments, per-file config, `init`, baselines, the
result cache, progress and parallel runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editqa import api
from editqa.api import check_paths
from editqa.cli import main
from editqa.config import GrammarSettings, Options

OFF = Options(grammar=GrammarSettings(mode="off"), checks=("rules", "spelling"), jobs=1)
LINE = "The council said the bridge costs 2,5 million pounds.\n"


def rules_of(path: Path, options: Options = OFF) -> list[tuple[str, int]]:
    result = check_paths([str(path)], options)
    assert not result.errors, result.errors
    (r,) = result.files
    from editqa.document.sourcemap import LineIndex

    index = LineIndex.of(r.source)
    return [(f.rule_id, index.position(f.start)[0]) for f in r.findings]


# ---- suppression comments


def test_disable_next_line_silences_one_line_in_markdown(tmp_path: Path) -> None:
    md = tmp_path / "a.md"
    md.write_text(
        f"# Budget\n\n<!-- editqa-disable-next-line en.numbers -->\n{LINE}\n{LINE}",
        encoding="utf-8",
    )
    assert rules_of(md) == [("en.numbers.decimal-comma", 6)]


def test_disable_and_enable_bound_a_region_and_patterns_match(tmp_path: Path) -> None:
    html = tmp_path / "a.html"
    html.write_text(
        f"<p>{LINE}</p>\n<!-- editqa-disable *.decimal-comma -->\n<p>{LINE}</p>\n<p>{LINE}</p>\n"
        f"<!-- editqa-enable *.decimal-comma -->\n<p>{LINE}</p>\n",
        encoding="utf-8",
    )
    assert [line for _, line in rules_of(html)] == [1, 9]  # each <p> takes two lines


def test_plain_text_uses_a_hash_line_and_the_comment_is_not_checked(tmp_path: Path) -> None:
    txt = tmp_path / "a.txt"
    txt.write_text(f"# editqa-disable\n{LINE}\n# editqa-enable\n{LINE}", encoding="utf-8")
    assert rules_of(txt) == [("en.numbers.decimal-comma", 5)]  # "editqa" is no misspelling


def test_a_directive_inside_code_is_an_example_and_unused_ones_are_reported(
    tmp_path: Path,
) -> None:
    md = tmp_path / "a.md"
    md.write_text(
        "# Budget\n\n```\n<!-- editqa-disable -->\n```\n\n"
        f"{LINE}\n<!-- editqa-disable-next-line spelling -->\n{LINE}",
        encoding="utf-8",
    )
    from dataclasses import replace

    found = rules_of(md, replace(OFF, report_unused_suppressions=True))
    assert found == [
        ("en.numbers.decimal-comma", 7),
        ("editqa.unused-suppression", 9),
        ("en.numbers.decimal-comma", 10),
    ]
    assert rules_of(md) == [("en.numbers.decimal-comma", 7), ("en.numbers.decimal-comma", 10)]


# ---- config files


def test_per_file_config_with_overrides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "editqa.toml").write_text(
        'disable = ["spelling"]\nseverity = { "en.numbers.decimal-comma" = "info" }\n'
        '[[overrides]]\npaths = ["strict/*"]\nenable = ["spelling"]\n'
        'severity = { "en.numbers" = "error" }\n',
        encoding="utf-8",
    )
    (tmp_path / "strict").mkdir()
    text = "The councl said the bridge costs 2,5 million pounds.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "strict" / "b.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--grammar", "off", "-f", "json", "--no-cache", "."])
    files = {
        Path(f["path"]).as_posix().removeprefix("./"): f["findings"]
        for f in json.loads(capsys.readouterr().out)["files"]
    }
    assert code == 1
    assert [(f["rule_id"], f["severity"]) for f in files["a.txt"]] == [
        ("en.numbers.decimal-comma", "info")
    ]
    assert sorted((f["rule_id"], f["severity"]) for f in files["strict/b.txt"]) == [
        ("en.numbers.decimal-comma", "error"),
        ("spelling.unknown-word", "error"),
    ]


def test_the_config_nearest_each_file_applies(tmp_path: Path) -> None:
    sub = tmp_path / "ru"
    sub.mkdir()
    (sub / "editqa.toml").write_text('lang = "ru"\n', encoding="utf-8")
    (sub / "a.txt").write_text("Бюджет составит 2.5 млн рублей.\n", encoding="utf-8")
    result = check_paths([str(tmp_path)], OFF)
    (r,) = result.files
    assert r.language == "ru"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("colour = 1\n", "editqa.toml: unknown key 'colour'"),
        ('disable = "x"\nseverity = { a = "fatal" }\n', "severity.a: 'fatal' is not"),
        ("[[overrides]]\nlang = 'de'\n", "overrides[1].paths must be a list"),
        ('lang = "xx"\n', "editqa.toml: lang: --lang 'xx': unknown language"),
        ("lang = \n", "not valid TOML"),
    ],
)
def test_a_bad_config_is_one_line_naming_file_and_key(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    body: str,
    message: str,
) -> None:
    (tmp_path / "editqa.toml").write_text(body, encoding="utf-8")
    (tmp_path / "a.txt").write_text(LINE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--grammar", "off", "a.txt"]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1


def test_init_writes_a_starter_that_loads_and_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from editqa.configfile import load_project

    assert main(["init", str(tmp_path)]) == 0
    config = load_project(tmp_path / "editqa.toml")
    assert config.base.switches == () and config.overrides == ()
    assert main(["init", str(tmp_path)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["init", "--force", str(tmp_path)]) == 0


# ---- baselines


def test_a_baseline_hides_known_findings_even_when_lines_move(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(f"Bridge budget\n\n{LINE}", encoding="utf-8")
    assert main(["check", "--grammar", "off", "--write-baseline", "base.json", "a.txt"]) == 0
    recorded = json.loads(Path("base.json").read_text(encoding="utf-8"))
    assert [e["rule_id"] for e in recorded["findings"]] == ["en.numbers.decimal-comma"]
    new = "Bridge budget\n\nA new paragraph was added on top. It says nothing much.\n\n"
    Path("a.txt").write_text(f"{new}{LINE}\nIt costs 3,5 million more.\n", "utf-8")
    capsys.readouterr()
    code = main(["check", "--grammar", "off", "-f", "json", "--baseline", "base.json", "a.txt"])
    out = capsys.readouterr()
    (file,) = json.loads(out.out)["files"]
    assert code == 1
    assert [f["text"] for f in file["findings"]] == ["3,5"]
    assert "1 finding(s) in the baseline not shown" in out.err
    Path("bad.json").write_text("{", encoding="utf-8")
    assert main(["check", "--baseline", "bad.json", "a.txt"]) == 2
    assert "bad.json:1: not a baseline" in capsys.readouterr().err


# ---- cache, progress, workers


def test_results_are_cached_by_content_and_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    monkeypatch.setenv("EDITQA_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "a.txt").write_text(LINE, encoding="utf-8")
    cached = replace(OFF, cache=True)
    first = check_paths([str(tmp_path / "a.txt")], cached)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("checked again")

    monkeypatch.setattr(api, "_check_one", refuse)
    again = check_paths([str(tmp_path / "a.txt")], cached)
    assert again == first
    with pytest.raises(AssertionError, match="checked again"):  # other settings
        check_paths([str(tmp_path / "a.txt")], replace(cached, lang="en-GB"))
    (tmp_path / "a.txt").write_text(LINE + "More.\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="checked again"):  # other content
        check_paths([str(tmp_path / "a.txt")], cached)
    with pytest.raises(AssertionError, match="checked again"):  # no cache asked for
        check_paths([str(tmp_path / "a.txt")], OFF)


def test_progress_hears_of_every_file_and_workers_do_not_change_the_output(
    tmp_path: Path,
) -> None:
    from dataclasses import replace

    for n in range(6):
        (tmp_path / f"{n}.txt").write_text(LINE * (n + 1), encoding="utf-8")
    heard: list[tuple[int, int]] = []
    one = check_paths([str(tmp_path)], OFF, progress=lambda d, t: heard.append((d, t)))
    assert heard[0] == (0, 6) and heard[-1] == (6, 6)
    assert [d for d, _ in heard] == sorted(d for d, _ in heard)
    two = check_paths([str(tmp_path)], replace(OFF, jobs=2))
    assert two.files == one.files


def test_the_command_line_caches_unless_told_not_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("EDITQA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("EDITQA_NO_CACHE", raising=False)
    (tmp_path / "a.txt").write_text(LINE, encoding="utf-8")
    args = ["check", "--grammar", "off", "-f", "json", str(tmp_path / "a.txt")]
    assert main(args) == 1
    first = capsys.readouterr().out

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("checked again")

    monkeypatch.setattr(api, "_check_one", refuse)
    assert main(args) == 1
    assert capsys.readouterr().out == first
    monkeypatch.setenv("EDITQA_NO_CACHE", "1")
    assert main(args) == 3  # checked again: the refusal is an internal error
    capsys.readouterr()


# ---- from the review: edge cases that once went wrong


def test_a_later_override_wins_and_the_starter_is_valid_when_uncommented(
    tmp_path: Path,
) -> None:
    import re

    from editqa.configfile import STARTER, load_project

    (tmp_path / "editqa.toml").write_text(
        'disable = ["spelling"]\n[[overrides]]\npaths = ["*"]\nenable = ["spelling"]\n'
        '[[overrides]]\npaths = ["a.txt"]\ndisable = ["spelling"]\n',
        encoding="utf-8",
    )
    settings = load_project(tmp_path / "editqa.toml")
    assert not settings.settings_for(tmp_path / "a.txt").enabled("spelling.unknown-word")
    assert settings.settings_for(tmp_path / "b.txt").enabled("spelling.unknown-word")
    uncommented = re.sub(r"(?m)^# (?=[a-z_]+ = |\[)", "", STARTER)
    (tmp_path / "editqa.toml").write_text(uncommented, encoding="utf-8")
    config = load_project(tmp_path / "editqa.toml")  # every suggested value is valid
    assert config.base.lang == "en-GB" and config.overrides


def test_enable_after_disable_follows_each_rule_and_quoted_directives_do_nothing(
    tmp_path: Path,
) -> None:
    md = tmp_path / "a.md"
    bad = "The councl said it costs 2,5 million.\n\n"
    md.write_text(
        "# Budget\n\n<!-- editqa-disable spelling en.numbers -->\n\n<!-- editqa-enable spelling -->\n\n"
        f"{bad}<!-- editqa-disable -->\n\n<!-- editqa-enable en.numbers -->\n\n{bad}"
        "Write `<!-- editqa-enable -->` to switch rules back on.\n",
        encoding="utf-8",
    )
    assert rules_of(md) == [("spelling.unknown-word", 7), ("en.numbers.decimal-comma", 13)]


@pytest.mark.parametrize(
    ("source", "rule", "text"),
    [
        ("# T\r\rThe libary.\r", "spelling.unknown-word", "libary"),  # lone CR
        ("# T\r\n\r\nThe libary.\r\n", "spelling.unknown-word", "libary"),
        ("| a | b |\n|---|---|\n| x | b \\| c libary |\n", "spelling.unknown-word", "libary"),
        ("We will visit the libary&#46;\n\nMore.\n", "spelling.unknown-word", "libary"),
    ],
)
def test_odd_markdown_still_points_at_the_word(
    tmp_path: Path, source: str, rule: str, text: str
) -> None:
    md = tmp_path / "a.md"
    md.write_bytes(source.encode("utf-8"))
    result = check_paths([str(md)], OFF)
    (r,) = result.files
    found = [(f.rule_id, f.text) for f in r.findings]
    assert (rule, text) in found
    (f,) = [f for f in r.findings if f.rule_id == rule]
    assert r.source[f.start : f.end] == text


def test_html_on_standard_input_is_fixed_as_html(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    page = (
        "<!DOCTYPE html><html><body><p>The bridge , closed in May.</p>"
        '<p title="a , b">Yes.</p><script>var x = [1 , 2];</script></body></html>\n'
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page.encode())))
    assert main(["fix", "--grammar", "off", "--lang", "en-GB", "-"]) == 0
    out = capsys.readouterr().out
    assert out == page.replace("bridge ,", "bridge,")


def test_the_cache_tells_formats_apart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    monkeypatch.setenv("EDITQA_CACHE_DIR", str(tmp_path / "cache"))
    body = "<script>var recieve = 1;</script>\n"
    (tmp_path / "a.html").write_text(body, encoding="utf-8")
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    cached = replace(OFF, cache=True)
    assert check_paths([str(tmp_path / "a.html")], cached).findings == ()
    assert check_paths([str(tmp_path / "a.txt")], cached).findings != ()


def test_a_translation_follows_its_config_and_region_tags_are_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "editqa.toml").write_text('disable = ["spelling"]\n', encoding="utf-8")
    (tmp_path / "t.txt").write_text("The mayor will recieve the report.\n", encoding="utf-8")
    (tmp_path / "s.txt").write_text("Мэр получит доклад.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--grammar", "off", "t.txt", "--source", "s.txt"]) == 0
    capsys.readouterr()
    (tmp_path / "editqa.toml").write_text('lang = "de-x/../../escape"\n', encoding="utf-8")
    assert main(["check", "--grammar", "off", "t.txt"]) == 2
    assert "a region is two letters or three digits" in capsys.readouterr().err

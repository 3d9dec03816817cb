"""House style: locale defaults, settings from config files and --style, and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from editqa.configfile import find_config, load_style, style_settings
from editqa.errors import UsageError
from editqa.style import StyleSettings, style_for


def test_locale_defaults_come_from_cldr_and_the_table() -> None:
    assert style_for("ru").time == "24h"  # CLDR: HH:mm
    assert style_for("de").time == "24h"
    assert style_for("en-US").time == "any"  # English news uses both clocks
    assert style_for("en-GB").headline_case == "sentence"
    assert style_for("en-US").headline_case == "any"
    assert style_for("en-GB").small_numbers == 10
    assert style_for("fr").small_numbers == 0
    assert style_for("ru").quotes == "locale" and style_for("en-GB").quotes == "any"


def test_settings_override_the_defaults() -> None:
    settings = StyleSettings.parse({"time": "12h", "headline_max_chars": 60}, "test")
    style = style_for("de", settings)
    assert (style.time, style.headline_max_chars) == ("12h", 60)
    assert style_for("de").time == "24h"


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ({"colour": "red"}, "unknown style key 'colour'"),
        ({"time": "25h"}, "time = '25h': use one of 24h, 12h, any"),
        ({"headline_max_chars": -1}, "use a whole number from 0 to 1000"),
        ({"serial_comma": "yes"}, "serial_comma = 'yes': use true or false"),
        ({"quotes": "<<>>"}, "use locale, any, or an opening and a closing mark"),
        ({"date": "dd/yy"}, "a CLDR pattern with d, M and y"),
        ({"locale": "english"}, "not a language tag"),
    ],
)
def test_bad_settings_name_origin_and_key(table: dict[str, object], expected: str) -> None:
    with pytest.raises(UsageError) as exc:
        StyleSettings.parse(table, "editqa.toml: [style]")
    assert str(exc.value).startswith("editqa.toml: [style]")
    assert expected in str(exc.value)


def test_style_pairs_convert_numbers_and_booleans() -> None:
    s = StyleSettings.from_pairs(["serial-comma=true", "small_numbers=0", "percent=symbol"])
    assert (s.get("serial_comma"), s.get("small_numbers"), s.get("percent")) == (True, 0, "symbol")
    with pytest.raises(UsageError, match="write KEY=VALUE"):
        StyleSettings.from_pairs(["percent"])


def test_config_is_found_by_walking_up(tmp_path: Path) -> None:
    (tmp_path / "editqa.toml").write_text('[style]\npercent = "words"\n', encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / "editqa.toml"
    assert style_settings(None, None, cwd=deep).get("percent") == "words"
    # --style wins over the file
    assert style_settings(None, ["percent=symbol"], cwd=deep).get("percent") == "symbol"


def test_pyproject_table_counts_only_when_present(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(tmp_path) is None or find_config(tmp_path) != tmp_path / "pyproject.toml"
    (tmp_path / "pyproject.toml").write_text(
        '[tool.editqa.style]\nheadline_case = "title"\n', encoding="utf-8"
    )
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"
    assert load_style(tmp_path / "pyproject.toml").get("headline_case") == "title"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[style\n", "not valid TOML"),
        ("[styles]\n", "unknown key 'styles'"),
        ('style = "x"\n', "style must be a table"),
        ('[style]\nheadline_case = "loud"\n', "headline_case = 'loud'"),
    ],
)
def test_bad_config_files_name_the_file(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "editqa.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError) as exc:
        load_style(path)
    assert str(exc.value).startswith(str(path)) and expected in str(exc.value)


def test_missing_config_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"--config .*no such file"):
        style_settings(str(tmp_path / "nope.toml"), None)


def test_odd_values_and_files_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="small_numbers = '²'"):
        StyleSettings.from_pairs(["small_numbers=²"])
    path = tmp_path / "editqa.toml"
    path.write_bytes(b"[style]\n# \xff\n")
    with pytest.raises(UsageError, match="not UTF-8"):
        load_style(path)
    with pytest.raises(UsageError, match="quotes = 'ab'"):
        StyleSettings.parse({"quotes": "ab"}, "t")
    assert StyleSettings.parse({"quotes": "«»"}, "t").get("quotes") == "«»"


def test_a_broken_pyproject_above_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    assert find_config(tmp_path / "sub") is None

"""The command line, run in-process through `editqa.cli.main` (and once as a real process)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from editqa.cli import main

CLEAN = "The council met on Monday and approved the budget for next year.\n"
DIRTY = "The council will recieve the report on Monday.\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    paths = {}
    for name, text in (("clean.txt", CLEAN), ("dirty.txt", DIRTY)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths[name] = str(tmp_path / name)
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    paths["binary.txt"] = str(tmp_path / "binary.txt")
    return paths


def test_exit_codes(capsys: pytest.CaptureFixture[str], files: dict[str, str]) -> None:
    assert run(capsys, "check", files["clean.txt"])[0] == 0
    assert run(capsys, "check", files["dirty.txt"])[0] == 1
    assert run(capsys, "check", "--fail-on", "never", files["dirty.txt"])[0] == 0


def test_fail_on_threshold(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("The colour of the harbour was grey and gray.\n", encoding="utf-8")
    # 'gray' in British text is a warning, not an error
    assert run(capsys, "check", "--lang", "en-GB", str(p))[0] == 0
    assert run(capsys, "check", "--lang", "en-GB", "--fail-on", "warning", str(p))[0] == 1


def test_unreadable_file_is_one_line_and_others_are_still_checked(
    capsys: pytest.CaptureFixture[str], files: dict[str, str]
) -> None:
    code, out, err = run(capsys, "check", "-f", "line", files["binary.txt"], files["dirty.txt"])
    assert code == 2
    assert err.strip().count("\n") == 0 and "binary.txt: looks like a binary file" in err
    assert "recieve" in out


def test_usage_errors_are_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], files: dict[str, str]
) -> None:
    for args in (
        ("check", "--frobnicate", files["clean.txt"]),
        ("check", "--format", "xml", files["clean.txt"]),
        ("check", "--lang", "xx", files["clean.txt"]),
        ("check", "--fail-on", "sometimes", files["clean.txt"]),
        ("check", "--words", "/nonexistent/words.txt", files["clean.txt"]),
    ):
        code, _, err = run(capsys, *args)
        assert code == 2, args
        assert err.startswith("editqa: error: ") and err.count("\n") == 1, err


def test_broken_rule_folder_is_exit_2_naming_file_and_line(
    capsys: pytest.CaptureFixture[str], files: dict[str, str], tmp_path: Path
) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.yml").write_text("id: x.y.z\ntype: pattern\nbogus: 1\n", encoding="utf-8")
    code, _, err = run(capsys, "check", "--rules", str(rules), files["clean.txt"])
    assert code == 2
    assert f"{rules / 'bad.yml'}:1: " in err and err.count("\n") == 1


def test_json_schema(capsys: pytest.CaptureFixture[str], files: dict[str, str]) -> None:
    code, out, _ = run(capsys, "check", "-f", "json", files["dirty.txt"], files["clean.txt"])
    data = json.loads(out)
    assert code == 1 and data["version"] == 1
    assert data["summary"] == {
        "files": 2,
        "findings": 1,
        "by_severity": {"error": 1, "warning": 0, "info": 0},
    }
    dirty = next(f for f in data["files"] if f["path"].endswith("dirty.txt"))
    (finding,) = dirty["findings"]
    assert set(finding) == {
        "rule_id",
        "source",
        "category",
        "severity",
        "message",
        "start",
        "end",
        "line",
        "column",
        "text",
        "suggestions",
        "fix_safety",
        "engines",
        "suggestion_kinds",
    }
    assert (finding["rule_id"], finding["text"], finding["suggestions"][0]) == (
        "spelling.unknown-word",
        "recieve",
        "receive",
    )
    assert DIRTY[finding["start"] : finding["end"]] == "recieve"
    assert (finding["line"], finding["column"]) == (1, 18)
    assert finding["category"] == "misspelling" and finding["fix_safety"] == "suggest"


def test_offsets_are_code_points_after_a_bom_and_emoji(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    p = tmp_path / "emoji.txt"
    text = "🎉🎉 Party news 🎉\n\nThe mayor will recieve guests.\n"
    p.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    _, out, _ = run(capsys, "check", "-f", "json", str(p))
    (f,) = json.loads(out)["files"][0]["findings"]
    assert text[f["start"] : f["end"]] == "recieve" and (f["line"], f["column"]) == (3, 16)


def test_terminal_output_marks_the_span(
    capsys: pytest.CaptureFixture[str], files: dict[str, str]
) -> None:
    code, out, _ = run(capsys, "check", "--color", "never", files["dirty.txt"])
    assert code == 1
    lines = out.splitlines()
    i = next(i for i, line in enumerate(lines) if "spelling.unknown-word" in line)
    assert lines[i].startswith(f"{files['dirty.txt']}:1:18 error spelling.unknown-word")
    assert lines[i + 1].strip() == DIRTY.strip()
    assert lines[i + 2] == " " * (4 + 17) + "^" * 7
    assert "receive" in lines[i + 3]
    assert lines[-1].startswith("1 finding(s) (1 error(s)")
    assert "\x1b[" not in out


def test_quiet_prints_only_finding_lines(
    capsys: pytest.CaptureFixture[str], files: dict[str, str]
) -> None:
    _, out, _ = run(capsys, "check", "-q", files["dirty.txt"], files["clean.txt"])
    assert out.splitlines() == [
        f"{files['dirty.txt']}:1:18 error spelling.unknown-word "
        "Unknown word 'recieve'; did you mean 'receive'?"
    ]


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DIRTY.encode("cp1252"))))
    code, out, _ = run(capsys, "check", "-f", "line", "-")
    assert code == 1 and out.startswith("<stdin>:1:18: error spelling.unknown-word")


def test_rules_list_show_and_test(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "list")
    assert code == 0 and "en.numbers.decimal-comma" in out
    code, out, _ = run(capsys, "rules", "show", "en.numbers.decimal-comma")
    assert code == 0 and "bad:" in out and "good:" in out
    code, _, err = run(capsys, "rules", "show", "no.such.rule")
    assert code == 2 and "no rule with id" in err
    code, out, _ = run(capsys, "rules", "test")
    assert code == 0 and out.splitlines()[-1].split(" (")[0].endswith(", 0 failed")


def test_rules_test_reports_a_failing_example(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "r.yml").write_text(
        "id: t.x.y\ntype: existence\nlanguages: [en]\ncategory: style\nseverity: info\n"
        "message: m\ntokens: [foo]\nexamples:\n  - bad: '[[bar]] here'\n  - good: 'foo there'\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "rules", "test", str(tmp_path))
    assert code == 1
    assert f"FAIL {tmp_path / 'r.yml'}:9: t.x.y: bad example gave 0 findings" in out
    assert f"FAIL {tmp_path / 'r.yml'}:10: t.x.y: good example was flagged" in out
    assert out.splitlines()[-1].startswith("0 passed, 2 failed")


def test_python_dash_m_and_internal_error_path(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(DIRTY, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "editqa", "check", "-f", "line", str(p)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1 and "spelling.unknown-word" in proc.stdout
    proc = subprocess.run(
        [sys.executable, "-m", "editqa", "--version"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0 and proc.stdout.startswith("editqa ")


def test_directory_in_parallel_matches_serial(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for i in range(6):
        (tmp_path / f"f{i}.txt").write_text(DIRTY if i % 2 else CLEAN, encoding="utf-8")
    _, serial, _ = run(capsys, "check", "-f", "line", "-j", "1", str(tmp_path))
    _, parallel, _ = run(capsys, "check", "-f", "line", "-j", "2", str(tmp_path))
    assert serial == parallel and serial.count("spelling.unknown-word") == 3


def test_config_errors_with_many_files_are_still_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for i in range(5):
        (tmp_path / f"f{i}.txt").write_text(CLEAN, encoding="utf-8")
    code, _, err = run(
        capsys, "check", "-j", "2", "--words", str(tmp_path / "nope.txt"), str(tmp_path)
    )
    assert code == 2 and err.count("\n") == 1 and "nope.txt: word list not found" in err


def test_check_text_normalises_the_language_tag() -> None:
    from editqa.api import check_text

    result = check_text("The council will recieve the report.", lang="en_gb")
    assert result.language == "en-GB" and [f.text for f in result.findings] == ["recieve"]


def test_house_style_from_style_options_and_config(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Fares rose 4 per cent on Monday, the operator said.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run(capsys, "check", "-f", "line", "--grammar", "off", str(article))
    assert "percent-style" not in out
    _, out, _ = run(
        capsys, "check", "-f", "line", "--grammar", "off", "--style", "percent=symbol", str(article)
    )
    assert "numbers.percent-style" in out and '-> "4%"' in out
    (tmp_path / "editqa.toml").write_text('[style]\npercent = "symbol"\n', encoding="utf-8")
    _, out, _ = run(capsys, "check", "-f", "line", "--grammar", "off", str(article))
    assert "numbers.percent-style" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--style", "percent=lots"], "--style: percent = 'lots': use one of symbol, words, any"),
        (["--style", "noise"], "--style 'noise': write KEY=VALUE"),
        (["--config", "missing.toml"], "--config missing.toml: no such file"),
    ],
)
def test_bad_style_options_are_one_line_usage_errors(
    capsys: pytest.CaptureFixture[str], files: dict[str, str], args: list[str], expected: str
) -> None:
    code, _, err = run(capsys, "check", *args, files["clean.txt"])
    assert code == 2 and expected in err and err.count("\n") == 1


def test_a_broken_config_file_is_named(
    capsys: pytest.CaptureFixture[str], files: dict[str, str], tmp_path: Path
) -> None:
    config = tmp_path / "house.toml"
    config.write_text("[style]\nheadline_max_chars = 'long'\n", encoding="utf-8")
    code, _, err = run(capsys, "check", "--config", str(config), files["clean.txt"])
    assert code == 2 and f"{config}: [style]: headline_max_chars" in err


def test_rules_list_markdown_is_the_readme_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "list", "--format", "md")
    assert code == 0 and "| rule | type | languages | severity | fix | what it checks |" in out
    assert "| `en.style.headline-tense` | title |" in out
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    begin, end = "<!-- rules:begin -->\n", "<!-- rules:end -->"
    assert begin in readme, "README lacks the rule catalogue (make rules-doc)"
    listed = readme.split(begin, 1)[1].split(end, 1)[0]
    assert listed.strip() == out.strip(), "README rule catalogue is stale: run make rules-doc"

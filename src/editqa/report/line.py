"""`--format line`: one finding a line, for golden tests and grep:
`path:line:col: severity rule_id "text" -> "suggestion": message`."""

from __future__ import annotations

import json
from typing import TextIO

from editqa.model import CheckResult, Finding
from editqa.report.base import positions


def format_finding(path: str, line: int, col: int, f: Finding) -> str:
    text = json.dumps(f.text, ensure_ascii=False)
    sugg = f" -> {json.dumps(f.suggestions[0], ensure_ascii=False)}" if f.suggestions else ""
    return f"{path}:{line}:{col}: {f.severity.value} {f.rule_id} {text}{sugg}: {f.message}"


class LineReporter:
    def report(self, result: CheckResult, out: TextIO) -> None:
        for r in result.files:
            pos = positions(r)
            for f in r.findings:
                out.write(format_finding(r.path, *pos[f], f) + "\n")

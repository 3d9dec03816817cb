"""`--format json`: the stable, versioned schema documented in the README."""

from __future__ import annotations

import json
from typing import Any, TextIO

from editqa.model import CheckResult
from editqa.report.base import positions, summary

SCHEMA_VERSION = 1


def to_dict(result: CheckResult) -> dict[str, Any]:
    files = []
    for r in result.files:
        pos = positions(r)
        entry: dict[str, Any] = {"path": r.path, "language": r.language, "findings": []}
        if r.error is not None:
            entry["error"] = r.error
        if r.notes:
            entry["notes"] = list(r.notes)
        for f in r.findings:
            line, col = pos[f]
            entry["findings"].append(
                {
                    "rule_id": f.rule_id,
                    "source": f.source,
                    "category": f.category.value,
                    "severity": f.severity.value,
                    "message": f.message,
                    "start": f.start,
                    "end": f.end,
                    "line": line,
                    "column": col,
                    "text": f.text,
                    "suggestions": list(f.suggestions),
                    "fix_safety": f.fix_safety.value,
                    "engines": list(f.engines) or [f.source],
                    "suggestion_kinds": list(f.suggestion_kinds),
                }
            )
            if f.segment is not None:
                entry["findings"][-1] |= {
                    "segment_id": f.segment.id,
                    "source_start": f.segment.source_start,
                    "source_end": f.segment.source_end,
                    "source_text": f.segment.source_text,
                }
        files.append(entry)
    summ = summary(result)
    out: dict[str, Any] = {
        "version": SCHEMA_VERSION,
        "files": files,
        "summary": {k: summ[k] for k in ("files", "findings", "by_severity")},
        "notices": [n.message for n in result.notices],
    }
    return out


class JsonReporter:
    def report(self, result: CheckResult, out: TextIO) -> None:
        json.dump(to_dict(result), out, ensure_ascii=False, indent=2)
        out.write("\n")

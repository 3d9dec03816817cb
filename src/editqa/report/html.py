"""`--format html` and `editqa report`: one self-contained page for reviewers.

Inline CSS and JavaScript, no network requests (a Content-Security-Policy forbids them), so
the file opens from file:// and as a CI artifact. The data travel as JSON inside a
`<script type="application/json">` element with every `<`, `>` and `&` escaped, and the page
builds its text with DOM calls that set `textContent` only: an article holding `<script>` or
`<img onerror=...>` shows them as text and runs nothing.
"""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime
from importlib import resources
from typing import Any, TextIO

from editqa import __version__
from editqa.document.sourcemap import LineIndex
from editqa.fixes.resolve import resolve
from editqa.model import CheckResult, FileResult

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'"
)


def page_data(result: CheckResult) -> dict[str, Any]:
    """What the page shows, as plain data (offsets in UTF-16 units, as the page's
    JavaScript counts them)."""
    files = []
    for n, r in enumerate(result.files):
        files.append(_file_data(f"f{n}", r))
    return {
        "generator": f"editqa {__version__}",
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "notices": [x.message for x in result.notices],
        "files": files,
    }


def utf16_offsets(text: str) -> list[int] | None:
    """For each code-point offset of `text`, its offset in UTF-16 code units, which is how
    JavaScript strings count (None when the two agree: nothing beyond U+FFFF)."""
    if all(ord(ch) < 0x10000 for ch in text):
        return None
    table = [0]
    for ch in text:
        table.append(table[-1] + (2 if ord(ch) >= 0x10000 else 1))
    return table


def _file_data(ident: str, r: FileResult) -> dict[str, Any]:
    index = LineIndex.of(r.source)
    js = utf16_offsets(r.source)
    findings = []
    for i, f in enumerate(r.findings):
        line, col = index.position(f.start)
        findings.append(
            {
                "i": i,
                "start": _js_offset(js, f.start),
                "end": _js_offset(js, f.end),
                "rule": f.rule_id,
                "source": f.source,
                "message": f.message,
                "severity": f.severity.value,
                "category": f.category.value,
                "suggestions": list(f.suggestions),
                "safety": f.fix_safety.value,
                "engines": list(f.engines),
                "line": line,
                "column": col,
            }
        )
        if f.segment is not None:  # a translation's finding: the source segment beside it
            findings[-1]["segment"] = f.segment.id
            findings[-1]["sourceText"] = f.segment.source_text
    chosen = {id(f) for f in resolve(r.findings).fixed}
    data: dict[str, Any] = {
        "id": ident,
        "path": r.path,
        "language": r.language,
        "error": r.error,
        "notes": list(r.notes),
        "text": r.source,
        "findings": findings,
        "safe": [i for i, f in enumerate(r.findings) if id(f) in chosen],
    }
    if r.alignment:  # a translation: the page can show each source segment beside its target
        data["segments"] = [
            {
                "id": a.id,
                "start": _js_offset(js, a.target_start),
                "end": _js_offset(js, a.target_end),
                "sourceText": a.source_text,
                "problem": a.problem,
            }
            for a in r.alignment
        ]
    return data


def _js_offset(table: list[int] | None, offset: int) -> int:
    """A code-point offset as the page counts it (see `utf16_offsets`)."""
    return table[offset] if table else offset


def render(result: CheckResult) -> str:
    """The whole page."""
    assets = resources.files("editqa.report") / "assets"
    css = (assets / "report.css").read_text(encoding="utf-8")
    js = (assets / "report.js").read_text(encoding="utf-8")
    data = json.dumps(page_data(result), ensure_ascii=False)
    data = data.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    title = "editqa report"
    if len(result.files) == 1:
        title += f": {result.files[0].path}"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n{css}\n</style>\n</head>\n<body>\n"
        "<noscript>This report needs JavaScript to show the findings.</noscript>\n"
        '<main id="app" aria-live="polite"></main>\n'
        f'<script type="application/json" id="editqa-data">{data}</script>\n'
        f"<script>\n{js}\n</script>\n</body>\n</html>\n"
    )


class HtmlReporter:
    def report(self, result: CheckResult, out: TextIO) -> None:
        out.write(render(result))

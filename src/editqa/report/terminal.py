"""The terminal report (rich): grouped by file, each finding with its line marked, its
suggestion, and a summary. Colour only on a TTY unless forced."""

from __future__ import annotations

from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from editqa.document.sourcemap import LineIndex
from editqa.model import CheckResult, Finding, Severity
from editqa.report.base import make_console, summary

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
MAX_LINE = 160


class TerminalReporter:
    def __init__(self, *, quiet: bool = False, color: bool | None = None) -> None:
        self.quiet = quiet
        self.color = color

    def report(self, result: CheckResult, out: TextIO) -> None:
        console = make_console(out, self.color)
        for r in result.files:
            if not r.findings and not (r.notes and not self.quiet):
                continue  # files that could not be read are reported on stderr
            if not self.quiet:
                console.print(Text(f"{r.path} ({r.language})", style="bold underline"))
                for note in r.notes:
                    console.print(Text(f"note: {note}", style="dim"))
            index = LineIndex.of(r.source)
            for f in r.findings:
                self._finding(console, r.path, r.source, index, f)
        if not self.quiet:
            for n in result.notices:
                console.print(Text(f"note: {n.message}", style="dim"))
            console.print(Text(_summary_line(result), style="bold"))

    def _finding(
        self, console: Console, path: str, source: str, index: LineIndex, f: Finding
    ) -> None:
        line, col = index.position(f.start)
        head = Text(f"{path}:{line}:{col} ")
        head.append(f.severity.value, style=STYLE[f.severity])
        head.append(f" {f.rule_id} ", style="dim")
        head.append(f.message)
        console.print(head)
        if self.quiet:
            return
        ls, le = index.line_span(line, source)
        span_end = min(f.end, le)
        lo = max(ls, f.start - MAX_LINE // 2)
        hi = min(le, max(span_end, lo + MAX_LINE))
        shown = Text("    " + source[lo:hi].replace("\t", " "))
        a, b = 4 + f.start - lo, 4 + span_end - lo
        shown.stylize("bold reverse " + STYLE[f.severity], a, max(b, a + 1))
        console.print(shown)
        # the caret line counts terminal cells, so wide characters (emoji, CJK) line up
        indent = 4 + cell_len(source[lo : f.start])
        width = max(cell_len(source[f.start : span_end]), 1)
        console.print(Text(" " * indent + "^" * width, style=STYLE[f.severity]))
        if f.suggestions:
            shown_s = ", ".join(repr(s) if s else "(delete)" for s in f.suggestions[:3])
            console.print(Text(f"    suggestion: {shown_s}", style="green"))
        if f.segment is not None:
            src = " ".join(f.segment.source_text.split())
            if len(src) > MAX_LINE:
                src = src[: MAX_LINE - 1] + "…"
            console.print(Text(f"    source [{f.segment.id}]: {src}", style="cyan"))


def _summary_line(result: CheckResult) -> str:
    s = summary(result)
    by = s["by_severity"]
    assert isinstance(by, dict)
    files = s["files"]
    parts = f"{by['error']} error(s), {by['warning']} warning(s), {by['info']} info"
    errs = f"; {s['errors']} file(s) could not be checked" if s["errors"] else ""
    return f"{s['findings']} finding(s) ({parts}) in {files} file(s){errs}"

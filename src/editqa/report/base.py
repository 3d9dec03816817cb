"""The Reporter protocol and the table of formats."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TextIO

from editqa.document.sourcemap import LineIndex
from editqa.errors import UsageError
from editqa.model import CheckResult, FileResult, Finding, Severity

if TYPE_CHECKING:
    from rich.console import Console

FORMATS = ("terminal", "json", "line", "html", "diff", "sarif", "github", "junit")


class Reporter(Protocol):
    def report(self, result: CheckResult, out: TextIO) -> None: ...


def reporter_for(fmt: str, *, quiet: bool = False, color: bool | None = None) -> Reporter:
    if fmt == "terminal":
        from editqa.report.terminal import TerminalReporter

        return TerminalReporter(quiet=quiet, color=color)
    if fmt == "json":
        from editqa.report.json import JsonReporter

        return JsonReporter()
    if fmt == "line":
        from editqa.report.line import LineReporter

        return LineReporter()
    if fmt == "html":
        from editqa.report.html import HtmlReporter

        return HtmlReporter()
    if fmt == "sarif":
        from editqa.report.sarif import SarifReporter

        return SarifReporter()
    if fmt == "github":
        from editqa.report.github import GithubReporter

        return GithubReporter()
    if fmt == "junit":
        from editqa.report.junit import JunitReporter

        return JunitReporter()
    raise UsageError(f"--format {fmt!r}: unknown format; use one of {', '.join(FORMATS)}")


def make_console(out: TextIO, color: bool | None) -> Console:
    """A rich console on `out`: colour on a TTY, or as forced by `color`."""
    from rich.console import Console

    return Console(
        file=out,
        force_terminal=color,
        no_color=color is False,
        highlight=False,
        soft_wrap=True,
        emoji=False,
    )


def positions(result: FileResult) -> dict[Finding, tuple[int, int]]:
    """1-based (line, column) of every finding of a file."""
    index = LineIndex.of(result.source)
    return {f: index.position(f.start) for f in result.findings}


def summary(result: CheckResult) -> dict[str, object]:
    by = {s.value: 0 for s in Severity}
    for f in result.findings:
        by[f.severity.value] += 1
    return {
        "files": len(result.files),
        "findings": len(result.findings),
        "by_severity": by,
        "errors": len(result.errors),
    }

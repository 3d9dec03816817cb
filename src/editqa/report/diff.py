"""`--format diff`: each file's text with the fixes shown inline, [-deleted-]{+inserted+},
every change and every unfixed finding numbered ⟨n⟩ and explained below. Colour (red
deletions, green insertions) only on a TTY unless forced."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from rich.text import Text

from editqa.fixes.diff import DELETE, EQUAL, annotated_diff
from editqa.model import Finding
from editqa.report.base import make_console

if TYPE_CHECKING:
    from editqa.api import FixResult


class _Notes:
    """Numbers findings in order of first appearance and keeps their explanations."""

    def __init__(self, fixed: set[int]) -> None:
        self.fixed = fixed
        self.numbers: dict[int, int] = {}
        self.lines: list[str] = []

    def seen(self, f: Finding) -> bool:
        return id(f) in self.numbers

    def marker(self, f: Finding) -> str:
        key = id(f)
        if key in self.numbers:
            return ""
        n = self.numbers[key] = len(self.numbers) + 1
        change = "fixed" if key in self.fixed else "not fixed"
        hint = f" -> {f.suggestions[0]!r}" if f.suggestions else ""
        self.lines.append(f"  [{n}] {f.severity.value} {f.rule_id} ({change}): {f.message}{hint}")
        return f"⟨{n}⟩"


class DiffReporter:
    def __init__(self, *, color: bool | None = None) -> None:
        self.color = color

    def report_fixes(self, results: Sequence[FixResult], out: TextIO) -> None:
        console = make_console(out, self.color)
        for r in results:
            console.print(Text(f"{r.path} ({r.language})", style="bold underline"))
            text, notes = self._render(r)
            console.print(text, end="" if str(text).endswith("\n") else "\n")
            for note in notes.lines:
                console.print(Text(note, style="dim"))
            console.print(
                Text(f"{len(r.applied)} fix(es) applied in {r.rounds} round(s)", style="bold")
            )

    def _render(self, r: FixResult) -> tuple[Text, _Notes]:
        notes = _Notes({id(f) for f in r.applied})
        line = Text()
        for piece in annotated_diff(r.original, r.fixed, r.findings):
            if piece.op != EQUAL:
                style = "red strike" if piece.op == DELETE else "green"
                shown = f"[-{piece.text}-]" if piece.op == DELETE else f"{{+{piece.text}+}}"
                line.append(shown, style=style)
                for f in piece.findings:
                    line.append(notes.marker(f), style="bold cyan")
                continue
            # unchanged text: a marker right after each unfixed finding it holds
            pos = piece.start
            for f in sorted(piece.findings, key=lambda f: f.end):
                if id(f) in notes.fixed or notes.seen(f):
                    continue
                cut = min(max(f.end, pos), piece.end)
                line.append(r.original[pos:cut])
                line.append(notes.marker(f), style="bold cyan")
                pos = cut
            line.append(r.original[pos : piece.end])
        return line, notes


__all__ = ["DiffReporter"]

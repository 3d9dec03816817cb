"""`editqa fix --interactive`: a person walks through every fix of every file and decides.

For each finding that offers a fix, in text order: [a]ccept, [s]kip, [e]dit (type the
replacement), accept [A]ll of this rule, [q]uit (keeping what was decided so far). Fixes that
overlap one already accepted are passed over with a word. One round: what was chosen is what
is applied. I/O goes through the `ask` and `say` callables, so the walk is testable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from editqa.api import FixResult, build_checks, build_runtime, check_document
from editqa.config import Options
from editqa.document.docx import DOCX_ENCODING, DOCX_FIX_REFUSED
from editqa.document.loader import expand_paths, load_bytes, load_path
from editqa.errors import EditqaError
from editqa.fixes.apply import apply_edits
from editqa.model import Edit, Finding, FixSafety

PROMPT = "[a]ccept, [s]kip, [e]dit, accept [A]ll of this rule, [q]uit? "


def review(
    paths: Iterable[str],
    options: Options,
    *,
    rules: Iterable[str] | None,
    ask: Callable[[str], str],
    say: Callable[[str], None],
) -> list[FixResult | str]:
    runtime = build_runtime(options)
    checks = build_checks(runtime, options.active_checks())
    selected = set(rules) if rules else None
    out: list[FixResult | str] = []
    quit_all = False
    for path in dict.fromkeys(expand_paths(paths)):
        try:
            raw = b"" if path == "-" else Path(path).read_bytes()
            doc = load_path(path) if path == "-" else load_bytes(raw, path)
        except (EditqaError, OSError) as exc:
            out.append(str(exc))
            continue
        if doc.encoding == DOCX_ENCODING:  # a Word file, whatever its name
            out.append(f"{path}: {DOCX_FIX_REFUSED}")
            continue
        result = check_document(doc, runtime, checks, options.lang)
        chosen: list[tuple[Edit, Finding]] = []
        always: set[str] = set()
        for f in result.findings:
            if quit_all:
                break
            if not f.suggestions or f.fix_safety is FixSafety.NONE:
                continue
            if selected is not None and f.rule_id not in selected:
                continue
            clash = next((g for e, g in chosen if e.start < f.end and f.start < e.end), None)
            if clash is not None:
                say(f"{path}: skipping {f.rule_id} at {f.start}: overlaps {clash.rule_id}")
                continue
            replacement = f.suggestions[0]
            if f.rule_id not in always:
                say(_describe(doc.source, f))
                answer = ""
                while answer not in ("a", "s", "e", "A", "q"):
                    try:
                        answer = ask(PROMPT).strip()[:1]
                    except EOFError:
                        answer = "q"
                if answer == "q":
                    quit_all = True
                    break
                if answer == "s":
                    continue
                if answer == "e":
                    try:
                        replacement = ask("replacement: ")
                    except EOFError:
                        continue
                if answer == "A":
                    always.add(f.rule_id)
            chosen.append((Edit(f.start, f.end, replacement), f))
        fixed = apply_edits(doc.source, [e for e, _ in chosen])
        out.append(
            replace(
                FixResult(doc.path, result.language, doc.source, fixed),
                applied=tuple(f for _, f in chosen),
                rounds=1,
                findings=result.findings,
                encoding=doc.encoding,
                raw=raw,
            )
        )
    return out


def _describe(source: str, f: Finding) -> str:
    line_start = source.rfind("\n", 0, f.start) + 1
    line_end = source.find("\n", f.end)
    line_end = len(source) if line_end == -1 else line_end
    before = source[max(line_start, f.start - 60) : f.start]
    after = source[f.end : min(line_end, f.end + 60)]
    sugg = f.suggestions[0] if f.suggestions[0] else "(delete)"
    return (
        f"\n{f.severity.value} {f.rule_id}: {f.message}\n"
        f"  {before}[{source[f.start : f.end]}]{after}\n"
        f"  -> {sugg!r} ({f.fix_safety.value})"
    )

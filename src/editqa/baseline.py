"""Baselines: the findings a project has accepted for now, so that CI reports only new ones.

`editqa check --write-baseline FILE` records every finding's fingerprint; `--baseline
FILE` then leaves out the findings whose fingerprint is recorded for their file. A
fingerprint hashes the rule, the matched text and the text of the lines it is on (spaces
normalised), with its rank among identical findings of the file: it survives lines moving
and edits elsewhere, and changes when the finding's own line changes. SARIF's
`partialFingerprints` are the same hashes.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import replace
from pathlib import Path

from editqa.document.sourcemap import LineIndex
from editqa.errors import UsageError
from editqa.model import CheckResult, FileResult, Finding

VERSION = 1


def fingerprints(result: FileResult) -> dict[Finding, str]:
    """Each finding's fingerprint (see the module's text)."""
    index = LineIndex.of(result.source)
    seen: Counter[str] = Counter()
    out = {}
    for f in result.findings:
        first = index.line_span(index.position(f.start)[0], result.source)[0]
        last = index.line_span(index.position(f.end)[0], result.source)[1]
        context = " ".join(result.source[first : max(last, f.end)].split())
        key = "\x1f".join((f.rule_id, f.text, context))
        seen[key] += 1
        raw = f"{key}\x1f{seen[key]}".encode("utf-8", "surrogatepass")
        out[f] = hashlib.sha256(raw).hexdigest()[:32]
    return out


def relative_path(path: str) -> str | None:
    """`path` relative to the current directory, with forward slashes; None when it lies
    outside it (or on another drive)."""
    try:
        rel = os.path.relpath(os.path.abspath(path))
    except ValueError:
        return None
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return None
    return Path(rel).as_posix()


def _key(path: str) -> str:
    """A file's path as a baseline records it: relative to the working folder if inside."""
    if path == "-":
        return path
    return relative_path(path) or Path(path).resolve().as_posix()


def write(result: CheckResult, target: str) -> int:
    """Record the run's findings in `target` (atomically); how many were recorded."""
    from editqa.fixes.apply import write_atomically

    entries = []
    for r in result.files:
        index = LineIndex.of(r.source)
        for f, fp in fingerprints(r).items():
            entries.append(
                {
                    "path": _key(r.path),
                    "rule_id": f.rule_id,
                    "fingerprint": fp,
                    "line": index.position(f.start)[0],
                    "text": f.text,
                }
            )
    entries.sort(key=lambda e: (e["path"], e["line"], e["rule_id"]))
    body = {"version": VERSION, "tool": "editqa", "findings": entries}
    write_atomically(target, (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode())
    return len(entries)


def load(source: str) -> set[tuple[str, str]]:
    """The (path, fingerprint) pairs a baseline file records; errors name the file."""
    try:
        data = json.loads(Path(source).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"--baseline {source}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"--baseline {source}: cannot read it ({exc})") from None
    except json.JSONDecodeError as exc:
        raise UsageError(
            f"{source}:{exc.lineno}: not a baseline (invalid JSON: {exc.msg})"
        ) from None
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise UsageError(f"{source}: not an editqa baseline of version {VERSION}")
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise UsageError(f"{source}: a baseline needs a 'findings' list")
    out = set()
    for n, e in enumerate(findings, start=1):
        if not (
            isinstance(e, dict)
            and isinstance(e.get("path"), str)
            and isinstance(e.get("fingerprint"), str)
        ):
            raise UsageError(f"{source}: findings[{n}] needs a 'path' and a 'fingerprint'")
        out.add((e["path"], e["fingerprint"]))
    return out


def without_baseline(result: CheckResult, known: set[tuple[str, str]]) -> tuple[CheckResult, int]:
    """The run with the baseline's findings left out, and how many were."""
    files = []
    dropped = 0
    for r in result.files:
        path = _key(r.path)
        prints = fingerprints(r)
        kept = tuple(f for f in r.findings if (path, prints[f]) not in known)
        dropped += len(r.findings) - len(kept)
        files.append(replace(r, findings=kept))
    return replace(result, files=tuple(files)), dropped

"""Recall and precision of editqa's translation checks on hand-annotated pairs:
`python benchmarks/translation/score.py [-v] [DIR]`, DIR being `data/` (the default) or
`heldout/` (see their README.md).

Each pair is checked as `editqa check target --source source --source-lang SRC --lang TGT
--grammar off` would check it. A finding counts for a category by its rule (the table
below; spelling, style and other rules are out of scope and only counted). It matches an
annotation of its category when its span in the translation overlaps the annotated text,
or, for a finding tied to a source segment, when that segment overlaps the annotated
source text (an omission has no text in the translation to point at).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from editqa.api import build_runtime, check_pair
from editqa.config import GrammarSettings, Options
from editqa.model import Finding
from editqa.runtime import Runtime

DATA = Path(__file__).resolve().parent / "data"
CATEGORIES = ("number", "omission", "addition", "untranslated", "punctuation")
# the number and date rules about a number's locale form (and ambiguous numeric dates); the
# others (spacing before %, figures or words for small numbers, range dashes, the order of a
# long date, the 12- or 24-hour clock) are house style and out of scope here
NUMBER_FORMAT_RULES = {
    "decimal-comma",
    "decimal-comma-zero",
    "decimal-separator",
    "grouping",
    "numeric-date",
    "us-numeric",
    "foreign-date",
}


def categories_of(rule_id: str) -> set[str]:
    """The annotation categories a rule's findings speak to (empty: out of scope)."""
    if rule_id == "bilingual.number":  # a number gone may be a clause gone
        return {"number", "omission"}
    if rule_id == "bilingual.number-format" or rule_id.rsplit(".", 1)[1] in NUMBER_FORMAT_RULES:
        return {"number"}
    if rule_id == "bilingual.omission":
        return {"omission"}
    if rule_id == "bilingual.addition":
        return {"addition"}
    if rule_id == "bilingual.length":
        return {"omission", "addition"}
    if (
        rule_id == "bilingual.untranslated"
        or ".script." in rule_id
        or rule_id.startswith("script.")
    ):
        return {"untranslated"}
    if rule_id in {
        "bilingual.end-punctuation",
        "bilingual.brackets",
        "bilingual.quotes",
        "bilingual.url",
        "bilingual.placeholder",
        "bilingual.whitespace",
    }:
        return {"punctuation"}
    return set()


@dataclass(frozen=True)
class Annotation:
    category: str
    target: tuple[int, int] | None
    source: tuple[int, int] | None
    note: str


def _span(text: str, needle: str | None) -> tuple[int, int] | None:
    if not needle:
        return None
    at = text.index(needle)
    return at, at + len(needle)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] or b[0] == b[1]:  # an empty span touches what it sits in or beside
        return a[0] <= b[1] and b[0] <= a[1]
    return a[0] < b[1] and b[0] < a[1]


def matches(f: Finding, a: Annotation) -> bool:
    if a.category not in categories_of(f.rule_id):
        return False
    if a.target is not None and _overlap((f.start, f.end), a.target):
        return True
    seg = f.segment
    return (
        seg is not None
        and a.source is not None
        and _overlap((seg.source_start, seg.source_end), a.source)
    )


@dataclass
class PairScore:
    name: str
    annotations: list[Annotation]
    found: list[bool]  # per annotation
    in_scope: list[tuple[Finding, bool]]  # (finding, matched an annotation)
    out_of_scope: int


def score_pair(directory: Path, runtime: Runtime, options: Options) -> PairScore:
    _, s_lang, t_lang, *_ = directory.name.split("-")
    source = (directory / "source.txt").read_text(encoding="utf-8")
    target = (directory / "target.txt").read_text(encoding="utf-8")
    notes = json.loads((directory / "annotations.json").read_text(encoding="utf-8"))
    annotations = [
        Annotation(n["category"], _span(target, n["target"]), _span(source, n["source"]), n["note"])
        for n in notes
    ]
    opts = Options(lang=t_lang, grammar=options.grammar, checks=options.checks, glossaries=())
    result = check_pair(
        str(directory / "target.txt"),
        str(directory / "source.txt"),
        opts,
        source_lang=s_lang,
        runtime=runtime,
    )
    assert not result.errors, result.errors
    findings = list(result.findings)
    scoped = [f for f in findings if categories_of(f.rule_id)]
    return PairScore(
        directory.name,
        annotations,
        [any(matches(f, a) for f in scoped) for a in annotations],
        [(f, any(matches(f, a) for a in annotations)) for f in scoped],
        len(findings) - len(scoped),
    )


def score(directory: Path = DATA, verbose: bool = False) -> dict[str, object]:
    options = Options(grammar=GrammarSettings(mode="off"))
    runtime = build_runtime(options)
    pairs = [score_pair(d, runtime, options) for d in sorted(directory.iterdir()) if d.is_dir()]
    total, hit = Counter[str](), Counter[str]()
    flagged, right = Counter[str](), Counter[str]()
    for p in pairs:
        for a, ok in zip(p.annotations, p.found, strict=True):
            total[a.category] += 1
            hit[a.category] += ok
            if verbose and not ok:
                print(f"missed  {p.name}: {a.category}: {a.note}")
        for f, ok in p.in_scope:
            for c in categories_of(f.rule_id):
                flagged[c] += 1
                right[c] += ok
            if verbose and not ok:
                print(f"false   {p.name}: {f.rule_id} {f.text[:60]!r}: {f.message[:90]}")
    clean = [p for p in pairs if not p.annotations]
    return {
        "pairs": len(pairs),
        "annotations": sum(total.values()),
        "recall": {c: (hit[c], total[c]) for c in CATEGORIES},
        "precision": {c: (right[c], flagged[c]) for c in CATEGORIES},
        "found": sum(hit.values()),
        "findings": sum(len(p.in_scope) for p in pairs),
        "correct": sum(ok for p in pairs for _, ok in p.in_scope),
        "clean_pairs": len(clean),
        "clean_alarms": sum(len(p.in_scope) for p in clean),
        "out_of_scope": sum(p.out_of_scope for p in pairs),
    }


def table(s: dict[str, object]) -> str:
    recall = s["recall"]
    precision = s["precision"]
    assert isinstance(recall, dict) and isinstance(precision, dict)

    def pct(a: int, b: int) -> str:
        return f"{a}/{b} ({100 * a / b:.0f}%)" if b else "–"

    rows = ["| category | recall | precision |", "|---|---|---|"]
    for c in CATEGORIES:
        rows.append(f"| {c} | {pct(*recall[c])} | {pct(*precision[c])} |")
    found, annotations = s["found"], s["annotations"]
    correct, findings = s["correct"], s["findings"]
    assert isinstance(found, int) and isinstance(annotations, int)
    assert isinstance(correct, int) and isinstance(findings, int)
    rows.append(f"| all | {pct(found, annotations)} | {pct(correct, findings)} |")
    return "\n".join(rows)


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "-v"]
    s = score(Path(args[0]) if args else DATA, verbose="-v" in sys.argv)
    print(
        f"{s['pairs']} pairs, {s['annotations']} annotated errors; "
        f"{s['clean_alarms']} in-scope findings on the {s['clean_pairs']} clean pairs; "
        f"{s['out_of_scope']} other findings (spelling, style) not scored"
    )
    print(table(s))


if __name__ == "__main__":
    main()

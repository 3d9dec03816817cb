"""A termbase for translation checks: source terms with their required translations and
translations that must not be used (false friends, calques). TBX files give required
translations (read with translate-toolkit); CSV/TSV files give both, as follows.

A CSV file (comma or tab separated, UTF-8), one term a row, with a header naming the
columns `source`, `target` and optionally `forbidden`; several translations in a cell are
separated by `|`. Matching ignores case and lets a term's last word take an ending (Russian
"бюджет" also matches "бюджета", "бюджетом"), so that inflected sources are found.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from editqa.errors import InputError

COLUMNS = ("source", "target", "forbidden")
MAX_ENDING = 3  # letters an inflected word may add to a term's last word


@dataclass(frozen=True, slots=True)
class Term:
    source: str
    targets: tuple[str, ...]
    forbidden: tuple[str, ...]
    where: str  # file:line
    pattern: re.Pattern[str]  # the source term, compiled once
    target_patterns: tuple[re.Pattern[str], ...] = ()
    forbidden_patterns: tuple[re.Pattern[str], ...] = ()

    @classmethod
    def of(
        cls, source: str, targets: tuple[str, ...], forbidden: tuple[str, ...], where: str
    ) -> Term:
        return cls(
            source,
            targets,
            forbidden,
            where,
            phrase_pattern(source, True),
            tuple(phrase_pattern(t, True) for t in targets),
            tuple(phrase_pattern(t, True) for t in forbidden),
        )


@dataclass(frozen=True, slots=True)
class Glossary:
    terms: tuple[Term, ...] = ()

    @classmethod
    def load(cls, paths: tuple[str, ...]) -> Glossary:
        terms: list[Term] = []
        for path in paths:
            terms.extend(_read(path))
        return cls(tuple(terms))

    def __bool__(self) -> bool:
        return bool(self.terms)


def phrase_pattern(phrase: str, inflected: bool) -> re.Pattern[str]:
    words = [re.escape(w) for w in phrase.split()]
    if inflected and words:
        words[-1] += rf"\w{{0,{MAX_ENDING}}}"
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def _read(path: str) -> list[Term]:
    if path.lower().endswith(".tbx"):
        return _read_tbx(path)
    try:
        raw = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such glossary file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the glossary ({exc})") from None
    dialect = "excel-tab" if "\t" in raw.split("\n", 1)[0] else "excel"
    reader = csv.reader(io.StringIO(raw), dialect=dialect)
    header = [h.strip().lower() for h in next(reader, [])]
    if "source" not in header or not ({"target", "forbidden"} & set(header)):
        raise InputError(
            f"{path}:1: a glossary needs a header with 'source' and 'target' (or 'forbidden')"
        )
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise InputError(f"{path}:1: unknown glossary column {unknown[0]!r}")
    out = []
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = dict(zip(header, row, strict=False))
        source = cells.get("source", "").strip()
        targets = _alternatives(cells.get("target", ""))
        forbidden = _alternatives(cells.get("forbidden", ""))
        if not source or not (targets or forbidden):
            raise InputError(
                f"{path}:{line}: a glossary row needs a source and a target or forbidden term"
            )
        out.append(Term.of(source, targets, forbidden, f"{path}:{line}"))
    return out


def _read_tbx(path: str) -> list[Term]:
    """A TBX termbase, read with translate-toolkit: each entry's first language is the
    source term, the second its required translation."""
    from translate.storage import tbx

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the glossary ({exc.strerror or exc})") from None
    try:
        store = tbx.tbxfile.parsestring(data)  # type: ignore[no-untyped-call]
    except Exception as exc:  # lxml and translate-toolkit raise many kinds
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{path}: not a readable TBX file: {first}") from None
    out = []
    for unit in store.units:
        source, target = str(unit.source or "").strip(), str(unit.target or "").strip()
        if source and target:
            where = f"{path}: entry {unit.getid()}"
            out.append(Term.of(source, (target,), (), where))
    return out


def _alternatives(cell: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in cell.split("|") if a.strip())

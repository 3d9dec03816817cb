"""A termbase for translation checks: source terms with their required translations and
translations that must not be used (false friends, calques), from TBX or CSV/TSV files.

A TBX file (TBX 2 `martif`/`termEntry`/`langSet`/`tig`, or TBX 3 `conceptEntry`/`langSec`/
`termSec`) gives, for every two languages of an entry, the terms of one as sources and those
of the other as required translations; a term whose `administrativeStatus` (or the older
`normativeAuthorization`) is deprecated, superseded or not recommended is a forbidden
translation instead. Such terms apply only when the pair's languages match theirs.

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
from typing import Any

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
    languages: tuple[str, str] | None = None  # (source, target) base languages, if known

    @classmethod
    def of(
        cls,
        source: str,
        targets: tuple[str, ...],
        forbidden: tuple[str, ...],
        where: str,
        languages: tuple[str, str] | None = None,
    ) -> Term:
        return cls(
            source,
            targets,
            forbidden,
            where,
            phrase_pattern(source, True),
            tuple(phrase_pattern(t, True) for t in targets),
            tuple(phrase_pattern(t, True) for t in forbidden),
            languages,
        )

    def applies(self, source_language: str, target_language: str) -> bool:
        """Whether the term is for a pair in these languages (tags such as "en-GB")."""
        if self.languages is None:
            return True
        want = (_base(source_language), _base(target_language))
        return self.languages == want


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


_DISCOURAGED = ("deprecated", "superseded", "notrecommended", "forbidden")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _read_tbx(path: str) -> list[Term]:
    """A TBX termbase (see the module's text), read with lxml, entities and network off."""
    from lxml import etree

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the glossary ({exc.strerror or exc})") from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 1
        raise InputError(f"{path}:{line}: not a readable TBX file: {exc.msg}") from None
    out: list[Term] = []
    for entry in _children(root, {"termEntry", "conceptEntry"}, deep=True):
        where = f"{path}:{entry.sourceline}"
        by_lang: dict[str, tuple[list[str], list[str]]] = {}
        for lang_set in _children(entry, {"langSet", "langSec"}):
            lang = _base(str(lang_set.get(_XML_LANG) or ""))
            if not lang:
                continue
            good, bad = by_lang.setdefault(lang, ([], []))
            for term_group in _children(lang_set, {"tig", "ntig", "termSec"}, deep=True):
                term = _term_of(term_group)
                if term:
                    (bad if _discouraged(term_group) else good).append(term)
        for s_lang, (s_good, s_bad) in by_lang.items():
            for t_lang, (t_good, t_bad) in by_lang.items():
                if s_lang == t_lang or not (t_good or t_bad):
                    continue
                for source in dict.fromkeys(s_good + s_bad):
                    out.append(
                        Term.of(source, tuple(t_good), tuple(t_bad), where, (s_lang, t_lang))
                    )
    return out


def _local(element: object) -> str:
    from lxml import etree

    tag = getattr(element, "tag", None)
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _children(element: Any, names: set[str], deep: bool = False) -> list[Any]:
    found = element.iter() if deep else element
    return [e for e in found if _local(e) in names]


def _term_of(group: Any) -> str:
    for child in group.iter():
        if _local(child) == "term":
            return " ".join("".join(child.itertext()).split())
    return ""


def _discouraged(group: Any) -> bool:
    for child in group.iter():
        if _local(child) in {"termNote", "descrip"} and child.get("type") in {
            "administrativeStatus",
            "normativeAuthorization",
        }:
            status = "".join(child.itertext()).replace("-", "").replace(" ", "").lower()
            if status.startswith(_DISCOURAGED):
                return True
    return False


def _base(tag: str) -> str:
    return tag.replace("_", "-").split("-")[0].lower()


def _alternatives(cell: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in cell.split("|") if a.strip())

"""Quotation marks and apostrophes in the locale's typography.

The marks come from CLDR's `delimiters` (shipped in `editqa/resources/cldr`, from npm's
`cldr-misc-full`, under the Unicode licence, because Babel does not include them): “…” and
‘…’ in English, «…» and „…“ in Russian, „…“ and ‚…‘ in German, «…» in French. `[style]
quotes` chooses: `locale` (the default outside English; straight quotes are flagged too), `any`
(the English default: only marks foreign to the language are flagged, such as «…» or „…“ in
English text), or a pair such as «» that replaces the locale's first-level marks.

`check: marks` flags a quotation whose marks are neither the locale's primary nor its
alternate pair (nor one of the pairs listed in `also`, such as German »…«), suggesting the
primary pair; `inner_space` (`nbsp`, `narrow` or `none`) is the
space the locale wants inside the marks (French « … »), also checked on correct marks.
`check: apostrophe` flags a straight apostrophe between letters (l'homme -> l’homme) when the
house style is `locale`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from editqa.errors import RuleError
from editqa.rules.types import CodeType, Verdict, choice

if TYPE_CHECKING:
    from editqa.checks.base import CheckContext

_BLANKS = " \u00a0\u202f"
INNER_SPACES = {"none": "", "nbsp": "\u00a0", "narrow": "\u202f"}
# (opening, closing) marks a quotation may be written with, in any language
PAIRS = {
    '"': '"',
    "“": "”",
    "„": "“”",
    "«": "»",
    "»": "«",
    "‹": "›",
    "”": "”",
    "‚": "‘’",
}
_OPENERS = "".join(PAIRS)
_CLOSERS = "".join(sorted(set("".join(PAIRS.values()))))


@lru_cache(maxsize=1)
def _delimiters() -> dict[str, list[str]]:
    path = resources.files("editqa") / "resources" / "cldr" / "delimiters.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return dict(data["delimiters"])


@lru_cache(maxsize=64)
def locale_quotes(tag: str) -> tuple[str, str, str, str]:
    """(open, close, alternate open, alternate close) of a language tag, from CLDR."""
    table = _delimiters()
    marks = table.get(tag) or table.get(tag.split("-")[0]) or table["en"]
    return marks[0], marks[1], marks[2], marks[3]


def house_quotes(tag: str, style: str) -> tuple[str, str, str, str]:
    qs, qe, aqs, aqe = locale_quotes(tag)
    if len(style) == 2:  # a house pair such as «» (validated against PAIRS)
        return style[0], style[1], aqs, aqe
    return qs, qe, aqs, aqe


class Quotes(CodeType):
    name = "quotes"
    allowed = frozenset({"check", "inner_space", "also"})
    fields = frozenset({"match", "suggestion", "open", "close", "language"})

    def pattern(self, where: str, options: Mapping[str, Any]) -> str:
        check = choice(where, options, "check", ("marks", "apostrophe"), "")
        choice(where, options, "inner_space", INNER_SPACES, "none")
        also = options.get("also", [])
        if not isinstance(also, list) or not all(
            isinstance(p, str) and len(p) == 2 and p[0] in PAIRS and p[1] in PAIRS[p[0]]
            for p in also
        ):
            raise RuleError(f"{where} 'also' must list pairs of quotation marks such as '»«'")
        if check == "apostrophe":
            return r"(?=')(?<=\p{L})'(?=\p{L})"
        opener = f"[{_OPENERS}]"
        closer = f"[{_CLOSERS}]"
        # an opening mark after a space, bracket or dash; the closing mark before anything
        # that is not a letter or digit; no line break and at most 300 characters between
        return (
            rf"(?<![\w{_CLOSERS}{_OPENERS}])(?P<open>{opener})(?P<inner>[^\n\"“”„«»‹›‚]{{1,300}}?)"
            rf"(?P<close>{closer})(?![\w])"
        )

    def active(self, options: Mapping[str, Any], ctx: CheckContext) -> bool:
        return options["check"] == "marks" or ctx.style.quotes != "any"

    def judge(self, options: Mapping[str, Any], m: Any, ctx: CheckContext) -> Verdict | None:
        style = ctx.style.quotes
        qs, qe, aqs, aqe = house_quotes(ctx.language, style)
        fields = {"open": qs, "close": qe, "language": ctx.language}
        if options["check"] == "apostrophe":
            return ("’", fields) if style != "any" else None
        open_, close, inner = m.group("open"), m.group("close"), m.group("inner")
        if close not in PAIRS[open_]:
            return None  # not a pair: two quotations' marks, or an apostrophe
        core = inner.strip(" \u00a0\u202f")
        if not core or core != core.strip():
            return None
        space = INNER_SPACES[options.get("inner_space", "none")]
        right = (open_, close) in ((qs, qe), (aqs, aqe)) or open_ + close in options.get("also", ())
        if open_ == '"' and style == "any":
            return None
        if right or (style == "any" and _native(open_, close)):
            if (open_, close) != (qs, qe):
                return None
            spaced = inner[0] in _BLANKS and inner[-1] in _BLANKS
            if (space and spaced) or (not space and inner == core):
                return None
        if qs != qe and _inside(ctx.document.text, m.start(), qs, qe):
            # a quotation inside a quotation takes the second-level marks: «… „Север“ …»
            return f"{aqs}{core}{aqe}", fields | {"open": aqs, "close": aqe}
        return f"{qs}{space}{core}{space}{qe}", fields


def _inside(text: str, at: int, qs: str, qe: str) -> bool:
    """Whether `at` lies inside a quotation opened with `qs` earlier on its line."""
    line = text[text.rfind("\n", 0, at) + 1 : at]
    return line.count(qs) > line.count(qe)


def _native(open_: str, close: str) -> bool:
    """English-style curly quotes are accepted anywhere `any` is the style."""
    return (open_, close) in (("“", "”"), ("‘", "’"))


TYPES: tuple[CodeType, ...] = (Quotes(),)

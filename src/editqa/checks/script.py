"""Words that mix Latin and Cyrillic letters ("Bаnk" with a Cyrillic "а").

Such words look right but break search, sorting and spell checking; they come from keyboard
layout switches, OCR and copy-and-paste. When every letter of the minority script has a
look-alike in the majority script, the fix (retyping those letters) is certain and `safe`.
A check in code rather than a YAML pattern because it judges each distinct word once, which a
regex over every letter of the text cannot do cheaply.

Deliberately ignored: words wholly in one script (the `*.script.*` rules report foreign
words), hyphenated parts in different scripts ("IT-компания"), code and URLs, code blocks.
"""

from __future__ import annotations

from collections.abc import Iterator

from editqa.checks.base import CheckContext
from editqa.model import BlockKind, Category, Finding, FixSafety, Severity
from editqa.text.lang import CYRILLIC_LANGUAGES, base

# Latin letter -> Cyrillic look-alike, and back.
_LATIN_TO_CYRILLIC = dict(zip("aceopxyABCEHKMOPTXYi", "асеорхуАВСЕНКМОРТХУі", strict=True))
_CYRILLIC_TO_LATIN = {c: lat for lat, c in _LATIN_TO_CYRILLIC.items()}


def script_of(ch: str) -> str | None:
    """'latin', 'cyrillic' or None for a character of neither (digits, marks, other)."""
    if "a" <= ch.lower() <= "z" or "\u00c0" <= ch <= "\u024f":
        return "latin" if ch.isalpha() else None
    if "\u0400" <= ch <= "\u052f":
        return "cyrillic"
    return None


class MixedScriptCheck:
    name = "script"

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        default = "cyrillic" if base(ctx.language) in CYRILLIC_LANGUAGES else "latin"
        verdicts: dict[str, tuple[str, tuple[str, ...], str] | None] = {}
        blocks = ctx.document.blocks
        for tok in ctx.segmentation.tokens:
            offset = tok.start
            for part in tok.text.split("-"):
                start, offset = offset, offset + len(part) + 1
                if part not in verdicts:
                    verdicts[part] = _judge(part, default)
                verdict = verdicts[part]
                if verdict is None or blocks[tok.block].kind is BlockKind.CODE:
                    continue
                if ctx.scopes.non_prose.overlaps(start, start + len(part)):
                    continue
                message, suggestions, _ = verdict
                yield ctx.finding(
                    rule_id="script.mixed-word",
                    source="script",
                    category=Category.TYPOGRAPHICAL,
                    severity=Severity.ERROR,
                    message=message,
                    start=start,
                    end=start + len(part),
                    suggestions=suggestions,
                    fix_safety=FixSafety.SAFE,
                )


def _judge(word: str, default: str) -> tuple[str, tuple[str, ...], str] | None:
    scripts = [script_of(ch) for ch in word]
    latin, cyrillic = scripts.count("latin"), scripts.count("cyrillic")
    if not latin or not cyrillic:
        return None
    main = "latin" if latin > cyrillic else "cyrillic" if cyrillic > latin else default
    minority = "cyrillic" if main == "latin" else "latin"
    table = _CYRILLIC_TO_LATIN if main == "latin" else _LATIN_TO_CYRILLIC
    strays = [ch for ch, s in zip(word, scripts, strict=True) if s == minority]
    message = (
        f"'{word}' mixes Latin and Cyrillic letters ({minority} "
        f"{', '.join(repr(c) for c in dict.fromkeys(strays))}); retype it in {main} letters."
    )
    if all(ch in table for ch in strays):
        fixed = "".join(
            table.get(ch, ch) if s == minority else ch for ch, s in zip(word, scripts, strict=True)
        )
        return message, (fixed,), main
    return message, (), main

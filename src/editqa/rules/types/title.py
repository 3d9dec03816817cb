"""Headline conventions for the title block (the house style's `headline_*` keys).

`title` takes `check:`
- `length`: a headline longer than `[style] headline_max_chars` (80 by default; 0 turns it
  off). No fix: shortening is the editor's call.
- `final-stop`: a headline ending in a full stop (not an ellipsis, nor after a word of three
  letters or fewer, which may be an abbreviation: "Inc.", "usw.", "г.").
- `case`: a headline in the wrong case for `[style] headline_case` (`sentence`, `title` or
  `title-chicago`: every word but the `minor` ones capitalised, or `title-ap`: minor words of
  four letters or more capitalised too, "Deal Reached With Unions"). In `sentence` case,
  most words that are not names are capitalised (a name: a word the dictionary knows only
  capitalised, or a word the body writes capitalised after a lower-case word, as in "the
  Senate", "à Nice"); with `evidence: body` (German, where "Anstieg" is a noun and
  "anstieg" a verb) only `minor` words and words the body writes in lower case count; in `title` case, most words that are not `minor`
  are lower case. The fix recases the headline.
- `tense`: (English) a past-tense verb with an object in a news headline when the house style
  wants the present (`[style] headline_tense`): "Ministers summed up results" -> "sum up".
  Regular verbs are recognised by their -ed form and the dictionary, irregular ones by the
  rule's `irregular` table. A verb after one of `auxiliaries` ("was signed") is left alone;
  so is one not followed (possibly after a particle) by an object: one of `objects`, a
  figure or amount, or, with `followers` (the prepositions a passive participle takes),
  any lower-case word other than those ("Man injured in crash" is a passive).
- `numerals`: a small number spelled out in the headline where figures are the style
  ("Two men" -> "2 men"); `names` lists the number words from zero.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from editqa.errors import RuleError
from editqa.model import BlockKind
from editqa.rules.types import CodeType, Hit, choice, word_list

if TYPE_CHECKING:
    from editqa.checks.base import CheckContext
    from editqa.model import Block

CHECKS = ("length", "final-stop", "case", "tense", "numerals")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
SHARE = 0.6  # of the words that could be cased either way, in the wrong case


class Title(CodeType):
    name = "title"
    allowed = frozenset(
        {
            "check",
            "minor",
            "evidence",
            "irregular",
            "auxiliaries",
            "objects",
            "particles",
            "followers",
            "names",
        }
    )
    fields = frozenset({"match", "suggestion", "length", "max", "case", "verb"})
    whole_document = True

    def pattern(self, where: str, options: Mapping[str, Any]) -> str:
        check = choice(where, options, "check", CHECKS, "")
        if check == "case":
            word_list(where, options, "minor")
            choice(where, options, "evidence", ("dictionary", "body"), "dictionary")
        if check == "numerals":
            word_list(where, options, "names")
        if check == "tense":
            irregular = options.get("irregular")
            if not isinstance(irregular, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in irregular.items()
            ):
                raise RuleError(f"{where} 'irregular' must map past forms to verbs")
            for key in ("auxiliaries", "objects", "particles"):
                word_list(where, options, key)
            word_list(where, options, "followers", required=False)
        return super().pattern(where, options)

    def scan(
        self, ctx: CheckContext, options: Mapping[str, Any], blocks: list[Block]
    ) -> Iterable[Hit]:
        check = options["check"]
        for block in blocks:
            if block.kind is not BlockKind.TITLE:
                continue
            start, end = block.start, block.end
            text = ctx.document.text[start:end]
            if check == "length":
                limit = ctx.style.headline_max_chars
                if limit and len(text) > limit:
                    yield start, end, None, {"length": str(len(text)), "max": str(limit)}
            elif check == "final-stop":
                if _final_stop(text):
                    yield end - 1, end, "", {}
            elif check == "case":
                hit = _case(ctx, options, text)
                if hit is not None:
                    yield start, end, hit[0], {"case": hit[1]}
            elif check == "tense":
                if ctx.style.headline_tense == "present":
                    for s, e, verb in _past_verbs(ctx, options, text):
                        yield start + s, start + e, verb, {"verb": verb}
            elif check == "numerals":
                names = [n.lower() for n in options["names"]]
                for m in _WORD.finditer(text):
                    value = names.index(m.group().lower()) if m.group().lower() in names else -1
                    if value >= 2:
                        yield start + m.start(), start + m.end(), str(value), {}


def _final_stop(text: str) -> bool:
    if not text.endswith(".") or text.endswith(".."):
        return False
    last = text.split()[-1]
    # "Inc.", "U.S.", "usw.", "г.": an abbreviation's dot stays
    return "." not in last[:-1] and len(last) > 4


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def _case(ctx: CheckContext, options: Mapping[str, Any], text: str) -> tuple[str, str] | None:
    style = ctx.style.headline_case
    if style == "any":
        return None
    lex = ctx.runtime.lexicon(ctx.language)
    minor = {w.lower() for w in options["minor"]}
    if style == "title-ap":  # AP capitalises every word of four letters or more ("With")
        minor = {w for w in minor if len(w) <= 3}
    words = _words(text)
    if len(words) < 3:
        return None
    starts = {0} | {
        i + 1
        for i, w in enumerate(words[:-1])
        if text[w.end() : words[i + 1].start()].strip(" ") in (":", "—", "–", "-", '"', "“", "«")
    }
    changes: list[tuple[re.Match[str], str]] = []
    either = 0
    names = _body_names(ctx)
    body_only = options.get("evidence") == "body"
    for i, w in enumerate(words):
        word = w.group()
        if i in starts or (word.isupper() and len(word) > 1) or not lex.available:
            continue
        lower = word.lower()
        if not lex.known_common(lower):
            continue  # a name, or a word the dictionary only knows capitalised (German nouns)
        if word[0].isupper() and word in names:
            continue  # a name that is also a word: "Nice", "Senate" as the body writes it
        if body_only and lower not in minor and lower not in _body_lower(ctx):
            continue  # German "Anstieg" (noun) or "anstieg" (verb): only the body can tell
        if style == "sentence":
            either += 1
            if word[0].isupper():
                changes.append((w, lower))
        elif lower not in minor or i == len(words) - 1:
            either += 1
            if word[0].islower():
                changes.append((w, word[0].upper() + word[1:]))
    if len(changes) < 2 or len(changes) < SHARE * either:
        return None
    out = text
    for w, new in reversed(changes):
        out = out[: w.start()] + new + out[w.end() :]
    labels = {"sentence": "sentence case", "title-ap": "AP title case"}
    return out, labels.get(style, "title case")


def _body_lower(ctx: CheckContext) -> frozenset[str]:
    """The words the body writes in lower case."""
    words = ctx.shared.get("title.body-lower")
    if words is None:
        import regex

        text = ctx.document.text
        words = frozenset(
            m.group()
            for b in ctx.document.blocks
            if b.kind is BlockKind.PARAGRAPH
            for m in regex.finditer(r"(?<![\w-])\p{Ll}[\p{L}'’-]*", text, pos=b.start, endpos=b.end)
        )
        ctx.shared["title.body-lower"] = words
    return words


def _body_names(ctx: CheckContext) -> frozenset[str]:
    """Capitalised words the body writes capitalised after a lower-case word or a comma,
    where only names are: "the Senate", "in Valencia"."""
    names = ctx.shared.get("title.body-names")
    if names is None:
        import regex

        text = ctx.document.text
        body = [(b.start, b.end) for b in ctx.document.blocks if b.kind is BlockKind.PARAGRAPH]
        found = {
            m.group()
            for lo, hi in body
            for m in regex.finditer(r"(?<=[\p{Ll},;] )\p{Lu}\p{Ll}+", text, pos=lo, endpos=hi)
        }
        names = ctx.shared["title.body-names"] = frozenset(found)
    return names


def _past_verbs(
    ctx: CheckContext, options: Mapping[str, Any], text: str
) -> Iterable[tuple[int, int, str]]:
    lex = ctx.runtime.lexicon(ctx.language)
    irregular = {k.lower(): v for k, v in options["irregular"].items()}
    aux = {w.lower() for w in options["auxiliaries"]}
    objects = {w.lower() for w in options["objects"]}
    particles = {w.lower() for w in options["particles"]}
    followers = {w.lower() for w in options.get("followers", ())}
    words = _words(text)
    for i, w in enumerate(words):
        word = w.group()
        if i == 0 or not word.islower():
            continue
        present = irregular.get(word) or (_regular_base(word, lex) if word.endswith("ed") else None)
        if present is None:
            continue
        before = words[i - 1].group().lower()
        if before in aux or before == "to":
            continue
        rest = text[w.end() :].split()[:2]
        if rest and rest[0].lower() in particles:
            rest = rest[1:]
        if not rest or not _object_follows(rest[0], objects, followers):
            continue
        subject = [x.group() for x in words[:i]]
        plural = "and" in subject or _plural(subject[-1])
        yield w.start(), w.end(), present if plural else _third_person(present)
        return  # one verb per headline


def _object_follows(token: str, objects: set[str], followers: set[str]) -> bool:
    """Whether the token after a past form shows an active verb with its object: a word of
    `objects` ("the", "deal"), a figure or an amount ("£2bn"), or, when `followers` are
    given, any lower-case word that is neither one of them (the prepositions a passive
    participle takes: "injured in", "signed by") nor an adverb in -ly."""
    if not token[:1].isalnum() and token[:1] not in "£$€¥₽":
        return False  # "Woman killed, two injured": punctuation ends the clause
    word = token.strip(",;:.!?\"'“”‘’()").lower()
    if word in objects or word[0].isdigit() or word[0] in "£$€¥₽":
        return True
    return (
        bool(followers)
        and token[:1].islower()
        and word not in followers
        and not word.endswith("ly")
    )


def _regular_base(word: str, lex: Any) -> str | None:
    """The verb of a regular past form the dictionary knows: tried -> try, agreed -> agree,
    summed -> sum, signed -> sign."""
    if len(word) < 5 or not lex.known_common(word):
        return None
    candidates = [word[:-3] + "y"] if word.endswith("ied") else []
    candidates.append(word[:-1])
    if word[-3] == word[-4]:
        candidates.append(word[:-3])
    candidates.append(word[:-2])
    return next((c for c in candidates if lex.known_common(c)), None)


def _plural(word: str) -> bool:
    low = word.lower()
    if low in ("they", "we", "you", "i", "people", "police", "men", "women", "children"):
        return True
    return low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s"))


def _third_person(verb: str) -> str:
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


TYPES: tuple[CodeType, ...] = (Title(),)

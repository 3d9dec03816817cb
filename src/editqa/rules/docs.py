"""The rule catalogue as Markdown (`editqa rules list --format md`, pasted into the README)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from editqa.rules.schema import Rule

_FIELD = re.compile(r"\{\w+\}")


def _summary(rule: Rule) -> str:
    """The first sentence of the description, else the message, fit for a table cell."""
    text = " ".join((rule.description or rule.message).split())
    end = text.find(". ")
    if end != -1:
        text = text[: end + 1]
    return _FIELD.sub("…", text).replace("|", "\\|")


def rules_markdown(rules: Iterable[Rule]) -> str:
    """One table row per rule, grouped under the first part of the id (the language)."""
    out: list[str] = []
    group = None
    for rule in rules:
        head = rule.id.split(".")[0]
        if head != group:
            group = head
            if out:
                out.append("")
            out.append(f"#### {head}")
            out.append("")
            out.append("| rule | type | languages | severity | fix | what it checks |")
            out.append("|---|---|---|---|---|---|")
        langs = ", ".join(rule.languages)
        out.append(
            f"| `{rule.id}` | {rule.type.value} | {langs} | {rule.severity.value} | "
            f"{rule.fix.value} | {_summary(rule)} |"
        )
    return "\n".join(out) + "\n"

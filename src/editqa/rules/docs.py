"""The rule catalogue as Markdown (`editqa rules list --format md`, pasted into the README)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from editqa.rules.schema import Rule

_FIELD = re.compile(r"\{\w+\}")
# a full stop that ends a sentence, not "e.g." or "i.e."
_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)\.(?= [A-Z(\"“])")


def _summary(rule: Rule) -> str:
    """The first sentence of the description, else the message, fit for a table cell."""
    text = " ".join((rule.description or rule.message).split())
    end = next((m.start() for m in _SENTENCE_END.finditer(text)), -1)
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


BEGIN = "<!-- rules:begin -->\n"
END = "<!-- rules:end -->"


def update_readme(path: str) -> bool:
    """Replace the catalogue between the markers in `path`; True when it changed."""
    from pathlib import Path

    from editqa.rules.loader import load_rules

    file = Path(path)
    text = file.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        raise SystemExit(f"{path}: no '{BEGIN.strip()}' ... '{END}' markers to fill")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    table = rules_markdown(sorted(load_rules(()).rules, key=lambda r: r.id))
    new = f"{head}{BEGIN}{table}{END}{tail}"
    if new != text:
        file.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    import sys

    changed = update_readme(sys.argv[1] if len(sys.argv) > 1 else "README.md")
    print("README rule catalogue " + ("updated" if changed else "already current"))

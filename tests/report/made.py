"""Findings made by hand for the reporters' tests."""

from __future__ import annotations

from editqa.model import Category, Finding, Severity


def finding(
    source: str, needle: str, severity: Severity, rule_id: str = "en.test.rule", **kw: object
) -> Finding:
    """A finding on the first `needle` of `source`."""
    start = source.index(needle)
    fields: dict[str, object] = {
        "rule_id": rule_id,
        "source": "rules",
        "category": Category.STYLE,
        "severity": severity,
        "message": f"Avoid {needle!r}.",
        "start": start,
        "end": start + len(needle),
        "text": needle,
    }
    fields |= kw
    return Finding(**fields)  # type: ignore[arg-type]

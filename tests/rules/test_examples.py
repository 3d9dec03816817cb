"""Every built-in rule's embedded examples, one test each."""

from __future__ import annotations

import pytest

from editqa.rules.examples import run_example
from editqa.rules.loader import load_rules
from editqa.runtime import Runtime

RULES = load_rules(())
CASES = [(r, e) for r in RULES.rules for e in r.examples]


@pytest.mark.parametrize(
    ("rule", "example"),
    CASES,
    ids=[f"{r.id}:{e.line}" for r, e in CASES],
)
def test_example(runtime: Runtime, rule: object, example: object) -> None:
    assert run_example(rule, example, runtime) == []  # type: ignore[arg-type]

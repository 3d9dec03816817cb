"""Fixing whole texts: rounds, idempotence, text outside fixed spans, arbitrary input."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editqa.api import build_checks, fix_document
from editqa.config import GrammarSettings, Options
from editqa.document.loader import load_text
from editqa.fixes.apply import apply_edits
from editqa.fixes.diff import DELETE, INSERT, annotated_diff, word_diff
from editqa.fixes.resolve import resolve
from editqa.runtime import Runtime

OPTIONS = Options(grammar=GrammarSettings(mode="off", lt_server=None))
SEED_LIKE = (
    "The mayor reminded that the bridge , closed in May, cost 2,5 million pounds.\n\n"
    "The Finance Minster said the the work was done.\n"
)


@pytest.fixture(scope="module")
def fixer(runtime: Runtime):  # type: ignore[no-untyped-def]
    checks = build_checks(runtime, OPTIONS.active_checks())

    def run(text: str, unsafe: bool = False, lang: str | None = "en-GB"):  # type: ignore[no-untyped-def]
        return fix_document(load_text(text), runtime, checks, lang, unsafe=unsafe)

    return run


def test_only_safe_fixes_by_default(fixer) -> None:  # type: ignore[no-untyped-def]
    r = fixer(SEED_LIKE)
    assert r.fixed == SEED_LIKE.replace("bridge ,", "bridge,")
    assert [f.rule_id for f in r.applied] == ["en.typography.space-before-punctuation"]


def test_unsafe_applies_the_suggestions_too(fixer) -> None:  # type: ignore[no-untyped-def]
    r = fixer(SEED_LIKE, unsafe=True)
    assert r.fixed == (
        "The mayor recalled that the bridge, closed in May, cost 2.5 million pounds.\n\n"
        "The Finance Minister said the work was done.\n"
    )
    assert r.stopped is None


def test_fix_is_idempotent_on_samples(fixer) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import REPO

    for sample in sorted((REPO / "samples").glob("*.txt")):
        text = sample.read_text(encoding="utf-8")
        for unsafe in (False, True):
            once = fixer(text, unsafe).fixed
            assert fixer(once, unsafe).fixed == once, sample.name


def test_annotated_diff_ties_changes_to_findings(fixer) -> None:  # type: ignore[no-untyped-def]
    r = fixer("The Finance Minster met the mayor of Tver.\n", unsafe=True)
    pieces = annotated_diff(r.original, r.fixed, r.findings)
    changed = [(p.op, p.text, [f.rule_id for f in p.findings]) for p in pieces if p.op != "equal"]
    assert changed == [
        (DELETE, "Minster", ["en.confusion.minister"]),
        (INSERT, "Minister", ["en.confusion.minister"]),
    ]
    assert "".join(p.text for p in pieces if p.op != INSERT) == r.original


words = st.lists(
    st.sampled_from(
        [
            "the",
            "the",
            "Minster",
            "of",
            "1,5",
            "million",
            " ,",
            "  ",
            "Kazakhsktan",
            "Bаnk",
            "reminded",
            "that",
            "\n\n",
            "Kazakhstan",
            "é",
            "🎉",
            "ВКонтакте",
        ]
    ),
    max_size=30,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(words)
def test_text_outside_fixed_spans_is_unchanged(fixer, parts: list[str]) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(parts)
    r = fixer(text, unsafe=True)
    # one round: the chosen edits do not overlap, and the text between them is untouched
    resolution = resolve(r.findings, unsafe=True)
    edits = resolution.edits
    assert all(a.end <= b.start for a, b in itertools.pairwise(edits))
    pos, rebuilt = 0, []
    for e in edits:
        rebuilt += [text[pos : e.start], e.replacement]
        pos = e.end
    assert apply_edits(text, edits) == "".join([*rebuilt, text[pos:]])
    # all rounds: the word diff accounts for every character of the original
    assert "".join(t for op, t in word_diff(r.original, r.fixed) if op != INSERT) == text
    if r.stopped is None:
        assert fixer(r.fixed, unsafe=True).fixed == r.fixed


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_crashes(fixer, text: str) -> None:  # type: ignore[no-untyped-def]
    r = fixer(text, unsafe=True, lang=None)
    assert isinstance(r.fixed, str)

"""Harper, tested for real."""

from __future__ import annotations

from editqa.api import build_checks, check_document
from editqa.checks.harper import HarperBackend, dialect_name
from editqa.config import GrammarSettings
from editqa.document.loader import load_text
from editqa.model import Category
from editqa.runtime import Runtime
from editqa.text.words import WordList


def harper_runtime(**settings: object) -> Runtime:
    return Runtime(
        words=WordList.of(["frobnicate"]),
        grammar=GrammarSettings(mode="harper", **settings),  # type: ignore[arg-type]
    )


def run(runtime: Runtime, text: str, lang: str = "en-GB", checks=("spelling", "grammar")):  # type: ignore[no-untyped-def]
    return check_document(load_text(text), runtime, build_checks(runtime, checks), lang)


def test_grammar_findings_with_kinds_categories_and_suggestion_kinds() -> None:
    rt = harper_runtime()
    result = run(rt, "Its a good idea, the mayor said.", "en-US")
    (f,) = result.findings
    assert (f.rule_id, f.source, f.text) == ("harper.ItsContraction", "harper", "Its")
    assert f.category is Category.TYPOGRAPHICAL  # Harper files it under Punctuation
    assert f.suggestions[0] == "It's" and f.suggestion_kinds[0] == "replace"


def test_remove_suggestions_are_kept_as_such() -> None:
    rt = harper_runtime()
    result = run(rt, "The mayor spoke , and left.", "en-US", checks=("grammar",))
    (f,) = [f for f in result.findings if f.source == "harper"]
    assert f.suggestions == ("",) and f.suggestion_kinds == ("remove",)


def test_one_linter_per_dialect_per_process() -> None:
    rt = harper_runtime()
    backend = rt.grammar_backends()[0]
    assert isinstance(backend, HarperBackend)
    run(rt, "Its late.", "en-GB")
    first = backend.linter("en-GB")
    run(rt, "Its later.", "en-GB")
    assert backend.linter("en-GB") is first
    assert backend.linter("en-IE") is first  # Irish English is checked as British
    assert dialect_name("en-AU") == "AUSTRALIAN" and dialect_name("en") == "AMERICAN"


def test_british_spellings_are_not_flagged_when_harper_owns_spelling() -> None:
    rt = harper_runtime(spelling_engine="harper")
    text = "The defence centre will organise a colour programme. They recieve frobnicate."
    result = run(rt, text, "en-GB", checks=("grammar",))
    assert [f.text for f in result.findings if f.category is Category.MISSPELLING] == ["recieve"]


def test_project_words_and_accepted_names_reach_harper() -> None:
    rt = harper_runtime()
    run(rt, "Minister Tasmagambetov spoke. Tasmagambetov left early.", "en-GB")
    words = rt.grammar_backends()[0].linter("en-GB").export_words()  # type: ignore[attr-defined]
    assert "frobnicate" in words and "Tasmagambetov" in words


def test_other_languages_get_one_notice_per_run() -> None:
    rt = harper_runtime()
    for _ in range(3):
        run(rt, "Der Bürgermeister sprach lange.", "de")
    (notice,) = rt.notices.take()
    assert "no grammar engine checks 'de'" in notice

"""The LanguageTool adapter against a loopback server speaking LanguageTool's /v2 API, and
live against $EDITQA_LT_SERVER when it is set."""

from __future__ import annotations

import os
import socket

import pytest

from editqa.api import build_checks, check_document, check_text
from editqa.checks.languagetool import chunks, utf16_to_codepoints
from editqa.config import GrammarSettings, Options
from editqa.document.loader import load_text
from editqa.model import Category, FileResult
from editqa.runtime import Runtime
from tests.checks.lt_server import FakeLanguageTool


def lt_check(
    text: str, url: str, *, lang: str = "en-US", chunk_chars: int | None = None, **settings: object
) -> tuple[FileResult, list[str], Runtime]:
    grammar = GrammarSettings(mode="languagetool", lt_server=url, **settings)  # type: ignore[arg-type]
    runtime = Runtime(grammar=grammar)
    if chunk_chars is not None:
        runtime.grammar_backends()[0].chunk_chars = chunk_chars  # type: ignore[attr-defined]
    checks = build_checks(runtime, ("grammar",))
    result = check_document(load_text(text), runtime, checks, lang)
    return result, runtime.notices.take(), runtime


def found(result: FileResult) -> list[tuple[str, str, str]]:
    return [(f.rule_id, f.text, f.suggestions[0] if f.suggestions else "") for f in result.findings]


def test_several_matches_with_categories_and_suggestions() -> None:
    with FakeLanguageTool() as lt:
        result, notices, _ = lt_check("This is a error. It is very unique.", lt.url)
    assert notices == []
    assert found(result) == [
        ("languagetool.EN_A_VS_AN", "a error", "an error"),
        ("languagetool.VERY_UNIQUE", "very unique", "unique"),
    ]
    assert [f.category for f in result.findings] == [Category.GRAMMAR, Category.STYLE]
    assert result.findings[0].source == "languagetool"


def test_utf16_offsets_after_emoji_become_code_points() -> None:
    text = "🎉🎉 Party news 🎉 today.\n\nThis is a error, said 👩‍👩‍👧 the mayor.\n"
    with FakeLanguageTool() as lt:
        result, _, _ = lt_check(text, lt.url)
    (f,) = result.findings
    assert text[f.start : f.end] == "a error" and f.text == "a error"


def test_long_documents_go_in_chunks_at_paragraph_boundaries() -> None:
    paragraphs = [f"Paragraph {i} 🎉 has a error in it." for i in range(6)]
    text = "\n\n".join(paragraphs) + "\n"
    with FakeLanguageTool() as lt:
        result, _, _ = lt_check(text, lt.url, chunk_chars=80)
        sent = [r["text"] for r in lt.requests]
    assert len(sent) == 3
    assert all(s.strip().startswith("Paragraph") for s in sent)
    assert [text[f.start : f.end] for f in result.findings] == ["a error"] * 6
    assert len({f.start for f in result.findings}) == 6


def test_request_carries_language_mother_tongue_rules_and_level() -> None:
    with FakeLanguageTool() as lt:
        lt_check(
            "This is a error.",
            lt.url,
            lang="en-GB",
            mother_tongue="ru",
            lt_enabled_rules=("A", "B"),
            lt_disabled_rules=("C",),
            lt_disabled_categories=("STYLE",),
            lt_picky=True,
        )
        (form,) = lt.requests
    assert form["language"] == "en-GB" and form["motherTongue"] == "ru-RU"
    assert form["enabledRules"] == "A,B" and form["disabledRules"] == "C"
    assert form["disabledCategories"] == "STYLE" and form["level"] == "picky"


def test_spelling_matches_are_kept_only_when_languagetool_owns_spelling() -> None:
    with FakeLanguageTool() as lt:
        kept, _, _ = lt_check("I saw teh cat.", lt.url)
        owned, _, _ = lt_check("I saw teh cat.", lt.url, spelling_engine="languagetool")
    assert kept.findings == ()
    assert found(owned) == [("languagetool.MORFOLOGIK_RULE_EN_US", "teh", "the")]
    assert owned.findings[0].category is Category.MISSPELLING


@pytest.mark.parametrize(
    ("status", "words"), [(413, "HTTP 413"), (500, "HTTP 500"), (503, "HTTP 503")]
)
def test_error_statuses_become_one_notice(status: int, words: str) -> None:
    with FakeLanguageTool() as lt:
        lt.status = status
        grammar = GrammarSettings(mode="languagetool", lt_server=lt.url)
        runtime = Runtime(grammar=grammar)
        checks = build_checks(runtime, ("grammar",))
        for _ in range(3):
            result = check_document(load_text("This is a error."), runtime, checks, "en-US")
            assert result.findings == ()
        (notice,) = runtime.notices.take()
    assert words in notice and "skipped" in notice


def test_a_refused_connection_is_a_notice_and_auto_falls_back_to_harper() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed once the block ends: nobody listens there
    url = f"http://127.0.0.1:{port}"
    result, notices, _ = lt_check("This is a error.", url)
    assert result.findings == () and "Connection refused" in notices[0]
    auto = Options(grammar=GrammarSettings(mode="auto", lt_server=url))
    result = check_text("Its a good idea, the mayor said.", options=auto, lang="en-US")
    assert [f.rule_id for f in result.findings] == ["harper.ItsContraction"]


def test_a_slow_server_times_out_into_a_notice() -> None:
    with FakeLanguageTool() as lt:
        lt.stall = 1.0
        result, notices, _ = lt_check("This is a error.", lt.url, lt_timeout=0.2)
    assert result.findings == () and "did not answer within 0.2 s" in notices[0]


def test_unsupported_language_is_a_notice() -> None:
    with FakeLanguageTool() as lt:
        result, notices, _ = lt_check("Ceci est une erreur.", lt.url, lang="fr")
    assert result.findings == () and "no grammar engine checks 'fr'" in notices[0]


def test_chunking_and_utf16_helpers() -> None:
    text = "aaaa\n\nbbbb\n\ncccc"
    assert chunks(text, [(0, 4), (6, 10), (12, 16)], 10) == [
        type(chunks(text, [(0, 4)], 10)[0])(0, 10),
        type(chunks(text, [(0, 4)], 10)[0])(12, 16),
    ]
    assert utf16_to_codepoints("abc") is None
    assert utf16_to_codepoints("a🎉b") == [0, 1, 1, 2, 3]


LIVE = os.environ.get("EDITQA_LT_SERVER")


@pytest.mark.skipif(not LIVE, reason="EDITQA_LT_SERVER is not set: no LanguageTool server to test")
def test_live_server() -> None:
    grammar = GrammarSettings(mode="languagetool", lt_server=LIVE)
    result = check_text(
        "This are a sentence with a error in it.", options=Options(grammar=grammar), lang="en-US"
    )
    assert any(f.source == "languagetool" for f in result.findings)

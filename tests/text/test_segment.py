from __future__ import annotations

from editqa.document.loader import load_text
from editqa.text.scopes import find_scopes
from editqa.text.segment import TokenKind, segment


def tokens(text: str) -> list[tuple[str, TokenKind, bool]]:
    doc = load_text(text)
    return [(t.text, t.kind, t.sentence_initial) for t in segment(doc.text, doc.blocks).tokens]


def test_kinds_and_sentence_starts() -> None:
    got = tokens("The S-300 arrived. Then node2 and 1,600 units left! snake_case stays.")
    assert ("The", TokenKind.WORD, True) in got
    assert ("S-300", TokenKind.CODE, False) in got
    assert ("Then", TokenKind.WORD, True) in got
    assert ("node2", TokenKind.CODE, False) in got
    assert ("1", TokenKind.NUMBER, False) in got
    assert ("snake_case", TokenKind.CODE, True) in got


def test_titles_do_not_start_sentences() -> None:
    got = tokens("He met Dr. Novak and Mr. Bell at noon.")
    assert ("Novak", TokenKind.WORD, False) in got
    assert ("Bell", TokenKind.WORD, False) in got


def test_apostrophes_stay_inside_words() -> None:
    assert [t for t, _, _ in tokens("We don’t know. It's fine.")] == [
        "We",
        "don’t",
        "know",
        "It's",
        "fine",
    ]


def test_scopes_cover_urls_emails_code_and_quotes() -> None:
    text = (
        "See https://example.org/a-b, mail ed@example.com or mailto:desk@example.net, run "
        '`git log` and "quoted text".'
    )
    scopes = find_scopes(text)
    for needle in ("example.org", "ed@example.com", "mailto:desk", "git log"):
        i = text.index(needle)
        assert scopes.non_prose.overlaps(i, i + len(needle)), needle
    i = text.index("quoted")
    assert scopes.quoted.overlaps(i, i + 6)
    i = text.index("See")
    assert not scopes.non_prose.overlaps(i, i + 3)

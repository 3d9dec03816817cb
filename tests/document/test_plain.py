from __future__ import annotations

from editqa.document.loader import load_text
from editqa.model import BlockKind

ARTICLE = """\
Home | World | Europe
Menu Search Login Subscribe Newsletter

Bridge reopens after two years of repairs

The old river bridge reopened to traffic on Friday. Engineers replaced
the deck and strengthened the piers.

What comes next

Work on the second bridge starts in spring.

Tags: bridges, transport
Share Tweet Email Print
"""


def kinds(text: str) -> list[tuple[BlockKind, str]]:
    doc = load_text(text)
    return [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]


def test_title_headings_paragraphs_and_debris() -> None:
    got = kinds(ARTICLE)
    assert got[0] == (BlockKind.BOILERPLATE, "Home | World | Europe")
    assert got[1] == (BlockKind.BOILERPLATE, "Menu Search Login Subscribe Newsletter")
    assert got[2] == (BlockKind.TITLE, "Bridge reopens after two years of repairs")
    assert got[3][0] is BlockKind.PARAGRAPH and got[3][1].endswith("piers.")
    assert got[4] == (BlockKind.HEADING, "What comes next")
    assert got[5][0] is BlockKind.PARAGRAPH
    assert [k for k, _ in got[6:]] == [BlockKind.BOILERPLATE, BlockKind.BOILERPLATE]


def test_title_case_headline_is_not_a_menu() -> None:
    got = kinds("Council Votes To Close The Old Library\n\nThe vote was close.\n")
    assert got[0][0] is BlockKind.TITLE
    # no function word at all, right before the first paragraph: still the headline
    got = kinds(
        "Home | News | Sport\n\nRegion Launches €350 Million Water Plan\n\n"
        "The regional council adopted the plan on Thursday.\n"
    )
    assert [k for k, _ in got] == [BlockKind.BOILERPLATE, BlockKind.TITLE, BlockKind.PARAGRAPH]
    # a capitalised line with a menu's separators stays furniture
    got = kinds("Home · News · Sport · Weather\n\nThe council adopted the plan on Thursday.\n")
    assert got[0][0] is BlockKind.BOILERPLATE


def test_plain_text_source_map_is_identity() -> None:
    doc = load_text("Title\n\nBody text here.\n")
    assert doc.text == doc.source
    assert doc.to_source(7, 11) == (7, 11)


def test_text_without_prose_has_a_title_and_paragraphs() -> None:
    got = kinds("Shopping list\n\neggs\nmilk\n")
    assert got[0][0] is BlockKind.TITLE
    assert all(k is BlockKind.PARAGRAPH for k, _ in got[1:])


def test_positions_are_one_based_and_handle_crlf() -> None:
    doc = load_text("ab\r\ncd\n")
    assert doc.position(0) == (1, 1)
    assert doc.position(4) == (2, 1)
    assert doc.position(5) == (2, 2)


def test_a_long_closing_line_is_text_but_widgets_are_debris() -> None:
    text = (
        "Gardener dies at 91\n\nShe grew roses for sixty years.\n\n"
        "Jane Doe, gardener and author, born 2 May 1933; died 1 March 2024\n"
        "Share this on Facebook Share this on X Share this by email\n"
        "Related topics\n"
    )
    got = kinds(text)
    assert got[2] == (
        BlockKind.PARAGRAPH,
        "Jane Doe, gardener and author, born 2 May 1933; died 1 March 2024",
    )
    assert [k for k, _ in got[3:]] == [BlockKind.BOILERPLATE, BlockKind.BOILERPLATE]


def test_a_closing_list_is_a_list_not_debris() -> None:
    got = kinds("Pancakes\n\nYou will need:\n\n- two eggs\n- one cup of flour\n- a pinch of salt\n")
    assert [k for k, _ in got[2:]] == [BlockKind.LIST_ITEM] * 3

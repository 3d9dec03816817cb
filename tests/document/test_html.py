"""HTML extraction: the reader's text, blocks, and an exact map back to the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editqa.cli import main
from editqa.document.extraction import Extraction, default_extractors
from editqa.document.html import extract_html
from editqa.document.loader import expand_paths, load_path
from editqa.model import BlockKind

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Council  budget</title>
<style>p { content: "hidden style"; }</style>
<script>var s = "<p>hidden script</p>";</script>
</head>
<body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<h1>The council adopts <em>its</em> budget</h1>
<p class="lead">The council approved <strong>1,6 million</strong>
   pounds, see <a href="https://example.org/r" title="hidden title">the report</a>.</p>
<!-- a hidden comment -->
<p>Smith &amp; Jones&nbsp;&#8212; caf&eacute;<img src="c.png" alt="hidden alt"></p>
<h1>A later headline</h1>
<h2>Reactions</h2>
<blockquote><p>"We are glad ," the mayor said.</p></blockquote>
<ul><li>first item</li><li>second <b>item</b></li></ul>
<table><tr><th>Year</th><td>2024</td></tr></table>
<pre>
x = 1 ,
  y = 2
</pre>
</body>
</html>
"""


def kinds(ex: Extraction) -> list[tuple[BlockKind, str]]:
    return [(b.kind, ex.text[b.start : b.end]) for b in ex.blocks]


def assert_exact(ex: Extraction, source: str) -> None:
    """Every verbatim piece is the source's own text; blocks are in range, in order."""
    for seg in ex.source_map.segments:
        text = ex.text[seg.text_start : seg.text_start + seg.length]
        assert text == source[seg.source_start : seg.source_start + seg.length]
        assert 0 <= seg.source_start <= len(source)
    starts = [s.text_start for s in ex.source_map.segments]
    assert starts == sorted(starts)
    for b in ex.blocks:
        assert 0 <= b.start < b.end <= len(ex.text)
        assert (
            0 <= ex.source_map.to_source(b.start) <= ex.source_map.to_source(b.end) <= len(source)
        )
    for a, b in zip(ex.blocks, ex.blocks[1:], strict=False):
        assert a.end + 2 == b.start and ex.text[a.end : b.start] == "\n\n"


def test_the_text_is_what_a_reader_sees() -> None:
    ex = extract_html(PAGE)
    assert kinds(ex) == [
        (BlockKind.TITLE, "Council budget"),
        (BlockKind.BOILERPLATE, "Home | News"),
        (BlockKind.TITLE, "The council adopts its budget"),
        (BlockKind.PARAGRAPH, "The council approved 1,6 million pounds, see the report."),
        (BlockKind.PARAGRAPH, "Smith & Jones\u00a0— café"),
        (BlockKind.HEADING, "A later headline"),
        (BlockKind.HEADING, "Reactions"),
        (BlockKind.QUOTE, '"We are glad ," the mayor said.'),
        (BlockKind.LIST_ITEM, "first item"),
        (BlockKind.LIST_ITEM, "second item"),
        (BlockKind.PARAGRAPH, "Year"),
        (BlockKind.PARAGRAPH, "2024"),
        (BlockKind.CODE, "x = 1 ,\n  y = 2"),
    ]
    assert "hidden" not in ex.text and "<" not in ex.text and "example.org" not in ex.text
    assert_exact(ex, PAGE)


def test_inline_elements_do_not_break_a_block() -> None:
    ex = extract_html("<p>a<em>b</em>c</p>")
    assert kinds(ex) == [(BlockKind.PARAGRAPH, "abc")]
    ex = extract_html("<div>one <span><a href='x'><b>two</b></a></span> three<div>four</div></div>")
    assert kinds(ex) == [(BlockKind.PARAGRAPH, "one two three"), (BlockKind.PARAGRAPH, "four")]


def test_whitespace_collapses_as_a_browser_collapses_it() -> None:
    source = "<p>\n  a  b <em> c</em>\td\n</p>"
    ex = extract_html(source)
    assert ex.text == "a b c d"
    assert_exact(ex, source)
    double = ex.source_map.to_source(1)  # the space that stands for "  "
    assert source[double : double + 2] == "  "
    single = ex.source_map.to_source(3)  # a single space is the file's own
    assert source[single] == " " and source[single + 1 : single + 5] == "<em>"


def test_entities_decode_and_map_to_themselves_as_a_whole() -> None:
    source = "<p>R&amp;D&nbsp;costs &#8212; &eacute;t&#xE9; &unknown; &amp</p>"
    ex = extract_html(source)
    assert ex.text == "R&D\u00a0costs — été &unknown; &"
    assert_exact(ex, source)
    for char, entity in [("&", "&amp;"), ("\u00a0", "&nbsp;"), ("—", "&#8212;"), ("é", "&eacute;")]:
        assert source[ex.source_map.to_source(ex.text.index(char)) :].startswith(entity)
    last = len(ex.text)  # a block's end after an entity maps past the whole entity
    assert source[: ex.source_map.to_source(last)].endswith("&amp")


def test_line_breaks_and_paragraph_breaks() -> None:
    ex = extract_html("<p>one <br> two<br/>three<br><br>four<br></p>")
    assert kinds(ex) == [
        (BlockKind.PARAGRAPH, "one\ntwo\nthree"),
        (BlockKind.PARAGRAPH, "four"),
    ]


def test_inline_code_is_the_readers_text_between_backticks() -> None:
    source = "<p>Run <code>make  build</code> now, or <kbd>Ctrl</kbd>.</p><pre><code>x</code></pre>"
    ex = extract_html(source)
    assert kinds(ex) == [
        (BlockKind.PARAGRAPH, "Run `make build` now, or `Ctrl`."),
        (BlockKind.CODE, "x"),
    ]
    assert_exact(ex, source)
    tick = ex.text.index("`")
    assert source[ex.source_map.to_source(tick) :].startswith("<code>")
    word = ex.text.index("make")
    assert source[ex.source_map.to_source(word) :].startswith("make  build")


def test_only_the_first_heading_of_level_one_with_text_is_the_title() -> None:
    ex = extract_html("<h1><img src='logo.png'></h1><h1>Real title</h1><h1>Second</h1>")
    assert kinds(ex) == [(BlockKind.TITLE, "Real title"), (BlockKind.HEADING, "Second")]


def test_head_closes_without_its_end_tag() -> None:
    ex = extract_html("<html><head><title>T</title><meta charset=utf-8><p>Body text")
    assert kinds(ex) == [(BlockKind.TITLE, "T"), (BlockKind.PARAGRAPH, "Body text")]


@pytest.mark.parametrize(
    "source",
    [
        "<p>unclosed <b>bold <i>italic",
        "<ul><li>one<li>two</ul></div></p>",
        "<p class=",
        "<a href='x>never closed",
        "text</em></span>",
        "<![ ]>after",
        "<![CDATA[x]]>after",
        "a&#;<p>b</p>&#;<p>c</p>&#;<p>d</p>",
        "<!-- unclosed comment",
        "<script>never closed",
        "&#xD800; &#0; &#99999999;",
        "<p/>x<div/>y",
        "",
    ],
)
def test_malformed_html_extracts_without_crashing(source: str) -> None:
    ex = extract_html(source)
    assert_exact(ex, source)
    assert "<p>" not in ex.text


_PIECES = st.sampled_from(
    ["word", "Word", " ", "  ", "\n", "\t", "é", "1,6", ".", ",", '"', "'", "=", "/", "<", ">",
     "&", "&#", ";", "&amp;", "&nbsp;", "&#8212;", "&#x41;", "&eacute;", "&ampx", "&bogus;",
     "<p>", "</p>", "<p/>", "<div>", "</div>", "<em>", "</em>", "<a href=\"u\">", "</a>",
     "<br>", "<br/>", "</br>", "<h1>", "</h1>", "<h2>", "<title>", "</title>", "<head>",
     "</head>", "<body>", "<li>", "<ul>", "</ul>", "<blockquote>", "</blockquote>", "<pre>",
     "</pre>", "<code>", "</code>", "<script>", "</script>", "<style>", "</style>", "<svg>",
     "</svg>", "<nav>", "</nav>", "<!--", "-->", "<!-- c -->", "<img alt='x'>", "<!DOCTYPE html>",
     "<![CDATA[", "]]>", "<?pi?>", "<td>", "<table>"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_any_html_extracts_with_an_exact_map(source: str) -> None:
    ex = extract_html(source)
    assert_exact(ex, source)
    for b in ex.blocks:
        body = ex.text[b.start : b.end]
        assert body[0] not in " \t\n\r\f" and body[-1] not in " \t\n\r\f"
        if b.kind is not BlockKind.CODE:
            assert "  " not in body and "\t" not in body and "\n\n" not in body


def test_html_is_registered_and_found_in_folders(tmp_path: Path) -> None:
    table = default_extractors()
    assert all(table[ext] is extract_html for ext in (".html", ".htm", ".xhtml"))
    (tmp_path / "a.htm").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "b.xhtml").write_text("<p>y</p>", encoding="utf-8")
    assert len(list(expand_paths([str(tmp_path)]))) == 2
    assert load_path(str(tmp_path / "b.xhtml")).text == "y"


ARTICLE = """<!DOCTYPE html>
<html lang="en">
<head>
<title>Council budget</title>
<style>p { margin: 0 }</style>
</head>
<body>
<h1>The council adopts its budget</h1>
<p class="lead">The council approved <strong>1,6 million</strong>
pounds for the <em>libary</em> , the mayor said &amp; the <a href="https://example.org/r" title="teh  report">bridge</a>  works.</p>
<script>var x = "2,5 million teh";</script>
<!-- 3,5 million teh -->
</body>
</html>
"""


def position(source: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the first `needle` in `source`."""
    at = source.index(needle)
    return source.count("\n", 0, at) + 1, at - source.rfind("\n", 0, at)


def test_findings_point_at_the_characters_in_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.html"
    path.write_text(ARTICLE, encoding="utf-8")
    code = main(["check", "--grammar", "off", "--format", "json", str(path)])
    findings = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    where = {(f["rule_id"], f["line"], f["column"]) for f in findings}
    assert code == 1
    assert where == {
        ("en.numbers.decimal-comma", *position(ARTICLE, "1,6")),
        ("spelling.unknown-word", *position(ARTICLE, "libary")),
        ("en.typography.space-before-punctuation", *position(ARTICLE, " ,")),
    }
    by_rule = {f["rule_id"]: f for f in findings}
    assert by_rule["en.numbers.decimal-comma"]["text"] == "1,6"
    assert by_rule["en.typography.space-before-punctuation"]["text"] == " ,"


def test_a_word_before_a_closing_tag_is_matched_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.html"
    path.write_text(ARTICLE, encoding="utf-8")
    main(["check", "--grammar", "off", "--format", "json", str(path)])
    findings = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    (spelling,) = [f for f in findings if f["rule_id"] == "spelling.unknown-word"]
    assert spelling["text"] == "libary"


def test_fix_changes_only_the_flagged_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.html"
    path.write_text(ARTICLE, encoding="utf-8")
    safe = ARTICLE.replace("</em> ,", "</em>,")
    assert main(["fix", "--grammar", "off", "--in-place", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == safe
    assert main(["fix", "--grammar", "off", "--unsafe", "--in-place", str(path)]) == 0
    fixed = path.read_text(encoding="utf-8")
    # the word inside <em> is fixed, its tags kept
    assert fixed == safe.replace("<strong>1,6", "<strong>1.6").replace(
        "<em>libary</em>", "<em>library</em>"
    )
    assert main(["fix", "--grammar", "off", "--unsafe", "--in-place", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == fixed  # fix(fix(x)) == fix(x)
    capsys.readouterr()

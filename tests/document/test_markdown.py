"""Markdown extraction: the reader's text, blocks, and an exact map back to the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editqa.cli import main
from editqa.document.loader import load_text
from editqa.document.markdown import extract_markdown
from editqa.model import BlockKind

ARTICLE = """---
title: The budget
tags: [council]
---
# The council adopts *its* budget

The council approved **2,5 million** pounds, see [the report](https://example.org/r "R")
and `make build` &amp; \\*more\\*.

![A chart of spending](chart.png)

> "We are glad ," the mayor said.

- first item
- second item

| Year | Budget |
|------|--------|
| 2024 | 1,6 million |

```python
x = 1 ,
```
"""


def test_the_text_is_what_a_reader_sees() -> None:
    ex = extract_markdown(ARTICLE)
    kinds = [(b.kind, ex.text[b.start : b.end]) for b in ex.blocks]
    assert kinds[0] == (BlockKind.TITLE, "The council adopts its budget")
    assert kinds[1][0] is BlockKind.PARAGRAPH
    assert kinds[1][1] == (
        "The council approved 2,5 million pounds, see the report\nand `make build` & *more*."
    )
    assert (BlockKind.PARAGRAPH, "A chart of spending") in kinds  # an image's alternative text
    assert (BlockKind.QUOTE, '"We are glad ," the mayor said.') in kinds
    assert (BlockKind.LIST_ITEM, "second item") in kinds
    assert (BlockKind.LIST_ITEM, "1,6 million") in kinds  # a table cell
    assert kinds[-1] == (BlockKind.CODE, "x = 1 ,")
    assert "title:" not in ex.text and "example.org" not in ex.text and "**" not in ex.text


def test_verbatim_pieces_map_to_themselves() -> None:
    ex = extract_markdown(ARTICLE)
    for seg in ex.source_map.segments:
        text = ex.text[seg.text_start : seg.text_start + seg.length]
        assert text == ARTICLE[seg.source_start : seg.source_start + seg.length]
    start = ex.text.index("2,5")
    source = ex.source_map.to_source(start)
    assert ARTICLE[source : source + 3] == "2,5"
    amp = ex.text.index("&")
    assert ARTICLE[ex.source_map.to_source(amp) :].startswith("&amp;")
    assert ARTICLE[ex.source_map.to_source(amp + 1) :].startswith(" \\*more")


_PIECES = st.sampled_from(
    ["word", " ", "\n", "\n\n", "*", "**", "_", "`", "[", "]", "(", ")", "!", "<", ">",
     "&amp;", "\\*", "#", "- ", "> ", "|", "---", "```", "é", "1,6", "http://x.org", '"']
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_any_markdown_extracts_with_an_exact_map(source: str) -> None:
    ex = extract_markdown(source)
    for seg in ex.source_map.segments:
        text = ex.text[seg.text_start : seg.text_start + seg.length]
        assert text == source[seg.source_start : seg.source_start + seg.length]
    for b in ex.blocks:
        assert 0 <= b.start < b.end <= len(ex.text)
        assert (
            0 <= ex.source_map.to_source(b.start) <= ex.source_map.to_source(b.end) <= len(source)
        )


def test_findings_point_into_the_file_and_code_is_not_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.md"
    path.write_text(ARTICLE, encoding="utf-8")
    code = main(["check", "--grammar", "off", "--format", "json", str(path)])
    out = capsys.readouterr().out
    import json

    findings = json.loads(out)["files"][0]["findings"]
    where = {(f["rule_id"], f["line"], f["text"]) for f in findings}
    assert code == 1
    assert ("en.numbers.decimal-comma", 7, "2,5") in where
    assert ("en.numbers.decimal-comma", 19, "1,6") in where  # in the table
    assert ("en.typography.space-before-punctuation", 12, " ,") in where
    assert not any(f["line"] in {2, 3, 22} for f in findings)  # front matter, code block


def test_fix_keeps_the_markup_around_what_it_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.md"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["fix", "--grammar", "off", "--unsafe", "--in-place", str(path)]) in {0, 1}
    capsys.readouterr()
    fixed = path.read_text(encoding="utf-8")
    assert "**2.5 million**" in fixed
    assert '"We are glad," the mayor said.' in fixed
    assert "x = 1 ," in fixed  # code is never touched
    assert fixed.replace("2.5", "2,5").replace("1.6", "1,6").replace("glad,", "glad ,") == ARTICLE


def test_a_fix_that_would_cross_markup_is_offered_not_applied() -> None:
    from editqa.api import build_checks, build_runtime, check_document
    from editqa.config import GrammarSettings, Options
    from editqa.model import FixSafety

    options = Options(grammar=GrammarSettings(mode="off"), checks=("rules",))
    runtime = build_runtime(options)
    plain = check_document(
        load_text("The bridge  closed in May.\n", "a.md", extractor=extract_markdown),
        runtime,
        build_checks(runtime, options.active_checks()),
        "en",
    )
    marked = check_document(
        load_text(
            "The bridge [ closed](https://x.org) in May.\n", "a.md", extractor=extract_markdown
        ),
        runtime,
        build_checks(runtime, options.active_checks()),
        "en",
    )
    (f,) = [f for f in plain.findings if f.rule_id == "en.typography.double-space"]
    assert f.fix_safety is not FixSafety.NONE
    (g,) = [f for f in marked.findings if f.rule_id == "en.typography.double-space"]
    assert g.text == " [ " and g.fix_safety is FixSafety.NONE


def test_a_markdown_translation_is_checked_against_a_markdown_source(tmp_path: Path) -> None:
    from editqa.api import check_pair
    from editqa.config import GrammarSettings, Options

    (tmp_path / "s.md").write_text(
        "# Бюджет города\n\nСовет утвердил **1,6 млн** рублей на [ремонт](https://example.org/a).\n\n"
        "> Мэр сказал: «Это важно».\n",
        encoding="utf-8",
    )
    (tmp_path / "t.md").write_text(
        "# The city budget\n\nThe council approved **16 million** roubles for [repairs](https://example.org/a).\n\n"
        "> The mayor said: “This matters.”\n",
        encoding="utf-8",
    )
    options = Options(grammar=GrammarSettings(mode="off"), checks=("bilingual",))
    result = check_pair(str(tmp_path / "t.md"), str(tmp_path / "s.md"), options)
    (f,) = result.findings
    assert f.rule_id == "bilingual.number" and f.segment is not None
    assert (
        f.segment.source_text
        == "Совет утвердил **1,6 млн** рублей на [ремонт](https://example.org/a)."
    )
    assert [a.id for a in result.files[0].alignment] == ["p1.s1", "p2.s1", "p3.s1"]


def test_a_word_in_emphasis_is_matched_without_its_marks() -> None:
    from editqa.document.loader import load_text

    doc = load_text("The *libary* opens.\n", "a.md", extractor=extract_markdown)
    start = doc.text.index("libary")
    assert doc.to_source(start, start + len("libary")) == (5, 11)
    assert doc.source[5:11] == "libary"


def test_inline_html_code_in_markdown_is_skipped_like_backticks() -> None:
    ex = extract_markdown("Run <code>pip instal  foo</code> now, then <kbd>Ctrl</kbd>.\n")
    assert ex.text == "Run `pip instal  foo` now, then `Ctrl`."


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", ".html"),
        ("<!-- page -->\n<html lang='en'><p>Hi</p></html>", ".html"),
        ("# Title\n\nSee [the report](https://example.org).\n", ".md"),
        ("---\ntitle: x\n---\n\n- one\n- two\n", ".md"),
        ("The council met. It voted # of times.\n\n- just one dash\n", ".txt"),
        ("Plain prose with a <b>tag</b> in it.\n", ".txt"),
    ],
)
def test_content_decides_the_format_when_the_name_does_not(text: str, kind: str) -> None:
    from editqa.document.loader import sniff

    assert sniff(text) == kind


def test_standard_input_markdown_points_into_the_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import json
    import sys

    source = "# Budget\n\n```\nx = 2,5\n```\n\nIt costs **2,5 million** euros.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(source.encode())))
    assert main(["check", "--grammar", "off", "-f", "json", "--no-cache", "-"]) == 1
    (file,) = json.loads(capsys.readouterr().out)["files"]
    assert [(f["rule_id"], f["line"], f["column"]) for f in file["findings"]] == [
        ("en.numbers.decimal-comma", 7, 12)
    ]

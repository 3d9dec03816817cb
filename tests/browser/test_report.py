"""The reviewer's HTML report in real headless Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from editqa.api import build_checks, check_document, fix_document
from editqa.config import GrammarSettings, Options
from editqa.document.loader import load_path
from editqa.model import CheckResult
from editqa.report.html import render
from editqa.runtime import Runtime
from tests.conftest import REPO

SEED = REPO / "samples" / "seed-press-release.txt"
OPTIONS = Options(grammar=GrammarSettings(mode="off", lt_server=None))


def write_report(runtime: Runtime, paths: list[Path], out: Path) -> Path:
    checks = build_checks(runtime, OPTIONS.active_checks())
    results = tuple(check_document(load_path(str(p)), runtime, checks) for p in paths)
    out.write_text(render(CheckResult(results)), encoding="utf-8")
    return out


def open_report(page: Any, path: Path) -> Any:
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready=true]")
    return page


def fixed(runtime: Runtime, path: Path, **kw: Any) -> str:
    checks = build_checks(runtime, OPTIONS.active_checks())
    return fix_document(load_path(str(path)), runtime, checks, **kw).fixed


def download_text(page: Any) -> str:
    with page.expect_download() as info:
        page.click("section >> nth=0 >> button.download")
    return Path(info.value.path()).read_text(encoding="utf-8")


def test_report_shows_findings_without_errors_or_requests(
    page: Any, runtime: Runtime, tmp_path: Path
) -> None:
    open_report(page, write_report(runtime, [SEED], tmp_path / "r.html"))
    checks = build_checks(runtime, OPTIONS.active_checks())
    expected = len(check_document(load_path(str(SEED)), runtime, checks).findings)
    assert expected >= 17 and page.locator("li.finding").count() == expected
    assert page.locator(".original mark").count() >= 15
    assert page.locator("button.aligned-toggle, table.aligned").count() == 0  # not a translation
    assert page.errors == []
    assert all(url.startswith("file://") for url in page.requests), page.requests


def test_accept_and_reject_change_the_preview(page: Any, runtime: Runtime, tmp_path: Path) -> None:
    open_report(page, write_report(runtime, [SEED], tmp_path / "r.html"))
    page.click("button.side")
    result = page.locator("[data-testid=result]")
    assert "1,6 million" in result.inner_text()
    item = page.locator("li.finding", has_text="en.numbers.decimal-comma")
    item.locator("button.accept").first.click()
    assert "1.6 million" in result.inner_text() and "1,6 million" not in result.inner_text()
    page.locator("li.finding", has_text="en.numbers.decimal-comma").locator("button.reject").click()
    assert "1,6 million" in result.inner_text()
    assert page.errors == []


def test_downloaded_text_equals_editqa_fix(page: Any, runtime: Runtime, tmp_path: Path) -> None:
    open_report(page, write_report(runtime, [SEED], tmp_path / "r.html"))
    page.click("button.accept-safe")
    assert download_text(page) == fixed(runtime, SEED)
    for rule in ("en.confusion.minister", "en.numbers.decimal-comma"):
        page.locator("li.finding", has_text=rule).locator("button.accept").first.click()
    expected = fixed(
        runtime,
        SEED,
        unsafe=True,
        rules=[
            "en.typography.space-before-punctuation",
            "en.confusion.minister",
            "en.numbers.decimal-comma",
        ],
    )
    assert download_text(page) == expected


def test_keyboard_navigation_and_filters(page: Any, runtime: Runtime, tmp_path: Path) -> None:
    open_report(page, write_report(runtime, [SEED], tmp_path / "r.html"))
    page.keyboard.press("j")
    first = page.evaluate("document.activeElement.dataset.i")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.dataset.i") != first
    page.uncheck("input[data-severity=info]")
    assert page.locator("li.finding.info:not(.hidden)").count() == 0
    assert page.locator("li.finding.error:not(.hidden)").count() > 0


def test_a_hostile_article_runs_nothing(page: Any, runtime: Runtime, tmp_path: Path) -> None:
    hostile = tmp_path / "<img src=x onerror=alert(1)>.txt"
    body = (
        "The mayor said <script>window.pwned = 1</script> and <img src=x "
        'onerror="window.pwned = 2"> then </textarea></script><!-- and "recieve" -->.\n'
    )
    hostile.write_text(body, encoding="utf-8")
    open_report(page, write_report(runtime, [hostile], tmp_path / "r.html"))
    assert page.evaluate("typeof window.pwned") == "undefined"
    text = page.locator("[data-testid=original]").inner_text()
    assert "<script>window.pwned = 1</script>" in text and 'onerror="window.pwned = 2"' in text
    assert page.locator("h2").first.inner_text() == str(hostile)
    assert page.errors == []
    assert all(url.startswith("file://") for url in page.requests), page.requests


def test_many_files_have_an_index(page: Any, runtime: Runtime, tmp_path: Path) -> None:
    samples = sorted((REPO / "samples").glob("*.txt"))
    open_report(page, write_report(runtime, samples, tmp_path / "r.html"))
    assert page.locator("nav a").count() == len(samples)
    assert page.locator("section.file").count() == len(samples)


def test_offsets_hold_after_characters_beyond_the_basic_plane(
    page: Any, runtime: Runtime, tmp_path: Path
) -> None:
    article = tmp_path / "emoji.txt"
    article.write_text(
        "😀😀 The council met on Monday , but the plan 🎉 was good .\n", encoding="utf-8"
    )
    open_report(page, write_report(runtime, [article], tmp_path / "r.html"))
    assert page.locator("li.finding .muted").first.inner_text() == "“ ,”"
    page.click("button.accept-safe")
    assert download_text(page) == fixed(runtime, article)
    assert page.errors == []


def test_a_translations_findings_show_their_source_segment(
    page: Any, runtime: Runtime, tmp_path: Path
) -> None:
    from editqa.api import check_pair

    pair = REPO / "samples" / "pairs" / "ru-en-harbour"
    result = check_pair(
        str(pair / "target.txt"), str(pair / "source.txt"), OPTIONS, runtime=runtime
    )
    (tmp_path / "r.html").write_text(render(result), encoding="utf-8")
    open_report(page, tmp_path / "r.html")
    sources = page.locator("li.finding .source-segment")
    bilingual = [f for f in result.findings if f.segment is not None]
    assert len(bilingual) >= 4 and sources.count() == len(bilingual)
    assert "source [p3.s1]:" in sources.first.inner_text()
    assert "null" not in page.locator("li.finding").first.inner_text()
    assert page.errors == []


def test_a_translation_shows_source_beside_target(
    page: Any, runtime: Runtime, tmp_path: Path
) -> None:
    from editqa.api import check_pair

    pair = REPO / "samples" / "pairs" / "ru-en-harbour"
    original = (pair / "target.txt").read_text(encoding="utf-8")
    # a ship beyond U+FFFF shifts the page's offsets; "2,4" gives a finding that can be accepted
    text = original.replace("port to open", "port 🚢 to open").replace("2.4 billion", "2,4 billion")
    assert text.count("🚢") == 1 and text.count("2,4") == 1
    target = tmp_path / "target.txt"
    target.write_text(text, encoding="utf-8")
    options = Options(
        grammar=GrammarSettings(mode="off", lt_server=None), checks=("bilingual", "rules")
    )
    result = check_pair(str(target), str(pair / "source.txt"), options, runtime=runtime)
    alignment = result.files[0].alignment
    (tmp_path / "r.html").write_text(render(result), encoding="utf-8")
    open_report(page, tmp_path / "r.html")

    rows = page.locator("table.aligned tbody tr")
    assert rows.count() == len(alignment) >= 10
    for n, seg in enumerate(alignment):
        assert rows.nth(n).get_attribute("data-segment") == seg.id
        assert rows.nth(n).locator("td.source").inner_text() == seg.source_text
    cells = "[...document.querySelectorAll('table.aligned td.target')].map((c) => c.textContent)"
    assert "".join(page.evaluate(cells)) == text  # no target text is lost between the rows
    omitted = page.locator("tr[data-problem=omitted]")
    assert (
        omitted.count() == 1
        and "Администрация обещает" in omitted.locator("td.source").inner_text()
    )
    assert omitted.locator("td.target.missing mark.point").count() == 1
    assert omitted.locator(".problem-label").inner_text() == "omitted in target"

    cost = page.locator("tr", has_text="2,4 млрд").locator("td.target")
    cost.locator("mark", has_text="2,4").click()
    page.keyboard.press("a")  # the mark focused its finding; accept its suggestion
    assert cost.locator("del").inner_text() == "2,4" and cost.locator("ins").inner_text() == "2.4"

    toggle = page.locator("button.aligned-toggle")
    assert toggle.inner_text() == "Text only"
    toggle.click()
    assert (
        page.locator("table.aligned").count() == 0
        and toggle.inner_text() == "Source beside translation"
    )
    pane = page.locator("[data-testid=original]")
    assert pane.locator("ins").inner_text() == "2.4"  # accepted in one view, shown in the other
    item = page.locator("li.finding", has_text="en.numbers.decimal-comma")
    item.locator("button.reject").click()
    assert pane.locator("ins").count() == 0
    item.locator("button.accept").click()
    toggle.click()
    assert page.locator("table.aligned td.target ins").inner_text() == "2.4"
    assert download_text(page) == text.replace("2,4 billion", "2.4 billion")
    assert page.errors == []
    assert all(url.startswith("file://") for url in page.requests), page.requests


def test_side_by_side_draws_each_change_once(page: Any, tmp_path: Path) -> None:
    from editqa.model import AlignedSegment, Category, FileResult, Finding, FixSafety, Severity

    text = "# 😀 Title\n\nOne two. Three four.\n\n## Next part here.\n"
    at = text.index
    alignment = (
        AlignedSegment("p1.s1", 2, 9, "Titre"),
        AlignedSegment("p2.s1", at("One"), at(" Three"), "Un deux."),
        AlignedSegment("p2.s2", at("Three"), at("\n\n##"), "Trois quatre."),
        AlignedSegment("p2.s3", at("\n\n##"), at("\n\n##"), "Cinq.", "omitted"),
        AlignedSegment("p3.s1", at("Next"), len(text) - 1, "Suite ici.", "length"),
    )

    def finding(rule: str, start: int, end: int, suggestion: str) -> Finding:
        return Finding(
            rule,
            "rules",
            Category.STYLE,
            Severity.WARNING,
            rule,
            start,
            end,
            text[start:end],
            (suggestion,),
            FixSafety.SAFE,
        )

    findings = (  # one across two rows, insertions at a row's start and at the very end
        finding("x.across", at("two."), at("Three") + 3, "X"),
        finding("x.insert", at("Three"), at("Three"), "[i]"),
        finding("x.end", len(text), len(text), "!"),
    )
    file = FileResult("e.md", "en", findings, text, alignment=alignment)
    (tmp_path / "r.html").write_text(render(CheckResult((file,))), encoding="utf-8")
    open_report(page, tmp_path / "r.html")
    cells = "[...document.querySelectorAll('table.aligned td.target')].map((c) => c.textContent)"
    assert page.evaluate(cells) == [
        "# 😀 Title\n\n",
        "One two. ",
        "Three four.\n\n",
        "",
        "## Next part here.\n",
    ]
    assert page.locator("td.target mark.point").count() == 2
    page.locator("li.finding", has_text="x.across").locator("button.accept").click()
    page.locator("li.finding", has_text="x.end").locator("button.accept").click()
    assert page.evaluate(cells) == [
        "# 😀 Title\n\n",
        "One two. ThrX",
        "ee four.\n\n",
        "",
        "## Next part here.\n!",
    ]
    assert page.locator("table.aligned del").all_inner_texts() == ["two. Thr"]
    page.click("button.aligned-toggle")
    assert (
        page.locator("[data-testid=original]")
        .text_content()
        .endswith("# 😀 Title\n\nOne two. ThrXee four.\n\n## Next part here.\n!")
    )
    assert page.errors == []

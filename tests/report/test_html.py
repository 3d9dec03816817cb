"""The HTML report's page data: a translation's aligned segments, in the page's offsets."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from editqa.api import check_pair
from editqa.config import GrammarSettings, Options
from editqa.model import AlignedSegment, CheckResult, FileResult
from editqa.report.html import page_data, render
from editqa.runtime import Runtime

BILINGUAL = Options(grammar=GrammarSettings(mode="off", lt_server=None), checks=("bilingual",))


def js_slice(text: str, start: int, end: int) -> str:
    """text[start:end] counted in UTF-16 code units, as the page's JavaScript counts."""
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")


def embedded_data(page: str) -> dict[str, Any]:
    found = re.search(r'<script type="application/json" id="editqa-data">(.*?)</script>', page)
    assert found is not None
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def test_segments_are_in_utf16_offsets() -> None:
    text = "😀 Привет, мир.\n\n🎉🎉 Вторая фраза.\n"
    alignment = (
        AlignedSegment("p1.s1", 2, 14, "Hello, world.", None),
        AlignedSegment("p2.s0", 16, 16, "A lost sentence.", "omitted"),
        AlignedSegment("p2.s1", 19, 32, "A second sentence.", None),
    )
    data = page_data(CheckResult((FileResult("t.txt", "ru", (), text, alignment=alignment),)))
    segments = data["files"][0]["segments"]
    assert segments == [
        {"id": "p1.s1", "start": 3, "end": 15, "sourceText": "Hello, world.", "problem": None},
        {
            "id": "p2.s0",
            "start": 17,
            "end": 17,
            "sourceText": "A lost sentence.",
            "problem": "omitted",
        },
        {
            "id": "p2.s1",
            "start": 22,
            "end": 35,
            "sourceText": "A second sentence.",
            "problem": None,
        },
    ]
    assert [text[a.target_start : a.target_end] for a in alignment] == [
        "Привет, мир.",
        "",
        "Вторая фраза.",
    ]
    for seg, a in zip(segments, alignment, strict=True):
        assert js_slice(text, seg["start"], seg["end"]) == text[a.target_start : a.target_end]


def test_a_checked_pair_carries_its_segments_into_the_page(
    runtime: Runtime, tmp_path: Path
) -> None:
    source = tmp_path / "source.txt"
    target = tmp_path / "target.txt"
    source.write_text(
        "Порт 🚢 откроет новый причал весной.\n\n"
        "Стоимость проекта составит 2,4 млрд рублей. Работы начнутся в мае.\n",
        encoding="utf-8",
    )
    target.write_text(
        "The port 🚢 will open a new berth in spring.\n\n"
        "The project will cost 2.4 billion roubles.\n",
        encoding="utf-8",
    )
    result = check_pair(str(target), str(source), BILINGUAL, runtime=runtime)
    r = result.files[0]
    assert len(r.alignment) >= 2
    data = embedded_data(render(result))["files"][0]
    assert [s["id"] for s in data["segments"]] == [a.id for a in r.alignment]
    for seg, a in zip(data["segments"], r.alignment, strict=True):
        assert (
            js_slice(data["text"], seg["start"], seg["end"])
            == r.source[a.target_start : a.target_end]
        )
        assert (seg["sourceText"], seg["problem"]) == (a.source_text, a.problem)
    assert data["segments"][1]["start"] == r.alignment[1].target_start + 1  # after the ship
    assert "Работы начнутся в мае." in data["segments"][-1]["sourceText"]
    by_id = {s["id"]: s for s in data["segments"]}
    bilingual = [f for f in data["findings"] if "segment" in f]
    assert bilingual, "the pair should have a bilingual finding"
    for f in bilingual:  # a segment's finding and the segment share one coordinate system
        assert (f["start"], f["end"]) == (by_id[f["segment"]]["start"], by_id[f["segment"]]["end"])


def test_a_single_text_has_no_segments() -> None:
    data = page_data(CheckResult((FileResult("a.txt", "en", (), "Plain text.\n"),)))
    assert "segments" not in data["files"][0]

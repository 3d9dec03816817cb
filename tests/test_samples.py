"""Golden tests: each `samples/NAME.txt` gives exactly the findings in `samples/NAME.expected`
(`--format line`). Regenerate after a deliberate change with `make golden`, then review."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from editqa.api import check_paths
from editqa.config import Options
from editqa.report.line import LineReporter
from editqa.runtime import Runtime
from tests.conftest import REPO

SAMPLES = sorted((REPO / "samples").glob("*.txt"))


def line_report(sample: Path, runtime: Runtime) -> str:
    rel = sample.relative_to(REPO).as_posix()
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        result = check_paths([rel], Options(jobs=1), runtime)
    finally:
        os.chdir(cwd)
    out = io.StringIO()
    LineReporter().report(result, out)
    return out.getvalue()


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.stem for s in SAMPLES])
def test_sample_findings(sample: Path, runtime: Runtime) -> None:
    got = line_report(sample, runtime)
    expected = sample.with_suffix(".expected")
    if os.environ.get("EDITQA_UPDATE_GOLDEN"):
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")


def test_there_are_samples_of_several_kinds() -> None:
    assert len(SAMPLES) >= 3


def test_seed_article_findings_are_the_ones_an_editor_needs(runtime: Runtime) -> None:
    """The seed's known problems are found, with sensible suggestions, and no consistently
    spelt name or British spelling is flagged."""
    report = line_report(REPO / "samples" / "seed-press-release.txt", runtime)
    for needle in (
        'spelling.proper-noun "Kazakhsktan" -> "Kazakhstan"',
        'en.numbers.decimal-comma "1,6" -> "1.6"',
        '"Minster" -> "Minister"',
        '"very actual"',
        '"gratuitous transferring"',
        '"In his turn"',
        '"reminded that"',
        '" ," -> ","',
        '"ВКонтакте"',
        "document.debris.page-furniture",
    ):
        assert needle in report, needle
    for name in (
        "Shoigu",
        "Tasmagambetov",
        "Imangali",
        "Nazarbayev",
        "Balkhash",
        "Defence",
        "centre",
        '"defence"',
    ):
        assert f'spelling.unknown-word "{name}"' not in report
        assert f'spelling.proper-noun "{name}"' not in report
        assert f'spelling.dialect "{name}"' not in report


PAIRS = sorted(p for p in (REPO / "samples" / "pairs").iterdir() if p.is_dir())


@pytest.mark.parametrize("folder", PAIRS, ids=[p.name for p in PAIRS])
def test_translation_pair_findings(folder: Path, runtime: Runtime) -> None:
    """`samples/pairs/NAME/target.txt` checked against `source.txt` gives `expected`: the
    line report, each bilingual finding followed by its source segment."""
    from editqa.api import check_pair

    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        rel = folder.relative_to(REPO).as_posix()
        result = check_pair(
            f"{rel}/target.txt", f"{rel}/source.txt", Options(jobs=1), runtime=runtime
        )
    finally:
        os.chdir(cwd)
    out = io.StringIO()
    LineReporter().report(result, out)
    lines = out.getvalue().splitlines()
    segments = [f.segment for f in result.findings]
    got = "".join(
        line + "\n" + (f"    source [{s.id}] {s.source_start}-{s.source_end}\n" if s else "")
        for line, s in zip(lines, segments, strict=False)
    )
    expected = folder / "expected"
    if os.environ.get("EDITQA_UPDATE_GOLDEN"):
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")


BILINGUAL = sorted(
    p for p in (REPO / "samples" / "bilingual").iterdir() if p.suffix in (".xlf", ".po")
)


@pytest.mark.parametrize("sample", BILINGUAL, ids=[p.name for p in BILINGUAL])
def test_bilingual_file_findings(sample: Path, runtime: Runtime) -> None:
    """`samples/bilingual/NAME.xlf|.po` gives `NAME.xlf.expected`: every translation checked
    against its own source, findings at their line and column in the file."""
    got = line_report(sample, runtime)
    expected = sample.with_name(sample.name + ".expected")
    if os.environ.get("EDITQA_UPDATE_GOLDEN"):
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")

"""`editqa fix` and `editqa check --format diff`."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from editqa.cli import main
from tests.conftest import REPO

TEXT = "The mayor reminded that the bridge , closed in May, cost 2,5 million pounds.\n"
SAFE = TEXT.replace("bridge ,", "bridge,")
ALL = "The mayor recalled that the bridge, closed in May, cost 2.5 million pounds.\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([args[0], "--grammar", "off", *args[1:]])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def article(tmp_path: Path) -> Path:
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p


def test_fix_prints_the_safely_fixed_text(
    capsys: pytest.CaptureFixture[str], article: Path
) -> None:
    code, out, err = run(capsys, "fix", str(article))
    assert code == 0 and out == SAFE
    assert "1 fix(es) applied" in err
    assert article.read_text(encoding="utf-8") == TEXT


def test_unsafe_and_rule_selection(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    assert run(capsys, "fix", "--unsafe", str(article))[1] == ALL
    only = run(capsys, "fix", "--unsafe", "--rule", "en.numbers.decimal-comma", str(article))[1]
    assert only == TEXT.replace("2,5", "2.5")


def test_diff_on_the_seed_shows_only_safe_fixes(capsys: pytest.CaptureFixture[str]) -> None:
    seed = str(REPO / "samples" / "seed-press-release.txt")
    _, safe, _ = run(capsys, "fix", "--diff", seed)
    changed = [
        line for line in safe.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert changed == [
        "-Minister of Defence , International activity",
        "+Minister of Defence, International activity",
    ]
    _, unsafe, _ = run(capsys, "fix", "--diff", "--unsafe", seed)
    added = [line for line in unsafe.splitlines() if line.startswith("+")]
    assert any(line.startswith("+He recalled that") for line in added)
    assert any("about 1.6 million hectares" in line for line in added)
    assert any("in Kazakhstan is being finished" in line for line in added)
    removed = [line for line in unsafe.splitlines() if line.startswith("-")]
    assert "-Site Map Facebook Twitter Youtube Instagram VKontakte Odnoklassniki" in removed
    assert "-23.12.2015 (15:27)" in removed  # the whole debris block goes, date line included


def test_in_place_is_atomic_and_keeps_permissions_and_encoding(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8"))
    os.chmod(p, 0o640)
    code, out, _ = run(capsys, "fix", "--in-place", str(p))
    assert code == 0 and out == ""
    assert p.read_bytes() == b"\xef\xbb\xbf" + SAFE.replace("\n", "\r\n").encode("utf-8")
    assert stat.S_IMODE(p.stat().st_mode) == 0o640
    assert [f.name for f in tmp_path.iterdir()] == ["bom.txt"]  # no temporary file left


def test_in_place_refuses_a_file_changed_since_it_was_read(tmp_path: Path) -> None:
    from editqa.errors import InputError
    from editqa.fixes.apply import write_atomically

    p = tmp_path / "a.txt"
    p.write_bytes(b"new text written meanwhile")
    with pytest.raises(InputError, match="changed since it was read"):
        write_atomically(str(p), b"fixed", b"old text")
    assert p.read_bytes() == b"new text written meanwhile"


def test_fix_usage_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, article: Path
) -> None:
    other = tmp_path / "b.txt"
    other.write_text(TEXT, encoding="utf-8")
    code, _, err = run(capsys, "fix", str(article), str(other))
    assert code == 2 and "give one file" in err and err.count("\n") == 1
    code, _, err = run(capsys, "fix", "--in-place", "-")
    assert code == 2 and "standard input" in err


def test_check_format_diff_annotates_changes_and_unfixed_findings(
    capsys: pytest.CaptureFixture[str], article: Path
) -> None:
    code, out, _ = run(capsys, "check", "--format", "diff", "--color", "never", str(article))
    assert code == 1  # the decimal comma is an error: --fail-on applies as in other formats
    assert run(capsys, "check", "-f", "diff", "--fail-on", "never", str(article))[0] == 0
    assert (
        "The mayor reminded that⟨1⟩ the bridge[- -]⟨2⟩, closed in May, cost 2,5⟨3⟩ million" in out
    )
    assert "en.typography.space-before-punctuation (fixed)" in out
    assert "en.numbers.decimal-comma (not fixed)" in out


def test_interactive_walk_accept_skip_edit_and_quit(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, article: Path
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.StringIO("a\ns\ne\n2.50\n"))
    code, out, err = run(capsys, "fix", "--interactive", str(article))
    assert code == 0
    assert out == "The mayor recalled that the bridge , closed in May, cost 2.50 million pounds.\n"
    assert err.count("[a]ccept") == 3
    monkeypatch.setattr(sys, "stdin", io.StringIO("A\nq\n"))
    code, out, _ = run(capsys, "fix", "--interactive", "--in-place", str(article))
    assert code == 0 and article.read_text(encoding="utf-8") == TEXT.replace(
        "reminded that", "recalled that"
    )


def test_in_place_never_writes_what_the_encoding_cannot_hold(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    koi = tmp_path / "k.txt"
    raw = "Городской совет утвердил бюджет. Мы живём в мiре.\n".encode("koi8_r")
    koi.write_bytes(raw)
    other = tmp_path / "z.txt"
    other.write_text(TEXT, encoding="utf-8")
    code, _, err = run(capsys, "fix", "-i", "--lang", "ru", str(koi), str(other))
    assert code == 2 and koi.read_bytes() == raw
    assert "cannot hold; not written" in err and "Traceback" not in err
    assert other.read_text(encoding="utf-8") == SAFE  # the next file is still fixed


def test_diff_and_in_place_do_not_mix(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    code, _, err = run(capsys, "fix", "--diff", "--in-place", str(article))
    assert code == 2 and "drop --in-place" in err and article.read_text(encoding="utf-8") == TEXT


def test_unified_diff_applies_with_patch(tmp_path: Path) -> None:
    import shutil
    import subprocess

    from editqa.fixes.diff import unified_diff

    original = "a line\u2028 with a separator\nthe plan , was good"
    fixed = "a line\u2028 with a separator\nthe plan, was good"
    diff = unified_diff(original, fixed, "a/x.txt", "b/x.txt")
    assert diff.endswith("\\ No newline at end of file\n")
    assert diff.count("\n-") == 1 and diff.count("\n+") == 1 + diff.count("\n+++")
    if shutil.which("patch"):
        (tmp_path / "x.txt").write_text(original, encoding="utf-8", newline="")
        (tmp_path / "x.diff").write_text(diff, encoding="utf-8", newline="")
        subprocess.run(["patch", "-s", "-p1", "-i", "x.diff"], cwd=tmp_path, check=True)
        with open(tmp_path / "x.txt", encoding="utf-8", newline="") as fh:
            assert fh.read() == fixed


def test_report_is_written_whole_and_a_bad_output_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, article: Path
) -> None:
    out = tmp_path / "r.html"
    code, _, err = run(capsys, "report", str(article), "-o", str(out))
    assert code == 0 and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "finding(s) in 1 file(s)" in err
    code, _, err = run(capsys, "report", str(article), "-o", str(tmp_path))
    assert code == 2 and err.count("\n") == 1 and "cannot write" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "r.html"]  # no temporary left


def test_unknown_rule_and_mother_tongue_are_named(
    capsys: pytest.CaptureFixture[str], article: Path
) -> None:
    code, _, err = run(capsys, "fix", "--rule", "en.no.such-rule", str(article))
    assert code == 2 and "--rule 'en.no.such-rule': no such rule" in err
    code, _, err = run(capsys, "check", "--mother-tongue", "xx", str(article))
    assert code == 2 and err.startswith("editqa: error: --mother-tongue 'xx'")

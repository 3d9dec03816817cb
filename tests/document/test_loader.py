from __future__ import annotations

from pathlib import Path

import pytest

from editqa.document.loader import expand_paths, load_path
from editqa.errors import InputError


def test_directories_are_walked_recursively_by_extension(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x")
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "secret.txt").write_text("x")
    got = list(expand_paths([str(tmp_path)]))
    assert got == [str(tmp_path / "a" / "one.txt"), str(tmp_path / "b.txt")]


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nothere\.txt: no such file"):
        load_path(str(tmp_path / "nothere.txt"))


def test_directory_given_as_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="a directory with no files to check"):
        load_path(str(tmp_path))


def test_cp1251_file_loads(tmp_path: Path) -> None:
    p = tmp_path / "ru.txt"
    text = "Правительство утвердило бюджет на следующий год после долгих споров.\n" * 3
    p.write_bytes(text.encode("cp1251"))
    doc = load_path(str(p))
    assert doc.source == text
    assert doc.encoding.replace("_", "").lower() in {"cp1251", "windows1251"}


def test_a_directory_without_text_files_is_reported(tmp_path: Path) -> None:
    (tmp_path / "notes.rst").write_text("x")
    assert list(expand_paths([str(tmp_path)])) == [str(tmp_path)]
    with pytest.raises(
        InputError, match=r"no files to check \(\.htm, \.html, \.markdown, \.md, .*\.txt, \.xhtml\)"
    ):
        load_path(str(tmp_path))

"""Word documents: paragraphs as lines, blocks by style, and no fixes written into them."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from editqa.cli import main
from editqa.document.docx import LINE_BREAK
from editqa.document.loader import expand_paths, load_path
from editqa.errors import InputError
from editqa.model import BlockKind


def write_article(path: Path) -> Path:
    """A Word article: title, headings, a paragraph with errors, an empty paragraph, a list,
    a table, tracked changes, hidden text and a manual line break."""
    d = docx.Document()
    d.add_paragraph("The council adopts its budget", style="Title")  # 1
    d.add_paragraph("Background", style="Heading 1")  # 2
    d.add_paragraph("The council approved 1,6 million pounds for the libary .")  # 3
    d.add_paragraph("")  # empty: not a line
    d.add_paragraph("Roads come first", style="List Bullet")  # 4
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Year"  # 5
    table.cell(0, 1).text = "Budget"  # 6
    table.cell(1, 0).text = "2024"  # 7
    table.cell(1, 1).text = "2,5 million"  # 8
    d.add_paragraph("Reactions", style="Heading 2")  # 9
    p = d.add_paragraph("The mayor ")  # 10
    p._p.append(parse_xml(f"<w:ins {nsdecls('w')}><w:r><w:t>warmly</w:t></w:r></w:ins>"))
    p._p.append(
        parse_xml(f"<w:del {nsdecls('w')}><w:r><w:delText>coldly </w:delText></w:r></w:del>")
    )
    p.add_run(" welcomed it.")
    hidden = p.add_run(" secret")
    hidden.font.hidden = True
    p.add_run().add_break()
    p.add_run("Second line.")
    d.save(str(path))
    return path


def test_paragraphs_are_lines_and_blocks_follow_styles(tmp_path: Path) -> None:
    doc = load_path(str(write_article(tmp_path / "a.docx")))
    assert doc.encoding == "docx" and doc.text == doc.source
    lines = doc.source.split("\n")
    assert lines[2] == "The council approved 1,6 million pounds for the libary ."
    assert lines[9] == f"The mayor warmly welcomed it.{LINE_BREAK}Second line."
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [
        (BlockKind.TITLE, "The council adopts its budget"),
        (BlockKind.HEADING, "Background"),  # Heading 1 after a Title
        (BlockKind.PARAGRAPH, lines[2]),
        (BlockKind.LIST_ITEM, "Roads come first"),
        (BlockKind.PARAGRAPH, "Year"),
        (BlockKind.PARAGRAPH, "Budget"),
        (BlockKind.PARAGRAPH, "2024"),
        (BlockKind.PARAGRAPH, "2,5 million"),
        (BlockKind.HEADING, "Reactions"),
        (BlockKind.PARAGRAPH, lines[9]),
    ]
    for n, b in enumerate(doc.blocks, start=1):
        assert doc.position(b.start) == (n, 1)


def test_findings_give_the_paragraph_as_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_article(tmp_path / "a.docx")
    code = main(["check", "--grammar", "off", "--format", "json", str(path)])
    report = json.loads(capsys.readouterr().out)
    findings = report["files"][0]["findings"]
    where = {(f["rule_id"], f["line"], f["column"], f["text"]) for f in findings}
    assert code == 1
    assert where == {
        ("en.numbers.decimal-comma", 3, 22, "1,6"),
        ("spelling.unknown-word", 3, 49, "libary"),
        ("en.typography.space-before-punctuation", 3, 55, " ."),
        ("en.numbers.decimal-comma", 8, 1, "2,5"),  # in the table
    }


def test_a_folder_includes_word_documents(tmp_path: Path) -> None:
    write_article(tmp_path / "a.docx")
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    assert [Path(p).name for p in expand_paths([str(tmp_path)])] == ["a.docx", "b.txt"]


@pytest.mark.parametrize("data", [b"", b"not a zip at all", b"PK\x03\x04 truncated"])
def test_a_corrupt_docx_is_an_input_error_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes
) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(data)
    with pytest.raises(InputError, match=r"broken\.docx: not a \.docx file"):
        load_path(str(path))
    assert main(["check", "--grammar", "off", str(path)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "broken.docx" in err


def test_a_zip_without_a_word_document_is_an_input_error(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(InputError, match=r"other\.docx: cannot read this \.docx file") as exc:
        load_path(str(path))
    assert "\n" not in str(exc.value)


def test_fix_refuses_to_write_into_a_docx(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_article(tmp_path / "a.docx")
    before = path.read_bytes()
    (tmp_path / "b.txt").write_text("The bridge , closed in May.\n", encoding="utf-8")
    assert main(["fix", "--grammar", "off", "--in-place", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "a.docx: editqa cannot write fixes into a .docx" in err
    # in a folder, the text files are still fixed; the exit code tells of the refusal
    assert main(["fix", "--grammar", "off", "--in-place", "--quiet", str(tmp_path)]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert path.read_bytes() == before
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == "The bridge, closed in May.\n"

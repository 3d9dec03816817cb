"""Word documents (.docx), opened with python-docx and read from their XML.

A .docx is a zip of XML, never decoded as text. Its `Document.source` is the document's
plain text, one paragraph per line (empty paragraphs left out, table cells' paragraphs in
reading order, row by row), so a finding's line is the number of the paragraph it is in and
its column the character in that paragraph. The text is the source itself (identity map),
and each paragraph is one block, by its style (or the style it is based on): the first
"Title" or "Heading 1" paragraph is the TITLE, other headings and "Subtitle" are HEADINGs,
"Quote" and "Intense Quote" QUOTEs, numbered or bulleted paragraphs LIST_ITEMs, code styles
CODE, the rest PARAGRAPHs.

A paragraph reads as it would with every tracked change accepted: insertions in, deletions
out. Tabs stay tabs; a manual line break (Shift+Enter) is U+2028 LINE SEPARATOR, so that
line numbers stay paragraph numbers. Left out: hidden text, field codes (their results are
kept), text boxes, drawings, headers, footers, footnotes and comments.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editqa.document.sourcemap import LineIndex, SourceMap
from editqa.errors import InputError
from editqa.model import Block, BlockKind

if TYPE_CHECKING:
    from editqa.document.loader import Document

EXTENSIONS = (".docx",)
DOCX_ENCODING = "docx"  # what `Document.encoding` says for a Word document
LINE_BREAK = "\u2028"
DOCX_FIX_REFUSED = "editqa cannot write fixes into a .docx file; make them in Word"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# elements whose text a reader does not see in the paragraph
_SKIPPED = frozenset(
    _W + t
    for t in (
        *("pPr", "rPr", "sdtPr", "sdtEndPr", "del", "moveFrom", "delText", "instrText"),
        *("fldData", "drawing", "pict", "object", "rt"),
        *("footnoteReference", "endnoteReference", "commentReference"),
    )
) | {_MC + "AlternateContent"}
# elements that hold paragraphs: tables, rows, cells, content controls, custom XML
_CONTAINERS = frozenset(_W + t for t in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml"))
_CODE_STYLES = frozenset({"code", "html preformatted", "html code", "macro text"})
_QUOTE_STYLES = frozenset({"quote", "intense quote"})


def is_docx(path: str) -> bool:
    return Path(path).suffix.lower() in EXTENSIONS


def load_docx(data: bytes, path: str) -> Document:
    """The paragraphs of a .docx file as a Document (see the module's docstring). Raises
    InputError naming the file when it is not a readable .docx."""
    from editqa.document.loader import Document

    lines: list[str] = []
    blocks: list[Block] = []
    offset = 0
    title_seen = False
    for text, kind in _read(data, path):
        if kind is BlockKind.TITLE:
            kind = BlockKind.HEADING if title_seen else BlockKind.TITLE
            title_seen = True
        blocks.append(Block(kind, offset, offset + len(text)))
        lines.append(text)
        offset += len(text) + 1
    source = "".join(line + "\n" for line in lines)
    return Document(
        path,
        source,
        source,
        tuple(blocks),
        SourceMap.identity(len(source)),
        LineIndex.of(source),
        DOCX_ENCODING,
    )


def _read(data: bytes, path: str) -> list[tuple[str, BlockKind]]:
    """Each paragraph with text, and its kind (TITLE for every title-like one)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    try:
        document = docx.Document(BytesIO(data))
        found = [(_text(p), p) for p in _paragraphs(document.element.body)]
        return [(text, _kind(document, p)) for text, p in found if text.strip()]
    except (PackageNotFoundError, zipfile.BadZipFile, zipfile.LargeZipFile) as exc:
        raise InputError(
            f"{path}: not a .docx file (not a zip archive); an old .doc, or a damaged file?"
        ) from exc
    except (KeyError, ValueError, etree.LxmlError, OSError, EOFError) as exc:
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:120]
        if "is not a Word file" in reason:
            reason = "it is another kind of Office file"
        raise InputError(
            f"{path}: cannot read this .docx file ({reason}); open and save it again in Word"
        ) from exc


def _paragraphs(container: Any) -> Iterator[Any]:
    """The `w:p` elements in `container`, in reading order, into tables and content controls."""
    for child in container:
        if child.tag == _W + "p":
            yield child
        elif child.tag in _CONTAINERS:
            yield from _paragraphs(child)


def _text(element: Any) -> str:
    """What a reader sees of a paragraph (or of a part of one)."""
    out: list[str] = []
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue  # an XML comment, or an element left out
        if tag == _W + "t":
            out.append((child.text or "").replace("\r", " ").replace("\n", " "))
        elif tag in {_W + "tab", _W + "ptab"}:
            out.append("\t")
        elif tag == _W + "br":
            if child.get(_W + "type") in {None, "textWrapping"}:  # not a page or column break
                out.append(LINE_BREAK)
        elif tag == _W + "cr":
            out.append(LINE_BREAK)
        elif tag == _W + "noBreakHyphen":
            out.append("-")
        elif tag == _W + "r" and _hidden(child):
            continue
        else:
            out.append(_text(child))
    return "".join(out)


def _hidden(run: Any) -> bool:
    props = run.find(_W + "rPr")
    if props is None:
        return False
    vanish = props.find(_W + "vanish")
    return vanish is not None and vanish.get(_W + "val") not in {"0", "false", "off"}


def _kind(document: Any, p: Any) -> BlockKind:
    """The block kind of a paragraph, from its style and the styles that style is based on;
    TITLE for "Title" and "Heading 1" (the caller keeps only the first)."""
    from docx.enum.style import WD_STYLE_TYPE

    style = document.part.get_style(p.style, WD_STYLE_TYPE.PARAGRAPH)
    numbered = _numbered(p.pPr)
    for _ in range(10):  # a style's base chain is short; a cycle would be a broken file
        if style is None:
            break
        name = (style.name or "").lower()
        if name in {"title", "heading 1"}:
            return BlockKind.TITLE
        if name.startswith("heading ") or name == "subtitle":
            return BlockKind.HEADING
        if name in _QUOTE_STYLES:
            return BlockKind.QUOTE
        if name in _CODE_STYLES:
            return BlockKind.CODE
        numbered = numbered or name.startswith("list") or _numbered(style.element.pPr)
        style = style.base_style
    return BlockKind.LIST_ITEM if numbered else BlockKind.PARAGRAPH


def _numbered(props: Any) -> bool:
    """Paragraph properties that give a bullet or a number (numId 0 takes one away)."""
    num = None if props is None else props.numPr
    if num is None:
        return False
    return num.numId is None or num.numId.val != 0

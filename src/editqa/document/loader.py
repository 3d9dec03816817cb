"""Reading files, directories and standard input into `Document`s."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from editqa.document.encoding import decode
from editqa.document.extraction import Extraction, Extractor, default_extractors
from editqa.document.sourcemap import LineIndex, SourceMap
from editqa.errors import InputError
from editqa.model import Block

STDIN = "-"


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded file: the decoded `source`, the checkable `text`, its blocks and maps."""

    path: str
    source: str
    text: str
    blocks: tuple[Block, ...]
    source_map: SourceMap
    lines: LineIndex
    encoding: str = "utf-8"

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the text span [start, end)."""
        if end == start:
            at = self.source_map.to_source(start)
            return at, at
        return self.source_map.to_source(start), self.source_map.to_source_end(end)

    def position(self, source_offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset."""
        return self.lines.position(source_offset)


def load_text(
    source: str,
    path: str = "<text>",
    *,
    extractor: Extractor | None = None,
    encoding: str = "utf-8",
) -> Document:
    """Build a Document from already decoded text (plain text unless told otherwise)."""
    if extractor is None:
        extractor = default_extractors()[".txt"]
    try:
        ex: Extraction = extractor(source)
    except Exception as exc:  # one unreadable file must not stop a run over a thousand
        kind = getattr(extractor, "__name__", "text").removeprefix("extract_")
        raise InputError(
            f"{path}: could not be read as {kind} ({type(exc).__name__}: {exc})"
        ) from exc
    return Document(path, source, ex.text, ex.blocks, ex.source_map, LineIndex.of(source), encoding)


def load_bytes(
    data: bytes, path: str, *, extractors: Mapping[str, Extractor] | None = None
) -> Document:
    """Decode `data` (encoding detected) and extract it by the extension of `path`; a Word
    document (.docx) is read as one, never decoded."""
    from editqa.document.docx import is_docx, load_docx

    if is_docx(path) or (data[:2] == b"PK" and _is_word_zip(data)):
        return load_docx(data, path)
    text, encoding = decode(data, path)
    extractor = extractor_for(path, text, extractors)
    return load_text(text, path, extractor=extractor, encoding=encoding)


def extractor_for(
    path: str, text: str, extractors: Mapping[str, Extractor] | None = None
) -> Extractor:
    """The extractor for a decoded file: by its extension, or, when that says nothing
    (standard input, no or an unknown extension), by its content."""
    table = extractors or default_extractors()
    suffix = Path(path).suffix.lower()
    if suffix not in table or suffix == "":
        suffix = sniff(text)
    return table.get(suffix) or table[".txt"]


_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
_MARKDOWN_HINTS = re.compile(
    r"\A---\r?\n|^#{1,6} \S|^```|^[ \t]*[-*] \S.*\n[ \t]*[-*] \S|\]\([^)\s]+\)|^\|.*\|[ \t]*$",
    re.M,
)


def sniff(text: str) -> str:
    """The extension whose extractor fits a text that came without a telling name (standard
    input, a file without extension): HTML by its opening tag, Markdown by two of its marks
    (headings, fences, lists, links, tables, front matter), else plain text."""
    if _HTML_START.match(text[:2000]):
        return ".html"
    if len(_MARKDOWN_HINTS.findall(text[:20000])) >= 2:
        return ".md"
    return ".txt"


def _is_word_zip(data: bytes) -> bool:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def read_bytes(path: str, extractors: Mapping[str, Extractor] | None = None) -> bytes:
    """A file's bytes (standard input's for '-'); InputError says what went wrong, and where."""
    if path == STDIN:
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except IsADirectoryError as exc:
        exts = ", ".join(sorted(e for e in (extractors or default_extractors()) if e))
        raise InputError(f"{path}: a directory with no files to check ({exts})") from exc
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def read_path(path: str) -> tuple[str, str]:
    """The decoded text of a file (or standard input) and its encoding; InputError names it."""
    return decode(read_bytes(path), "<stdin>" if path == STDIN else path)


def load_path(path: str, *, extractors: Mapping[str, Extractor] | None = None) -> Document:
    """Read and load one file, or standard input for '-'. Raises InputError naming the file."""
    data = read_bytes(path, extractors)
    return load_bytes(data, "<stdin>" if path == STDIN else path, extractors=extractors)


def expand_paths(paths: Iterable[str], extensions: Iterable[str] | None = None) -> Iterator[str]:
    """Files named, and files below directories named (recursively, by extension, sorted).

    A directory with no such file is yielded as itself, so that loading it reports the
    problem instead of the run passing silently."""
    from editqa.document.bilingual import BILINGUAL_EXTENSIONS
    from editqa.document.docx import EXTENSIONS as DOCX_EXTENSIONS

    exts = {e.lower() for e in (extensions or default_extractors()) if e}
    if extensions is None:
        exts |= set(BILINGUAL_EXTENSIONS) | set(DOCX_EXTENSIONS)
    for p in paths:
        if p != STDIN and os.path.isdir(p):
            found: list[str] = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    os.path.join(root, f)
                    for f in files
                    if Path(f).suffix.lower() in exts and not f.startswith(".")
                )
            yield from sorted(found) if found else (p,)
        else:
            yield p

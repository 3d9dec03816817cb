"""What an extractor returns, and the table of extractors by file extension."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from editqa.document.sourcemap import SourceMap
from editqa.model import Block


@dataclass(frozen=True, slots=True)
class Extraction:
    """Checkable text taken from a source, its blocks, and the map back to the source."""

    text: str
    blocks: tuple[Block, ...]
    source_map: SourceMap


Extractor = Callable[[str], Extraction]


def default_extractors() -> Mapping[str, Extractor]:
    """File extension (lower case, with dot) to extractor."""
    from editqa.document.html import EXTENSIONS as HTML
    from editqa.document.html import extract_html
    from editqa.document.markdown import EXTENSIONS as MARKDOWN
    from editqa.document.markdown import extract_markdown
    from editqa.document.plain import extract_plain

    table: dict[str, Extractor] = {".txt": extract_plain, ".text": extract_plain, "": extract_plain}
    table.update(dict.fromkeys(MARKDOWN, extract_markdown))
    table.update(dict.fromkeys(HTML, extract_html))
    return table

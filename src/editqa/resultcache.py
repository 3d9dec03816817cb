"""Results kept between runs: a file whose bytes, settings and editqa are unchanged is not
checked again.

An entry's key digests the file's bytes, the language it is checked in, everything of the
run that can change a finding (options, house style, the word lists', glossaries' and extra
rule folders' contents) and editqa itself (its version and the digest of its sources and
built-in rules, so that an edited checkout never reads stale results). Entries live beside
the other caches (`editqa.cache.cache_dir()`, `results/`); `--no-cache` bypasses them.
Runs that ask a LanguageTool server are not cached: its answers are not ours to key.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from editqa.cache import cache_dir, editqa_digest, read_pickle, write_pickle
from editqa.config import Options
from editqa.model import FileResult

_RULE_SUFFIXES = (".yml", ".yaml")


def _files_digest(paths: list[str]) -> str:
    digest = hashlib.sha1()
    for name in paths:
        path = Path(name)
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for f in files:
            if f.is_file():
                digest.update(f.as_posix().encode())
                digest.update(f.read_bytes())
    return digest.hexdigest()


def run_key(options: Options) -> str | None:
    """What a run's results depend on besides each file, or None when it must not be
    cached (a LanguageTool server may answer differently tomorrow)."""
    if not options.cache:
        return None
    grammar = options.grammar
    if grammar.mode in ("auto", "languagetool") and (grammar.lt_server or _local_lt()):
        return None
    settings = replace(options, jobs=0, cache=False)
    inputs = [*options.word_files(), *options.glossaries, *options.rule_dirs]
    raw = "\x1f".join((editqa_digest(), repr(settings), _files_digest(inputs)))
    return hashlib.sha1(raw.encode()).hexdigest()


def _local_lt() -> bool:
    from editqa.checks.languagetool import local_install

    return local_install() is not None


def _entry(key: str, path: str, data: bytes, lang: str | None) -> Path:
    """Where a file's result lives: by its bytes, its extension (which decides how it is
    read), its language and the run."""
    digest = hashlib.sha1(data)
    digest.update(f"\x1f{key}\x1f{lang}\x1f{Path(path).suffix.lower()}".encode())
    return cache_dir() / "results" / f"{digest.hexdigest()}.pickle"


def load(key: str, path: str, data: bytes, lang: str | None) -> FileResult | None:
    """The result cached for this content under this run, renamed to `path`."""
    result = read_pickle(_entry(key, path, data, lang))
    return replace(result, path=path) if isinstance(result, FileResult) else None


def store(key: str, path: str, data: bytes, lang: str | None, result: FileResult) -> None:
    """Keep a result (never an error: the next run should say it again)."""
    if result.error is None:
        write_pickle(_entry(key, path, data, lang), result)

"""Project word lists: words the spelling check accepts (`.editqa/words.txt`, `--words FILE`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from editqa.errors import ConfigError

PROJECT_WORDS = Path(".editqa") / "words.txt"


@dataclass(frozen=True, slots=True)
class WordList:
    """A lower-case entry accepts any casing ('kubectl'); a cased entry only itself ('McVey')."""

    exact: frozenset[str] = frozenset()
    folded: frozenset[str] = frozenset()

    @classmethod
    def of(cls, words: Iterable[str]) -> WordList:
        exact: set[str] = set()
        folded: set[str] = set()
        for w in words:
            w = w.strip()
            if not w or w.startswith("#"):
                continue
            (folded if w.islower() else exact).add(w)
        return cls(frozenset(exact), frozenset(folded))

    @classmethod
    def load(cls, paths: Iterable[str | Path]) -> WordList:
        """Read word lists (one word a line, '#' comments). Raises ConfigError naming the file."""
        words: list[str] = []
        for p in paths:
            try:
                words.extend(Path(p).read_text(encoding="utf-8-sig").splitlines())
            except FileNotFoundError as exc:
                raise ConfigError(f"{p}: word list not found") from exc
            except UnicodeDecodeError as exc:
                raise ConfigError(f"{p}: word list is not UTF-8 text") from exc
            except OSError as exc:
                raise ConfigError(f"{p}: cannot read word list ({exc.strerror or exc})") from exc
        return cls.of(words)

    def accepts(self, word: str) -> bool:
        return word in self.exact or word.lower() in self.folded

    def all(self) -> list[str]:
        return sorted(self.exact | self.folded)

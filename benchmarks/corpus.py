"""A deterministic English news-like corpus for benchmarks.

Sentences are drawn from the 6,000 most frequent words of pyspellchecker's English list that
the British Hunspell dictionary also accepts, with invented personal and place names used
consistently, figures, quotations, and about 2 misspellings per 1,000 words from a pool of
distinct misspelt forms (so suggestion caching is exercised as in real copy).
"""

from __future__ import annotations

import random
from pathlib import Path

from editqa.runtime import Runtime

SEED = 20261125
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ren",
    "tas",
    "vor",
    "ul",
    "bek",
    "dra",
    "shin",
    "po",
    "zel",
    "nor",
    "ath",
    "im",
    "gal",
    "fen",
    "ro",
    "sti",
    "val",
]


def vocabulary(runtime: Runtime, size: int = 6000) -> list[str]:
    lex = runtime.lexicon("en-GB")
    freq = lex._pyspell.word_frequency.dictionary
    words = sorted(freq, key=lambda w: -freq[w])
    return [w for w in words if w.isalpha() and len(w) > 1 and lex.known(w)][:size]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def _misspell(rng: random.Random, word: str) -> str:
    i = rng.randrange(1, len(word) - 1)
    if rng.random() < 0.5:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + word[i + 1 :]


def articles(runtime: Runtime, total_words: int, words_per_article: int = 1000) -> list[str]:
    rng = random.Random(SEED)
    vocab = vocabulary(runtime)
    common = vocab[:300]
    names = [_name(rng) for _ in range(400)]
    long_words = [w for w in vocab if len(w) >= 6]
    typos = [_misspell(rng, rng.choice(long_words)) for _ in range(600)]
    out: list[str] = []
    made = 0
    while made < total_words:
        people = rng.sample(names, 4)
        words_here = 0
        paras = [" ".join(rng.sample(vocab, 6)).capitalize()]
        while words_here < words_per_article:
            sentences = []
            for _ in range(rng.randint(3, 5)):
                n = rng.randint(8, 24)
                ws = [
                    rng.choice(common) if rng.random() < 0.5 else rng.choice(vocab)
                    for _ in range(n)
                ]
                if rng.random() < 0.5:
                    ws[rng.randrange(n)] = rng.choice(people)
                if rng.random() < 0.2:
                    ws[rng.randrange(n)] = f"{rng.randint(2, 999)},{rng.randint(100, 999)}"
                if rng.random() < 0.03 * n / 10:
                    ws[rng.randrange(1, n)] = rng.choice(typos)
                s = " ".join(ws)
                s = s[0].upper() + s[1:] + "."
                if rng.random() < 0.1:
                    s = f'"{s}" {rng.choice(people)} said.'
                sentences.append(s)
                words_here += n
            paras.append(" ".join(sentences))
        made += words_here
        out.append("\n\n".join(paras) + "\n")
    return out


def write_corpus(
    folder: Path, runtime: Runtime, total_words: int, words_per_article: int = 1000
) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("article-*.txt"):
        old.unlink()
    paths = []
    for i, text in enumerate(articles(runtime, total_words, words_per_article)):
        p = folder / f"article-{i:04d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths

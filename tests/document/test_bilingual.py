"""Reading XLIFF and PO: units, languages, and a map from every checked character back to
its place in the file."""

from __future__ import annotations

import pytest

from editqa.document.bilingual import is_bilingual, load_bilingual
from editqa.errors import InputError

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="f" source-language="ru" target-language="en-GB" datatype="plaintext"><body>
  <trans-unit id="a"><source>Цена &lt;b&gt; 5 &amp; 6</source><target>Price &lt;b&gt; 5 &amp; 6</target></trans-unit>
  <trans-unit id="b"><source>Пусто</source></trans-unit>
  <trans-unit id="c"><source>Нажмите <x id="1"/> здесь</source><target>Press <x id="1"/> here</target></trans-unit>
 </body></file>
</xliff>
"""

PO = r"""msgid ""
msgstr ""
"Language: de\n"

msgid "Строка \"один\"\n"
"и два"
msgstr "Zeile \"eins\"\n"
"und zwei"
"""


def test_xliff_units_languages_and_map() -> None:
    bf = load_bilingual("f.xlf", XLIFF)
    assert (bf.source_language, bf.target_language) == ("ru", "en-GB")
    assert [u[0] for u in bf.units] == ["a", "b", "c"]
    (_, _, (ts, te)), (_, _, empty), (_, _, (cs, ce)) = bf.units
    assert bf.target.text[ts:te] == "Price <b> 5 & 6"
    assert empty[0] == empty[1]  # no target
    assert bf.target.text[cs:ce] == "Press  here"  # inline tags dropped
    # every plain character maps to itself in the file; an entity maps to its start
    for i in range(ts, te):
        s, _ = bf.target.to_source(i, i + 1)
        ch = bf.target.text[i]
        assert XLIFF[s] == ch or XLIFF[s] == "&"


def test_po_units_escapes_and_map() -> None:
    bf = load_bilingual("f.po", PO)
    assert bf.target_language == "de"
    ((uid, (ss, se), (ts, te)),) = bf.units
    assert uid == "line 5"
    assert bf.source.text[ss:se] == 'Строка "один"\nи два'
    assert bf.target.text[ts:te] == 'Zeile "eins"\nund zwei'
    start, _ = bf.target.to_source(ts + len('Zeile "eins"\n'), ts + len('Zeile "eins"\nund'))
    assert PO[start : start + 3] == "und"


def test_broken_files_are_input_errors() -> None:
    with pytest.raises(InputError, match=r"f\.xlf: not a readable bilingual file"):
        load_bilingual("f.xlf", "<xliff><file>")
    assert is_bilingual("a/b.XLIFF") and is_bilingual("x.po") and not is_bilingual("x.txt")


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="ru" adminlang="en" segtype="sentence" datatype="plaintext"
 o-tmf="x" creationtool="x" creationtoolversion="1"/>
<body>
<tu tuid="7"><tuv xml:lang="en"><seg>Price 5 &amp; 6</seg></tuv><tuv xml:lang="ru"><seg>Цена 5 &amp; 6</seg></tuv></tu>
</body></tmx>
"""


def test_tmx_takes_the_source_from_the_header_language() -> None:
    bf = load_bilingual("m.tmx", TMX)
    assert (bf.source_language, bf.target_language) == ("ru", "en")
    ((uid, (ss, se), (ts, te)),) = bf.units
    assert uid == "7"
    assert bf.source.text[ss:se] == "Цена 5 & 6" and bf.target.text[ts:te] == "Price 5 & 6"
    s, _ = bf.target.to_source(ts, ts + 5)
    assert TMX[s : s + 5] == "Price"


def test_tables_need_source_and_target_columns() -> None:
    table = "id,source,target\nq1,Привет,Hello\n,Пока,\n"
    bf = load_bilingual("t.csv", table)
    assert [u[0] for u in bf.units] == ["q1", "row 3"]
    (_, _, (ts, te)), (_, _, empty) = bf.units
    assert bf.target.text[ts:te] == "Hello" and empty[0] == empty[1]
    s, e = bf.target.to_source(ts, te)
    assert table[s:e] == "Hello"
    with pytest.raises(InputError, match=r"t\.tsv:1: a bilingual table needs"):
        load_bilingual("t.tsv", "original\ttranslation\nа\tb\n")

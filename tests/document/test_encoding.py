from __future__ import annotations

import codecs

import pytest

from editqa.document.encoding import decode
from editqa.errors import InputError

RUSSIAN = "Министр обороны России встретился с министром обороны Казахстана. " * 4
FRENCH = "Le ministre a présenté un budget équilibré à l'été, après un débat animé. " * 4


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (RUSSIAN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + RUSSIAN.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + RUSSIAN.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + RUSSIAN.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_unicode_with_and_without_bom(data: bytes, encoding: str) -> None:
    text, enc = decode(data, "x.txt")
    assert text == RUSSIAN
    assert enc == encoding


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r"])
def test_legacy_russian_encodings_are_detected(codec: str) -> None:
    text, _ = decode(RUSSIAN.encode(codec), "x.txt")
    assert text == RUSSIAN


def test_latin1_is_detected() -> None:
    text, _ = decode(FRENCH.encode("latin-1"), "x.txt")
    assert text == FRENCH


def test_newlines_are_kept() -> None:
    text, _ = decode(b"one\r\ntwo\rthree\n", "x.txt")
    assert text == "one\r\ntwo\rthree\n"


def test_binary_is_a_one_line_error_naming_the_file() -> None:
    with pytest.raises(InputError) as err:
        decode(bytes(range(256)) * 10, "photo.jpg")
    assert str(err.value).startswith("photo.jpg: ")
    assert "\n" not in str(err.value)


def test_bad_utf16_after_bom_is_an_error() -> None:
    with pytest.raises(InputError, match="utf-16-le"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8", "x.txt")


def test_a_nul_byte_anywhere_means_binary() -> None:
    with pytest.raises(InputError, match="binary"):
        decode(b"plain text " * 2000 + b"\x00", "x.txt")

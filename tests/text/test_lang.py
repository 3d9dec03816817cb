from __future__ import annotations

import pytest

from editqa.api import resolve_language
from editqa.document.loader import load_text
from editqa.errors import UsageError
from editqa.runtime import Runtime
from editqa.text.lang import parse_tag


@pytest.mark.parametrize(
    ("given", "tag"),
    [("en", "en"), ("EN_gb", "en-GB"), ("en-us", "en-US"), ("ru", "ru"), ("de", "de")],
)
def test_tags_are_normalised(given: str, tag: str) -> None:
    assert parse_tag(given) == tag


@pytest.mark.parametrize("bad", ["xx", "en-XY", "en-GB-x"])
def test_unknown_tags_are_usage_errors(bad: str) -> None:
    with pytest.raises(UsageError, match="--lang"):
        parse_tag(bad)


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        (
            "The defence ministry opened a new training centre near the harbour. "
            "Its colour scheme was chosen by the local council.",
            "en-GB",
        ),
        (
            "The defense ministry opened a new training center near the harbor. "
            "Its color scheme was chosen by the local council.",
            "en-US",
        ),
        (
            "Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr beschlossen, "
            "nachdem die Debatte sechs Stunden gedauert hatte.",
            "de",
        ),
        (
            "Le conseil municipal a adopté mardi le budget de l'année prochaine après un "
            "débat qui a duré six heures.",
            "fr",
        ),
        (
            "El ayuntamiento aprobó el martes el presupuesto del próximo año tras un debate "
            "que duró seis horas.",
            "es",
        ),
        (
            "Городской совет во вторник утвердил бюджет на следующий год после дебатов, "
            "которые длились шесть часов.",
            "ru",
        ),
    ],
)
def test_detection_and_english_dialect(runtime: Runtime, text: str, tag: str) -> None:
    assert resolve_language(load_text(text), None, runtime) == tag


def test_requested_dialect_wins(runtime: Runtime) -> None:
    doc = load_text("The defence ministry opened a centre.")
    assert resolve_language(doc, "en-US", runtime) == "en-US"
    assert resolve_language(doc, "en", runtime) == "en-GB"


def test_a_language_without_dictionary_is_named_not_mistaken(runtime: Runtime) -> None:
    from editqa.api import build_checks, check_document

    doc = load_text(
        "Rząd przyjął w środę projekt budżetu na przyszły rok. Minister finansów powiedział, "
        "że deficyt spadnie, a wydatki na obronę wzrosną."
    )
    assert resolve_language(doc, None, runtime) == "pl"
    result = check_document(doc, runtime, build_checks(runtime, ("spelling",)))
    assert result.findings == ()
    assert result.notes == ("no spelling dictionary for 'pl': spelling was not checked",)

"""Shared fixtures: one Runtime (dictionaries, gazetteer, built-in rules) for the session."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from editqa.api import build_checks, check_document
from editqa.config import Options
from editqa.document.loader import load_text
from editqa.model import FileResult, Finding
from editqa.rules.loader import load_rules
from editqa.runtime import Runtime

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session", autouse=True)
def _cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the disk cache inside the test session, never in the user's home; the CLI's
    result cache stays off, so that a test never sees another test's results (the cache's
    own tests turn it on through the API)."""
    os.environ["EDITQA_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    os.environ["EDITQA_NO_CACHE"] = "1"


@pytest.fixture(scope="session")
def runtime() -> Runtime:
    return Runtime(rules=load_rules(()))


CheckFn = Callable[..., FileResult]


@pytest.fixture(scope="session")
def check(runtime: Runtime) -> CheckFn:
    """check(text, lang=None, checks=(...)) -> FileResult, with the shared runtime."""

    def run(
        text: str, lang: str | None = "en-GB", checks: tuple[str, ...] | None = None
    ) -> FileResult:
        names = checks or Options().checks
        return check_document(
            load_text(text), runtime, build_checks(runtime, names), Options(lang=lang).lang
        )

    return run


def ids(findings: tuple[Finding, ...] | list[Finding]) -> list[str]:
    return [f.rule_id for f in findings]


def texts(findings: tuple[Finding, ...] | list[Finding], rule_prefix: str = "") -> list[str]:
    return [f.text for f in findings if f.rule_id.startswith(rule_prefix)]

"""LanguageTool: many languages and rules, behind a Java server.

Either a server URL (`--lt-server`, `$EDITQA_LT_SERVER`) or a LanguageTool that
language-tool-python has already installed on this machine (it is started, never downloaded:
editqa looks for an existing install first). editqa speaks the documented `/v2/check` API
itself: one connection setting per run, documents sent in chunks at paragraph boundaries,
offsets converted from LanguageTool's UTF-16 code units to code points, and time-outs, HTTP
413/5xx and refused connections turned into a notice.
"""

from __future__ import annotations

import json
import os
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editqa.checks.base import CheckContext
from editqa.checks.grammar import ITS_CATEGORIES, GrammarUnavailable
from editqa.config import GrammarSettings
from editqa.model import Category, Finding, FixSafety, Severity
from editqa.text.lang import base

CHUNK_CHARS = 20_000  # LanguageTool's public servers take 20 KB a request; local ones more
PROBE_TIMEOUT = 3.0
DEFAULT_REGIONS = {"en": "en-US", "de": "de-DE", "pt": "pt-PT", "ru": "ru-RU", "nl": "nl-NL"}
SEVERITY = {
    Category.MISSPELLING: Severity.WARNING,
    Category.GRAMMAR: Severity.WARNING,
    Category.TYPOGRAPHICAL: Severity.WARNING,
    Category.TERMINOLOGY: Severity.WARNING,
    Category.NUMBERS: Severity.WARNING,
}


@dataclass(frozen=True, slots=True)
class Chunk:
    """A run of whole blocks sent in one request: text[start:end]."""

    start: int
    end: int


def chunks(text: str, block_bounds: list[tuple[int, int]], limit: int) -> list[Chunk]:
    """Cut the text at block boundaries into chunks of at most `limit` characters (a longer
    block is a chunk of its own, cut at the last line break or space before the limit)."""
    out: list[Chunk] = []
    start = None
    end = 0
    for b_start, b_end in block_bounds:
        if start is not None and b_end - start > limit:
            out.append(Chunk(start, end))
            start = None
        if start is None:
            start = b_start
        end = b_end
        while end - start > limit:
            cut = max(text.rfind("\n", start, start + limit), text.rfind(" ", start, start + limit))
            cut = cut + 1 if cut > start else start + limit
            out.append(Chunk(start, cut))
            start = cut
    if start is not None and end > start:
        out.append(Chunk(start, end))
    return out


def utf16_to_codepoints(text: str) -> list[int] | None:
    """Code-point index of each UTF-16 offset of `text` (None when they are the same: no
    character outside the Basic Multilingual Plane, such as an emoji)."""
    if all(ord(ch) < 0x10000 for ch in text):
        return None
    table = []
    for i, ch in enumerate(text):
        table.append(i)
        if ord(ch) >= 0x10000:
            table.append(i)  # the low surrogate maps to the same character
    table.append(len(text))
    return table


def local_install() -> Path | None:
    """A LanguageTool that language-tool-python installed earlier, if any (never downloads)."""
    jar_dir = os.environ.get("LTP_JAR_DIR_PATH")
    if jar_dir and Path(jar_dir).is_dir():
        return Path(jar_dir)
    folder = Path(os.environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python")
    if folder.is_dir():
        found = sorted(p for p in folder.glob("LanguageTool*") if p.is_dir())
        if found:
            return found[-1]
    return None


class LanguageToolBackend:
    """LanguageTool behind the grammar protocol; one per run."""

    name = "languagetool"

    def __init__(self, settings: GrammarSettings, *, chunk_chars: int = CHUNK_CHARS) -> None:
        self.settings = settings
        self.chunk_chars = chunk_chars
        self._url: str | None = None
        self._languages: set[str] | None = None
        self._failure: str | None = None
        self._local: Any = None

    # -- connection -----------------------------------------------------------------------
    def available(self) -> bool:
        """Whether a server answers (asked once per run; a lost server stays lost)."""
        if self._languages is None and self._failure is None:
            try:
                self._url = self._server_url()
                data = self._request("languages", None, PROBE_TIMEOUT)
                self._languages = {str(x.get("longCode", "")) for x in data} | {
                    str(x.get("code", "")) for x in data
                }
            except GrammarUnavailable as exc:
                self._failure = str(exc)
        return self._languages is not None

    @property
    def failure(self) -> str | None:
        """Why the server could not be used, once `available()` has said no."""
        return self._failure

    @property
    def configured(self) -> bool:
        """Whether the user asked for LanguageTool (a server URL) or has it installed."""
        return bool(self.settings.lt_server) or local_install() is not None

    def _server_url(self) -> str:
        if self.settings.lt_server:
            url = self.settings.lt_server
            if not urllib.parse.urlparse(url).scheme:
                url = "http://" + url
            return url.rstrip("/") + "/"
        install = local_install()
        if install is None:
            raise GrammarUnavailable(
                "no server given (--lt-server or $EDITQA_LT_SERVER) and no local LanguageTool"
            )
        return self._start_local()

    def _start_local(self) -> str:
        """Start the local install through language-tool-python (which finds it, so it does
        not download) and use its server's address."""
        try:
            import language_tool_python

            self._local = language_tool_python.LanguageTool("en-US")
            url = str(self._local._url)
        except Exception as exc:
            raise GrammarUnavailable(f"the local LanguageTool did not start ({exc})") from exc
        return url.removesuffix("v2/").rstrip("/") + "/"

    def close(self) -> None:
        if self._local is not None:
            self._local.close()
            self._local = None

    def _request(self, endpoint: str, form: dict[str, str] | None, timeout: float) -> Any:
        assert self._url is not None
        url = urllib.parse.urljoin(self._url, f"v2/{endpoint}")
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        request = urllib.request.Request(url, data=data, headers={"Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            if exc.code == 413:
                raise GrammarUnavailable(
                    f"{url} refused a request as too large (HTTP 413)"
                ) from exc
            raise GrammarUnavailable(f"{url} answered HTTP {exc.code}") from exc
        except TimeoutError as exc:
            raise GrammarUnavailable(f"{url} did not answer within {timeout:g} s") from exc
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise GrammarUnavailable(f"{url} did not answer within {timeout:g} s") from exc
            raise GrammarUnavailable(f"cannot reach {url} ({reason})") from exc
        except (OSError, ValueError) as exc:
            raise GrammarUnavailable(f"{url}: {exc}") from exc

    # -- protocol -------------------------------------------------------------------------
    def supports(self, language: str) -> bool:
        return self.available() and self.language_code(language) is not None

    def prepare(self, language: str) -> None:
        return None

    def language_code(self, tag: str) -> str | None:
        """The code LanguageTool knows for a tag: the tag itself, its usual region, or the
        bare language."""
        languages = self._languages or set()
        regional = [tag] if "-" in tag else []
        for code in (*regional, DEFAULT_REGIONS.get(base(tag), ""), base(tag)):
            if code and code in languages:
                return code
        return None

    def form(self, text: str, language: str) -> dict[str, str]:
        s = self.settings
        form = {"text": text, "language": self.language_code(language) or language}
        if s.mother_tongue:
            form["motherTongue"] = self.language_code(s.mother_tongue) or s.mother_tongue
        for key, values in (
            ("enabledRules", s.lt_enabled_rules),
            ("disabledRules", s.lt_disabled_rules),
            ("enabledCategories", s.lt_enabled_categories),
            ("disabledCategories", s.lt_disabled_categories),
        ):
            if values:
                form[key] = ",".join(values)
        if s.lt_picky:
            form["level"] = "picky"
        return form

    def check(self, ctx: CheckContext, *, spelling: bool) -> list[Finding]:
        text = ctx.document.text
        bounds = [(b.start, b.end) for b in ctx.document.blocks]
        out: list[Finding] = []
        for chunk in chunks(text, bounds, self.chunk_chars):
            piece = text[chunk.start : chunk.end]
            data = self._request("check", self.form(piece, ctx.language), self.settings.lt_timeout)
            table = utf16_to_codepoints(piece)
            for match in data.get("matches", ()):
                finding = self._finding(ctx, match, chunk.start, table, spelling)
                if finding is not None:
                    out.append(finding)
        return out

    def _finding(
        self,
        ctx: CheckContext,
        match: dict[str, Any],
        base_offset: int,
        table: list[int] | None,
        spelling: bool,
    ) -> Finding | None:
        offset, length = int(match["offset"]), int(match["length"])
        if table is not None:
            start, end = table[offset], table[min(offset + length, len(table) - 1)]
        else:
            start, end = offset, offset + length
        rule = match.get("rule") or {}
        issue = str(rule.get("issueType") or "")
        category_id = str((rule.get("category") or {}).get("id") or "")
        category = ITS_CATEGORIES.get(issue, Category.OTHER)
        if category_id == "TYPOS" or issue == "misspelling":
            category = Category.MISSPELLING
            if not spelling:
                return None
        replacements = [str(r.get("value", "")) for r in match.get("replacements", ())[:5]]
        return ctx.finding(
            rule_id=f"languagetool.{rule.get('id', 'UNKNOWN')}",
            source="languagetool",
            category=category,
            severity=SEVERITY.get(category, Severity.INFO),
            message=" ".join(str(match.get("message", "")).split()),
            start=base_offset + start,
            end=base_offset + end,
            suggestions=replacements,
            fix_safety=FixSafety.SUGGEST,
        )

"""A loopback HTTP server that answers like LanguageTool's documented /v2 API, for tests.

It flags every occurrence of the words in `ERRORS`, computing offsets in UTF-16 code units
as LanguageTool (a Java program) does, and can be told to fail with a status or to stall.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

LANGUAGES = [
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
    {"name": "Russian", "code": "ru", "longCode": "ru-RU"},
]
# word -> (rule id, issue type, category id, replacement, message)
ERRORS = {
    "teh": (
        "MORFOLOGIK_RULE_EN_US",
        "misspelling",
        "TYPOS",
        "the",
        "Possible spelling mistake found.",
    ),
    "a error": (
        "EN_A_VS_AN",
        "grammar",
        "MISC",
        "an error",
        "Use 'an' instead of 'a' before a vowel.",
    ),
    "alot": ("ALOT", "misspelling", "TYPOS", "a lot", "Did you mean 'a lot'?"),
    "very unique": ("VERY_UNIQUE", "style", "STYLE", "unique", "'Unique' needs no intensifier."),
}


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def matches(text: str) -> list[dict[str, Any]]:
    out = []
    for needle, (rule, issue, category, replacement, message) in ERRORS.items():
        start = text.find(needle)
        while start != -1:
            offset = utf16_len(text[:start])
            length = utf16_len(needle)
            out.append(
                {
                    "message": message,
                    "shortMessage": "",
                    "replacements": [{"value": replacement}],
                    "offset": offset,
                    "length": length,
                    "context": {
                        "text": text[max(0, start - 20) : start + 30],
                        "offset": 0,
                        "length": length,
                    },
                    "sentence": text,
                    "type": {"typeName": "Other"},
                    "rule": {
                        "id": rule,
                        "description": message,
                        "issueType": issue,
                        "category": {"id": category, "name": category.title()},
                    },
                    "ignoreForIncompleteSentence": False,
                    "contextForSureMatch": 0,
                }
            )
            start = text.find(needle, start + 1)
    return sorted(out, key=lambda m: m["offset"])


class FakeLanguageTool:
    """Start with `with FakeLanguageTool() as lt:`; `lt.url`, `lt.requests`, `lt.status`."""

    def __init__(self) -> None:
        self.requests: list[dict[str, str]] = []
        self.status = 200
        self.stall = 0.0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, body: Any) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                if self.path.rstrip("/") == "/v2/languages":
                    self._send(200, LANGUAGES)
                else:
                    self._send(404, {"error": "not found"})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
                outer.requests.append(form)
                if outer.stall:
                    time.sleep(outer.stall)
                if outer.status != 200:
                    self._send(outer.status, {"error": "failure"})
                    return
                self._send(
                    200,
                    {
                        "software": {"name": "LanguageTool", "version": "6.6", "apiVersion": 1},
                        "language": {"name": "English (US)", "code": form.get("language", "")},
                        "matches": matches(form.get("text", "")),
                    },
                )

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeLanguageTool:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

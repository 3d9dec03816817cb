"""`--format junit`: JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

Shape: one `<testsuite>` a file (named by its path), one `<testcase>` a finding, named
"RULE_ID at LINE:COL" (columns in code points, as `--format line`), with the file's path as
its `classname` and `file`. An error or warning is a `<failure>` whose `type` is the
severity; an info is a passing test case that says what it found in `<system-out>`, since
infos never fail a run. A file without findings has one passing case, "no findings"; a file
that could not be read has one case with an `<error>`. A file's notes go in its suite's
`<system-out>`, the run's notices in a last suite, "editqa", with no test cases. Characters
that XML 1.0 forbids (most control characters) become U+FFFD.
"""

from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET
from typing import TextIO

from editqa.baseline import relative_path
from editqa.document.sourcemap import LineIndex
from editqa.model import CheckResult, FileResult, Severity
from editqa.report.base import positions
from editqa.report.line import format_finding

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """`text` with every character XML 1.0 cannot carry replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _element(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: xml_safe(v) for k, v in attrs.items()})
    if text is not None:
        el.text = xml_safe(text)
    return el


def _suite(root: ET.Element, r: FileResult) -> tuple[int, int, int]:
    """The file's test suite; returns its (tests, failures, errors)."""
    path = relative_path(r.path) or r.path
    suite = _element(root, "testsuite", name=path)
    if r.language:
        props = _element(suite, "properties")
        _element(props, "property", name="language", value=r.language)
    tests = failures = errors = 0
    if r.error is not None:
        case = _element(suite, "testcase", name="read file", classname=path, file=path)
        _element(case, "error", r.error, message=r.error, type="file-error")
        tests, errors = 1, 1
    elif not r.findings:
        _element(suite, "testcase", name="no findings", classname=path, file=path)
        tests = 1
    pos = positions(r)
    index = LineIndex.of(r.source)
    for f in r.findings:
        line, col = pos[f]
        start, end = index.line_span(line, r.source)
        detail = f"{format_finding(path, line, col, f)}\n  {r.source[start:end].strip()}\n"
        case = _element(
            suite,
            "testcase",
            name=f"{f.rule_id} at {line}:{col}",
            classname=path,
            file=path,
            line=str(line),
        )
        tests += 1
        if f.severity is Severity.INFO:
            _element(case, "system-out", detail)
        else:
            _element(case, "failure", detail, message=f.message, type=f.severity.value)
            failures += 1
    if r.notes:
        _element(suite, "system-out", "".join(f"note: {n}\n" for n in r.notes))
    suite.attrib |= {
        "tests": str(tests),
        "failures": str(failures),
        "errors": str(errors),
        "skipped": "0",
    }
    return tests, failures, errors


def to_xml(result: CheckResult) -> ET.Element:
    root = ET.Element("testsuites", {"name": "editqa"})
    totals = [0, 0, 0]
    for r in result.files:
        for i, n in enumerate(_suite(root, r)):
            totals[i] += n
    if result.notices:
        suite = _element(root, "testsuite", name="editqa", tests="0", failures="0", errors="0")
        suite.set("skipped", "0")
        _element(suite, "system-out", "".join(f"note: {n.message}\n" for n in result.notices))
    root.attrib |= {
        "tests": str(totals[0]),
        "failures": str(totals[1]),
        "errors": str(totals[2]),
        "skipped": "0",
    }
    return root


class JunitReporter:
    def report(self, result: CheckResult, out: TextIO) -> None:
        # UTF-8 unless the stream cannot take it; then ASCII, with character references
        stream = getattr(out, "encoding", None) or "utf-8"
        encoding = "utf-8" if codecs.lookup(stream).name == "utf-8" else "us-ascii"
        root = to_xml(result)
        ET.indent(root)
        data = ET.tostring(root, encoding=encoding, xml_declaration=True)
        out.write(data.decode(encoding) + "\n")

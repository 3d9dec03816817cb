"""The Python API: check text or files and get results back. Never prints."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from editqa import resultcache
from editqa.checks.base import Check, CheckContext
from editqa.checks.bilingual import BilingualCheck
from editqa.checks.grammar import GrammarCheck, merge
from editqa.checks.script import MixedScriptCheck
from editqa.checks.spelling import SpellingCheck
from editqa.config import Options
from editqa.configfile import ConfigFinder, FileSettings
from editqa.document.bilingual import is_bilingual, load_bilingual
from editqa.document.docx import DOCX_ENCODING, DOCX_FIX_REFUSED
from editqa.document.loader import (
    STDIN,
    Document,
    expand_paths,
    extractor_for,
    load_bytes,
    load_path,
    load_text,
    read_path,
)
from editqa.errors import EditqaError, ExitCode
from editqa.fixes.apply import apply_edits
from editqa.fixes.resolve import Dropped, resolve
from editqa.model import AlignedSegment, CheckResult, FileResult, Finding, Notice, Severity
from editqa.rules.engine import RulesCheck
from editqa.rules.loader import load_rules
from editqa.runtime import Runtime
from editqa.suppress import suppress
from editqa.text.glossary import Glossary
from editqa.text.lang import base, infer_english_dialect, parse_tag, script_language
from editqa.text.pairing import Pair, Segment, pair_documents
from editqa.text.words import WordList

DEFAULT_LANGUAGE = "en"
MIN_FILES_FOR_WORKERS = 4
_WORD = re.compile(r"[^\W\d_]+")


def build_runtime(options: Options) -> Runtime:
    """Load word lists and rules once; dictionaries and gazetteers are built on first use."""
    words = WordList.load(options.word_files())
    rules = load_rules(options.rule_dirs, builtin=options.builtin_rules)
    glossary = Glossary.load(options.glossaries)
    return Runtime(
        words=words, rules=rules, grammar=options.grammar, style=options.style, glossary=glossary
    )


def build_checks(runtime: Runtime, names: Iterable[str]) -> list[Check]:
    """The checks named, in a fixed order."""
    wanted = set(names)
    table: dict[str, Check] = {
        "spelling": SpellingCheck(),
        "rules": RulesCheck(runtime.rules),
        "bilingual": BilingualCheck(),
        "script": MixedScriptCheck(),
    }
    if "grammar" in wanted:  # last: it reuses what the spelling check learnt of names
        table["grammar"] = GrammarCheck(
            runtime.grammar_backends(),
            spelling_engine=runtime.grammar.spelling_engine,
            notices=runtime.notices,
        )
    return [c for n, c in table.items() if n in wanted]


def resolve_language(doc: Document, requested: str | None, runtime: Runtime) -> str:
    """The document's language tag: as requested, else detected; English gets a dialect
    inferred from its spellings unless one was given.

    Detection: English is recognised by its dictionary (cheap); otherwise lingua chooses among
    the languages editqa has dictionaries for, and when too few of the text's words are in the
    chosen language's dictionary (a Polish text taken for Latvian), among more languages."""
    tag = requested or _dictionary_language(doc.text, runtime)
    if tag is None:
        tag = runtime.detector.detect(doc.text)
        if tag is not None and _known_share(doc.text, runtime, tag) < KNOWN_SHARE_DETECTED:
            tag = runtime.detector.detect_any(doc.text) or tag
        by_script = script_language(doc.text)
        if tag not in (None, "en") and by_script is None:
            # a short text misleads the detector ("The mayor will..." taken for Spanish):
            # the dictionary that knows more of its words decides
            share = _known_share(doc.text, runtime, tag)
            if _known_share(doc.text, runtime, "en") > max(share, KNOWN_SHARE_DETECTED):
                tag = "en"
        tag = tag or by_script
    tag = tag or DEFAULT_LANGUAGE
    if not requested:  # the house style's locale or spelling fixes the dialect
        house = runtime.style_settings.get("locale")
        spelling = runtime.style_settings.get("spelling")
        if house and base(house) == base(tag):
            tag = house
        elif tag.startswith("en") and spelling in ("en-GB", "en-US", "oxford"):
            tag = "en-GB" if spelling == "oxford" else spelling
    if tag == "en":
        words = [m for m in doc.text.split() if m.isalpha()]
        lex = runtime.lexicon("en-GB")
        tag = infer_english_dialect(
            words,
            british=lambda w: lex.dialect_vote(w) > 0,
            american=lambda w: lex.dialect_vote(w) < 0,
        )
    return tag


ENGLISH_SHARE = 0.9
KNOWN_SHARE_DETECTED = 0.6


def _sample_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text[:4000]) if w.islower()][:300]


def _known_share(text: str, runtime: Runtime, tag: str) -> float:
    words = _sample_words(text)
    lexicon = runtime.lexicon(tag)
    if not words or not lexicon.available:
        return 0.0
    return sum(1 for w in words if lexicon.known(w)) / len(words)


def _dictionary_language(text: str, runtime: Runtime) -> str | None:
    """'en' when nearly every lower-case word of the opening is in the English dictionary:
    a cheap answer that spares loading the statistical detector for English texts."""
    words = _sample_words(text)
    hunspell = runtime.hunspell("en-us")
    if len(words) < 20 or hunspell is None:
        return None
    known = sum(1 for w in words if hunspell.spell(w))
    return "en" if known >= ENGLISH_SHARE * len(words) else None


def check_document(
    doc: Document,
    runtime: Runtime,
    checks: Sequence[Check],
    lang: str | None = None,
    pair: Pair | None = None,
    *,
    report_unused: bool = False,
) -> FileResult:
    """Run every check over one document; findings sorted by (start, rule_id), deduplicated,
    without those its suppression comments silence (`report_unused`: with a finding for
    each comment that silenced nothing). With `pair`, the document is a translation of
    `pair.source` and the bilingual checks compare the two."""
    language = resolve_language(doc, lang, runtime)
    ctx = CheckContext.build(doc, language, runtime, pair=pair)
    for check in checks:
        if isinstance(check, GrammarCheck):
            check.prepare(language)  # slow engines start building while the others run
    findings: dict[tuple[str, int, int], Finding] = {}
    for check in checks:
        for f in check.run(ctx):
            findings.setdefault((f.rule_id, f.start, f.end), f)
    # bilingual findings cover whole segments and say something else than the findings
    # inside them: they are never merged with those
    merged = merge([f for f in findings.values() if f.segment is None])
    # a bilingual fix for a span a monolingual finding already covers ("1,6" written the
    # source's way, which the English rules call a decimal comma) would say it twice
    said = {(f.start, f.end) for f in merged}
    merged += [
        f
        for f in findings.values()
        if f.segment is not None and not (f.suggestions and (f.start, f.end) in said)
    ]
    ordered = suppress(
        sorted(merged, key=lambda f: (f.start, f.rule_id, f.end)), doc, report_unused
    )
    notes = []
    if any(c.name == "spelling" for c in checks) and not runtime.lexicon(language).available:
        notes.append(f"no spelling dictionary for '{language}': spelling was not checked")
    return FileResult(
        doc.path,
        language,
        ordered,
        doc.source,
        None,
        doc.encoding,
        notes=tuple(notes),
        alignment=_alignment(doc, pair) if pair is not None else (),
    )


def _alignment(doc: Document, pair: Pair) -> tuple[AlignedSegment, ...]:
    """The pair's segments in the target file's coordinates, ordered as the target reads."""
    out = []
    for seg in pair.segments:
        t_start, t_end = doc.to_source(*seg.target)
        s_start, s_end = pair.source.to_source(*seg.source)
        source_text = pair.source.source[s_start:s_end]
        out.append(AlignedSegment(seg.id, t_start, t_end, source_text, seg.problem))
    return tuple(sorted(out, key=lambda a: (a.target_start, a.target_end)))


def check_text(
    text: str,
    *,
    lang: str | None = None,
    options: Options | None = None,
    runtime: Runtime | None = None,
    path: str = "<text>",
) -> FileResult:
    """Check a string as a plain-text document. Pass a `runtime` (from `build_runtime`) when
    checking many texts: building one loads the rules, and its dictionaries load on first use."""
    options = options or Options(lang=lang)
    runtime = runtime or build_runtime(options)
    checks = build_checks(runtime, options.active_checks())
    tag = Options(lang=lang).lang if lang else options.lang
    return check_document(load_text(text, path), runtime, checks, tag)


def _check_one(
    path: str,
    runtime: Runtime,
    checks: Sequence[Check],
    lang: str | None,
    report_unused: bool = False,
    data: bytes | None = None,
) -> FileResult:
    """One file checked (`data`: its bytes, when already read); its error if it cannot be."""
    try:
        if is_bilingual(path):
            return _check_bilingual(path, runtime, checks, lang)
        doc = load_path(path) if data is None else load_bytes(data, path)
        return check_document(doc, runtime, checks, lang, report_unused=report_unused)
    except EditqaError as exc:
        return FileResult(path, None, (), "", str(exc))


def _check_bilingual(
    path: str, runtime: Runtime, checks: Sequence[Check], lang: str | None
) -> FileResult:
    """An XLIFF or PO file: its translations checked, each against its own source."""
    text, encoding = read_path(path)
    bf = load_bilingual(path, text, encoding)
    s_lang = bf.source_language and parse_tag(bf.source_language)
    s_lang = resolve_language(bf.source, s_lang or None, runtime)
    t_lang = lang or (parse_tag(bf.target_language) if bf.target_language else None)
    segments = tuple(Segment(uid, s, t) for uid, s, t in bf.units)
    pair = Pair(bf.source, s_lang, segments)
    return check_document(bf.target, runtime, checks, t_lang, pair=pair)


_WORKER: tuple[Runtime, list[Check], bool] | None = None


def _init_worker(options: Options) -> None:
    global _WORKER
    runtime = build_runtime(options)
    checks = build_checks(runtime, options.active_checks())
    _WORKER = (runtime, checks, options.report_unused_suppressions)
    # a worker ends through os._exit: multiprocessing's finalizers still run, atexit's do not
    from multiprocessing.util import Finalize

    Finalize(runtime, runtime.close, exitpriority=10)


def _work(path: str, lang: str | None) -> tuple[FileResult, list[str]]:
    assert _WORKER is not None
    runtime, checks, report_unused = _WORKER
    result = _check_one(path, runtime, checks, lang, report_unused)
    return result, runtime.notices.take()


Progress = Callable[[int, int], None]  # (files done, files in all)


def check_paths(
    paths: Iterable[str],
    options: Options | None = None,
    runtime: Runtime | None = None,
    progress: Progress | None = None,
) -> CheckResult:
    """Check files, directories (recursively, by extension) and '-' for standard input.

    A file that cannot be read or decoded gives a FileResult with `error` set; the others are
    still checked. Each file gets the settings of its nearest config file (or
    `options.config`). With `options.cache`, a file checked before with the same content
    and settings is not checked again. The others are checked in parallel worker processes
    when there are many, each building its dictionaries once; the results come in path
    order whatever the number of workers. `progress` hears of each file done.
    """
    options = options or Options()
    files = list(dict.fromkeys(expand_paths(paths)))
    finder = ConfigFinder.of(options.config)
    settings = {p: finder.settings_for(p) for p in files}
    langs = {p: options.lang or settings[p].lang for p in files}
    # Built here even when workers do the checking: word lists and rules are validated (and
    # their errors raised) in this process, before any worker starts.
    own_runtime = runtime is None
    runtime = runtime or build_runtime(options)
    key = resultcache.run_key(options)
    contents: dict[str, bytes] = {}
    results: dict[str, FileResult] = {}
    if key is not None:
        for p in files:
            data = _bytes_of(p)
            if data is not None:
                contents[p] = data
                hit = resultcache.load(key, p, data, langs[p])
                if hit is not None:
                    results[p] = hit
    todo = [p for p in files if p not in results]
    done_count = len(results)
    if progress and files:
        progress(done_count, len(files))
    jobs = max(1, min(options.jobs, len(todo)))
    messages: list[str] = []
    if jobs > 1 and len(todo) >= MIN_FILES_FOR_WORKERS and "-" not in todo:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(options,)) as pool:
            chunk = max(1, min(8, len(todo) // (jobs * 4)))
            for p, (result, said) in zip(
                todo, pool.map(_work, todo, [langs[p] for p in todo], chunksize=chunk), strict=True
            ):
                results[p] = result
                messages.extend(said)
                done_count += 1
                if progress:
                    progress(done_count, len(files))
        if own_runtime:
            runtime.close()
    else:
        checks = build_checks(runtime, options.active_checks())
        try:
            for p in todo:
                results[p] = _check_one(
                    p,
                    runtime,
                    checks,
                    langs[p],
                    options.report_unused_suppressions,
                    contents.get(p),
                )
                done_count += 1
                if progress:
                    progress(done_count, len(files))
        finally:
            if own_runtime:
                runtime.close()
        messages = runtime.notices.take()
    if key is not None and not messages:  # a run that had to warn is not one to remember
        for p in todo:
            if p in contents:
                resultcache.store(key, p, contents[p], langs[p], results[p])
    final = [replace(r, findings=settings[p].apply(r.findings)) for p, r in results.items()]
    notices = tuple(Notice(m) for m in dict.fromkeys(messages))
    return CheckResult(tuple(sorted(final, key=lambda r: r.path)), notices)


def _bytes_of(path: str) -> bytes | None:
    """A file's bytes for the result cache (None: not cacheable, or unreadable, which the
    check itself will report)."""
    if path == STDIN:
        return None
    try:
        return Path(path).read_bytes()
    except OSError:
        return None


def check_pair(
    target: str,
    source: str,
    options: Options | None = None,
    *,
    source_lang: str | None = None,
    runtime: Runtime | None = None,
) -> CheckResult:
    """Check a translation (`target`, a file or '-') against its source file: every
    monolingual check on the translation, and the bilingual checks over aligned segments."""
    options = options or Options()
    own_runtime = runtime is None
    runtime = runtime or build_runtime(options)
    try:
        try:
            tdoc = load_path(target)
            sdoc = load_path(source)
        except EditqaError as exc:
            return CheckResult((FileResult(target, None, (), "", str(exc)),))
        s_lang = resolve_language(sdoc, parse_tag(source_lang) if source_lang else None, runtime)
        finder = ConfigFinder.of(options.config)
        settings = finder.settings_for(target)
        t_lang = resolve_language(tdoc, options.lang or settings.lang, runtime)
        pair = pair_documents(sdoc, s_lang, tdoc, t_lang)
        checks = build_checks(runtime, options.active_checks())
        result = check_document(
            tdoc,
            runtime,
            checks,
            t_lang,
            pair=pair,
            report_unused=options.report_unused_suppressions,
        )
        result = replace(result, findings=settings.apply(result.findings))
    finally:
        if own_runtime:
            runtime.close()
    notices = tuple(Notice(m) for m in dict.fromkeys(runtime.notices.take()))
    return CheckResult((result,), notices)


def exit_code(result: CheckResult, fail_on: Severity | None) -> ExitCode:
    """2 if any file could not be checked, else 1 if a finding reaches `fail_on`, else 0."""
    if result.errors:
        return ExitCode.USAGE
    if fail_on is not None and any(f.severity.rank >= fail_on.rank for f in result.findings):
        return ExitCode.FINDINGS
    return ExitCode.CLEAN


__all__ = [
    "build_runtime",
    "check_pair",
    "check_paths",
    "check_text",
    "exit_code",
    "fix_document",
    "fix_paths",
    "fix_text",
]


MAX_FIX_ROUNDS = 10


@dataclass(frozen=True)
class FixResult:
    """What fixing one document did. `applied` lists the findings whose fixes were applied
    (in the coordinates of the round that applied them); `dropped` the fixes of the first
    round left out, with the reason; `stopped` is 'limit' or 'cycle' when the rounds did not
    settle."""

    path: str
    language: str | None
    original: str
    fixed: str
    applied: tuple[Finding, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    rounds: int = 0
    stopped: str | None = None
    findings: tuple[Finding, ...] = ()
    encoding: str = "utf-8"
    raw: bytes = b""  # the bytes the file held when read, to refuse writing over changes


def fix_document(
    doc: Document,
    runtime: Runtime,
    checks: Sequence[Check],
    lang: str | None = None,
    *,
    unsafe: bool = False,
    rules: Iterable[str] | None = None,
    settings: FileSettings | None = None,
) -> FixResult:
    """Check, apply the chosen fixes, and check again until nothing changes (at most
    MAX_FIX_ROUNDS rounds; a text seen before means rules undo each other: stop there)."""
    extractor = extractor_for(doc.path, doc.source)  # the same for every round
    language = resolve_language(doc, lang, runtime)
    text = doc.source
    seen = {text}
    applied: list[Finding] = []
    dropped: tuple[Dropped, ...] = ()
    first: tuple[Finding, ...] = ()
    stopped = None
    rounds = 0
    current = doc
    for rounds in range(1, MAX_FIX_ROUNDS + 1):
        result = check_document(current, runtime, checks, language)
        if settings is not None:  # the config's disabled rules fix nothing either
            result = replace(result, findings=settings.apply(result.findings))
        resolution = resolve(result.findings, unsafe=unsafe, rules=rules)
        if rounds == 1:
            first, dropped = result.findings, resolution.dropped
        if not resolution.edits:
            break
        new = apply_edits(text, resolution.edits)
        if new in seen:
            stopped = "cycle"
            break
        applied.extend(resolution.fixed)
        seen.add(new)
        text = new
        current = load_text(text, doc.path, extractor=extractor, encoding=doc.encoding)
    else:
        stopped = "limit"
    return FixResult(
        doc.path,
        language,
        doc.source,
        text,
        tuple(applied),
        dropped,
        rounds,
        stopped,
        first,
        doc.encoding,
    )


def fix_text(
    text: str,
    *,
    lang: str | None = None,
    options: Options | None = None,
    runtime: Runtime | None = None,
    unsafe: bool = False,
    rules: Iterable[str] | None = None,
) -> FixResult:
    """Fix a string as a plain-text document (safe fixes unless `unsafe`)."""
    options = options or Options(lang=lang)
    runtime = runtime or build_runtime(options)
    checks = build_checks(runtime, options.active_checks())
    tag = Options(lang=lang).lang if lang else options.lang
    return fix_document(load_text(text), runtime, checks, tag, unsafe=unsafe, rules=rules)


def fix_paths(
    paths: Iterable[str],
    options: Options | None = None,
    runtime: Runtime | None = None,
    *,
    unsafe: bool = False,
    rules: Iterable[str] | None = None,
) -> list[FixResult | str]:
    """Fix each file (in one process, in order); an unreadable file gives its error message."""
    options = options or Options()
    runtime = runtime or build_runtime(options)
    checks = build_checks(runtime, options.active_checks())
    finder = ConfigFinder.of(options.config)
    out: list[FixResult | str] = []
    for path in dict.fromkeys(expand_paths(paths)):
        try:
            settings = finder.settings_for(path)
            raw = b"" if path == "-" else Path(path).read_bytes()
            doc = load_path(path) if path == "-" else load_bytes(raw, path)
            if doc.encoding == DOCX_ENCODING:  # a Word file, whatever its name
                out.append(f"{path}: {DOCX_FIX_REFUSED}")
                continue
            result = fix_document(
                doc,
                runtime,
                checks,
                options.lang or settings.lang,
                unsafe=unsafe,
                rules=rules,
                settings=settings,
            )
            out.append(replace(result, raw=raw))
        except EditqaError as exc:
            out.append(str(exc))
        except OSError as exc:
            out.append(f"{path}: cannot read ({exc.strerror or exc})")
    runtime.save()
    return out

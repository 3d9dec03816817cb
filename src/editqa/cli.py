"""The `editqa` command: a thin layer over `editqa.api`. Parses options, picks a reporter,
prints errors on one line, and exits with the code `api.exit_code` decides."""

from __future__ import annotations

import os
import sys
from typing import Annotated, Any, NoReturn

import typer

from editqa import __version__
from editqa.api import FixResult, Progress, check_pair, check_paths, exit_code, fix_paths
from editqa.baseline import load as load_baseline
from editqa.baseline import without_baseline
from editqa.baseline import write as write_baseline_file
from editqa.config import LT_SERVER_ENV, GrammarSettings, Options, parse_fail_on
from editqa.configfile import style_settings
from editqa.document.bilingual import is_bilingual
from editqa.document.encoding import encode
from editqa.document.loader import expand_paths
from editqa.errors import EditqaError, ExitCode, UsageError
from editqa.fixes.apply import write_atomically
from editqa.fixes.diff import unified_diff
from editqa.model import CheckResult
from editqa.report import reporter_for
from editqa.report.base import Reporter
from editqa.report.diff import DiffReporter
from editqa.rules.docs import rules_markdown
from editqa.rules.loader import load_rules

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Check articles and translations before they are published.",
)
rules_app = typer.Typer(no_args_is_help=True, help="List, show and test rules.")
app.add_typer(rules_app, name="rules")

_state = {"verbose": False}

LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang", "-l", help="Language tag (en, en-GB, ru, de...); detected when omitted."
    ),
]
WordsOpt = Annotated[list[str] | None, typer.Option("--words", help="Word list file (repeatable).")]
GrammarOpt = Annotated[str, typer.Option("--grammar", help="auto, harper, languagetool or off.")]
RulesOpt = Annotated[
    list[str] | None, typer.Option("--rules", help="Extra rule folder (repeatable).")
]
ConfigOpt = Annotated[
    str | None,
    typer.Option(
        "--config", help="Config file (else editqa.toml or pyproject.toml, searched upwards)."
    ),
]
StyleOpt = Annotated[
    list[str] | None,
    typer.Option("--style", help="House-style setting KEY=VALUE, over the config's (repeatable)."),
]
SourceOpt = Annotated[
    str | None,
    typer.Option("--source", help="The original of a translation: check TARGET against it."),
]
SourceLangOpt = Annotated[
    str | None, typer.Option("--source-lang", help="The source's language (else detected).")
]
GlossaryOpt = Annotated[
    list[str] | None,
    typer.Option("--glossary", help="Termbase (CSV, TSV or TBX) for translation checks."),
]


@app.callback(invoke_without_command=True)
def _main(
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Tracebacks on internal errors.")
    ] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version.")] = False,
) -> None:
    _state["verbose"] = verbose
    if version:
        print(f"editqa {__version__}")
        raise typer.Exit(0)


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for stdin.")],
    lang: LangOpt = None,
    words: WordsOpt = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
    style: StyleOpt = None,
    source: SourceOpt = None,
    source_lang: SourceLangOpt = None,
    glossary: GlossaryOpt = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="terminal, json, line, html, diff, sarif, github or junit."
        ),
    ] = "terminal",
    fail_on: Annotated[
        str, typer.Option("--fail-on", help="error, warning, info or never.")
    ] = "error",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only the finding lines.")] = False,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, help="Worker processes (0: one per core).")
    ] = 0,
    color: Annotated[str, typer.Option("--color", help="auto, always or never.")] = "auto",
    grammar: GrammarOpt = "auto",
    lt_server: Annotated[
        str | None,
        typer.Option("--lt-server", help=f"LanguageTool server URL (else ${LT_SERVER_ENV})."),
    ] = None,
    mother_tongue: Annotated[
        str | None,
        typer.Option("--mother-tongue", help="The writer's or source language, e.g. ru."),
    ] = None,
    lt_enable: Annotated[
        list[str] | None, typer.Option("--lt-enable", help="LanguageTool rule to enable.")
    ] = None,
    lt_disable: Annotated[
        list[str] | None, typer.Option("--lt-disable", help="LanguageTool rule to disable.")
    ] = None,
    lt_enable_category: Annotated[
        list[str] | None, typer.Option("--lt-enable-category", help="Category to enable.")
    ] = None,
    lt_disable_category: Annotated[
        list[str] | None, typer.Option("--lt-disable-category", help="Category to disable.")
    ] = None,
    lt_picky: Annotated[
        bool, typer.Option("--lt-picky", help="LanguageTool's picky level.")
    ] = False,
    spelling_engine: Annotated[
        str, typer.Option("--spelling-engine", help="editqa, harper or languagetool.")
    ] = "editqa",
    baseline: Annotated[
        str | None,
        typer.Option("--baseline", help="Report only findings not recorded in this baseline."),
    ] = None,
    write_baseline: Annotated[
        str | None,
        typer.Option("--write-baseline", help="Record every finding in this baseline file."),
    ] = None,
    report_unused_suppressions: Annotated[
        bool,
        typer.Option(
            "--report-unused-suppressions", help="Report editqa-disable comments that do nothing."
        ),
    ] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Check every file again (no result cache).")
    ] = False,
) -> None:
    """Check files and print findings; exit 1 when a finding reaches --fail-on."""
    if fail_on not in ("error", "warning", "info", "never"):
        raise UsageError(f"--fail-on {fail_on!r}: use error, warning, info or never")
    if color not in ("auto", "always", "never"):
        raise UsageError(f"--color {color!r}: use auto, always or never")
    if fmt != "diff":
        reporter = reporter_for(
            fmt, quiet=quiet, color={"auto": None, "always": True, "never": False}[color]
        )
    options = _options(
        lang,
        words,
        rules,
        config=config,
        style=style,
        glossary=glossary,
        jobs=jobs,
        grammar=grammar,
        lt_server=lt_server,
        mother_tongue=mother_tongue,
        lt_enable=lt_enable,
        lt_disable=lt_disable,
        lt_enable_category=lt_enable_category,
        lt_disable_category=lt_disable_category,
        lt_picky=lt_picky,
        spelling_engine=spelling_engine,
        cache=not (no_cache or os.environ.get(NO_CACHE_ENV)),
        report_unused_suppressions=report_unused_suppressions,
    )
    if baseline is not None and write_baseline is not None:
        raise UsageError("--baseline and --write-baseline: give one of them")
    if (baseline or write_baseline) and fmt == "diff":
        raise UsageError("--baseline and --write-baseline work with findings, not --format diff")
    known = load_baseline(baseline) if baseline is not None else None
    if source is not None and fmt == "diff":
        raise UsageError("--source checks one translation: not with --format diff")
    if fmt == "diff":
        results = fix_paths(paths, options)
        DiffReporter(color={"auto": None, "always": True, "never": False}[color]).report_fixes(
            [r for r in results if isinstance(r, FixResult)], sys.stdout
        )
        errors = [r for r in results if isinstance(r, str)]
        for e in errors:
            print(f"editqa: error: {e}", file=sys.stderr)
        threshold = parse_fail_on(fail_on)
        failing = threshold is not None and any(
            f.severity.rank >= threshold.rank
            for r in results
            if isinstance(r, FixResult)
            for f in r.findings
        )
        raise typer.Exit(2 if errors else 1 if failing else 0)
    result = _checked(paths, options, source, source_lang, progress=_progress_bar())
    if write_baseline is not None:
        count = write_baseline_file(result, write_baseline)
        print(f"{write_baseline}: {count} finding(s) recorded as the baseline", file=sys.stderr)
        raise typer.Exit(2 if result.errors else 0)
    if known is not None:
        result, dropped = without_baseline(result, known)
        if dropped:
            print(f"editqa: {dropped} finding(s) in the baseline not shown", file=sys.stderr)
    _report(result, reporter, fmt, fail_on)


def _progress_bar() -> Progress | None:
    """A progress bar on a terminal's standard error for runs over many files, else None."""
    if not sys.stderr.isatty():
        return None
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if total < PROGRESS_MIN_FILES:
            return
        if "bar" not in state:
            from rich.console import Console
            from rich.progress import Progress as Bar

            bar = Bar(console=Console(stderr=True), transient=True)
            bar.start()
            state["bar"], state["task"] = bar, bar.add_task("checking", total=total)
        state["bar"].update(state["task"], completed=done)
        if done >= total:
            state["bar"].stop()

    return update


PROGRESS_MIN_FILES = 20
NO_CACHE_ENV = "EDITQA_NO_CACHE"  # set (to anything): as --no-cache


def _checked(
    paths: list[str],
    options: Options,
    source: str | None,
    source_lang: str | None,
    progress: Progress | None = None,
) -> CheckResult:
    """The files checked, or with `source` the one translation checked against it."""
    if source is None:
        if source_lang is not None:
            raise UsageError("--source-lang needs --source (the original of the translation)")
        return check_paths(paths, options, progress=progress)
    if len(paths) != 1:
        raise UsageError("--source checks one translation: give one TARGET file")
    if is_bilingual(paths[0]) or is_bilingual(source):
        raise UsageError(
            f"--source pairs plain texts; {paths[0] if is_bilingual(paths[0]) else source} "
            "holds its own source: check it without --source"
        )
    return check_pair(paths[0], source, options, source_lang=source_lang)


def _report(result: CheckResult, reporter: Reporter, fmt: str, fail_on: str) -> NoReturn:
    reporter.report(result, sys.stdout)
    for r in result.errors:
        print(f"editqa: error: {r.error}", file=sys.stderr)
    if fmt != "terminal":  # the terminal report shows them itself
        for notice in result.notices:
            print(f"editqa: note: {notice.message}", file=sys.stderr)
    raise typer.Exit(int(exit_code(result, parse_fail_on(fail_on))))


def _options(
    lang: str | None,
    words: list[str] | None,
    rules: list[str] | None,
    *,
    config: str | None = None,
    style: list[str] | None = None,
    glossary: list[str] | None = None,
    jobs: int = 0,
    grammar: str = "auto",
    lt_server: str | None = None,
    mother_tongue: str | None = None,
    lt_enable: list[str] | None = None,
    lt_disable: list[str] | None = None,
    lt_enable_category: list[str] | None = None,
    lt_disable_category: list[str] | None = None,
    lt_picky: bool = False,
    spelling_engine: str = "editqa",
    cache: bool = False,
    report_unused_suppressions: bool = False,
) -> Options:
    settings = GrammarSettings(
        mode=grammar,
        mother_tongue=mother_tongue,
        lt_enabled_rules=tuple(lt_enable or ()),
        lt_disabled_rules=tuple(lt_disable or ()),
        lt_enabled_categories=tuple(lt_enable_category or ()),
        lt_disabled_categories=tuple(lt_disable_category or ()),
        lt_picky=lt_picky,
        spelling_engine=spelling_engine,
        lt_server=lt_server or GrammarSettings().lt_server,
    )
    return Options(
        lang=lang,
        words=tuple(words or ()),
        rule_dirs=tuple(rules or ()),
        jobs=jobs or (os.cpu_count() or 1),
        grammar=settings,
        style=style_settings(config, style),
        glossaries=tuple(glossary or ()),
        config=config,
        cache=cache,
        report_unused_suppressions=report_unused_suppressions,
    )


@app.command()
def fix(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for stdin.")],
    in_place: Annotated[
        bool, typer.Option("--in-place", "-i", help="Rewrite the files (atomically).")
    ] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff instead.")] = False,
    unsafe: Annotated[
        bool, typer.Option("--unsafe", help="Also apply fixes marked 'suggest'.")
    ] = False,
    rule: Annotated[
        list[str] | None, typer.Option("--rule", help="Only this rule's fixes (repeatable).")
    ] = None,
    lang: LangOpt = None,
    words: WordsOpt = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
    style: StyleOpt = None,
    grammar: GrammarOpt = "auto",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
    interactive: Annotated[
        bool,
        typer.Option(
            "--interactive", help="Walk the fixes: accept, skip, edit, accept all of a rule, quit."
        ),
    ] = False,
) -> None:
    """Apply the safe fixes (--unsafe: all): print the fixed text of one file, a diff, or
    rewrite the files with --in-place."""
    options = _options(lang, words, rules, config=config, style=style, jobs=1, grammar=grammar)
    if not (in_place or diff) and len(list(expand_paths(paths))) != 1:
        raise UsageError("fix prints one file's text: give one file, or use --diff or --in-place")
    if in_place and "-" in paths:
        raise UsageError("--in-place cannot rewrite standard input")
    if in_place and diff:
        raise UsageError("--diff shows the changes instead of writing them: drop --in-place")
    _check_rule_ids(rule or [], options)
    if interactive and "-" in paths:
        raise UsageError("--interactive reads its answers from standard input: give files")
    if interactive:
        from editqa.fixes.interactive import review

        results = review(paths, options, rules=rule, ask=_ask, say=_say)
    else:
        results = fix_paths(paths, options, unsafe=unsafe, rules=rule)
    failed = False  # Word files come back as errors: text cannot be written into them
    for r in results:
        if isinstance(r, str):
            print(f"editqa: error: {r}", file=sys.stderr)
            failed = True
            continue
        if diff:
            absolute = os.path.isabs(r.path)
            sys.stdout.write(
                unified_diff(
                    r.original,
                    r.fixed,
                    r.path if absolute else f"a/{r.path}",
                    r.path if absolute else f"b/{r.path}",
                )
            )
        elif in_place:
            if r.fixed != r.original:
                try:
                    write_atomically(r.path, encode(r.fixed, r.encoding, r.path), r.raw)
                except EditqaError as exc:
                    print(f"editqa: error: {exc}", file=sys.stderr)
                    failed = True
                    continue
        else:
            sys.stdout.write(r.fixed)
        if not quiet:
            left = f", {len(r.dropped)} left for review" if r.dropped else ""
            cycle = f" (stopped: {r.stopped})" if r.stopped else ""
            print(f"{r.path}: {len(r.applied)} fix(es) applied{left}{cycle}", file=sys.stderr)
    raise typer.Exit(2 if failed else 0)


@app.command()
def init(
    folder: Annotated[str, typer.Argument(help="Where to write editqa.toml.")] = ".",
    force: Annotated[bool, typer.Option("--force", help="Replace an existing one.")] = False,
) -> None:
    """Write a commented starter config, editqa.toml, to adapt to the house style."""
    from pathlib import Path

    from editqa.configfile import write_starter

    target = Path(folder)
    if not target.is_dir():
        raise UsageError(f"{folder}: no such folder")
    print(f"wrote {write_starter(target, force)}", file=sys.stderr)


@app.command()
def report(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for stdin.")],
    output: Annotated[str, typer.Option("--output", "-o", help="The HTML file to write.")],
    lang: LangOpt = None,
    words: WordsOpt = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
    style: StyleOpt = None,
    source: SourceOpt = None,
    source_lang: SourceLangOpt = None,
    glossary: GlossaryOpt = None,
    grammar: GrammarOpt = "auto",
) -> None:
    """Write the reviewer's HTML report: findings, suggested fixes to accept or reject, the
    resulting text to copy or download. One self-contained file; a translation checked
    with --source shows each source segment beside its target."""
    from editqa.report.html import render

    options = _options(
        lang, words, rules, config=config, style=style, glossary=glossary, grammar=grammar
    )
    result = _checked(paths, options, source, source_lang)
    write_atomically(output, render(result).encode("utf-8"))
    for r in result.errors:
        print(f"editqa: error: {r.error}", file=sys.stderr)
    print(
        f"{output}: {len(result.findings)} finding(s) in {len(result.files)} file(s)",
        file=sys.stderr,
    )
    raise typer.Exit(2 if result.errors else 0)


# Findings that come from code, not from YAML rule files.
CODE_RULE_PREFIXES = ("spelling.", "script.", "document.", "harper.", "languagetool.")


def _check_rule_ids(ids: list[str], options: Options) -> None:
    """--rule names must be rules editqa knows: a typo would otherwise fix nothing, silently."""
    if not ids:
        return
    known = {r.id for r in load_rules(options.rule_dirs, builtin=options.builtin_rules).rules}
    for rule_id in ids:
        if rule_id not in known and not rule_id.startswith(CODE_RULE_PREFIXES):
            raise UsageError(f"--rule {rule_id!r}: no such rule (see 'editqa rules list')")


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _ask(prompt: str) -> str:
    """A prompt on stderr (stdout may carry the fixed text), the answer from stdin."""
    sys.stderr.write(prompt)
    sys.stderr.flush()
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line.rstrip("\n")


@rules_app.command("list")
def rules_list(
    rules: RulesOpt = None,
    lang: LangOpt = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="text or md (a Markdown table).")
    ] = "text",
) -> None:
    """List the rules: id, type, languages, severity (--format md: the README's table)."""
    if fmt not in ("text", "md"):
        raise UsageError(f"--format {fmt!r}: use text or md")
    ruleset = load_rules(rules or ())
    tag = Options(lang=lang).lang if lang else None
    chosen = [
        r for r in sorted(ruleset.rules, key=lambda r: r.id) if tag is None or r.applies_to(tag)
    ]
    if fmt == "md":
        sys.stdout.write(rules_markdown(chosen))
        return
    for r in chosen:
        print(
            f"{r.id:45} {r.type.value:12} {','.join(r.languages):14} {r.severity.value:8} {r.category.value}"
        )


@rules_app.command("show")
def rules_show(rule_id: str, rules: RulesOpt = None) -> None:
    """Show one rule: where it is defined, what it matches, its examples."""
    rule = load_rules(rules or ()).get(rule_id)
    if rule is None:
        raise UsageError(f"no rule with id {rule_id!r} (see 'editqa rules list')")
    print(f"{rule.id}  ({rule.where})")
    print(
        f"  type: {rule.type.value}; languages: {', '.join(rule.languages)}; "
        f"category: {rule.category.value}; severity: {rule.severity.value}; fix: {rule.fix.value}"
    )
    print(f"  message: {rule.message}")
    if rule.description:
        print(f"  {rule.description.strip()}")
    if rule.replacements:
        for wrong, right in rule.replacements:
            print(f"  swap: {wrong} -> {' | '.join(right)}")
    else:
        print(f"  pattern: {rule.pattern}")
    for template in rule.suggest:
        print(f"  suggest: {template}")
    for u in rule.unless:
        print(f"  unless: {u}")
    for ex in rule.examples:
        if ex.bad and ex.span:
            s, e = ex.span
            print(f"  bad:   {ex.text[:s]}[[{ex.text[s:e]}]]{ex.text[e:]}")
            if ex.fixed is not None:
                print(f"  fixed: {ex.fixed}")
        else:
            print(f"  good:  {ex.text}")


@rules_app.command("test")
def rules_test(
    dirs: Annotated[
        list[str] | None, typer.Argument(help="Rule folders; the built-in packs when omitted.")
    ] = None,
) -> None:
    """Run every rule's examples; exit 1 when one fails."""
    from editqa.rules.examples import test_rules

    ruleset = load_rules(dirs or (), builtin=not dirs)
    count, failures = test_rules(ruleset)
    for f in failures:
        print(f"FAIL {f}")
    print(
        f"{count - len(failures)} passed, {len(failures)} failed "
        f"({len(ruleset)} rules, {count} examples)"
    )
    raise typer.Exit(1 if failures else 0)


def main(argv: list[str] | None = None) -> int:
    """Entry point: every error is one line on stderr; exit codes from ExitCode."""
    try:
        code = app(args=argv, prog_name="editqa", standalone_mode=False)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        print("editqa: aborted", file=sys.stderr)
        return int(ExitCode.USAGE)
    except typer.TyperException as exc:
        message = " ".join(exc.format_message().split())
        print(f"editqa: error: {message}", file=sys.stderr)
        return int(ExitCode.USAGE)
    except EditqaError as exc:
        print(f"editqa: error: {exc}", file=sys.stderr)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if _state["verbose"]:
            import traceback

            traceback.print_exc()
        print(
            f"editqa: internal error: {type(exc).__name__}: {exc} (rerun with --verbose for "
            "the traceback)",
            file=sys.stderr,
        )
        return int(ExitCode.INTERNAL)
    return code if isinstance(code, int) else 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())

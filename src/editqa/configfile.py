"""editqa's config file: `editqa.toml`, or `[tool.editqa]` in `pyproject.toml`.

    lang = "en-GB"                                  # these files' language (over detection; --lang wins)
    disable = ["en.numbers.small-number-words"]     # rule ids, prefixes or shell patterns
    severity = { "spelling.proper-noun" = "info" }  # a rule's findings at another severity
    [style]                                         # the house style (see `editqa.style`)
    headline_case = "sentence"
    [[overrides]]                                   # for some files (patterns relative to
    paths = ["de/**", "*.de.md"]                    # the config file's folder; * crosses /)
    lang = "de"
    enable = ["en.numbers.small-number-words"]
    disable = ["spelling"]

The house style comes from the config found from the working folder (or `--config`); the
per-file settings (lang, disable, enable, severity, overrides) from the config nearest each
file, found by walking up from its folder. Any unknown key or bad value is an error naming
the file and the key, so that a typo never silently changes nothing.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from editqa.errors import UsageError
from editqa.model import Finding, Severity
from editqa.style import StyleSettings
from editqa.text.lang import parse_tag

CONFIG_NAME = "editqa.toml"
KNOWN_TABLES = ("style", "lang", "disable", "enable", "severity", "overrides")
OVERRIDE_KEYS = ("paths", "lang", "disable", "enable", "severity")


def find_config(start: Path) -> Path | None:
    """The nearest `editqa.toml`, or `pyproject.toml` with a `[tool.editqa]` table, in
    `start` or a folder above it."""
    folder = start.resolve()
    for d in (folder, *folder.parents):
        candidate = d / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = d / "pyproject.toml"
        if pyproject.is_file() and _has_editqa_table(pyproject):
            return pyproject
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the config file ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: not valid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not valid TOML: the file is not UTF-8") from None


def _has_editqa_table(pyproject: Path) -> bool:
    """Whether a pyproject.toml met while searching has `[tool.editqa]`; an unreadable or
    broken one belongs to some other project and is passed over."""
    try:
        return _editqa_table(pyproject) is not None
    except UsageError:
        return False


def _editqa_table(pyproject: Path) -> dict[str, Any] | None:
    data = _read(pyproject)
    tool = data.get("tool")
    table = tool.get("editqa") if isinstance(tool, dict) else None
    return table if isinstance(table, dict) else None


def _table(path: Path) -> tuple[dict[str, Any], str]:
    """The editqa settings of a config file, and the prefix its keys are named with."""
    if path.name == "pyproject.toml":
        table = _editqa_table(path)
        if table is None:
            raise UsageError(f"{path}: has no [tool.editqa] table")
        return table, "tool.editqa."
    return _read(path), ""


def load_style(path: Path) -> StyleSettings:
    """The `[style]` settings of a config file; errors name the file and the key."""
    table, prefix = _table(path)
    for key in table:
        if key not in KNOWN_TABLES:
            raise UsageError(
                f"{path}: unknown key {prefix}{key!r} (known: {', '.join(KNOWN_TABLES)})"
            )
    style = table.get("style", {})
    if not isinstance(style, dict):
        raise UsageError(f"{path}: {prefix}style must be a table ([{prefix}style])")
    return StyleSettings.parse(style, f"{path}: [{prefix}style]")


@dataclass(frozen=True)
class FileSettings:
    """What a config says about one file: its language, rules switched off or back on, and
    severities changed."""

    lang: str | None = None
    switches: tuple[tuple[str, bool], ...] = ()  # (rule pattern, on), the last match wins
    severity: tuple[tuple[str, Severity], ...] = ()

    def then(self, other: FileSettings) -> FileSettings:
        """These settings with `other`'s over them (an override over the file's base)."""
        return FileSettings(
            other.lang or self.lang,
            self.switches + other.switches,
            self.severity + other.severity,
        )

    def enabled(self, rule_id: str) -> bool:
        on = True
        for pattern, state in self.switches:
            if rule_matches(rule_id, pattern):
                on = state
        return on

    def apply(self, findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
        """Findings of disabled rules dropped, severities changed."""
        if not (self.switches or self.severity):
            return findings
        out = []
        for f in findings:
            if not self.enabled(f.rule_id):
                continue
            for pattern, severity in self.severity:
                if rule_matches(f.rule_id, pattern):
                    f = replace(f, severity=severity)
            out.append(f)
        return tuple(out)


@dataclass(frozen=True)
class _Override:
    paths: tuple[str, ...]
    settings: FileSettings


@dataclass(frozen=True)
class ProjectConfig:
    """A config file's per-file settings: its base settings and its overrides."""

    folder: Path
    base: FileSettings
    overrides: tuple[_Override, ...]

    def settings_for(self, file: Path) -> FileSettings:
        try:
            relative = file.resolve().relative_to(self.folder).as_posix()
        except ValueError:
            relative = file.as_posix()
        settings = self.base
        for o in self.overrides:
            if any(fnmatchcase(relative, p) or fnmatchcase(file.name, p) for p in o.paths):
                settings = settings.then(o.settings)
        return settings


def rule_matches(rule_id: str, pattern: str) -> bool:
    """A rule id against a config or comment's pattern: the id, a prefix of ids
    ("spelling", "en.numbers") or a shell pattern ("*.decimal-comma")."""
    return rule_id == pattern or rule_id.startswith(pattern + ".") or fnmatchcase(rule_id, pattern)


def load_project(path: Path) -> ProjectConfig:
    """The per-file settings of a config file; errors name the file and the key."""
    table, prefix = _table(path)
    load_style(path)  # the whole file is checked, whatever part of it a run uses
    base = _settings(table, f"{path}: {prefix}", KNOWN_TABLES)
    overrides = table.get("overrides", [])
    if not isinstance(overrides, list) or not all(isinstance(o, dict) for o in overrides):
        raise UsageError(f"{path}: {prefix}overrides must be tables ([[{prefix}overrides]])")
    parsed = []
    for n, o in enumerate(overrides, start=1):
        where = f"{path}: {prefix}overrides[{n}]."
        paths = o.get("paths")
        if isinstance(paths, str):
            paths = [paths]
        if not paths or not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
            raise UsageError(f"{where}paths must be a list of path patterns")
        parsed.append(_Override(tuple(paths), _settings(o, where, OVERRIDE_KEYS)))
    return ProjectConfig(path.resolve().parent, base, tuple(parsed))


def _settings(table: dict[str, Any], where: str, known: tuple[str, ...]) -> FileSettings:
    for key in table:
        if key not in known:
            raise UsageError(f"{where}{key}: unknown key (known: {', '.join(known)})")
    lang = table.get("lang")
    if lang is not None:
        if not isinstance(lang, str):
            raise UsageError(f'{where}lang must be a language tag such as "en-GB"')
        try:
            lang = parse_tag(lang)
        except UsageError as exc:
            raise UsageError(f"{where}lang: {exc}") from None
    lists = {}
    for key in ("disable", "enable"):
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise UsageError(f"{where}{key} must be a list of rule ids or patterns")
        lists[key] = tuple(value)
    severity = table.get("severity", {})
    if not isinstance(severity, dict):
        raise UsageError(f'{where}severity must be a table of rule = "error|warning|info"')
    changed = []
    for rule, level in severity.items():
        if level not in {s.value for s in Severity}:
            raise UsageError(f"{where}severity.{rule}: {level!r} is not error, warning or info")
        changed.append((str(rule), Severity(level)))
    # in one table, `enable` takes rules back from `disable`
    switches = tuple((p, False) for p in lists["disable"]) + tuple(
        (p, True) for p in lists["enable"]
    )
    return FileSettings(lang, switches, tuple(changed))


class ConfigFinder:
    """The config nearest each file, looked up once per folder and read once per file."""

    def __init__(self, fixed: Path | None = None) -> None:
        self.fixed = fixed  # --config: one config for every file
        self._folders: dict[Path, Path | None] = {}
        self._configs: dict[Path, ProjectConfig] = {}

    @classmethod
    def of(cls, config: str | None) -> ConfigFinder:
        """The finder of a run: `config` (--config) for every file, else each file's own."""
        return cls(Path(config) if config else None)

    def settings_for(self, file: str) -> FileSettings:
        if file == "-":
            path = self.fixed or self._nearest(Path.cwd())
            target = Path.cwd() / "stdin"
        else:
            target = Path(file)
            path = self.fixed or self._nearest(target.resolve().parent)
        if path is None:
            return FileSettings()
        config = self._configs.get(path)
        if config is None:
            config = self._configs[path] = load_project(path)
        return config.settings_for(target)

    def _nearest(self, folder: Path) -> Path | None:
        if folder not in self._folders:
            self._folders[folder] = find_config(folder)
        return self._folders[folder]


def style_settings(
    config: str | None, pairs: list[str] | None, cwd: Path | None = None
) -> StyleSettings:
    """The house style of a run: the config file (`config`, else the nearest one) under
    `--style KEY=VALUE` pairs."""
    path: Path | None
    if config is not None:
        path = Path(config)
        if not path.is_file():
            raise UsageError(f"--config {config}: no such file")
    else:
        path = find_config(cwd or Path.cwd())
    settings = load_style(path) if path is not None else StyleSettings()
    if pairs:
        settings = settings.merged(StyleSettings.from_pairs(pairs))
    return settings


STARTER = """\
# editqa's settings for the files in this folder and below (editqa.toml).
# Every key is optional; an unknown key or value is an error naming this file.

# The language of the files (en, en-GB, en-US, ru, de, fr, es...), instead of detecting
# it; --lang on the command line wins over it.
# lang = "en-GB"

# Rules to switch off: rule ids, prefixes of ids ("spelling", "en.numbers") or shell
# patterns ("*.small-number-words"). `editqa rules list` shows them all.
# disable = ["en.numbers.small-number-words"]

# A rule's findings at another severity (error, warning or info).
# severity = { "spelling.proper-noun" = "info" }

# The house style (see the README's "House style").
[style]
# headline_case = "sentence"     # sentence, title, title-chicago, title-ap or any
# serial_comma = true
# percent = "symbol"             # symbol, words or any
# date = "long"                  # a CLDR length (full, long, medium) or a pattern

# Settings for some files only: patterns are matched against paths relative to this
# file's folder ("*" crosses folders), later overrides win.
# [[overrides]]
# paths = ["de/*", "*.de.md"]
# lang = "de"
# disable = ["spelling.proper-noun"]
"""


def write_starter(folder: Path, force: bool = False) -> Path:
    """Write a commented starter `editqa.toml` into `folder`; never over an existing one
    unless `force`."""
    from editqa.fixes.apply import write_atomically

    target = folder / CONFIG_NAME
    if target.exists() and not force:
        raise UsageError(f"{target}: already exists (use --force to replace it)")
    write_atomically(str(target), STARTER.encode("utf-8"))
    return target

"""Strict loading of YAML rule files: unknown keys, bad values, bad regexes and duplicate ids
are errors naming the file and line."""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import regex
import yaml

from editqa.errors import RuleError, UsageError
from editqa.model import Category, FixSafety, Severity
from editqa.rules.schema import (
    CODE_TYPES,
    COMMON_KEYS,
    REQUIRED_KEYS,
    TYPE_KEYS,
    TYPE_REQUIRED,
    Example,
    Rule,
    RuleSet,
    RuleType,
)
from editqa.rules.types import code_type
from editqa.style import StyleSettings
from editqa.text.lang import parse_tag

# libyaml's parser when PyYAML was built with it (15 times faster), else the pure-Python one.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Types whose patterns tell "May" from "may" match case-sensitively unless told otherwise;
# the older ones (number-format, date-format, range, unit-spacing) keep matching any case.
CASE_SENSITIVE_TYPES = CODE_TYPES - {
    RuleType.NUMBER_FORMAT,
    RuleType.DATE_FORMAT,
    RuleType.RANGE,
    RuleType.UNIT_SPACING,
}
_TEMPLATE_FIELD = re.compile(r"\{(\w+)\}")
_MARK = re.compile(r"\[\[(.*?)\]\]", re.S)
_ID = re.compile(r"^[a-z0-9*]+(?:[.-][a-z0-9*]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$")


def builtin_rules_dir() -> Path:
    """The built-in packs: inside the installed package, else the source tree's `rules/`."""
    packaged = Path(str(resources.files("editqa") / "builtin_rules"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rules"


def load_rules(dirs: Iterable[str | Path], *, builtin: bool = True) -> RuleSet:
    """Every `*.yml`/`*.yaml` below the built-in folder (unless `builtin=False`) and `dirs`."""
    folders = [builtin_rules_dir()] if builtin else []
    packaged = builtin_rules_dir() if builtin else None
    for d in dirs:
        p = Path(d)
        if not p.is_dir():
            raise RuleError(f"{d}: rule folder not found")
        folders.append(p)
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    for folder in folders:
        # The built-in packs are validated by the test suite (`editqa rules test`), so their
        # regexes compile on first use, which spares a run the packs of other languages.
        lazy = folder == packaged
        paths = sorted([*folder.rglob("*.yml"), *folder.rglob("*.yaml")])
        loaded = _builtin_rules(paths) if lazy else [r for p in paths for r in load_file(p)]
        for rule in loaded:
            if rule.id in seen:
                raise RuleError(
                    f"{rule.where}: duplicate rule id {rule.id!r} (first at {seen[rule.id].where})"
                )
            seen[rule.id] = rule
            rules.append(rule)
    return RuleSet(tuple(rules))


def _builtin_rules(paths: list[Path]) -> list[Rule]:
    """The built-in packs, parsed once per version of their files and kept in the disk
    cache (parsing 130 rules' YAML costs a run that checks one article 50 ms)."""
    import hashlib

    from editqa.cache import cached, versions

    digest = hashlib.sha1()
    # the rule files, and the code that turns them into rules (loader, schema, types, style)
    code = Path(__file__).parent
    sources = [*sorted(code.glob("*.py")), *sorted((code / "types").glob("*.py"))]
    for path in [*paths, *sources, code.parent / "style.py", code.parent / "model.py"]:
        digest.update(str(path).encode() + b"\0" + path.read_bytes())
    return cached(
        "rules",
        [*versions("editqa", "regex", "yaml"), digest.hexdigest()],
        lambda: [r for p in paths for r in load_file(p, lazy=True)],
        list,
    )


def load_file(path: Path, *, lazy: bool = False) -> list[Rule]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read rule file ({exc})") from exc
    try:
        node = yaml.compose(text, Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleError(f"{path}{line}: invalid YAML: {problem}") from exc
    if node is None:
        return []
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    return [_rule(path, item, lazy=lazy) for item in items]


class _Node:
    """A YAML node turned into Python, remembering each key's line for error messages."""

    def __init__(self, path: Path, node: yaml.Node) -> None:
        self.path, self.node = path, node
        self._scalars = yaml.constructor.SafeConstructor()

    def fail(self, node: yaml.Node, what: str) -> RuleError:
        return RuleError(f"{self.path}:{node.start_mark.line + 1}: {what}")

    def value(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for k, v in node.value:
                key = str(k.value)
                if key in out:
                    raise self.fail(k, f"duplicate key {key!r}")
                out[key] = self.value(v)
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.value(v) for v in node.value]
        if node.tag == "tag:yaml.org,2002:str":
            return node.value
        try:
            return self._scalars.construct_object(node)
        except yaml.YAMLError as exc:
            problem = getattr(exc, "problem", None) or "cannot read this value"
            raise self.fail(node, f"{problem} ({node.tag})") from None


def _rule(path: Path, node: yaml.Node, *, lazy: bool = False) -> Rule:
    n = _Node(path, node)
    if not isinstance(node, yaml.MappingNode):
        raise n.fail(node, "a rule must be a mapping of keys to values")
    keys = {str(k.value): (k, v) for k, v in node.value}
    line = node.start_mark.line + 1
    data = n.value(node)

    def need(key: str, kind: type | tuple[type, ...], what: str) -> Any:
        if key not in data:
            raise n.fail(node, f"rule is missing the key {key!r}")
        if not isinstance(data[key], kind):
            raise n.fail(keys[key][1], f"{key!r} must be {what}")
        return data[key]

    for key in REQUIRED_KEYS:
        if key not in data:
            ident = f" {data['id']!r}" if isinstance(data.get("id"), str) else ""
            raise n.fail(node, f"rule{ident} is missing the key {key!r}")
    rule_id = need("id", str, "a string")
    if not _ID.match(rule_id):
        raise n.fail(
            keys["id"][1], f"rule id {rule_id!r} must be dotted lower-case, e.g. en.area.name"
        )
    try:
        rtype = RuleType(need("type", str, "a string"))
    except ValueError:
        raise n.fail(
            keys["type"][1],
            f"unknown rule type {data['type']!r}; use one of "
            + ", ".join(t.value for t in RuleType),
        ) from None
    allowed = COMMON_KEYS | TYPE_KEYS[rtype]
    for key, (knode, _) in keys.items():
        if key not in allowed:
            raise n.fail(knode, f"unknown key {key!r} for a {rtype.value} rule {rule_id!r}")
    for key in TYPE_REQUIRED[rtype]:
        if key not in data:
            raise n.fail(node, f"{rtype.value} rule {rule_id!r} needs the key {key!r}")

    def enum(key: str, cls: Any, default: Any = None) -> Any:
        if key not in data:
            return default
        try:
            return cls(data[key])
        except ValueError:
            choices = ", ".join(e.value for e in cls)
            raise n.fail(keys[key][1], f"{key} {data[key]!r} is not one of: {choices}") from None

    languages = need("languages", list, "a list of language tags")
    if not languages or not all(isinstance(x, str) for x in languages):
        raise n.fail(keys["languages"][1], "'languages' must be a non-empty list of tags")
    try:
        languages = [x if x == "*" else parse_tag(x) for x in languages]
    except UsageError as exc:
        raise n.fail(keys["languages"][1], str(exc).replace("--lang ", "language ")) from None
    ignorecase = data.get("ignorecase", rtype not in CASE_SENSITIVE_TYPES)
    if not isinstance(ignorecase, bool):
        raise n.fail(keys["ignorecase"][1], "'ignorecase' must be true or false")
    message = need("message", str, "a string")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise n.fail(keys["description"][1], "'description' must be a string")

    suggest = _strings(n, keys, data, "suggest")
    unless = _strings(n, keys, data, "unless")
    replacements: list[tuple[str, tuple[str, ...]]] = []
    options: tuple[tuple[str, Any], ...] = ()
    if rtype is RuleType.PATTERN:
        pattern = need("pattern", str, "a regular expression string")
    elif rtype is RuleType.SUBSTITUTION:
        swap = need("swap", dict, "a mapping of wrong -> right phrases")
        for wrong, right in swap.items():
            alts = (
                (right,)
                if isinstance(right, str)
                else tuple(right)
                if isinstance(right, list) and all(isinstance(r, str) for r in right)
                else None
            )
            if not wrong.strip() or not alts:
                raise n.fail(
                    keys["swap"][1], f"swap entry {wrong!r} needs a phrase and a replacement"
                )
            replacements.append((fold(wrong), alts))
        pattern = phrase_pattern(swap)
    elif rtype in CODE_TYPES:
        opts = data.get("options", {})
        if not isinstance(opts, dict):
            raise n.fail(keys["options"][1], "'options' must be a mapping of option -> value")
        at_node = keys["options"][1] if "options" in keys else node
        kind = code_type(rtype.value)
        assert kind is not None, rtype
        pattern = kind.compile(f"{path}:{at_node.start_mark.line + 1}", opts, tuple(languages))
        options = tuple(opts.items())
    else:
        tokens = need("tokens", list, "a list of phrases")
        if not tokens or not all(isinstance(t, str) and t.strip() for t in tokens):
            raise n.fail(keys["tokens"][1], "'tokens' must be a non-empty list of phrases")
        pattern = phrase_pattern(tokens)

    flags = regex.V0 | (regex.IGNORECASE if ignorecase else 0)
    compiled: Any = None
    compiled_unless: tuple[Any, ...] = ()
    if not lazy:
        where = keys.get("pattern", keys.get("swap", keys.get("tokens")))
        compiled = _compile(n, where[1] if where else node, pattern, flags, "pattern")
        compiled_unless = tuple(
            _compile(n, keys["unless"][1], u, flags, "unless pattern") for u in unless
        )
        _check_templates(n, keys, rtype, compiled, message, suggest)
    examples = _examples(n, keys, data)
    rule = Rule(
        id=rule_id,
        type=rtype,
        languages=tuple(languages),
        category=enum("category", Category),
        severity=enum("severity", Severity),
        message=message,
        fix=enum("fix", FixSafety, FixSafety.SUGGEST),
        ignorecase=ignorecase,
        pattern=pattern,
        suggest=suggest,
        unless=unless,
        replacements=tuple(replacements),
        examples=examples,
        path=str(path),
        line=line,
        description=description,
        options=options,
        compiled=compiled,
        compiled_unless=compiled_unless,
    )
    if not any(e.bad for e in examples) or all(e.bad for e in examples):
        raise n.fail(
            keys["examples"][1], f"rule {rule_id!r} needs at least one bad and one good example"
        )
    return rule


def _check_templates(
    n: _Node,
    keys: dict[str, Any],
    rtype: RuleType,
    compiled: Any,
    message: str,
    suggest: tuple[str, ...],
) -> None:
    """Every {field} in `message` and `suggest` must name something the rule provides."""
    groups = set(compiled.groupindex) | {str(i) for i in range(compiled.groups + 1)}
    kind = code_type(rtype.value)
    if kind is not None:
        groups = set(kind.fields)
    for key, templates, extra in (
        ("message", (message,), {"match", "suggestion"}),
        ("suggest", suggest, set()),
    ):
        for template in templates:
            for name in _TEMPLATE_FIELD.findall(template):
                if name not in groups | extra:
                    what = "group" if rtype is RuleType.PATTERN else "field"
                    raise n.fail(
                        keys[key][1],
                        f"{key} uses {{{name}}}, but the rule has no such {what} "
                        f"(use {{match}}, {{suggestion}} or a group of the pattern)",
                    )


def _strings(n: _Node, keys: dict[str, Any], data: dict[str, Any], key: str) -> tuple[str, ...]:
    if key not in data:
        return ()
    value = data[key]
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise n.fail(keys[key][1], f"{key!r} must be a string or a list of strings")


def _compile(n: _Node, node: yaml.Node, pattern: str, flags: int, what: str) -> Any:
    try:
        return regex.compile(pattern, flags)
    except regex.error as exc:
        raise n.fail(node, f"bad {what} {pattern!r}: {exc}") from None


def _examples(n: _Node, keys: dict[str, Any], data: dict[str, Any]) -> tuple[Example, ...]:
    raw = data["examples"]
    enode = keys["examples"][1]
    if not isinstance(raw, list) or not raw:
        raise n.fail(enode, "'examples' must be a non-empty list")
    out = []
    for item, inode in zip(raw, enode.value, strict=True):
        line = inode.start_mark.line + 1
        if not isinstance(item, dict) or not (
            {"bad"} <= set(item) - {"style"} <= {"bad", "fixed"}
            or set(item) - {"style"} == {"good"}
        ):
            raise n.fail(
                inode, "an example is {bad: ..., fixed: ...} or {good: ...}, with an optional style"
            )
        style = _example_style(n, inode, item.pop("style", None))
        if not all(isinstance(v, str) for v in item.values()):
            raise n.fail(inode, "example texts must be strings")
        if "good" in item:
            if "[[" in item["good"]:
                raise n.fail(inode, "a good example must not mark a span with [[...]]")
            out.append(Example(False, item["good"], None, None, line, style))
            continue
        marks = list(_MARK.finditer(item["bad"]))
        if len(marks) != 1:
            raise n.fail(inode, "a bad example must mark exactly one span with [[...]]")
        m = marks[0]
        text = item["bad"][: m.start()] + m.group(1) + item["bad"][m.end() :]
        span = (m.start(), m.start() + len(m.group(1)))
        out.append(Example(True, text, span, item.get("fixed"), line, style))
    return tuple(out)


def _example_style(n: _Node, node: yaml.Node, raw: Any) -> tuple[tuple[str, Any], ...]:
    """An example's `style:` mapping (house-style keys), validated like a config file's."""
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        raise n.fail(node, "an example's 'style' must be a mapping of style keys")
    try:
        return StyleSettings.parse(raw, "style").values
    except UsageError as exc:
        raise n.fail(node, str(exc)) from None


def fold(phrase: str) -> str:
    """The look-up key of a phrase: case-folded, white space collapsed."""
    return " ".join(phrase.split()).casefold()


def phrase_pattern(phrases: Iterable[str]) -> str:
    """Whole-word alternation of literal phrases, longest first; a space matches any spaces."""
    alts = sorted({" ".join(p.split()) for p in phrases}, key=len, reverse=True)
    body = "|".join(r"\s+".join(regex.escape(w) for w in p.split(" ")) for p in alts)
    return rf"(?<!\w)(?:{body})(?!\w)"


def ensure_compiled(rule: Rule) -> Any:
    """The rule's compiled pattern, compiled now if it was loaded lazily; a bad pattern is a
    RuleError naming the rule's file and line."""
    if rule.compiled is None:
        flags = regex.V0 | (regex.IGNORECASE if rule.ignorecase else 0)
        try:
            compiled = regex.compile(rule.pattern, flags)
        except regex.error as exc:
            raise RuleError(f"{rule.where}: bad pattern in rule {rule.id}: {exc}") from None
        object.__setattr__(rule, "compiled", compiled)
    return rule.compiled


def ensure_unless_compiled(rule: Rule) -> tuple[Any, ...]:
    """The rule's `unless` patterns, compiled the first time a match needs them (most
    rules match nothing in most texts, and compiling costs more than scanning)."""
    if rule.unless and not rule.compiled_unless:
        flags = regex.V0 | (regex.IGNORECASE if rule.ignorecase else 0)
        try:
            unless = tuple(regex.compile(u, flags) for u in rule.unless)
        except regex.error as exc:
            raise RuleError(f"{rule.where}: bad unless pattern in rule {rule.id}: {exc}") from None
        object.__setattr__(rule, "compiled_unless", unless)
    return rule.compiled_unless

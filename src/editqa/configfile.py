"""editqa's config file: `editqa.toml`, or `[tool.editqa]` in `pyproject.toml`.

Found by walking up from the working folder unless `--config` names one. Only the `[style]`
table is read so far (the house style, see `editqa.style`); any other key is an error naming
the file and the key, so that a typo never silently changes nothing.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from editqa.errors import UsageError
from editqa.style import StyleSettings

CONFIG_NAME = "editqa.toml"
KNOWN_TABLES = ("style",)


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


def load_style(path: Path) -> StyleSettings:
    """The `[style]` settings of a config file; errors name the file and the key."""
    if path.name == "pyproject.toml":
        table = _editqa_table(path)
        if table is None:
            raise UsageError(f"{path}: has no [tool.editqa] table")
        prefix = "tool.editqa."
    else:
        table = _read(path)
        prefix = ""
    for key in table:
        if key not in KNOWN_TABLES:
            raise UsageError(
                f"{path}: unknown key {prefix}{key!r} (known: {', '.join(KNOWN_TABLES)})"
            )
    style = table.get("style", {})
    if not isinstance(style, dict):
        raise UsageError(f"{path}: {prefix}style must be a table ([{prefix}style])")
    return StyleSettings.parse(style, f"{path}: [{prefix}style]")


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

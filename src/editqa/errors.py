"""Errors editqa raises, and the process exit codes decided from them."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """The exit codes of the `editqa` command, decided in one place (`api.exit_code`)."""

    CLEAN = 0
    FINDINGS = 1
    USAGE = 2
    INTERNAL = 3


class EditqaError(Exception):
    """Base of every error editqa reports to a user; `str()` is one line: what, where, what to do."""

    exit_code: ExitCode = ExitCode.USAGE


class UsageError(EditqaError):
    """A bad option or argument."""


class InputError(EditqaError):
    """A file that cannot be read or decoded."""


class ConfigError(EditqaError):
    """A bad configuration or word list."""


class RuleError(EditqaError):
    """A rule file that cannot be loaded, or a rule that misbehaves while running."""


class RuleTimeoutError(RuleError):
    """A rule's regular expression ran past its time bound (catastrophic backtracking)."""

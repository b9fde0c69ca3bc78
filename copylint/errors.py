"""Errors a user sees as one line on stderr, and the exit codes (DESIGN.md)."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    CLEAN = 0
    FINDINGS = 1
    ERROR = 2


class CopylintError(Exception):
    """A usage, config or input problem: printed as one line, exit 2, never a traceback."""


class InputError(CopylintError):
    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")


class ConfigError(CopylintError):
    def __init__(self, path: str, line: int, column: int, problem: str) -> None:
        super().__init__(f"{path}:{line}:{column}: {problem}")
        self.path, self.line, self.column, self.problem = path, line, column, problem


class UsageError(CopylintError):
    """A command asked for something that is not there: a rule that does not exist."""


class RuleWarning(Exception):
    """A rule cannot do its work on an article (a pattern stalled, a server cannot be
    reached): the run says so in one line and goes on without it."""

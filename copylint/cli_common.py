"""What the commands share: their common options, and how they print and count."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from copylint.engine import fails
from copylint.errors import ExitCode
from copylint.finding import Report, Severity
from copylint.formatters import FORMATTERS
from copylint.formatters.printable import printable
from copylint.jobs import Tally

LOCALES = ("en-GB", "en-US", "en-GB-oxendict", "auto")
T = TypeVar("T")

config_option = click.option(
    "--config",
    type=click.Path(dir_okay=False),
    help="House config to use instead of the nearest .copylint.yaml.",
)
locale_option = click.option(
    "--locale", type=click.Choice(LOCALES), help="House spelling (overrides the config)."
)
format_option = click.option(
    "--format",
    "format_name",
    type=click.Choice(sorted(FORMATTERS)),
    default="text",
    show_default=True,
    help="Output format.",
)
select_option = click.option(
    "--select", multiple=True, help="Only these rules or categories (repeatable)."
)
ignore_option = click.option(
    "--ignore", multiple=True, help="Not these rules or categories (repeatable)."
)
fail_on_option = click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    default="warning",
    show_default=True,
    help="Exit 1 when a finding is at or above this severity.",
)


F = TypeVar("F", bound=Callable[..., Any])


def report_options(command: F) -> F:
    """The options of every command that checks and reports: format, locale, house config,
    the rules chosen and the severity that fails the run."""
    for option in reversed(
        (format_option, locale_option, config_option, select_option, ignore_option, fail_on_option)
    ):
        command = option(command)
    return command


lexicon_output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The lexicon to write (YAML).",
)


def finish(reports: list[Report], tally: Tally, format_name: str, fail_on: str) -> int:
    """Print the reports in the format asked for; the exit code."""
    infos = list(tally.rules.values())
    write(FORMATTERS[format_name](reports, infos, color=color(), stats=tally.stats))
    if tally.refused:
        return ExitCode.ERROR
    return ExitCode.FINDINGS if fails(reports, Severity(fail_on)) else ExitCode.CLEAN


# Fewer files than this are read before a bar could say anything.
_PROGRESS_FROM = 50


def with_progress(items: Iterable[T], length: int) -> Iterator[T]:
    """The items, with a bar on a terminal's stderr for a run of many files (none in a pipe,
    a file or CI)."""
    quiet = not sys.stderr.isatty() or "CI" in os.environ or length < _PROGRESS_FROM
    if quiet:
        yield from items
        return
    with click.progressbar(items, length=length, label="Checking", file=sys.stderr) as bar:
        yield from bar


def codes(given: Iterable[str]) -> tuple[str, ...]:
    return tuple(code.strip() for item in given for code in item.split(",") if code.strip())


def skipped(path: str, problem: str) -> None:
    """A file a folder or a glob found that is no article to read (a FIFO, a socket)."""
    complain(f"{path}: skipped: {problem}")


def color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def write(text: str) -> None:
    sys.stdout.write(text)


def complain(error: object) -> None:
    click.echo(f"copylint: {printable(str(error))}", err=True)

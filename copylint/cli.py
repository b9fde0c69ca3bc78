"""The command line: parses options, calls the engine, picks a formatter. Nothing else."""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from copylint import __version__
from copylint.api import Linter
from copylint.baseline import new_findings, read_baseline
from copylint.baseline import write_baseline as write_baseline_file
from copylint.cache import default_folder
from copylint.checks.base import Rule
from copylint.cli_archive import archive, learn
from copylint.cli_common import (
    codes,
    complain,
    config_option,
    finish,
    locale_option,
    report_options,
    skipped,
    with_progress,
    write,
)
from copylint.config import HOUSE_CONFIG_NAMES, Config, find_house_config
from copylint.errors import CopylintError, ExitCode
from copylint.finding import Report
from copylint.jobs import PARALLEL_FROM, Options, Tally, outcomes
from copylint.text.sources import STDIN, discover

if TYPE_CHECKING:
    pass

# What a shell reports for a program Ctrl-C stopped (128 + SIGINT).
INTERRUPTED = 130


class _Program(click.Group):
    """The group run as a program (`copylint`, `python -m copylint`, click's CliRunner): the exit
    code is the command's return value, and every usage, config or input error is one line on
    stderr and exit 2, never a traceback."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        run = super().main
        if not standalone_mode:
            return run(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = run(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _NO_ARGS as error:
            error.show()  # `copylint` alone: its help
            code = ExitCode.ERROR
        except click.ClickException as error:
            complain(error.format_message())
            code = ExitCode.ERROR
        except (click.Abort, KeyboardInterrupt):
            complain("interrupted")
            code = INTERRUPTED
        except CopylintError as error:
            complain(error)
            code = ExitCode.ERROR
        except BrokenPipeError:
            # The reader went away (`copylint check … | head`): nothing more to say to it.
            sys.stderr.close()
            code = ExitCode.CLEAN
        except Exception as error:
            # A bug of ours: exit 1 would read as "findings", so it is 2, said in one line;
            # COPYLINT_DEBUG=1 shows where it happened.
            if os.environ.get("COPYLINT_DEBUG"):
                raise
            complain(f"internal error, please report it: {type(error).__name__}: {error}")
            code = ExitCode.ERROR
        sys.exit(int(code or 0))


# Click 8.2 and later raise this for `copylint` alone, with the help as its message; 8.1
# prints the help itself (and `except ()` catches nothing).
_NO_ARGS: Any = getattr(click.exceptions, "NoArgsIsHelpError", ())


@click.group(cls=_Program, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="copylint")
def cli() -> None:
    """copylint: a copy linter for newsrooms."""


@cli.command()
@click.argument("paths", nargs=-1)
@report_options
@click.option("--stdin-filename", help="The name to report for text read from '-'.")
@click.option(
    "--report-unused-suppressions",
    is_flag=True,
    help="Report each copylint-disable directive that silences nothing.",
)
@click.option(
    "--add-accept",
    is_flag=True,
    help="Add what this run found to the house config's accept lists.",
)
@click.option("--fix", is_flag=True, help="Apply the safe fixes to the files.")
@click.option("--unsafe-fixes", is_flag=True, help="Apply the unsafe fixes too (a name put right).")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; change nothing.")
@click.option("--no-cache", is_flag=True, help="Check every file again; keep no results.")
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Report only findings this baseline does not record.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Record this run's findings in a baseline, and report none.",
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    help=f"Processes to check on [default: 1, or every core from {PARALLEL_FROM} files].",
)
def check(
    paths: tuple[str, ...],
    format_name: str,
    locale: str | None,
    config: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str,
    stdin_filename: str | None,
    report_unused_suppressions: bool,
    add_accept: bool,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    no_cache: bool,
    baseline: Path | None,
    write_baseline: Path | None,
    jobs: int | None,
) -> int:
    """Check articles: files, folders (recursively: *.txt, *.md, *.markdown), globs, or '-'."""
    if not paths:
        raise click.UsageError("name the articles to check (a file, a folder, a glob or '-')")
    fixing = (fix or unsafe_fixes) and not diff
    if (fixing or diff) and STDIN in paths:
        raise click.UsageError("--fix and --diff work on files, not on '-'")
    known = read_baseline(baseline) if baseline is not None else None
    options = Options(
        config,
        locale,
        codes(select),
        codes(ignore),
        report_unused_suppressions,
        cache=None if no_cache else str(default_folder()),
        stdin_filename=stdin_filename,
        fix=fixing,
        unsafe_fixes=unsafe_fixes,
        diff=diff,
        fingerprints=known is not None or write_baseline is not None,
    )
    found = list(discover(paths, skipped=skipped))
    tally = Tally(complain, write, recording=options.fingerprints)
    with outcomes(found, options, jobs) as checked:
        for outcome in with_progress(checked, len(found)):
            tally.add(outcome)
    reports = tally.reports
    if write_baseline is not None:
        write_baseline_file(write_baseline, tally.recorded)
        complain(f"{len(tally.recorded)} findings recorded in the baseline {write_baseline}")
    elif known is not None and baseline is not None:
        reports, fixed = new_findings(tally.recorded, known, baseline, tally.checked)
        if fixed:
            complain(
                f"{fixed} findings of the baseline {baseline} are gone:"
                f" --write-baseline {baseline} to shrink it"
            )
    reports.sort(key=lambda r: (r.path, r.line, r.column, r.finding.rule))
    if diff:
        return ExitCode.FINDINGS if tally.edits else ExitCode.CLEAN
    if fixing:
        complain(f"{tally.edits} fixes made in {tally.fixed_files} files")
    if add_accept:
        _accept_all(reports, config)
    return finish(reports, tally, format_name, fail_on)


@cli.command()
@config_option
@locale_option
def rules(config: str | None, locale: str | None) -> int:
    """List every rule: id, category, severity (or `off`), pack."""
    loaded = _here(config, locale)
    rows = [(r.id, r.category, r.severity.value, r.pack) for r in loaded.rules]
    rows += [(r.id, r.category, "off", r.pack) for r in loaded.disabled]
    widths = [max(len(row[i]) for row in rows) for i in range(3)] if rows else [0, 0, 0]
    for row in sorted(rows):
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        write("  ".join([*cells, row[3]]) + "\n")
    return ExitCode.CLEAN


@cli.command()
@click.argument("rule_id")
@config_option
def explain(rule_id: str, config: str | None) -> int:
    """What RULE checks, why, and examples that fail and pass."""
    loaded = _here(config, None)
    found = {rule.id: rule for rule in (*loaded.rules, *loaded.disabled)}.get(rule_id)
    if found is None:
        raise click.UsageError(f"no rule {rule_id!r}; `copylint rules` lists them")
    write(explanation(found))
    return ExitCode.CLEAN


@cli.command()
@click.argument("texts", nargs=-1, required=True)
@click.option("--rule", "code", default="*", help="The rule id or category (default: every rule).")
@config_option
def accept(texts: tuple[str, ...], code: str, config: str | None) -> int:
    """Accept TEXTS (words, names, phrases, /regexes/): the rule never flags them again."""
    from copylint.acceptance import add_accepted

    house = _house_towrite(config)
    added = add_accepted(house, {code: list(texts)})
    complain(f"{added} added to the accept list for {code!r} in {house}")
    return ExitCode.CLEAN


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8081, show_default=True, help="0: any free."
)
@config_option
@locale_option
def serve(host: str, port: int, config: str | None, locale: str | None) -> int:
    """Serve LanguageTool's API (/v2/check), copylint's JSON (/v1/check) and a page (/)."""
    # Imported here: no other command loads the web stack.
    from copylint.server import ServerSettings, is_loopback
    from copylint.server import serve as run_server

    if not is_loopback(host):
        complain(
            f"warning: serving on {host}, not the loopback interface:"
            " anyone who can reach this machine can send it text to check"
        )
    run_server(ServerSettings(config, locale), host, port)
    return ExitCode.CLEAN


@cli.command()
def lsp() -> int:
    """Run the language server on stdin and stdout, for an editor to start."""
    from copylint.lsp.server import main as run_language_server

    run_language_server()
    return ExitCode.CLEAN


def _accept_all(reports: Sequence[Report], config: str | None) -> None:
    from copylint.acceptance import add_accepted

    entries: dict[str, list[str]] = {}
    for report in reports:
        entries.setdefault(report.finding.rule, []).append(report.text)
    house = _house_towrite(config)
    added = add_accepted(house, entries)
    complain(f"{added} findings' texts added to the accept lists in {house}")


def _house_towrite(config: str | None) -> Path:
    """The config to write to: the one named, the nearest, or a new one here."""
    if config is not None:
        return Path(config)
    nearest = find_house_config(Path.cwd().resolve())
    return nearest if nearest else Path(HOUSE_CONFIG_NAMES[0])


def explanation(rule: Rule) -> str:
    lines = [
        f"{rule.id} ({rule.category}, {rule.severity.value}, kind {rule.KIND}, pack {rule.pack})",
        "",
        textwrap.fill(rule.description or rule.message, 88),
    ]
    locale = f" (with --locale {rule.examples.locale})" if rule.examples.locale else ""
    for title, examples in (("Fails", rule.examples.fail), ("Passes", rule.examples.ok)):
        if examples:
            lines += ["", f"{title}{locale}:"]
            # Numbered, since an example may span lines (a share bar) or hold a blank one.
            for number, example in enumerate(examples, 1):
                marker = f"  {number}. "
                first, *rest = example.split("\n")
                lines.append(marker + first)
                lines += [(" " * len(marker) + line).rstrip() for line in rest]
    return "\n".join(lines) + "\n"


def _here(config: str | None, locale: str | None) -> Config:
    """The house config named, or the nearest to the current folder."""
    linter = Linter(config, locale, warn=complain)
    return linter.config_for(linter.house_for(os.path.join(os.getcwd(), "-")))


cli.add_command(learn)
cli.add_command(archive)


def main(argv: Sequence[str] | None = None) -> None:
    """The `copylint` command (see `_Program`)."""
    cli.main(args=argv, prog_name="copylint")

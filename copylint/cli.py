"""The command line: parses options, calls the engine, picks a formatter. Nothing else."""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from copylint import __version__
from copylint.acceptance import write_atomically
from copylint.api import Checked, Linter
from copylint.baseline import Recorded, fingerprint, new_findings, read_baseline
from copylint.baseline import write_baseline as write_baseline_file
from copylint.cache import ResultCache, default_folder
from copylint.checks.base import Rule
from copylint.config import HOUSE_CONFIG_NAMES, Config, find_house_config
from copylint.engine import fails
from copylint.errors import CopylintError, ExitCode, InputError
from copylint.finding import Report, RunStats, Severity
from copylint.fixes import chosen_edits, fixed, unified_diff
from copylint.formatters import FORMATTERS
from copylint.formatters.printable import printable
from copylint.text.document import Document
from copylint.text.sources import STDIN, decode, discover

LOCALES = ("en-GB", "en-US", "en-GB-oxendict", "auto")
# What a shell reports for a program Ctrl-C stopped (128 + SIGINT).
INTERRUPTED = 130

config_option = click.option(
    "--config",
    type=click.Path(dir_okay=False),
    help="House config to use instead of the nearest .copylint.yaml.",
)
locale_option = click.option(
    "--locale", type=click.Choice(LOCALES), help="House spelling (overrides the config)."
)


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
            _complain(error.format_message())
            code = ExitCode.ERROR
        except (click.Abort, KeyboardInterrupt):
            _complain("interrupted")
            code = INTERRUPTED
        except CopylintError as error:
            _complain(error)
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
            _complain(f"internal error, please report it: {type(error).__name__}: {error}")
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
@click.option(
    "--format",
    "format_name",
    type=click.Choice(sorted(FORMATTERS)),
    default="text",
    show_default=True,
    help="Output format.",
)
@locale_option
@config_option
@click.option("--select", multiple=True, help="Only these rules or categories (repeatable).")
@click.option("--ignore", multiple=True, help="Not these rules or categories (repeatable).")
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    default="warning",
    show_default=True,
    help="Exit 1 when a finding is at or above this severity.",
)
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
) -> int:
    """Check articles: files, folders (recursively: *.txt, *.md, *.markdown), globs, or '-'."""
    if not paths:
        raise click.UsageError("name the articles to check (a file, a folder, a glob or '-')")
    cache = None if no_cache else ResultCache(default_folder())
    linter = Linter(
        config, locale, _codes(select), _codes(ignore), report_unused_suppressions, _complain, cache
    )
    fixing = (fix or unsafe_fixes) and not diff
    if (fixing or diff) and STDIN in paths:
        raise click.UsageError("--fix and --diff work on files, not on '-'")
    known = read_baseline(baseline) if baseline is not None else None
    fixes = FixCount()
    recorded: list[Recorded] = []
    checked_paths: list[str] = []
    reports: list[Report] = []
    rules_run: dict[str, Rule] = {}
    refused = 0
    for path in _with_progress(list(discover(paths, skipped=_skipped))):
        try:
            checked = linter.check_file(path, stdin_filename)
        except InputError as error:  # that file: the others are still checked
            _complain(error)
            refused += 1
            continue
        rules_run.update((rule.id, rule) for rule in linter.rules_for(checked.config.path))
        if fixing or diff:
            checked = _fix(linter, checked, unsafe_fixes, diff, fixes)
        checked_paths.append(checked.doc.path)
        if known is None and write_baseline is None:
            reports += checked.reports
        else:
            recorded += (Recorded(r, fingerprint(checked.doc, r)) for r in checked.reports)
    if write_baseline is not None:
        write_baseline_file(write_baseline, recorded)
        _complain(f"{len(recorded)} findings recorded in the baseline {write_baseline}")
    elif known is not None and baseline is not None:
        reports, fixed = new_findings(recorded, known, baseline, checked_paths)
        if fixed:
            _complain(
                f"{fixed} findings of the baseline {baseline} are gone:"
                f" --write-baseline {baseline} to shrink it"
            )
    reports.sort(key=lambda r: (r.path, r.line, r.column, r.finding.rule))
    if diff:
        return ExitCode.FINDINGS if fixes.edits else ExitCode.CLEAN
    if fixing:
        _complain(f"{fixes.edits} fixes made in {fixes.files} files")
    if add_accept:
        _accept_all(reports, config)
    stats = RunStats(len(checked_paths), refused)
    infos = [rule.info for rule in rules_run.values()]
    _write(FORMATTERS[format_name](reports, infos, color=_color(), stats=stats))
    if refused:
        return ExitCode.ERROR
    return ExitCode.FINDINGS if fails(reports, Severity(fail_on)) else ExitCode.CLEAN


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
        _write("  ".join([*cells, row[3]]) + "\n")
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
    _write(explanation(found))
    return ExitCode.CLEAN


@cli.command()
@click.argument("corpus", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The lexicon to write (YAML).",
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes to read the archive on.",
)
def learn(corpus: tuple[str, ...], output: Path, jobs: int) -> int:
    """Learn a house lexicon of names from an archive: folders, files or globs of articles."""
    from copylint.language.lexicon import dump_lexicon, learn_names, write_lexicon

    paths = list(discover(corpus, skipped=_skipped))
    if not paths:
        raise click.UsageError("no articles found to learn from")
    written = os.path.realpath(output)
    if any(path != STDIN and os.path.realpath(path) == written for path in paths):
        raise click.UsageError(f"{output} is one of the articles to learn from: write elsewhere")
    with click.progressbar(
        length=len(paths), label="Reading", file=sys.stderr, hidden=not sys.stderr.isatty()
    ) as bar:
        learnt = learn_names(paths, progress=bar.update, jobs=jobs)
    for path, problem in learnt.refused:
        _complain(problem if problem.startswith(path) else f"{path}: {problem}")
    if not learnt.articles:
        _complain(f"no article could be read: {output} not written")
        return ExitCode.ERROR
    write_lexicon(output, dump_lexicon(learnt.counts, learnt.articles))
    click.echo(
        f"{len(learnt.counts)} names from {learnt.articles} articles written to {output}",
        err=True,
    )
    return ExitCode.ERROR if learnt.refused else ExitCode.CLEAN


@cli.command()
@click.argument("texts", nargs=-1, required=True)
@click.option("--rule", "code", default="*", help="The rule id or category (default: every rule).")
@config_option
def accept(texts: tuple[str, ...], code: str, config: str | None) -> int:
    """Accept TEXTS (words, names, phrases, /regexes/): the rule never flags them again."""
    from copylint.acceptance import add_accepted

    house = _house_to_write(config)
    added = add_accepted(house, {code: list(texts)})
    _complain(f"{added} added to the accept list for {code!r} in {house}")
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
        _complain(
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


@dataclass
class FixCount:
    edits: int = 0
    files: int = 0


def _fix(linter: Linter, checked: Checked, unsafe: bool, diff: bool, count: FixCount) -> Checked:
    """Fix a file, or print the diff its fixes make; what remains in it after fixing."""
    doc = checked.doc
    edits = chosen_edits(checked.reports, unsafe)
    if not edits or doc.raw is None:
        return checked
    after = fixed(doc, edits)
    count.edits += len(edits)
    count.files += 1
    if diff:
        _write(unified_diff(doc.path, doc.raw, after))
        return checked
    write_atomically(Path(doc.path), after)
    return linter.check_document(Document(doc.path, decode(after, doc.path), after))


# Fewer files than this are read before a bar could say anything.
_PROGRESS_FROM = 50


def _with_progress(paths: list[str]) -> Iterator[str]:
    """The paths, with a bar on a terminal's stderr for a run of many files (none in a pipe,
    a file or CI)."""
    quiet = not sys.stderr.isatty() or "CI" in os.environ or len(paths) < _PROGRESS_FROM
    if quiet:
        yield from paths
        return
    with click.progressbar(paths, label="Checking", file=sys.stderr) as bar:
        yield from bar


def _accept_all(reports: Sequence[Report], config: str | None) -> None:
    from copylint.acceptance import add_accepted

    entries: dict[str, list[str]] = {}
    for report in reports:
        entries.setdefault(report.finding.rule, []).append(report.text)
    house = _house_to_write(config)
    added = add_accepted(house, entries)
    _complain(f"{added} findings' texts added to the accept lists in {house}")


def _house_to_write(config: str | None) -> Path:
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


def _codes(given: Iterable[str]) -> tuple[str, ...]:
    return tuple(code.strip() for item in given for code in item.split(",") if code.strip())


def _here(config: str | None, locale: str | None) -> Config:
    """The house config named, or the nearest to the current folder."""
    linter = Linter(config, locale, warn=_complain)
    return linter.config_for(linter.house_for(os.path.join(os.getcwd(), "-")))


def _skipped(path: str, problem: str) -> None:
    """A file a folder or a glob found that is no article to read (a FIFO, a socket)."""
    _complain(f"{path}: skipped: {problem}")


def _color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _write(text: str) -> None:
    sys.stdout.write(text)


def _complain(error: object) -> None:
    click.echo(f"copylint: {printable(str(error))}", err=True)


def main(argv: Sequence[str] | None = None) -> None:
    """The `copylint` command (see `_Program`)."""
    cli.main(args=argv, prog_name="copylint")

"""The commands that read a whole archive: `learn` on this machine, `archive check|learn`
on a Dask cluster."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from copylint.cli_common import (
    codes,
    complain,
    finish,
    lexicon_output_option,
    report_options,
    skipped,
    with_progress,
    write,
)
from copylint.errors import ExitCode
from copylint.jobs import PARALLEL_FROM, Options, Tally, default_jobs
from copylint.text.sources import STDIN, discover

if TYPE_CHECKING:
    from copylint.language.lexicon import Learnt


@click.command()
@click.argument("corpus", nargs=-1, required=True)
@lexicon_output_option
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=None,
    help=f"Processes to read on [default: 1, or every core from {PARALLEL_FROM} files].",
)
def learn(corpus: tuple[str, ...], output: Path, jobs: int | None) -> int:
    """Learn a house lexicon of names from an archive: folders, files or globs of articles."""
    from copylint.language.lexicon import learn_names

    paths = _articles_to_learn(corpus, output)
    with click.progressbar(
        length=len(paths), label="Reading", file=sys.stderr, hidden=not sys.stderr.isatty()
    ) as bar:
        learnt = learn_names(paths, progress=bar.update, jobs=jobs or default_jobs(len(paths)))
    return _write_lexicon(learnt, output)


def _articles_to_learn(corpus: Iterable[str], output: Path) -> list[str]:
    paths = list(discover(corpus, skipped=skipped))
    if not paths:
        raise click.UsageError("no articles found to learn from")
    written = os.path.realpath(output)
    if any(path != STDIN and os.path.realpath(path) == written for path in paths):
        raise click.UsageError(f"{output} is one of the articles to learn from: write elsewhere")
    return paths


def _write_lexicon(learnt: Learnt, output: Path) -> int:
    from copylint.language.lexicon import dump_lexicon, write_lexicon

    for path, problem in learnt.refused:
        complain(problem if problem.startswith(path) else f"{path}: {problem}")
    if not learnt.articles:
        complain(f"no article could be read: {output} not written")
        return ExitCode.ERROR
    write_lexicon(output, dump_lexicon(learnt.counts, learnt.articles))
    click.echo(
        f"{len(learnt.counts)} names from {learnt.articles} articles written to {output}",
        err=True,
    )
    return ExitCode.ERROR if learnt.refused else ExitCode.CLEAN


@click.group()
def archive() -> None:
    """Check an archive, or learn from it, on a Dask cluster (pip install 'copylint[dask]')."""


scheduler_option = click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="A Dask scheduler (tcp://host:8786) whose workers see these paths"
    " [default: a cluster of this machine's cores].",
)


@archive.command("check")
@click.argument("paths", nargs=-1, required=True)
@scheduler_option
@report_options
def archive_check(
    paths: tuple[str, ...],
    scheduler: str | None,
    format_name: str,
    locale: str | None,
    config: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str,
) -> int:
    """Check articles on a Dask cluster, with `check`'s output: files, folders or globs."""
    from copylint import archive as dask_archive

    if not dask_archive.available():
        click.echo(dask_archive.NEEDS_DASK, err=True)
        return ExitCode.ERROR
    if STDIN in paths:
        raise click.UsageError("the cluster reads files by their paths, not '-'")
    found = list(discover(paths, skipped=skipped))
    options = Options(config, locale, codes(select), codes(ignore))
    tally = Tally(complain, write)
    with dask_archive.cluster(scheduler) as client:
        for outcome in with_progress(dask_archive.checked(client, found, options), len(found)):
            tally.add(outcome)
    return finish(tally.sorted_reports(), tally, format_name, fail_on)


@archive.command("learn")
@click.argument("corpus", nargs=-1, required=True)
@lexicon_output_option
@scheduler_option
def archive_learn(corpus: tuple[str, ...], output: Path, scheduler: str | None) -> int:
    """Learn a house lexicon of names from an archive on a Dask cluster, as `learn` does."""
    from copylint import archive as dask_archive

    if not dask_archive.available():
        click.echo(dask_archive.NEEDS_DASK, err=True)
        return ExitCode.ERROR
    paths = _articles_to_learn(corpus, output)
    with (
        dask_archive.cluster(scheduler) as client,
        click.progressbar(
            length=len(paths), label="Reading", file=sys.stderr, hidden=not sys.stderr.isatty()
        ) as bar,
    ):
        learnt = dask_archive.learnt(client, paths, progress=bar.update)
    return _write_lexicon(learnt, output)

"""A long article's rules shared by two processes: the same findings and warnings as one
process gives, whichever process ran a rule, and whatever became of the copy. Each case runs in
a fresh interpreter, as the command does, since a process may fork only while it holds no other
thread (a test runner's may)."""

from __future__ import annotations

import dataclasses
import json
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from articles import SEED
from newsroom import copylint

from copylint.finding import Applicability, Edit, Finding, Fix, Report, Severity
from copylint.shared_rules import LONG

# Rule kinds that say which process ran them, and what became of them elsewhere. Each of the
# `slow_*` kinds waits long enough that the other process has drawn a rule before it is done.
KINDS = """
import os, sys, time
from dataclasses import dataclass
from typing import ClassVar
from copylint.checks.base import Rule
from copylint.engine import check_document
from copylint.errors import RuleWarning
from copylint.finding import Severity
from copylint.text.document import Document

PARENT = os.getpid()

def here() -> str:
    return "parent" if os.getpid() == PARENT else "copy"

@dataclass(frozen=True, kw_only=True)
class Where(Rule):
    KIND: ClassVar[str] = "where"
    def check(self, doc):
        time.sleep(0.3)
        yield self.finding(0, 4, here())

@dataclass(frozen=True, kw_only=True)
class AsksAServer(Where):
    BACKEND: ClassVar[str] = "a server"

@dataclass(frozen=True, kw_only=True)
class FailsInACopy(Where):
    SLOW: ClassVar[bool] = True
    def check(self, doc):
        if here() == "copy":
            raise RuntimeError("left to the parent")
        yield self.finding(5, 9, here())

@dataclass(frozen=True, kw_only=True)
class KillsACopy(FailsInACopy):
    def check(self, doc):
        if here() == "copy":
            os._exit(3)
        yield self.finding(5, 9, here())

@dataclass(frozen=True, kw_only=True)
class Warns(FailsInACopy):
    def check(self, doc):
        raise RuleWarning(f"{self.id}: cannot work here")
        yield

@dataclass(frozen=True, kw_only=True)
class Many(Where):
    SLOW: ClassVar[bool] = True
    def check(self, doc):
        for at in range(20_000):
            yield self.finding(at % 100, at % 100 + 1, here())

def rule(kind, name):
    return kind(id=f"test/{name}", category="test", severity=Severity.WARNING, message="")

def run(doc, rules):
    said = []
    reports = check_document(doc, rules, said.append, share_long=True)
    print(json.dumps({
        "found": [[r.finding.rule, r.column, r.finding.message] for r in reports],
        "said": said,
    }))
"""


def _run(case: str, length: int = LONG) -> dict[str, Any]:
    script = KINDS + textwrap.dedent(f"""
        import json
        doc = Document("long.txt", "Word " * ({length} // 5))
        {case}
    """)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    outcome: dict[str, Any] = json.loads(done.stdout)
    return outcome


def test_a_long_articles_rules_are_run_by_two_processes() -> None:
    outcome = _run("run(doc, [rule(Where, 'one'), rule(Where, 'two')])")
    assert sorted(message for _, _, message in outcome["found"]) == ["copy", "parent"]


def test_a_shorter_article_is_checked_by_one_process() -> None:
    outcome = _run("run(doc, [rule(Where, 'one'), rule(Where, 'two')])", LONG - 5)
    assert [message for _, _, message in outcome["found"]] == ["parent", "parent"]


def test_a_rule_that_asks_a_server_is_run_by_this_process() -> None:
    outcome = _run("run(doc, [rule(Where, 'one'), rule(AsksAServer, 'server')])")
    assert ["test/server", 1, "parent"] in outcome["found"]
    assert ["test/one", 1, "copy"] in outcome["found"]


def test_a_rule_that_fails_in_the_copy_is_run_again_here() -> None:
    # It is drawn first (slow) by the copy, while the parent runs the server's rule.
    outcome = _run("run(doc, [rule(AsksAServer, 'server'), rule(FailsInACopy, 'fails')])")
    assert outcome["found"] == [["test/server", 1, "parent"], ["test/fails", 6, "parent"]]


def test_the_rules_of_a_copy_that_dies_are_run_here() -> None:
    outcome = _run(
        "run(doc, [rule(AsksAServer, 'server'), rule(KillsACopy, 'kills'), rule(Where, 'w')])"
    )
    assert outcome["found"] == [
        ["test/server", 1, "parent"],
        ["test/w", 1, "parent"],
        ["test/kills", 6, "parent"],
    ]


def test_warnings_are_said_once_in_the_order_of_the_rules() -> None:
    outcome = _run(
        "run(doc, [rule(Warns, 'first'), rule(AsksAServer, 'server'), rule(Warns, 'last')])"
    )
    assert outcome["said"] == ["test/first: cannot work here", "test/last: cannot work here"]
    assert outcome["found"] == [["test/server", 1, "parent"]]


def test_a_rule_the_copy_stops_at_the_most_findings_is_said_to_be_stopped() -> None:
    outcome = _run("run(doc, [rule(AsksAServer, 'server'), rule(Many, 'many')])")
    many = [message for name, _, message in outcome["found"] if name == "test/many"]
    assert (len(many), set(many)) == (10_000, {"copy"})
    assert outcome["said"] == [
        "long.txt: test/many: stopped at 10,000 findings, more than any article has"
    ]


def test_a_long_article_gives_what_one_process_gives(tmp_path: Path) -> None:
    """The shipped rules, the seed's paragraphs repeated past `LONG` characters with a slip in a
    name at the end: the command's output with both cores and with `--jobs 1` alike."""
    seed = SEED.read_text("utf-8")
    times = LONG // len(seed) + 1
    (tmp_path / "long.txt").write_text(seed * times + "Keir Stramer spoke.\n", "utf-8")
    check = ("check", "--no-cache", "--format", "json", "long.txt")
    shared = copylint(*check, cwd=tmp_path)
    one = copylint(*check, "--jobs", "1", cwd=tmp_path)
    assert shared == one
    assert _forks(tmp_path, *check) == 1
    assert _forks(tmp_path, *check, "--jobs", "1") == 0
    code, out, _ = one
    found = json.loads(out)
    assert code == 1
    assert {finding["rule"] for finding in found} >= {"entity/near-miss", "boilerplate/web-chrome"}
    assert found[-1]["text"] == "Stramer"


def _forks(cwd: Path, *args: str) -> int:
    """How often the command forks, counted in the process that runs it."""
    script = textwrap.dedent(f"""
        import os, sys
        from copylint.cli import main
        forks, fork = [], os.fork
        def counted():
            forks.append(1)
            return fork()
        os.fork = counted
        try:
            main({list(args)!r})
        except SystemExit:
            pass
        print(len(forks), file=sys.stderr)
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=cwd, capture_output=True, text=True)
    return int(done.stderr.split()[-1])


def test_a_finding_and_its_fix_cross_between_processes_whole() -> None:
    """What a copy or a worker sends back is pickled field by field (`_by_fields`), which a
    class's own fields must fill in order."""
    edits = (Edit(3, 10, "Starmer"), Edit(12, 12, ""))
    finding = Finding("entity/near-miss", "entity", Severity.WARNING, "m", 3, 10, ("Starmer",))
    fixed = dataclasses.replace(finding, fix=Fix(Applicability.UNSAFE, edits))
    report = Report("a.md", 1, 4, 1, 11, "Starmet", fixed, ((1, 4, 1, 11, "Starmer"),))
    for sent in (finding, fixed, report, [report] * 3):
        assert pickle.loads(pickle.dumps(sent, pickle.HIGHEST_PROTOCOL)) == sent
    assert report.__reduce__() == (
        Report,
        tuple(getattr(report, f.name) for f in dataclasses.fields(report)),
    )

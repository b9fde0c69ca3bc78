"""LanguageTool as the grammar backend, through language-tool-python, against a server on
127.0.0.1 that answers `/v2/languages` and `/v2/check` in LanguageTool's JSON (the shape of
LanguageTool 5.5's recorded responses): the real LanguageTool cannot be installed here."""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from copylint.cli import cli
from copylint.config import load_config
from copylint.text.document import Document

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_a48f44d96701f5af.txt"
SOFTWARE = {"name": "LanguageTool", "version": "5.5", "apiVersion": 1, "premium": False}


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def match(text: str, phrase: str, rule: str, message: str, replacement: str) -> dict[str, Any]:
    """A match in LanguageTool's shape, its offset and length in UTF-16 units as it counts."""
    at = text.index(phrase)
    return {
        "message": message,
        "shortMessage": "",
        "replacements": [{"value": replacement}],
        "offset": utf16(text[:at]),
        "length": utf16(phrase),
        "context": {"text": phrase, "offset": 0, "length": utf16(phrase)},
        "sentence": phrase,
        "type": {"typeName": "Other"},
        "rule": {
            "id": rule,
            "description": message,
            "issueType": "grammar",
            "category": {"id": "GRAMMAR", "name": "Grammar"},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def answer(text: str) -> list[dict[str, Any]]:
    """What the server finds: the seed's line 4, which lacks 'to', and a stray 'a apple'."""
    found = []
    if "Allowing Kyiv Fire" in text:
        found.append(
            match(
                text,
                "Allowing Kyiv Fire",
                "ALLOW_TO",
                "The verb 'allow' takes an infinitive with 'to': 'allowing Kyiv to fire'.",
                "Allowing Kyiv to Fire",
            )
        )
    if "a apple" in text:
        found.append(
            match(text, "a apple", "EN_A_VS_AN", "Use 'an' before a vowel sound.", "an apple")
        )
    return found


@dataclass
class LanguageToolStub:
    url: str
    checked: list[dict[str, str]] = field(default_factory=list)


@pytest.fixture
def languagetool() -> Iterator[LanguageToolStub]:
    checked: list[dict[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def _send(self, payload: object) -> None:
            body = json.dumps(payload).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            languages = [
                {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
                {"name": "English (US)", "code": "en", "longCode": "en-US"},
            ]
            self._send(languages)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode("utf-8")))
            checked.append(form)
            language = {"name": "English", "code": form.get("language", "en-US")}
            self._send(
                {"software": SOFTWARE, "language": language, "matches": answer(form["text"])}
            )

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield LanguageToolStub(f"http://127.0.0.1:{server.server_address[1]}", checked)
    server.shutdown()


def run(here: Path, config: str, *args: str) -> Result:
    (here / ".copylint.yaml").write_text(config, encoding="utf-8")
    return CliRunner().invoke(cli, ["check", "--format", "json", *args])


def test_the_seed_s_line_4_is_a_grammar_finding_at_its_place(
    here: Path, languagetool: LanguageToolStub
) -> None:
    (here / "seed.txt").write_text(SEED.read_text("utf-8"), encoding="utf-8")
    result = run(here, f"locale: en-GB\ngrammar: {{server: {languagetool.url}}}\n", "seed.txt")
    grammar = [f for f in json.loads(result.stdout) if f["category"] == "grammar"]
    assert [(f["line"], f["column"], f["text"], f["rule"], f["suggestions"]) for f in grammar] == [
        (4, 48, "Allowing Kyiv Fire", "grammar/ALLOW_TO", ["Allowing Kyiv to Fire"])
    ]
    assert grammar[0]["fix"]["applicability"] == "unsafe"
    (request,) = languagetool.checked
    assert request["language"] == "en-GB"
    assert "TYPOS" in request["disabledCategories"].split(",")
    assert "WHITESPACE_RULE" in request["disabledRules"].split(",")


def test_only_prose_is_sent_and_a_match_in_markup_is_dropped(
    here: Path, languagetool: LanguageToolStub
) -> None:
    article = "---\nslug: a apple\n---\n\nWe ate 🙂 a apple.\n\n```\na apple\n```\n"
    (here / "a.md").write_text(article, encoding="utf-8")
    result = run(here, f"grammar: {{server: {languagetool.url}}}\n", "a.md")
    found = [(f["line"], f["column"], f["rule"]) for f in json.loads(result.stdout)]
    assert found == [(5, 10, "grammar/EN_A_VS_AN")]
    (request,) = languagetool.checked
    sent = request["text"]
    assert len(sent) == len(article) and "slug" not in sent and sent.count("a apple") == 1


def test_without_a_server_there_is_no_request_and_no_grammar(here: Path) -> None:
    (here / "a.txt").write_text("We ate a apple.\n", encoding="utf-8")
    result = run(here, "locale: en-GB\n", "a.txt")
    assert (result.exit_code, json.loads(result.stdout), result.stderr) == (0, [], "")


def test_a_server_that_cannot_be_reached_is_one_warning_and_the_run_goes_on(here: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (here / name).write_text("We ate a apple.\n\nShare this article\n", encoding="utf-8")
    started = time.perf_counter()
    result = run(here, "grammar: {server: 'http://127.0.0.1:9'}\n", "a.txt", "b.txt")
    assert time.perf_counter() - started < 15
    assert result.exit_code == 1
    assert [f["rule"] for f in json.loads(result.stdout)] == ["boilerplate/web-chrome"] * 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("copylint: warning: grammar: no LanguageTool at http://127.0.0.1:9 (")
    assert line.endswith("); checked without grammar")


def test_the_shipped_rule_s_examples_against_the_server(
    here: Path, languagetool: LanguageToolStub
) -> None:
    (here / "house.yaml").write_text(f"grammar: {{server: {languagetool.url}}}\n", "utf-8")
    config = load_config(here / "house.yaml")
    (rule,) = [r for r in config.rules if r.id == "grammar/languagetool"]
    assert rule.examples.fail and rule.examples.ok
    for text in rule.examples.fail:
        assert list(rule.check(Document("example.txt", text))), text
    for text in rule.examples.ok:
        assert not list(rule.check(Document("example.txt", text))), text

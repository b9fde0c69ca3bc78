"""`copylint serve` end to end: a real server on a free loopback port, spoken to over HTTP.

The main server is the command itself (`python -m copylint serve --port 0`, which says where
it listens); servers with other limits run the same application under uvicorn in a thread.
Findings are compared with what `copylint.Linter` finds in the same text, so the tests pin the
server's translation (offsets in UTF-16 units of the text as sent, LanguageTool's fields, the
JSON contract), not copylint's rules.
"""

from __future__ import annotations

import asyncio
import json
import queue
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from copylint import Linter
from copylint.config import config_schema

uvicorn = pytest.importorskip("uvicorn")
from copylint.server import ServerSettings, create_app  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "000_a48f44d96701f5af.txt").read_text("utf-8")
SERVING = re.compile(r"serving on (http://\S+?)/? ")


@contextmanager
def command_server(*options: str, cwd: Path) -> Iterator[tuple[str, list[str]]]:
    """`copylint serve --port 0 OPTIONS`: its address, and the lines it writes on stderr."""
    process = subprocess.Popen(
        [sys.executable, "-m", "copylint", "serve", "--port", "0", *options],
        cwd=cwd,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    said: list[str] = []
    assert process.stderr is not None
    drain = threading.Thread(target=lambda: [lines.put(line) for line in process.stderr or ()])
    drain.start()
    try:
        while True:
            line = lines.get(timeout=60)
            said.append(line)
            found = SERVING.search(line)
            if found:
                break
        yield found.group(1), said
    finally:
        process.terminate()
        process.wait(timeout=20)
        drain.join(timeout=5)


@contextmanager
def threaded_server(settings: ServerSettings) -> Iterator[str]:
    """The application under uvicorn in a thread, on a free loopback port."""
    listening = socket.socket()
    listening.bind(("127.0.0.1", 0))
    listening.listen(128)
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listening]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{listening.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=20)
        listening.close()


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with command_server(cwd=tmp_path_factory.mktemp("serve")) as (address, _):
        yield address


def v2(url: str, **fields: str) -> httpx.Response:
    return httpx.post(f"{url}/v2/check", data=fields, timeout=30)


def utf16(text: str, offset: int, length: int) -> str:
    """What a LanguageTool client (counting UTF-16 units, as Java and JavaScript do) reads."""
    units = text.encode("utf-16-le")
    return units[2 * offset : 2 * (offset + length)].decode("utf-16-le")


def test_v2_check_gives_the_seed_findings_as_languagetool_matches(url: str) -> None:
    answer = v2(url, language="en-GB", text=SEED)
    assert answer.status_code == 200
    body = answer.json()
    assert body["software"]["name"] == "copylint"
    assert body["software"]["apiVersion"] == 1
    assert body["warnings"] == {"incompleteResults": False}
    assert body["language"]["code"] == "en-GB"
    assert body["language"]["detectedLanguage"]["code"] == "en-GB"
    expected = Linter(locale="en-GB").lint_text(SEED, "seed.txt")
    matches = body["matches"]
    assert [m["rule"]["id"] for m in matches] == [f["rule"] for f in expected]
    assert len(matches) == 9
    for match, finding in zip(matches, expected, strict=True):
        assert utf16(SEED, match["offset"], match["length"]) == finding["text"]
        assert match["message"] == finding["message"]
        assert match["replacements"] == [{"value": s} for s in finding["suggestions"]]
        assert match["type"] == {"typeName": "Other"}
        assert match["ignoreForIncompleteSentence"] is False
        assert match["contextForSureMatch"] == 0
        assert match["shortMessage"]
        rule = match["rule"]
        assert rule["description"] and rule["issueType"]
        assert rule["category"] == {
            "id": finding["category"].upper(),
            "name": rule["category"]["name"],
        }
        context = match["context"]
        assert utf16(context["text"], context["offset"], context["length"]) == finding["text"]
        assert finding["text"] in match["sentence"]
    starmet = next(m for m in matches if m["rule"]["id"] == "entity/near-miss")
    assert starmet["replacements"] == [{"value": "Starmer"}]
    assert starmet["rule"]["issueType"] == "inconsistent-entities"
    assert starmet["sentence"].startswith("Addressing reporters ahead of his meeting with Starmet")


def test_offsets_count_utf16_units_of_the_text_as_sent() -> None:
    # An emoji is two UTF-16 units, a CRLF two characters, a BOM one: each moves the offset.
    texts = [
        "😀🙂 The color of the flag was bright.\n",
        "The sky was gray.\r\nIt was 😀 the color of lead.\r\n\r\nThe center held.\r\n",
        "\ufeffThe color 𝒳 was gray.\r\n",
        "Lone CR line ends.\rThe color was gray.\r",
    ]
    offsets = []
    with threaded_server(ServerSettings()) as url:
        for text in texts:
            expected = Linter(locale="en-GB").lint_text(text, "a.txt")
            matches = v2(url, language="en-GB", text=text).json()["matches"]
            assert len(matches) == len(expected) >= 1, text
            for match, finding in zip(matches, expected, strict=True):
                assert utf16(text, match["offset"], match["length"]) == finding["text"], text
            offsets.append([(m["offset"], m["length"]) for m in matches])
    # Two emoji (four units) and a space, "The ": "color" starts at unit 9.
    assert offsets[0] == [(9, 5)]
    # Line 1 is 17 characters and a CRLF (19 units); "color" is 7 + 2 (the emoji) + 5 into
    # line 2, and "center" 14 + 2 + 2 + 4 units after it: each CRLF counts two.
    assert offsets[1] == [(12, 4), (33, 5), (55, 6)]


def test_annotated_data_counts_the_markup_too(url: str) -> None:
    parts: list[dict[str, str]] = [
        {"markup": "<p>"},
        {"text": "The 😀 color of "},
        {"markup": "<b>"},
        {"text": "the flag"},
        {"markup": "</b>"},
        {"markup": "<br/>", "interpretAs": "\n\n"},
        {"text": "was gray."},
        {"markup": "</p>"},
    ]
    data = json.dumps({"annotation": parts})
    submitted = "".join(p.get("text", p.get("markup", "")) for p in parts)
    matches = v2(url, language="en-GB", data=data).json()["matches"]
    assert [utf16(submitted, m["offset"], m["length"]) for m in matches] == ["color", "gray"]
    assert [m["replacements"][0]["value"] for m in matches] == ["colour", "grey"]


def test_language_codes_map_to_house_locales(url: str) -> None:
    text = "The colour was gray."
    assert [
        m["replacements"][0]["value"]
        for m in v2(url, language="en-GB", text=text).json()["matches"]
    ] == ["grey"]
    us = v2(url, language="en-US", text=text).json()
    assert [m["replacements"][0]["value"] for m in us["matches"]] == ["color"]
    for code in ("en", "auto", "EN-gb"):
        assert v2(url, language=code, text=text).status_code == 200
    british = v2(url, language="auto", preferredVariants="en-GB", text=text).json()
    assert british["language"]["code"] == "en-GB"
    languages = httpx.get(f"{url}/v2/languages").json()
    assert {"name": "English (GB)", "code": "en", "longCode": "en-GB"} in languages
    assert {entry["longCode"] for entry in languages} >= {"en", "en-GB", "en-US"}


def test_rule_filters(url: str) -> None:
    def rules(**fields: str) -> list[str]:
        return [
            m["rule"]["id"]
            for m in v2(url, language="en-GB", text=SEED, **fields).json()["matches"]
        ]

    everything = rules()
    assert "spelling/locale" not in rules(disabledRules="spelling")
    assert "entity/near-miss" not in rules(disabledRules="entity/near-miss,quote")
    assert rules(disabledCategories="SPELLING,BOILERPLATE") == ["entity/near-miss"]
    assert rules(enabledRules="entity/near-miss", enabledOnly="true") == ["entity/near-miss"]
    assert rules(enabledRules="entity/near-miss") == everything  # without enabledOnly: added
    only = v2(url, language="en-GB", text=SEED, enabledOnly="true")
    assert only.status_code == 400 and "enabledRules" in only.json()["error"]


def test_v1_check_gives_the_json_contract_for_a_text_and_a_file_name(url: str) -> None:
    answer = httpx.post(
        f"{url}/v1/check", json={"text": SEED, "filename": "seed.txt", "locale": "en-GB"}
    )
    assert answer.status_code == 200
    assert answer.json() == Linter(locale="en-GB").lint_text(SEED, "seed.txt")
    # The suffix decides how the text is read: code in Markdown is not prose.
    text = "The `color` property sets the colour.\n"
    for name, found in (("style.md", []), ("style.txt", ["color"])):
        findings = httpx.post(
            f"{url}/v1/check", data={"text": text, "filename": name, "locale": "en-GB"}
        ).json()
        assert [f["text"] for f in findings] == found
        assert all(f["path"] == name for f in findings)
    # A path names only a file: it never reaches outside the server's folder.
    outside = httpx.post(f"{url}/v1/check", json={"text": text, "filename": "../../etc/x.txt"})
    assert outside.status_code == 200 and outside.json()[0]["path"] == "x.txt"


def _form(body: bytes) -> dict[str, Any]:
    return {"content": body, "headers": {"content-type": "application/x-www-form-urlencoded"}}


def _json(body: bytes) -> dict[str, Any]:
    return {"content": body, "headers": {"content-type": "application/json"}}


BAD_ANNOTATION = '{"annotation": [{"x": 1}]}'
BAD_REQUESTS = [
    ("/v2/check", {"data": {"language": "en-GB"}}, 400, "text"),
    ("/v2/check", {"data": {"text": "Hi."}}, 400, "language"),
    ("/v2/check", {"data": {"language": "de-DE", "text": "Hallo."}}, 400, "not supported"),
    ("/v2/check", {"data": {"language": "en", "data": "{not json"}}, 400, "not valid JSON"),
    ("/v2/check", {"data": {"language": "en", "data": BAD_ANNOTATION}}, 400, "annotation 0"),
    ("/v2/check", {"data": {"language": "en", "data": "[1]"}}, 400, "annotation"),
    ("/v2/check", {"data": {"language": "en", "text": "a\0b" * 10}}, 400, "binary"),
    ("/v2/check", _form(b"language=en&text=%FF"), 400, "form"),
    ("/v2/check", {"content": b"x", "headers": {"content-type": "text/plain"}}, 415, "urlencoded"),
    ("/v1/check", {"json": {"filename": "a.txt"}}, 400, "text"),
    ("/v1/check", {"json": {"text": 3}}, 400, "string"),
    ("/v1/check", {"json": ["text"]}, 400, "object"),
    ("/v1/check", _json(b"{"), 400, "JSON"),
    ("/v1/check", _json(b'{"text": "\\ud800"}'), 400, "surrogate"),
    ("/v1/check", {"json": {"text": "Hi.", "locale": "fr-FR"}}, 400, "locale"),
    ("/v2/nothing", {}, 404, "Not Found"),
]


@pytest.mark.parametrize(("path", "request_args", "status", "words"), BAD_REQUESTS)
def test_a_bad_request_is_a_4xx_with_a_json_error(
    url: str, path: str, request_args: dict[str, Any], status: int, words: str
) -> None:
    answer = httpx.post(f"{url}{path}", **request_args)
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/json"
    error = answer.json()
    assert error["status"] == status and words in error["error"]
    assert "Traceback" not in answer.text


def test_wrong_method_and_too_big_a_body(url: str) -> None:
    wrong = httpx.get(f"{url}/v1/check")
    assert wrong.status_code == 405 and wrong.json()["status"] == 405
    big = "word " * 220_000  # over 1 MB
    for path in ("/v1/check", "/v2/check"):
        answer = httpx.post(f"{url}{path}", data={"language": "en", "text": big}, timeout=30)
        assert answer.status_code == 413, path
        assert "limit" in answer.json()["error"]
    # Sent in chunks, with no length said beforehand: refused as it arrives.
    chunks = (b"text=" + b"a" * 65536 for _ in range(20))
    answer = httpx.post(f"{url}/v1/check", content=chunks, timeout=30)
    assert answer.status_code == 413


def test_a_check_over_the_time_limit_is_a_503() -> None:
    big = (SEED + "\n\n") * 200  # about 0.2 s of checking on this machine, under the 1 MB limit
    with threaded_server(ServerSettings(time_limit=0.02, locale="en-GB")) as url:
        answer = httpx.post(f"{url}/v1/check", json={"text": big}, timeout=30)
        assert answer.status_code == 503
        assert "time limit" in answer.json()["error"]
        assert httpx.get(f"{url}/v2/languages").status_code == 200  # and it still serves


def test_concurrent_requests_are_all_answered() -> None:
    async def run(url: str) -> list[httpx.Response]:
        async with httpx.AsyncClient(timeout=60) as client:
            fields = {"language": "en-GB", "text": SEED}
            return await asyncio.gather(
                *(client.post(f"{url}/v2/check", data=fields) for _ in range(40))
            )

    with threaded_server(ServerSettings(concurrency=2)) as url:
        answers = asyncio.run(run(url))
    assert {a.status_code for a in answers} == {200}
    assert len({json.dumps(a.json()["matches"]) for a in answers}) == 1


def test_a_grammar_backends_matches_are_merged_in(tmp_path: Path) -> None:
    if "grammar" not in config_schema()["properties"]:
        pytest.skip("this checkout has no grammar backend (`grammar:` in a house config)")
    text = "The color was gray."
    # The backend is another copylint server, which speaks LanguageTool's /v2 as well.
    with threaded_server(ServerSettings(locale="en-GB")) as backend:
        house = tmp_path / "house.yaml"
        house.write_text(f"grammar: {{server: '{backend}'}}\n", encoding="utf-8")
        with threaded_server(ServerSettings(config=str(house))) as url:
            matches = v2(url, language="en-GB", text=text).json()["matches"]
    found = [(m["offset"], m["rule"]["id"], m["replacements"][0]["value"]) for m in matches]
    assert sorted(found) == [
        (4, "grammar/spelling/locale", "colour"),
        (4, "spelling/locale", "colour"),
        (14, "grammar/spelling/locale", "grey"),
        (14, "spelling/locale", "grey"),
    ]
    assert {m["rule"]["category"]["id"] for m in matches} == {"GRAMMAR", "SPELLING"}


def test_a_languagetool_client_library_reads_the_matches(url: str) -> None:
    language_tool_python = pytest.importorskip("language_tool_python")
    tool = language_tool_python.LanguageTool("en-GB", remote_server=url)
    try:
        matches = tool.check(SEED)
        expected = Linter(locale="en-GB").lint_text(SEED, "seed.txt")
        assert [m.rule_id for m in matches] == [f["rule"] for f in expected]
        assert [SEED[m.offset : m.offset + m.error_length] for m in matches] == [
            f["text"] for f in expected
        ]
        corrected = tool.correct(SEED)
        assert "Starmet" not in corrected and "centred" in corrected
        # The library turns UTF-16 offsets back into Python's: an emoji first must not shift.
        emoji = "😀😀 The color was gray."
        assert [emoji[m.offset : m.offset + m.error_length] for m in tool.check(emoji)] == [
            "color",
            "gray",
        ]
    finally:
        tool.close()


def test_serve_warns_off_loopback_and_check_never_loads_the_web_stack(tmp_path: Path) -> None:
    with command_server("--host", "0.0.0.0", cwd=tmp_path) as (address, said):
        loopback = address.replace("0.0.0.0", "127.0.0.1")
        assert httpx.get(f"{loopback}/v2/languages").status_code == 200
    warnings = [line for line in said if "warning" in line]
    assert len(warnings) == 1 and "0.0.0.0" in warnings[0] and "loopback" in warnings[0]
    probe = (
        "import sys\nfrom copylint.cli import main\ntry:\n    main(['check', sys.argv[1]])\n"
        "except SystemExit:\n    pass\nprint(sorted({'starlette', 'uvicorn'} & set(sys.modules)))"
    )
    seed = str(ROOT / "seeds" / "000_a48f44d96701f5af.txt")
    run = subprocess.run([sys.executable, "-c", probe, seed], capture_output=True, text=True)
    assert run.stdout.strip().endswith("[]"), run.stdout[-300:] + run.stderr


def test_serve_refuses_a_bad_config_or_a_busy_port_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("rules: [\n", encoding="utf-8")
    bad = subprocess.run(
        [sys.executable, "-m", "copylint", "serve", "--config", "bad.yaml", "--port", "0"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "bad.yaml" in bad.stderr
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        busy = subprocess.run(
            [sys.executable, "-m", "copylint", "serve", "--port", port],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert busy.returncode == 2 and busy.stderr.count("\n") == 1
    assert f"cannot listen on 127.0.0.1:{port}" in busy.stderr

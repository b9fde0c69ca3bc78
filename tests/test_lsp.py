"""The language server in a real session: pygls's client starts `copylint lsp` (as `python -m
copylint lsp`) and talks JSON-RPC to it over stdio, as an editor does."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_a48f44d96701f5af.txt"
WAIT = 30.0


class Editor:
    """A client that keeps what the server publishes, and waits for the next of it."""

    def __init__(self) -> None:
        self.client = LanguageClient("copylint-tests", "1")
        self.published: dict[str, list[lsp.Diagnostic]] = {}
        self.arrived = asyncio.Event()

        @self.client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
            self.published[params.uri] = list(params.diagnostics)
            self.arrived.set()

    async def next_diagnostics(self, uri: str) -> list[lsp.Diagnostic]:
        self.arrived.clear()
        await asyncio.wait_for(self.arrived.wait(), WAIT)
        return self.published[uri]

    def open(self, path: Path, language: str = "plaintext") -> str:
        uri = str(from_fs_path(str(path)))
        item = lsp.TextDocumentItem(uri, language, 1, path.read_text("utf-8"))
        self.client.text_document_did_open(lsp.DidOpenTextDocumentParams(item))
        return uri


@pytest_asyncio.fixture
async def editor(tmp_path: Path) -> AsyncIterator[Editor]:
    editor = Editor()
    await editor.client.start_io(sys.executable, "-m", "copylint", "lsp")
    capabilities = lsp.ClientCapabilities(
        general=lsp.GeneralClientCapabilities(position_encodings=[lsp.PositionEncodingKind.Utf16])
    )
    result = await editor.client.initialize_async(
        lsp.InitializeParams(capabilities=capabilities, root_uri=from_fs_path(str(tmp_path)))
    )
    assert result.capabilities.position_encoding == lsp.PositionEncodingKind.Utf16
    editor.client.initialized(lsp.InitializedParams())
    yield editor
    await editor.client.shutdown_async(None)
    editor.client.exit(None)
    await editor.client.stop()


def spans(diagnostics: list[lsp.Diagnostic]) -> list[tuple[int, int, int, int, str]]:
    return sorted(
        (d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character,
         str(d.code))
        for d in diagnostics
    )  # fmt: skip


@pytest.mark.asyncio
async def test_a_session_checks_fixes_and_follows_the_house_config(
    editor: Editor, tmp_path: Path
) -> None:
    (tmp_path / ".copylint.yaml").write_text("locale: en-GB\n", encoding="utf-8")
    seed = tmp_path / "seed.txt"
    seed.write_text(SEED.read_text("utf-8"), encoding="utf-8")
    uri = editor.open(seed)
    diagnostics = await editor.next_diagnostics(uri)
    assert spans(diagnostics) == [
        (0, 0, 0, 4, "boilerplate/web-chrome"),
        (1, 0, 1, 6, "boilerplate/web-chrome"),
        (7, 103, 7, 111, "spelling/locale"),
        (9, 343, 9, 350, "spelling/locale"),
        (11, 228, 11, 235, "spelling/locale"),
        (19, 47, 19, 54, "entity/near-miss"),
        (31, 133, 31, 140, "spelling/locale"),
        (33, 0, 33, 13, "boilerplate/web-chrome"),
        (35, 0, 35, 6, "boilerplate/web-chrome"),
    ]
    assert {d.source for d in diagnostics} == {"copylint"}

    # The fix of the name: its code action puts Starmer in place of Starmet.
    (starmet,) = [d for d in diagnostics if d.code == "entity/near-miss"]
    actions = await editor.client.text_document_code_action_async(
        lsp.CodeActionParams(
            lsp.TextDocumentIdentifier(uri), starmet.range, lsp.CodeActionContext([starmet])
        )
    )
    # (lsprotocol's client reads a code action that runs a command as a Command: same title.)
    assert [a.title for a in actions] == [
        "Fix: Starmer",
        "Silence entity/near-miss here",
        "Accept “Starmet” in the house config",
    ]
    fix = actions[0]
    assert isinstance(fix, lsp.CodeAction) and fix.edit is not None and fix.edit.changes
    (edit,) = fix.edit.changes[uri]
    assert (edit.range, edit.new_text) == (starmet.range, "Starmer")
    lines = seed.read_text("utf-8").split("\n")
    line = lines[edit.range.start.line]
    lines[edit.range.start.line] = (
        line[: edit.range.start.character] + "Starmer" + line[edit.range.end.character :]
    )
    change = lsp.TextDocumentContentChangeWholeDocument("\n".join(lines))
    editor.client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(version=2, uri=uri), [change]
        )
    )
    after = await editor.next_diagnostics(uri)
    assert len(after) == 8 and "entity/near-miss" not in {d.code for d in after}

    # Accepting a word from its code action writes it to the house config and checks again.
    (centered,) = [d for d in after if d.range.start.line == 7]
    await editor.client.workspace_execute_command_async(
        lsp.ExecuteCommandParams("copylint.accept", ["spelling/locale", "centered", uri])
    )
    accepted = await editor.next_diagnostics(uri)
    assert len(accepted) == 7 and centered.range not in [d.range for d in accepted]
    assert "spelling/locale:\n  - centered" in (tmp_path / ".copylint.yaml").read_text("utf-8")

    # A change to the house config checks the open documents again.
    (tmp_path / ".copylint.yaml").write_text(
        "locale: en-GB\nrules: {boilerplate/web-chrome: false}\n", encoding="utf-8"
    )
    config_uri = str(from_fs_path(str(tmp_path / ".copylint.yaml")))
    editor.client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams([lsp.FileEvent(config_uri, lsp.FileChangeType.Changed)])
    )
    again = await editor.next_diagnostics(uri)
    assert [d.code for d in again] == ["spelling/locale"] * 4


@pytest.mark.asyncio
async def test_positions_are_utf_16_code_units(editor: Editor, tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    # An astral character counts two UTF-16 units, one code point.
    article.write_text("Ministers met 🙂 today.\n\n🙂 Share this article\n", encoding="utf-8")
    uri = editor.open(article, "markdown")
    (diagnostic,) = await editor.next_diagnostics(uri)
    assert (diagnostic.range.start.character, diagnostic.range.end.character) == (0, 21)


@pytest.mark.asyncio
async def test_silencing_from_a_code_action_writes_the_directive_above(
    editor: Editor, tmp_path: Path
) -> None:
    article = tmp_path / "a.md"
    article.write_text("Ministers met.\n\nShare this article\n", encoding="utf-8")
    uri = editor.open(article, "markdown")
    (diagnostic,) = await editor.next_diagnostics(uri)
    actions = await editor.client.text_document_code_action_async(
        lsp.CodeActionParams(
            lsp.TextDocumentIdentifier(uri), diagnostic.range, lsp.CodeActionContext([diagnostic])
        )
    )
    silence = next(a for a in actions if isinstance(a, lsp.CodeAction) and "Silence" in a.title)
    assert silence.edit is not None and silence.edit.changes is not None
    (edit,) = silence.edit.changes[uri]
    assert (edit.range.start.line, edit.new_text) == (
        2,
        "<!-- copylint-disable-next-line boilerplate/web-chrome -->\n",
    )

"""`copylint lsp`: copylint's findings under the editor's cursor, over the Language Server
Protocol (pygls), in VS Code, Neovim or any client that speaks it.

A document is checked when it is opened, a moment after each change (changes in a burst are
checked once), and when it is saved. Positions go to the client in the encoding it asked for
(UTF-16 unless it said otherwise, as the protocol requires). Each diagnostic carries its rule
id as `code`; its code actions are the finding's fix, "silence it here" (a directive on the
line above) and, for a name or a word, "accept it in the house config". The house config is
the nearest `.copylint.yaml` to the document; when one is saved or changes on disk, every open
document is checked again with it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from copylint import __version__
from copylint.api import Linter
from copylint.config import HOUSE_CONFIG_NAMES
from copylint.errors import CopylintError
from copylint.finding import Report, Severity
from copylint.text.document import MARKDOWN_SUFFIXES

DEBOUNCE = 0.3  # seconds of quiet after a change before it is checked
ACCEPT = "copylint.accept"
_SEVERITIES = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}
_ACCEPTED_CATEGORIES = frozenset({"entity", "spelling"})


class CopylintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("copylint", __version__)
        self.linter = Linter(warn=self._log)
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.found: dict[str, tuple[Report, ...]] = {}

    def _log(self, message: str) -> None:
        self.window_log_message(lsp.LogMessageParams(lsp.MessageType.Warning, message))

    def reload(self) -> None:
        """Forget every house config read, so the next check reads them again."""
        self.linter = Linter(warn=self._log)

    def schedule(self, uri: str, delay: float) -> None:
        """Check a document after `delay` seconds, unless it changes again before then."""
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.pending[uri] = asyncio.ensure_future(self._check_later(uri, delay))

    async def _check_later(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        document = self.workspace.get_text_document(uri)
        version, text = document.version, document.source
        loop = asyncio.get_running_loop()
        reports = await loop.run_in_executor(self.thread_pool, self._check, uri, text)
        if self.workspace.get_text_document(uri).version != version:
            return  # changed while it was checked: the check of the change comes next
        self.pending.pop(uri, None)
        self.publish(uri, reports)

    def _check(self, uri: str, text: str) -> tuple[Report, ...]:
        try:
            return self.linter.check_text(text, _path_of(uri)).reports
        except CopylintError as error:
            self.window_show_message(lsp.ShowMessageParams(lsp.MessageType.Error, str(error)))
            return ()

    def publish(self, uri: str, reports: Sequence[Report]) -> None:
        self.found[uri] = tuple(reports)
        lines = self.workspace.get_text_document(uri).lines
        diagnostics = [self.diagnostic(lines, report) for report in reports]
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics)
        )

    def to_client(self, lines: Sequence[str], line: int, column: int) -> lsp.Position:
        """A 1-based line and code-point column as the client counts."""
        codec = self.workspace.position_codec
        return codec.position_to_client_units(lines, lsp.Position(line - 1, column - 1))

    def diagnostic(self, lines: Sequence[str], report: Report) -> lsp.Diagnostic:
        return lsp.Diagnostic(
            range=lsp.Range(
                self.to_client(lines, report.line, report.column),
                self.to_client(lines, report.end_line, report.end_column),
            ),
            message=report.finding.message,
            severity=_SEVERITIES[report.finding.severity],
            code=report.finding.rule,
            source="copylint",
        )


server = CopylintServer()


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: CopylintServer, params: lsp.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: CopylintServer, params: lsp.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, DEBOUNCE)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: CopylintServer, params: lsp.DidSaveTextDocumentParams) -> None:
    if Path(_path_of(params.text_document.uri)).name in HOUSE_CONFIG_NAMES:
        _recheck_all(ls)
    else:
        ls.schedule(params.text_document.uri, 0)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: CopylintServer, params: lsp.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    pending = ls.pending.pop(uri, None)
    if pending is not None:
        pending.cancel()
    ls.found.pop(uri, None)
    ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: CopylintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
    if any(Path(_path_of(change.uri)).name in HOUSE_CONFIG_NAMES for change in params.changes):
        _recheck_all(ls)


def _recheck_all(ls: CopylintServer) -> None:
    ls.reload()
    for uri in list(ls.found):
        ls.schedule(uri, 0)


@server.feature(
    lsp.TEXT_DOCUMENT_CODE_ACTION,
    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]),
)
def code_action(ls: CopylintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
    uri = params.text_document.uri
    lines = ls.workspace.get_text_document(uri).lines
    wanted = params.range
    actions: list[lsp.CodeAction] = []
    for report in ls.found.get(uri, ()):
        diagnostic = ls.diagnostic(lines, report)
        if not _overlaps(diagnostic.range, wanted):
            continue
        actions += _actions(ls, uri, lines, report, diagnostic)
    return actions


def _actions(
    ls: CopylintServer, uri: str, lines: Sequence[str], report: Report, diagnostic: lsp.Diagnostic
) -> list[lsp.CodeAction]:
    actions = []
    fix = report.finding.fix
    if fix is not None:
        edits = [
            lsp.TextEdit(
                lsp.Range(ls.to_client(lines, a, b), ls.to_client(lines, c, d)), new_text=text
            )
            for a, b, c, d, text in report.edits
        ]
        title = f"Fix: {report.finding.suggestions[0]}" if report.finding.suggestions else "Fix"
        if all(text == "" for *_, text in report.edits):
            title = "Fix: delete the line"
        actions.append(_edit_action(title, uri, edits, diagnostic, preferred=True))
    directive = _directive(uri, report.finding.rule)
    above = lsp.Position(report.line - 1, 0)
    silence = lsp.TextEdit(lsp.Range(above, above), directive)
    actions.append(_edit_action(f"Silence {report.finding.rule} here", uri, [silence], diagnostic))
    if report.finding.category in _ACCEPTED_CATEGORIES:
        actions.append(
            lsp.CodeAction(
                title=f"Accept “{report.text}” in the house config",
                kind=lsp.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                command=lsp.Command(
                    title=f"Accept {report.text}",
                    command=ACCEPT,
                    arguments=[report.finding.rule, report.text, uri],
                ),
            )
        )
    return actions


def _edit_action(
    title: str,
    uri: str,
    edits: list[lsp.TextEdit],
    diagnostic: lsp.Diagnostic,
    preferred: bool = False,
) -> lsp.CodeAction:
    return lsp.CodeAction(
        title=title,
        kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=lsp.WorkspaceEdit(changes={uri: edits}),
        is_preferred=preferred or None,
    )


@server.command(ACCEPT)
def accept(ls: CopylintServer, rule: str, text: str, uri: str) -> None:
    """Add a finding's text to the accept list of the document's house config."""
    from copylint.acceptance import add_accepted

    house = ls.linter.house_for(_path_of(uri))
    config = Path(house) if house else Path(_path_of(uri)).parent / HOUSE_CONFIG_NAMES[0]
    add_accepted(config, {rule: [text]})
    _recheck_all(ls)


def _directive(uri: str, rule: str) -> str:
    if _path_of(uri).lower().endswith(MARKDOWN_SUFFIXES):
        return f"<!-- copylint-disable-next-line {rule} -->\n"
    return f"copylint-disable-next-line {rule}\n"


def _overlaps(one: lsp.Range, other: lsp.Range) -> bool:
    def key(position: lsp.Position) -> tuple[int, int]:
        return position.line, position.character

    return key(one.start) <= key(other.end) and key(other.start) <= key(one.end)


def _path_of(uri: str) -> str:
    """The file a document is, or a name that says how to read it (`untitled.md`)."""
    path = to_fs_path(uri)
    return path if path else "untitled.md"


def main() -> None:
    server.start_io()

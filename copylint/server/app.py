"""The web server's application: LanguageTool's /v2, copylint's own /v1, and the editor's page.

Checks are CPU-bound, so each runs in a pool of threads, never on the event loop; at most
`concurrency` at once (a semaphore), each within `time_limit` seconds of its request's arrival
(waiting for a slot included), else a 503. A request body over `max_body` bytes is a 413 and
is not read further. Every error a client sees is JSON, `{"error": …, "status": …}`: a bad
request is a 4xx naming what was wrong, and a bug of ours a 500 without a traceback.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import threading
import urllib.parse
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from copylint.api import Linter
from copylint.errors import CopylintError, InputError
from copylint.server import languagetool as lt

T = TypeVar("T")
LinterFactory = Callable[[str | None], Linter]
STATIC = Path(__file__).resolve().parent / "static"
LOCALES = ("en-GB", "en-US", "en-GB-oxendict", "auto")
DEFAULT_FILENAME = "article.txt"
_PAGE_HEADERS = {
    # The page loads its own script and style and nothing else: no CDN, no inline code.
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@dataclass(frozen=True)
class ServerSettings:
    config: str | None = None  # the house config; else the nearest to the server's folder
    locale: str | None = None  # the house locale where a request names none
    max_body: int = 1024 * 1024  # bytes of a request body
    time_limit: float = 10.0  # seconds a request may wait for and spend on its check
    concurrency: int = max(2, os.cpu_count() or 2)  # checks at once


class ApiError(Exception):
    """A request refused: the status and the one line the client is told."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def linter_factory(settings: ServerSettings) -> LinterFactory:
    """Linters for a server: the house config it was given, in the locale a request asks for."""

    def make(locale: str | None) -> Linter:
        return Linter(settings.config, locale or settings.locale, warn=_say)

    return make


class Checker:
    """Runs checks off the event loop, a few at a time, each within the time limit. Keeps one
    `Linter` per locale, so a house config is read once for the life of the server."""

    def __init__(self, settings: ServerSettings, factory: LinterFactory) -> None:
        self.settings = settings
        self._factory = factory
        self._linters: dict[str | None, Linter] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(settings.concurrency, thread_name_prefix="copylint")
        self._slots = asyncio.Semaphore(settings.concurrency)

    def linter(self, locale: str | None) -> Linter:
        with self._lock:
            if locale not in self._linters:
                linter = self._factory(locale)
                # Read the config and build the rules now, once, not in two threads at once.
                try:
                    linter.rules_for(linter.house_for(DEFAULT_FILENAME))
                except CopylintError as error:  # the house config is broken: ours to mend
                    raise ApiError(500, str(error)) from None
                self._linters[locale] = linter
            return self._linters[locale]

    async def run(self, work: Callable[[], T]) -> T:
        loop = asyncio.get_running_loop()
        limit = self.settings.time_limit
        deadline = loop.time() + limit
        try:
            await asyncio.wait_for(self._slots.acquire(), limit)
        except asyncio.TimeoutError:
            raise ApiError(
                503, f"the server is busy: no check could start within {limit:g} s"
            ) from None
        future = loop.run_in_executor(self._pool, work)
        # The slot is freed when the thread is, not when the request gives up on it: a check
        # that overruns still holds its thread, and no more than `concurrency` ever run.
        future.add_done_callback(self._done)
        try:
            return await asyncio.wait_for(asyncio.shield(future), deadline - loop.time())
        except asyncio.TimeoutError:
            raise ApiError(
                503, f"the check took longer than the time limit of {limit:g} s"
            ) from None
        except InputError as error:  # text that is no article: binary, UTF-16 in disguise
            raise ApiError(400, str(error)) from None
        except CopylintError as error:
            raise ApiError(500, str(error)) from None

    def _done(self, future: asyncio.Future[Any]) -> None:
        self._slots.release()
        if not future.cancelled():
            future.exception()  # retrieved, so that an abandoned one is not logged as lost

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def create_app(
    settings: ServerSettings | None = None, linters: LinterFactory | None = None
) -> Starlette:
    """The ASGI application: `settings` for the limits, `linters(locale)` for the
    linters (by default, ones on the settings' house config and locale)."""
    settings = settings or ServerSettings()
    checker = Checker(settings, linters or linter_factory(settings))

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        checker.close()

    def endpoint(
        handler: Callable[[Request, Checker], Awaitable[Response]],
    ) -> Callable[[Request], Awaitable[Response]]:
        async def handle(request: Request) -> Response:
            return await handler(request, checker)

        return handle

    routes = [
        Route("/", page, methods=["GET"]),
        Route("/v1/check", endpoint(check_v1), methods=["POST"]),
        Route("/v2/check", endpoint(check_v2), methods=["GET", "POST"]),
        Route("/v2/languages", v2_languages, methods=["GET"]),
        Route("/v2/healthcheck", healthcheck, methods=["GET"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    handlers: dict[Any, Callable[[Request, Exception], Any]] = {
        ApiError: _api_error,
        HTTPException: _http_error,
        Exception: _internal_error,
    }
    return Starlette(routes=routes, exception_handlers=handlers, lifespan=lifespan)


async def page(request: Request) -> Response:
    return FileResponse(STATIC / "index.html", headers=_PAGE_HEADERS)


async def v2_languages(request: Request) -> Response:
    return JSONResponse(lt.languages())


async def healthcheck(request: Request) -> Response:
    return PlainTextResponse("OK")


async def check_v1(request: Request, checker: Checker) -> Response:
    """copylint's JSON contract for `text`, read as the file `filename` would be (`.md` is
    Markdown), in `locale` (else the house's)."""
    fields = await read_fields(request, checker.settings.max_body)
    text = _text(fields, "text")
    filename = os.path.basename(fields.get("filename") or fields.get("path") or "").strip()
    locale = fields.get("locale") or None
    if locale is not None and locale not in LOCALES:
        raise ApiError(400, f"locale {locale!r} is not one of {', '.join(LOCALES)}")
    linter = checker.linter(locale)
    findings = await checker.run(lambda: linter.lint_text(text, filename or DEFAULT_FILENAME))
    return JSONResponse(findings)


async def check_v2(request: Request, checker: Checker) -> Response:
    """LanguageTool's /v2/check: copylint's findings as matches. Where the house config names
    a grammar backend (`grammar: {server: …}`), its findings are among them, as `grammar/…`."""
    fields = await read_fields(request, checker.settings.max_body)
    try:
        asked = lt.read_request(fields)
    except lt.BadRequest as error:
        raise ApiError(400, str(error)) from None
    _unicode(asked.submitted, "text" if "text" in fields else "data")
    linter = checker.linter(asked.locale)
    matches = await checker.run(lambda: matches_of(linter, asked))
    return JSONResponse(lt.check_response(asked, matches))


def matches_of(linter: Linter, asked: lt.LtRequest) -> list[dict[str, Any]]:
    checked = linter.check_text(asked.plain, DEFAULT_FILENAME)
    rules = {rule.id: rule.info for rule in linter.rules_for(checked.config.path)}
    positions = lt.Positions(asked)
    text = checked.doc.text
    return [
        lt.match(report, text, asked, positions, rules)
        for report in checked.reports
        if lt.wanted(report, asked)
    ]


async def read_fields(request: Request, limit: int) -> dict[str, str]:
    """A request's fields: the query string's, then a form's or a JSON object's."""
    fields = dict(request.query_params)
    if request.method != "POST":
        return fields
    body = await read_body(request, limit)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        try:
            given = json.loads(body)
        except (ValueError, RecursionError) as error:
            raise ApiError(400, f"the body is not valid JSON: {error}") from None
        if not isinstance(given, dict):
            raise ApiError(400, "the body must be a JSON object of fields")
        for key, value in given.items():
            if not isinstance(value, str):
                raise ApiError(400, f"field {key!r} must be a string")
            fields[key] = value
    elif kind in ("application/x-www-form-urlencoded", ""):
        try:
            pairs = urllib.parse.parse_qsl(
                body.decode("utf-8"), keep_blank_values=True, errors="strict", max_num_fields=100
            )
        except (UnicodeDecodeError, ValueError) as error:
            raise ApiError(400, f"the form could not be read: {error}") from None
        fields.update(pairs)
    else:
        raise ApiError(
            415, f"send the fields as application/x-www-form-urlencoded or JSON, not {kind}"
        )
    return fields


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused as soon as it is known to be over `limit` bytes."""
    too_big = ApiError(413, f"the request body is over the limit of {limit} bytes")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_big
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)


def _text(fields: dict[str, str], name: str) -> str:
    if name not in fields:
        raise ApiError(400, f"missing field {name!r}")
    return _unicode(fields[name], name)


def _unicode(text: str, name: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ApiError(400, f"field {name!r} is not valid Unicode (a lone surrogate)") from None
    return text


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message, "status": status}, status_code=status)


async def _api_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, ApiError)
    return _error(error.status, error.message)


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    return _error(error.status_code, str(error.detail))


async def _internal_error(request: Request, error: Exception) -> Response:
    _say(f"internal error, please report it: {type(error).__name__}: {error}")
    return _error(500, f"internal error: {type(error).__name__}")


def _say(message: str) -> None:
    sys.stderr.write(f"copylint: {message}\n")

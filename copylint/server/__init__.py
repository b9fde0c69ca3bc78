"""`copylint serve`: copylint over HTTP, for editors' tools and a page in the browser.

    POST /v2/check       LanguageTool's API: its clients work unchanged (see `languagetool`)
    GET  /v2/languages
    POST /v1/check       copylint's JSON contract for `text` read as the file `filename`
    GET  /               a page for an editor: paste or open an article, see and fix findings

Starlette serves it under uvicorn, bound to the loopback interface unless told otherwise. This
package is imported only by the `serve` command: `copylint check` never loads a web stack.
"""

from __future__ import annotations

import ipaddress
import socket
import sys

from copylint.errors import CopylintError, UsageError
from copylint.server.app import ApiError, ServerSettings, create_app, linter_factory

__all__ = ["ApiError", "ServerSettings", "create_app", "is_loopback", "serve"]


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(settings: ServerSettings, host: str, port: int) -> None:
    """Serve until interrupted. A config that cannot be read, or an address that cannot be
    listened on, is a `CopylintError` before anything is served."""
    import uvicorn

    # The house config is read now, so a mistake in it stops the command, in one line.
    linter = linter_factory(settings)(None)
    linter.rules_for(linter.house_for("article.txt"))
    listening = _listen(host, port)
    bound = listening.getsockname()
    where = f"[{bound[0]}]" if listening.family == socket.AF_INET6 else bound[0]
    sys.stderr.write(f"copylint: serving on http://{where}:{bound[1]}/ (Ctrl-C stops it)\n")
    sys.stderr.flush()
    config = uvicorn.Config(
        create_app(settings), log_level="warning", access_log=False, lifespan="on"
    )
    uvicorn.Server(config).run(sockets=[listening])


def _listen(host: str, port: int) -> socket.socket:
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        listening = socket.socket(family, kind, proto)
    except (OSError, UnicodeError) as error:
        raise UsageError(f"cannot listen on {host}:{port}: {error}") from None
    try:
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind(address)
        listening.listen(2048)
    except OSError as error:
        listening.close()
        problem = error.strerror or str(error)
        raise CopylintError(f"cannot listen on {host}:{port}: {problem}") from None
    listening.set_inheritable(True)
    return listening

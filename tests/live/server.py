"""A real HTTP server on 127.0.0.1 for the live tests: routes, a request log, misbehaviours."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Server(ThreadingHTTPServer):
    """A threaded server with a deep accept queue: under a loaded CI machine the default
    backlog of 5 resets connections that the fetcher's concurrency opens at once."""

    request_queue_size = 128
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Stay quiet when a client hangs up (the fetcher stops huge and slow downloads):
        socketserver would print the traceback to ``sys.stderr``, which an in-process CLI
        run under test has swapped for the output it checks."""


Handler = Callable[[BaseHTTPRequestHandler], None]
CHUNK = 64 * 1024


@dataclass
class Route:
    """What one path answers: status, headers, body; or a custom handler."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    handler: Handler | None = None
    delay: float = 0.0  # seconds before answering


class LocalSite:
    """A threaded HTTP server with a route table and a log of (path, headers) requests."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        self.httpd = _Server(("127.0.0.1", 0), self._handler_class())
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def count(self, path: str) -> int:
        """How many requests ``path`` received."""
        with self.lock:
            return sum(1 for logged, _ in self.requests if logged == path)

    def headers_of(self, path: str) -> list[dict[str, str]]:
        with self.lock:
            return [headers for logged, headers in self.requests if logged == path]

    def start(self) -> LocalSite:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class RequestHandler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                with server.lock:
                    server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path, Route(404, b"not found"))
                time.sleep(route.delay)
                if route.handler is not None:
                    route.handler(self)
                else:
                    send(self, route.status, route.body, route.headers)

            def log_message(self, *_args: object) -> None:
                pass

        return RequestHandler


def send(
    handler: BaseHTTPRequestHandler, status: int, body: bytes, headers: dict[str, str]
) -> None:
    """Answer with ``status``, ``headers`` and ``body`` (Content-Length set)."""
    try:
        handler.send_response(status)
        for name, value in {"Content-Type": "text/html", **headers}.items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
    except (BrokenPipeError, ConnectionResetError):
        pass


def start_unsized_page(handler: BaseHTTPRequestHandler) -> None:
    """Send a 200 HTML head with no Content-Length: the body ends when the connection does."""
    handler.close_connection = True
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Connection", "close")
    handler.end_headers()


def stream_without_length(size: int) -> Handler:
    """A handler sending ``size`` bytes of HTML with no Content-Length (until it closes)."""

    def handle(handler: BaseHTTPRequestHandler) -> None:
        try:
            start_unsized_page(handler)
            handler.wfile.write(b"<html><body><p>")
            for _ in range(size // CHUNK):
                handler.wfile.write(b"x" * CHUNK)
        except (BrokenPipeError, ConnectionResetError):
            pass

    return handle


def trickle(seconds: float, pause: float = 0.2, piece: bytes = b"<p>x</p>") -> Handler:
    """A handler sending a page ``piece`` by piece for about ``seconds`` (each pause is
    shorter than any read timeout, so only a total download limit stops it)."""

    def handle(handler: BaseHTTPRequestHandler) -> None:
        try:
            start_unsized_page(handler)
            for _ in range(int(seconds / pause)):
                handler.wfile.write(piece)
                handler.wfile.flush()
                time.sleep(pause)
        except (BrokenPipeError, ConnectionResetError):
            pass

    return handle


def fail_then_serve(failures: int, route: Route) -> Handler:
    """A handler answering 500 ``failures`` times, then like ``route``."""
    calls = {"n": 0}

    def handle(handler: BaseHTTPRequestHandler) -> None:
        calls["n"] += 1
        if calls["n"] <= failures:
            send(handler, 500, b"server error", {})
        else:
            send(handler, route.status, route.body, route.headers)

    return handle


def conditional(route: Route, etag: str) -> Handler:
    """A handler answering 304 when the request carries ``If-None-Match: etag``."""

    def handle(handler: BaseHTTPRequestHandler) -> None:
        if handler.headers.get("If-None-Match") == etag:
            send(handler, 304, b"", {"ETag": etag})
        else:
            send(handler, route.status, route.body, {**route.headers, "ETag": etag})

    return handle

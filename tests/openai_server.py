"""A real HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions API (plain JSON and `stream: true`
server-sent events) and fails in each way a real one can: used by the drafting-help tests of the command line and of
the editor. It invents figures on purpose, so the 未经核实 flags are tested on what a model really sends back."""

from __future__ import annotations

import contextlib
import json
import socket
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

# What the "model" answers: 86家 and 21个 are in the text; 120家, 35亿元, 2026年5月, 省商务厅 and “满意窗口” are not.
ANSWER = [
    "本人牵头推进营商环境优化工作，",
    "全年走访企业86家、回访120家，",
    "协调解决融资难题21个，带动投资35亿元。",
    "2026年5月，获省商务厅通报表扬，",
    "所在窗口获评“满意窗口”。",
]


# What a hostile "model" answers (`escapes`): a clipboard write (OSC 52), a title change, a screen clear, concealed
# text, a bell, and a bidirectional override; the visible words are ESCAPED_TEXT.
ESCAPED_ANSWER = [
    "本人牵头推进\x1b]52;c;cm0gLXJmIH4=\x07营商环境优化工作，",
    "\x1b]0;pwned\x07全年走访企业86家，\x1b[2J\x1b[H",
    "协调解决\x1b[8m融资\x1b[0m难题21个。\x07\u202e\r\n",
]
ESCAPED_TEXT = "本人牵头推进营商环境优化工作，全年走访企业86家，协调解决融资难题21个。"
DRIP_PIECES = 40  # `drip`: a piece every DRIP_SECONDS, 20 seconds in all
DRIP_SECONDS = 0.5
LONG_LINE_BYTES = 64 * 1024 * 1024  # `long-line`: one line of this size, then the end of the answer


@dataclass
class Model:
    """What the test server does next (`mode`) and what it was sent. Every request is recorded, whatever its
    method or path (so a server used as a proxy or as a redirect's target shows what reached it); `redirect_to`
    is where the `redirect-30x` modes send the client; `bytes_sent` counts what `long-line` managed to write."""

    mode: str = "stream"
    requests: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    redirect_to: str = ""
    bytes_sent: int = 0
    answer: list[str] = field(default_factory=lambda: list(ANSWER))  # what `stream` and `plain` answer
    first_piece_seen: threading.Event = field(default_factory=threading.Event)
    streamed_live: list[bool] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)


def _handler(model: Model) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            del format, args

        def _body(self, status: int, kind: str, data: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _chunk(self, data: bytes) -> None:
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()

        def _event(self, data: object) -> None:
            self._chunk(b"data: " + json.dumps(data, ensure_ascii=False).encode() + b"\n\n")

        def do_GET(self) -> None:
            model.paths.append(self.path)
            model.requests.append({})
            model.headers.append(dict(self.headers))
            self._body(404, "application/json", b'{"error": {"message": "not found"}}')

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            model.paths.append(self.path)
            model.requests.append(json.loads(self.rfile.read(length)))
            model.headers.append(dict(self.headers))
            mode = model.mode
            if mode.startswith("redirect-"):
                self.send_response(int(mode.removeprefix("redirect-")))
                self.send_header("Location", model.redirect_to)
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif self.path != "/v1/chat/completions":
                self._body(404, "application/json", b'{"error": {"message": "not found"}}')
            elif mode in ("401", "429"):
                self._body(int(mode), "application/json", b'{"error": {"message": "no"}}')
            elif mode == "html":
                self._body(200, "text/html", b"<html><body>Welcome to nginx!</body></html>")
            elif mode == "not-chat":
                self._body(200, "application/json", b'{"data": [{"id": "m"}]}')
            elif mode == "plain":
                answer = {"choices": [{"index": 0, "message": {"role": "assistant", "content": "".join(model.answer)}}]}
                self._body(200, "application/json", json.dumps(answer, ensure_ascii=False).encode())
            elif mode == "slow":
                model.release.wait(10)
            elif mode in ("drip", "long-line", "escapes", "error-escapes"):
                with contextlib.suppress(OSError):  # the client hangs up, as it should
                    getattr(self, "_" + mode.replace("-", "_"))()
            else:
                self._stream(mode)

        def _start_stream(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream; charset=utf-8")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()

        def _finish_stream(self) -> None:
            self._event({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
            self._chunk(b"data: [DONE]\n\n")
            self._chunk(b"")

        def _piece(self, text: str) -> None:
            self._event({"choices": [{"index": 0, "delta": {"content": text}, "finish_reason": None}]})

        def _drip(self) -> None:
            self._start_stream()
            for _ in range(DRIP_PIECES):
                self._piece("本人")
                time.sleep(DRIP_SECONDS)
            self._finish_stream()

        def _long_line(self) -> None:
            self._start_stream()
            block = b"a" * (1024 * 1024)
            self._chunk(b'data: {"choices": [{"index": 0, "delta": {"content": "')
            for _ in range(LONG_LINE_BYTES // len(block)):
                self._chunk(block)
                model.bytes_sent += len(block)
            self._chunk(b'"}, "finish_reason": null}]}\n\n')
            self._finish_stream()

        def _escapes(self) -> None:
            self._start_stream()
            for piece in ESCAPED_ANSWER:
                self._piece(piece)
            self._finish_stream()

        def _error_escapes(self) -> None:
            self._start_stream()
            self._event({"error": {"message": "\x1b]0;pwned\x07\x1b[2J模型\x1b[8m过载\x1b[0m"}})
            self._chunk(b"")

        def _stream(self, mode: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream; charset=utf-8")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self._chunk(b": keep-alive\n\n")
            for n, piece in enumerate(model.answer):
                self._event({"choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]})
                if n == 0:  # the client must have shown the first piece before the rest is even sent
                    model.streamed_live.append(model.first_piece_seen.wait(5))
                if mode == "cut" and n == 2:
                    self.wfile.flush()
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
            self._event({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
            self._chunk(b"data: [DONE]\n\n")
            self._chunk(b"")

    return Handler


class _Server(ThreadingHTTPServer):
    """A client that hangs up before the answer is written (as the assist client does on an error status) is no
    error of the test: socketserver would print a traceback into the test's captured stderr."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve() -> Iterator[tuple[Model, str]]:
    """The server, running on a free port of 127.0.0.1 until the block ends: its state and its base_url."""
    state = Model()
    server = _Server(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    # `shutdown` waits for the serving loop's next poll: half a second by default, at the end of every test using it.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        state.release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


def configure(home: Path, base_url: str, **extra: object) -> None:
    """Write `[assist]` into the test's config.toml."""
    lines = ["[assist]", f'base_url = "{base_url}"', 'model = "test-model"']
    lines += [f"{key} = {json.dumps(value)}" for key, value in extra.items()]
    (home / "config").mkdir(exist_ok=True)
    (home / "config" / "config.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def answering(running: tuple[Model, str], home: Path, mode: str = "stream", **extra: object) -> tuple[Model, str]:
    """The test server (from `serve`) made the assistant of `home`'s config.toml (with `extra` settings), answering
    in `mode` and sending the whole answer without waiting for the test to have seen its first piece."""
    state, url = running
    state.mode = mode
    state.first_piece_seen.set()
    configure(home, url, **extra)
    return state, url

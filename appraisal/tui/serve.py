"""Browser mode (SPEC §9): the app served to a browser tab on this machine by textual-serve.

textual-serve's `Server` is an aiohttp application that starts one app process per websocket. This subclass adds:
- a per-run secret as the first segment of every path (`http://127.0.0.1:PORT/SECRET/`): the whole of
  textual-serve's application is mounted under it, so the page, the websocket and the static files all carry it,
  and a middleware refuses (403) every request whose first segment is not the secret, compared in constant time.
  A path rather than Jupyter's `?token=`: the page builds the websocket address by appending `?width=…` to it;
- its own page (`serve_page/app_index.html`): Chinese, the bundled font, nothing fetched from the internet;
- a listening socket bound before the server starts, so `--port 0` picks a free port and the printed address is
  the real one;
- on shutdown (Ctrl+C), every app process is asked to quit (the app saves its drafts on the way out), then
  terminated, then killed, so none outlives the server.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import ipaddress
import logging
import secrets
import shlex
import signal
import socket
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from appraisal.errors import AppraisalError

log = logging.getLogger(__name__)

SECRET_BYTES = 24
QUIT_SECONDS = 10.0  # how long an app may take to save and quit before it is terminated
TERMINATE_SECONDS = 5.0  # then how long before it is killed
PAGE_DIR = Path(__file__).parent / "serve_page"
TITLE = "考核自评助手"
FORBIDDEN = "地址不完整或密钥不对：请使用 appraisal serve 打印的完整地址。"


def app_command() -> str:
    """The shell command textual-serve runs for each tab. `exec` on POSIX, so the process the server holds is the
    app itself (a signal reaches it, not a shell in between)."""
    argv = [sys.executable, "-m", "appraisal.tui.served_app"]
    if sys.platform == "win32":
        return subprocess.list2cmdline(argv)
    return "exec " + shlex.join(argv)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on `host:port` (port 0: any free port); a Chinese sentence when that is impossible."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise AppraisalError(f"无法识别的地址：{host}。") from exc
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        if sys.platform != "win32":
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen()  # now, so a browser opened while the server starts waits instead of being refused
    except OSError as exc:
        sock.close()
        raise AppraisalError(
            f"无法在 {host} 的 {port} 端口上提供服务（{exc.strerror}），请用 --port 换一个端口。"
        ) from exc
    return sock


def is_loopback(sock: socket.socket) -> bool:
    return ipaddress.ip_address(sock.getsockname()[0]).is_loopback


def base_url(sock: socket.socket) -> str:
    """`http://host:port` of a bound socket; a wildcard address is shown as this machine's loopback."""
    host, port = sock.getsockname()[:2]
    address = ipaddress.ip_address(host)
    if address.is_unspecified:
        address = ipaddress.ip_address("::1" if address.version == 6 else "127.0.0.1")
    shown = f"[{address}]" if address.version == 6 else str(address)
    return f"http://{shown}:{port}"


class BrowserServer(Server):
    """textual-serve's server behind a secret, with the app processes stopped on shutdown."""

    def __init__(self, sock: socket.socket, *, announce: Callable[[str], Awaitable[None]], secret: str = "") -> None:
        host, port = sock.getsockname()[:2]
        super().__init__(
            app_command(), host=host, port=port, title=TITLE, public_url=base_url(sock), templates_path=PAGE_DIR
        )
        self.sock = sock
        self.secret = secret or secrets.token_urlsafe(SECRET_BYTES)
        self.announce = announce
        self.services: set[AppService] = set()

    @property
    def address(self) -> str:
        """The address to open: the only one that is served."""
        return f"{self.public_url}/{self.secret}/"

    async def _make_app(self) -> web.Application:
        inner = await super()._make_app()
        secret = self.secret.encode("ascii")

        @web.middleware
        async def require_secret(
            request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
        ) -> web.StreamResponse:
            first = request.path.split("/", 2)[1].encode("utf-8", "replace")
            if not hmac.compare_digest(first, secret):
                raise web.HTTPForbidden(text=FORBIDDEN)
            return await handler(request)

        outer = web.Application(middlewares=[require_secret])
        outer.add_subapp(f"/{self.secret}", inner)
        return outer

    async def on_startup(self, app: web.Application) -> None:
        await self.announce(self.address)

    async def _process_messages(self, websocket: web.WebSocketResponse, app_service: AppService) -> None:
        """Called by textual-serve once a tab's app process has started: the service is tracked until its process
        has ended (waited for here, or the event loop could close with the process's pipes still open)."""
        self.services.add(app_service)
        try:
            await super()._process_messages(websocket, app_service)
        finally:
            await self._stop_app(app_service)
            self.services.discard(app_service)

    async def on_shutdown(self, app: web.Application) -> None:
        await asyncio.gather(*(self._stop_app(service) for service in list(self.services)))

    async def _stop_app(self, service: AppService) -> None:
        """Ask the app to quit (it saves first), then terminate it, then kill it."""
        process = service._process  # textual-serve keeps the process private; pinned version in pyproject
        if process is None or process.returncode is not None:
            return
        await service.send_meta({"type": "quit"})
        for seconds, escalate in ((QUIT_SECONDS, process.terminate), (TERMINATE_SECONDS, process.kill)):
            try:
                await asyncio.wait_for(process.wait(), seconds)
                return
            except TimeoutError:
                log.warning("app process %s did not end in %s s", process.pid, seconds)
                with contextlib.suppress(ProcessLookupError):
                    escalate()
        await process.wait()

    def run(self) -> None:
        """Serve until Ctrl+C (or SIGTERM), then stop every app process."""
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        with contextlib.suppress(NotImplementedError):  # Windows: Ctrl+C arrives as KeyboardInterrupt
            loop.add_signal_handler(signal.SIGINT, self.request_exit)
            loop.add_signal_handler(signal.SIGTERM, self.request_exit)
        web.run_app(
            self._make_app(),
            sock=self.sock,
            handle_signals=False,
            loop=loop,
            print=None,
            access_log=None,
            shutdown_timeout=QUIT_SECONDS + TERMINATE_SECONDS,
        )

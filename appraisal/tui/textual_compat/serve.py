"""textual-serve's server behind a secret, with the app processes stopped on shutdown (see appraisal.tui.serve).

Overrides two private methods of textual-serve's `Server` and reads `AppService._process`:
- `_make_app`: the whole of textual-serve's application is mounted under the per-run secret, and a middleware
  refuses (403) every request whose first path segment is not it, compared in constant time, and answers 400 to
  a request for no path (`OPTIONS *`); malformed requests are logged to the log file, never printed;
- `_process_messages`: each tab's app service is tracked until its process has ended, so shutdown can ask every
  app to quit (it saves first), then terminate, then kill it.
The secret is the server's security: with another textual-serve installed, `appraisal.tui.serve.browser_server`
refuses to start instead of serving without it.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import secrets
import signal
import socket
from collections.abc import Awaitable, Callable
from pathlib import Path

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server

log = logging.getLogger(__name__)

SECRET_BYTES = 24
QUIT_SECONDS = 10.0  # how long an app may take to save and quit before it is terminated
TERMINATE_SECONDS = 5.0  # then how long before it is killed
TITLE = "考核自评助手"
FORBIDDEN = "地址不完整或密钥不对：请使用 appraisal serve 打印的完整地址。"
BAD_REQUEST = "请求格式不对：请在浏览器中打开 appraisal serve 打印的完整地址。"


class BrowserServer(Server):
    """textual-serve's server behind a secret, with the app processes stopped on shutdown."""

    def __init__(
        self,
        sock: socket.socket,
        *,
        command: str,
        public_url: str,
        templates_path: Path,
        announce: Callable[[str], Awaitable[None]],
        secret: str = "",
    ) -> None:
        host, port = sock.getsockname()[:2]
        super().__init__(
            command, host=host, port=port, title=TITLE, public_url=public_url, templates_path=templates_path
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
            if not request.path.startswith("/"):  # `OPTIONS *`, `CONNECT host:port`: no page is asked for
                raise web.HTTPBadRequest(text=BAD_REQUEST)
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
        process = service._process  # textual-serve keeps the process private
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
            logger=log,  # malformed requests (answered 400) go to the log file, not to this terminal
            shutdown_timeout=QUIT_SECONDS + TERMINATE_SECONDS,
        )

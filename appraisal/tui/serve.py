"""Browser mode (SPEC §9): the app served to a browser tab on this machine by textual-serve.

textual-serve's `Server` is an aiohttp application that starts one app process per websocket. Our subclass
(`textual_compat.serve.BrowserServer`, built by `browser_server`) adds:
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

import ipaddress
import logging
import shlex
import socket
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

from appraisal.errors import AppraisalError

if TYPE_CHECKING:
    from appraisal.tui.textual_compat.serve import BrowserServer

log = logging.getLogger(__name__)

PAGE_DIR = Path(__file__).parent / "serve_page"


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


def browser_server(sock: socket.socket, *, announce: Callable[[str], Awaitable[None]]) -> BrowserServer:
    """The server for `appraisal serve`. Its secret lives in a patch of textual-serve's private methods, made for
    one version (textual_compat): with another installed, serving is refused rather than served unguarded."""
    from importlib.metadata import version

    from appraisal.tui.textual_compat import PINNED, serve_patches_on

    if not serve_patches_on():
        raise AppraisalError(
            f"浏览器模式需要 textual-serve {PINNED['textual-serve']}，当前安装的是 {version('textual-serve')}，"
            "为免在没有密钥保护的情况下提供服务，未启动；请按 pyproject.toml 重新安装依赖。"
        )
    from appraisal.tui.textual_compat.serve import BrowserServer

    return BrowserServer(
        sock, command=app_command(), public_url=base_url(sock), templates_path=PAGE_DIR, announce=announce
    )

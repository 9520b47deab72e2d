"""`appraisal serve [--port N] [--host H] [--no-browser]`: the app in a browser tab on this machine (SPEC §9)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

NAME = "serve"
HELP = "在浏览器中使用（仅限本机访问，地址中含本次运行的密钥）"
DEFAULT_HOST = "127.0.0.1"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=0, metavar="端口", help="监听的端口（默认自动选择空闲端口）")
    parser.add_argument(
        "--host", default=DEFAULT_HOST, metavar="地址", help=f"监听的地址（默认 {DEFAULT_HOST}，只有本机可以访问）"
    )
    parser.add_argument("--no-browser", action="store_true", help="不自动打开浏览器，只打印地址")


def _has_desktop() -> bool:
    """Without a display, `webbrowser` falls back to text browsers (lynx, w3m) that would take over this terminal
    (where the server's address and Ctrl+C are); Windows and macOS always have a desktop."""
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run(args: argparse.Namespace) -> int:
    import asyncio  # here, not at the top: building the parser must not load asyncio (and with it ssl)
    import webbrowser

    from appraisal.errors import AppraisalError
    from appraisal.tui.redirect_page import remove_redirect, write_redirect
    from appraisal.tui.serve import bind, browser_server, is_loopback

    if not 0 <= args.port <= 65535:
        raise AppraisalError(f"端口应在 0 到 65535 之间（0 表示自动选择），收到的是 {args.port}。")
    sock = bind(args.host, args.port)
    if not is_loopback(sock):
        warning = f"警告：正在 {args.host} 上提供服务，同一网络中的其他电脑也能连接，得到完整地址的人就能打开您的草稿。"
        print(warning, file=sys.stderr)

    async def announce(address: str) -> None:
        print(f"考核自评助手已在浏览器模式下启动，请在浏览器中打开：\n\n    {address}\n", flush=True)
        print("地址中含有本次运行的密钥，请勿转发。关闭浏览器标签页时草稿会自动保存；按 Ctrl+C 停止服务。", flush=True)
        if args.no_browser:
            return
        if not _has_desktop():
            print("没有图形桌面，未自动打开浏览器，请在浏览器中打开上面的地址。", flush=True)
            return
        # Never the address itself: a browser's command line is readable by every local user.
        try:
            redirects.append(write_redirect(address))
        except (AppraisalError, OSError):
            print("未能自动打开浏览器，请手动打开上面的地址。", flush=True)
            return
        opened = await asyncio.get_running_loop().run_in_executor(None, webbrowser.open, redirects[-1].as_uri())
        if not opened:
            print("未能自动打开浏览器，请手动打开上面的地址。", flush=True)

    redirects: list[Path] = []
    try:
        browser_server(sock, announce=announce).run()
    finally:
        for path in redirects:
            remove_redirect(path)
    print("浏览器模式已停止。", flush=True)
    return 0

"""Browser mode (`appraisal serve`, SPEC §9): the real server in a subprocess, a real websocket client, and a real
headless Chromium (Debian's `chromium` + `chromium-driver`, driven by Selenium with the system driver).

Every wait is for a condition (a line printed, a file on disk, bytes on the websocket), bounded by a deadline.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest

from appraisal import cli
from appraisal.store import load_draft, lock_path, read_lock

STARTUP_SECONDS = 30.0  # the server prints its address; an app process shows its first screen (2 loaded cores)
STOP_SECONDS = 30.0
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
URL = re.compile(r"http://\S+/")


def wait_for(condition: Callable[[], object], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {seconds} s waiting for {what}")
        time.sleep(0.05)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def pid_alive(pid: int) -> bool:
    """Running (a zombie waiting for a parent that does not reap it counts as ended)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with contextlib.suppress(OSError):  # Linux: the state follows the parenthesised command name
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    return True


@dataclass
class Served:
    process: subprocess.Popen[str]
    address: str
    output: list[str]  # every line printed so far (stdout and stderr)

    @property
    def base(self) -> str:
        """The address without the secret: `http://127.0.0.1:PORT`."""
        return self.address.rstrip("/").rsplit("/", 1)[0]

    def stop(self) -> int:
        """Ctrl+C, as a user would press it; the exit code."""
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(STOP_SECONDS)


@contextlib.contextmanager
def serve(*args: str, open_browser: bool = False) -> Iterator[Served]:
    """`appraisal serve --no-browser --port <free port> ARGS` until its address is printed."""
    command = [sys.executable, "-m", "appraisal.cli", "serve", "--port", str(free_port()), *args]
    if not open_browser:
        command.append("--no-browser")
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8", bufsize=1
    )
    output: list[str] = []  # appended to by the reader thread as lines arrive

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            output.append(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        try:
            wait_for(lambda: any(URL.search(line) for line in output), STARTUP_SECONDS, "the address")
        except AssertionError as error:
            raise AssertionError(f"{error}; printed: {output}") from None
        address = next(match.group(0) for line in output if (match := URL.search(line)))
        yield Served(process, address, output)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(STOP_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        reader.join(5)


@pytest.fixture
def draft(appraisal_home: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """One draft: bare `appraisal` (what each tab runs) offers it as the one to continue (key r)."""
    assert (
        cli.main(["new", "--name", "张三", "--unit", "规划局", "--position", "副局长", "--year", "2026", "--no-edit"])
        == 0
    )
    return Path(capsys.readouterr().out.strip())


async def _refused(url: str) -> tuple[int, str, int]:
    """Status and body of a page request, and the status of a websocket handshake, at `url`."""
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            status, body = response.status, await response.text()
        try:
            async with session.ws_connect(url.rstrip("/") + "/ws?width=80&height=24"):
                ws_status = 101
        except aiohttp.WSServerHandshakeError as error:
            ws_status = error.status
    return status, body, ws_status


async def _continue_draft(websocket: aiohttp.ClientWebSocketResponse, draft: Path) -> int:
    """Wait for the start screen, continue the draft (key r), and return the app's pid from the draft's lock."""
    received = 0
    while received < 1000:  # the start screen is drawn
        message = await asyncio.wait_for(websocket.receive(), STARTUP_SECONDS)
        assert message.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT), message
        received += len(message.data)
    await websocket.send_json(["stdin", "r"])
    deadline = time.monotonic() + STARTUP_SECONDS
    while (holder := read_lock(draft)) is None:
        assert time.monotonic() < deadline, "the editor did not open the draft"
        await asyncio.sleep(0.05)
    return holder.pid


async def _open_app(ws_url: str, draft: Path) -> int:
    """A tab that opens the draft and is closed again; the app's pid."""
    async with aiohttp.ClientSession() as session, session.ws_connect(ws_url) as websocket:
        return await _continue_draft(websocket, draft)


def test_serve_refuses_the_address_without_its_secret(draft: Path) -> None:
    with serve() as served:
        secret = served.address.rstrip("/").rsplit("/", 1)[1]
        assert len(secret) >= 32
        assert served.address.startswith("http://127.0.0.1:")
        wrong = secret[:-1] + ("A" if secret[-1] != "A" else "B")
        for url in (served.base + "/", served.base + "/static/js/textual.js", f"{served.base}/{wrong}/"):
            status, body, ws_status = asyncio.run(_refused(url))
            assert (status, ws_status) == (403, 403), url
            assert "密钥" in body
        page = asyncio.run(_page(served.address))
        assert f'data-session-websocket-url="ws://127.0.0.1:{served.base.rsplit(":", 1)[1]}/{secret}/ws"' in page
        assert "googleapis" not in page and "https://" not in page  # nothing fetched from the internet
        assert "考核自评助手" in page


async def _page(url: str) -> str:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        assert response.status == 200
        return await response.text()


def test_ctrl_c_just_after_a_tab_closed(draft: Path) -> None:
    """The tab's app is still saving and quitting when the server is stopped: it is waited for, no traceback."""
    with serve() as served:
        ws_url = served.address.replace("http://", "ws://") + "ws?width=100&height=30"
        pid = asyncio.run(_open_app(ws_url, draft))  # the websocket is closed again on return
        assert pid != served.process.pid
        assert served.stop() == 0
    assert not pid_alive(pid), "the app process outlived the server"
    assert not lock_path(draft).exists(), "the app did not quit cleanly (its lock is left behind)"
    printed = "".join(served.output)
    assert "浏览器模式已停止。" in printed
    assert "Traceback" not in printed and "Exception ignored" not in printed, printed


def test_ctrl_c_asks_open_apps_to_quit(draft: Path) -> None:
    async def hold_tab_open(ws_url: str, stop: Callable[[], int]) -> tuple[int, int]:
        async with aiohttp.ClientSession() as session, session.ws_connect(ws_url) as websocket:
            pid = await _continue_draft(websocket, draft)
            code = await asyncio.get_running_loop().run_in_executor(None, stop)  # the tab is still open
            return pid, code

    with serve() as served:
        ws_url = served.address.replace("http://", "ws://") + "ws?width=100&height=30"
        pid, code = asyncio.run(hold_tab_open(ws_url, served.stop))
    assert code == 0
    assert not pid_alive(pid), "the app process outlived the server"
    assert not lock_path(draft).exists(), "the app did not quit cleanly (its lock is left behind)"
    printed = "".join(served.output)
    assert "浏览器模式已停止。" in printed
    assert "Traceback" not in printed and "Exception ignored" not in printed, printed


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX: an orphan is noticed by its new parent id")
def test_an_app_left_behind_by_a_killed_server_ends_itself(draft: Path) -> None:
    with serve() as served:
        ws_url = served.address.replace("http://", "ws://") + "ws?width=100&height=30"

        async def kill_server_with_tab_open() -> int:
            async with aiohttp.ClientSession() as session, session.ws_connect(ws_url) as websocket:
                pid = await _continue_draft(websocket, draft)
                served.process.kill()  # no chance to stop its apps
                served.process.wait(STOP_SECONDS)
                return pid

        pid = asyncio.run(kill_server_with_tab_open())
        wait_for(lambda: not lock_path(draft).exists(), STOP_SECONDS, "the orphaned app to quit and release the draft")
        wait_for(lambda: not pid_alive(pid), STOP_SECONDS, "the orphaned app to end")


def test_non_loopback_host_is_served_only_with_a_warning(draft: Path) -> None:
    with serve("--host", "0.0.0.0") as served:
        assert served.stop() == 0
    printed = "".join(served.output)
    assert "警告：" in printed and "其他电脑" in printed


def test_without_a_desktop_no_browser_is_started(draft: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without --no-browser and without a display, `webbrowser` would start a text browser in this terminal."""
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("BROWSER", "false")  # were a browser started anyway, it would fail and say so
    with serve(open_browser=True) as served:
        wait_for(lambda: any("没有图形桌面" in line for line in served.output), STARTUP_SECONDS, "the sentence")
        assert served.stop() == 0
    assert not any("未能自动打开浏览器" in line for line in served.output)


def _all_command_lines() -> list[str]:
    """Every process's command line, as `ps` shows it to any local user."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        with contextlib.suppress(OSError):
            found.append(cmdline.read_bytes().replace(b"\0", b" ").decode("utf-8", "replace"))
    return found


def fake_browser(folder: Path, monkeypatch: pytest.MonkeyPatch, linger: bool = False) -> Path:
    """A desktop whose browser (what `webbrowser` starts, from $BROWSER) writes its arguments, one a line, to the
    file returned; with `linger` it then stays running (so that it can be seen) until a file `.release` is put
    beside that one (at most 30 s)."""
    seen = folder / "browser-argv.txt"
    browser = folder / "browser.sh"
    wait = f'n=0; while [ ! -e "{seen}.release" ] && [ $n -lt 600 ]; do sleep 0.05; n=$((n+1)); done\n'
    browser.write_text(
        f'#!/bin/sh\nprintf "%s\\n" "$@" > "{seen}.part" && mv "{seen}.part" "{seen}"\n' + (wait if linger else "")
    )
    browser.chmod(0o700)
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setenv("BROWSER", str(browser))
    return seen


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="reads every command line from /proc")
def test_the_browser_is_started_without_the_secret_on_its_command_line(
    draft: Path, appraisal_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 23 item 3: `serve` opened the browser with the full address, which any local user read from `ps`.
    The browser is given a 0600 file that forwards to the address (as Jupyter does), removed when serve stops."""
    seen = fake_browser(tmp_path, monkeypatch, linger=True)
    with serve(open_browser=True) as served:
        secret = served.address.rstrip("/").rsplit("/", 1)[1]
        wait_for(seen.exists, STARTUP_SECONDS, "the browser to be started")
        while_open = _all_command_lines()  # the browser is still running (it waits for the release)
        assert any(str(tmp_path / "browser.sh") in line for line in while_open), "the browser was seen running"
        seen.with_name(seen.name + ".release").touch()
        argv = seen.read_text(encoding="utf-8").split()
        assert len(argv) == 1 and argv[0].startswith("file://"), argv
        assert secret not in argv[0]
        assert not [line for line in while_open if secret in line]
        page = Path(argv[0].removeprefix("file://"))
        assert page.parent == appraisal_home and page.stat().st_mode & 0o777 == 0o600
        assert served.address in page.read_text(encoding="utf-8")
        assert served.stop() == 0
    assert not page.exists(), "the page that holds the secret is removed when serve stops"
    assert not any("未能自动打开浏览器" in line for line in served.output)


BAD_REQUEST_LINES = {
    "OPTIONS * HTTP/1.1": 400,
    "CONNECT 127.0.0.1:80 HTTP/1.1": 400,
    "GET foo HTTP/1.1": 400,
    "GARBAGE": 400,
    "GET / HTTP/9.9": 400,
    "GET * HTTP/1.1": 400,
    "OPTIONS / HTTP/1.1": 403,
    "GET //x HTTP/1.1": 403,
}


def _status(base: str, line: str) -> int:
    """The status a raw request line gets (the first line of the answer)."""
    host, port = base.removeprefix("http://").rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=STARTUP_SECONDS) as sock:
        sock.sendall(line.encode("latin-1") + b"\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        answer = b""
        while b"\r\n" not in answer and (chunk := sock.recv(4096)):
            answer += chunk
    return int(answer.split(b" ", 2)[1])


def test_a_bad_request_line_is_answered_400_and_prints_nothing(draft: Path, appraisal_home: Path) -> None:
    """Issue 23 item 12: `OPTIONS * HTTP/1.1` made serve answer 500 and print a traceback, once per request."""
    with serve() as served:
        # The announcement's last line can still be on its way when the address is read (seen at load 12).
        wait_for(lambda: any("请勿转发" in line for line in served.output), STARTUP_SECONDS, "the announcement")
        printed_before = len(served.output)
        statuses = {line: _status(served.base, line) for line in BAD_REQUEST_LINES}
        assert _status(served.base, f"GET /{served.address.split('/')[3]}/ HTTP/1.1") == 200
        assert served.stop() == 0
    assert statuses == BAD_REQUEST_LINES
    printed = "".join(served.output[printed_before:])
    assert printed.strip() == "浏览器模式已停止。", printed


def test_bad_port_is_one_chinese_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["serve", "--no-browser", "--port", "70000"]) == 2
    assert capsys.readouterr().err.strip() == "端口应在 0 到 65535 之间（0 表示自动选择），收到的是 70000。"
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert cli.main(["serve", "--no-browser", "--port", str(port)]) == 2
    error = capsys.readouterr().err
    assert f"无法在 127.0.0.1 的 {port} 端口上提供服务" in error and "Traceback" not in error


# ---------------------------------------------------------------------------------------------------- the browser


def _browser_missing() -> str | None:
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not shutil.which(path)]
    return f"not installed: {', '.join(missing)} (apt-get install chromium chromium-driver)" if missing else None


# Installed in the page before textual.js runs: keeps what the app sends, so the test can wait for words on screen
# (the terminal draws on a canvas, not in the DOM).
RECORD_SCREEN = """
window.__screen = '';
const Native = window.WebSocket;
window.WebSocket = function (...args) {
  const socket = new Native(...args);
  const decoder = new TextDecoder();
  socket.addEventListener('message', (event) => {
    if (typeof event.data !== 'string') window.__screen += decoder.decode(event.data, {stream: true});
  });
  return socket;
};
"""

PASTE = """
const area = document.querySelector('.xterm-helper-textarea');
const data = new DataTransfer();
data.setData('text/plain', arguments[0]);
area.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
"""


@pytest.fixture
def chromium() -> Iterator[object]:
    if reason := _browser_missing():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the browser test may not skip under CI: {reason}")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_SCREEN})
        yield driver
    finally:
        driver.quit()


def test_chinese_typed_and_pasted_in_the_browser_is_on_disk(draft: Path, chromium: object, tmp_path: Path) -> None:
    from selenium.webdriver.remote.webdriver import WebDriver

    assert isinstance(chromium, WebDriver)
    driver = chromium
    typed = "坚持以习近平新时代中国特色社会主义思想为指导，"
    pasted = "全年审批项目126件，办结率100%。\n\n牵头编制“十五五”专项规划3项。\n第三段：无。"
    last = "（完）"

    def screen() -> str:
        return str(driver.execute_script("return window.__screen"))

    with serve() as served:
        driver.get(served.address)
        wait_for(lambda: "继续最近的草稿" in screen(), STARTUP_SECONDS, "the start screen in the browser")
        driver.find_element("css selector", ".xterm-helper-textarea").send_keys("r")
        wait_for(lambda: "素材" in screen(), STARTUP_SECONDS, "the editor in the browser")
        # An input method: the pinyin being composed is shown, then the chosen words are committed as text; only
        # the committed text may reach the draft.
        for pinyin in ("j", "jian", "jianchi"):
            composition = {"text": pinyin, "selectionStart": len(pinyin), "selectionEnd": len(pinyin)}
            driver.execute_cdp_cmd("Input.imeSetComposition", composition)
        driver.execute_cdp_cmd("Input.insertText", {"text": typed})
        wait_for(lambda: load_draft(draft).sections["intro"] == typed, STARTUP_SECONDS, "the typed text on disk")
        driver.execute_script(PASTE, pasted)
        wait_for(lambda: "第三段" in load_draft(draft).sections["intro"], STARTUP_SECONDS, "the pasted text on disk")
        assert load_draft(draft).sections["intro"] == typed + pasted
        driver.save_screenshot(str(tmp_path / "browser.png"))
        pid = read_lock(draft).pid  # type: ignore[union-attr]
        page = driver.current_window_handle
        driver.switch_to.new_window("tab")
        driver.switch_to.window(page)
        # Typed, and the tab closed as soon as the app shows the text (before the autosave's pause): the app
        # saves as it quits.
        driver.execute_cdp_cmd("Input.insertText", {"text": last})
        wait_for(lambda: last in screen(), STARTUP_SECONDS, "the app to show the last words")
        driver.close()
        wait_for(lambda: not lock_path(draft).exists(), STOP_SECONDS, "the closed tab's app to release the draft")
        wait_for(lambda: not pid_alive(pid), STOP_SECONDS, "the closed tab's app to end")
        assert served.stop() == 0
    assert load_draft(draft).sections["intro"] == typed + pasted + last
    assert json.loads(draft.read_text(encoding="utf-8"))["sections"]["intro"] == typed + pasted + last


def test_the_page_opened_by_serve_takes_the_keys_without_a_click(
    draft: Path, chromium: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 19 item 15: keys did nothing until the page was clicked. The browser opens the redirect file serve
    gives it (issue 23 item 3), lands on the app, and a key pressed at once (sent to whatever has the focus, no
    element chosen) continues the draft."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.remote.webdriver import WebDriver

    assert isinstance(chromium, WebDriver)
    driver = chromium
    seen = fake_browser(tmp_path, monkeypatch)

    def screen() -> str:
        return str(driver.execute_script("return window.__screen"))

    with serve(open_browser=True) as served:
        wait_for(seen.exists, STARTUP_SECONDS, "the browser to be started")
        driver.get(seen.read_text(encoding="utf-8").strip())
        wait_for(lambda: driver.current_url == served.address, STARTUP_SECONDS, "the redirect to the app")
        wait_for(lambda: "继续最近的草稿" in screen(), STARTUP_SECONDS, "the start screen in the browser")
        focused = driver.execute_script("return document.activeElement.className")
        ActionChains(driver).send_keys("r").perform()
        wait_for(lambda: "素材" in screen(), STARTUP_SECONDS, "the editor, opened by a key pressed without a click")
        assert "xterm-helper-textarea" in focused
        driver.save_screenshot(str(tmp_path / "focused.png"))
        if folder := os.environ.get("APPRAISAL_SCREENSHOTS"):
            shutil.copy(tmp_path / "focused.png", Path(folder) / "serve-focused.png")
        assert served.stop() == 0


def test_after_the_server_stops_the_tab_says_what_to_do(draft: Path, chromium: object, tmp_path: Path) -> None:
    """The tab's 重新打开 reloaded a page nobody serves any more (the browser's own error page). Now the ended
    page says the service stopped and how to start it again, and hides the button that could only fail."""
    from selenium.webdriver.remote.webdriver import WebDriver

    assert isinstance(chromium, WebDriver)
    driver = chromium

    def ended_text() -> str:
        return str(
            driver.execute_script("const e = document.getElementById('ended-text'); return e ? e.textContent : ''")
        )

    with serve() as served:
        driver.get(served.address)
        wait_for(
            lambda: "继续最近的草稿" in str(driver.execute_script("return window.__screen")),
            STARTUP_SECONDS,
            "the start screen",
        )
        assert served.stop() == 0
    wait_for(lambda: "网页服务已经停止" in ended_text(), STOP_SECONDS, "the ended page to say the service stopped")
    assert "uv run appraisal serve" in ended_text()
    assert not driver.find_element("id", "reopen").is_displayed()  # it could only lead to the browser's error page
    driver.save_screenshot(str(tmp_path / "stopped.png"))
    if folder := os.environ.get("APPRAISAL_SCREENSHOTS"):
        shutil.copy(tmp_path / "stopped.png", Path(folder) / "serve-stopped.png")

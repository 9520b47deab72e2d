"""The terminal driver on a pseudo-terminal: every key it reads is posted before it says so, its input thread
ends when the terminal hangs up, it does not restart on a dead terminal, and output to a closed terminal is
dropped instead of killing Textual's writer thread."""

from __future__ import annotations

import errno
import io
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Textual's POSIX driver")

if sys.platform != "win32":
    import tty

    from appraisal.tui.textual_compat.terminal_driver import TerminalDriver, TerminalOutput


@pytest.fixture
def signal_handlers() -> Iterator[None]:
    """LinuxDriver puts its own SIGTSTP and SIGCONT handlers in place; put the test process's back."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGTSTP, signal.SIGCONT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


class Posted:
    """What the driver posts to the app, collected; `hold` keeps the input thread inside its first post."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.hold = threading.Event()
        self.hold.set()

    def __call__(self, message: Any) -> None:
        self.hold.wait()
        key = getattr(message, "character", None)
        if key is not None:
            self.keys.append(key)


def wait_for(condition: Any, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.005)


def driver_on(fd: int, posted: Posted) -> TerminalDriver:
    driver = TerminalDriver(object())  # type: ignore[arg-type]  # the app is only needed to post to
    driver.fileno = fd
    driver.send_message = posted  # type: ignore[method-assign]
    return driver


async def test_keys_read_are_posted_before_the_driver_says_so_and_its_thread_ends_at_hang_up(
    signal_handlers: None,
) -> None:
    master, slave = os.openpty()
    tty.setraw(slave)
    posted = Posted()
    driver = driver_on(slave, posted)
    reader = threading.Thread(target=driver.run_input_thread, daemon=True)
    reader.start()
    try:
        wait_for(lambda: driver.wait_for_keys_read(0))  # waiting for input
        posted.hold.clear()  # the thread will stop inside its first post, keys read and not yet all posted
        os.write(master, "你好，世界".encode())
        wait_for(lambda: not driver.wait_for_keys_read(0))
        assert not driver.wait_for_keys_read(0.2)
        posted.hold.set()
        wait_for(lambda: posted.keys == list("你好，世界"))
        assert driver.wait_for_keys_read(2)
        os.close(master)  # the window closes: read() returns b'' from now on
        master = -1
        reader.join(5)
        assert not reader.is_alive(), "the input thread kept reading at end of file"
        assert driver.terminal_gone.is_set()
        assert driver.wait_for_keys_read(0)
    finally:
        driver.exit_event.set()
        reader.join(5)
        for fd in (master, slave):
            if fd >= 0:
                os.close(fd)


async def test_no_restart_on_a_terminal_that_has_gone(signal_handlers: None) -> None:
    """SIGCONT comes with SIGHUP when the window closes: Textual would start application mode again, with a
    second writer thread that dies on the dead terminal and then blocks the app."""
    read_end, write_end = os.pipe()  # not a terminal, as a hung-up one no longer is
    try:
        driver = driver_on(read_end, Posted())
        driver.resume_application_mode()
        assert driver._writer_thread is None and driver._key_thread is None
        assert driver.terminal_gone.is_set()
    finally:
        os.close(read_end)
        os.close(write_end)


class Terminal(io.StringIO):
    def __init__(self, error: int | None) -> None:
        super().__init__()
        self.error = error

    def flush(self) -> None:
        if self.error is not None:
            raise OSError(self.error, os.strerror(self.error))


def test_output_to_a_closed_terminal_is_dropped_other_errors_are_not() -> None:
    gone = threading.Event()
    output = TerminalOutput(Terminal(errno.EIO), gone)  # type: ignore[arg-type]
    output.write("画面")
    output.flush()  # EIO: the terminal has hung up
    assert gone.is_set()
    output.write("之后的画面")
    output.flush()
    with pytest.raises(OSError):
        TerminalOutput(Terminal(errno.ENOSPC), threading.Event()).flush()  # type: ignore[arg-type]


async def test_bytes_that_are_not_utf8_are_read_as_replacement_characters_and_said_once(
    signal_handlers: None,
) -> None:
    """A terminal set to GBK: its bytes become U+FFFD, the app is told once, and the keys after them still come
    (Textual's strict decoder raised in the input thread and the app ended: Textualize/textual#6456)."""
    from appraisal.tui.textual_compat.terminal_driver import NotUtf8Input

    master, slave = os.openpty()
    tty.setraw(slave)
    posted = Posted()
    told: list[Any] = []
    driver = driver_on(slave, posted)
    driver.send_message = lambda message: (told.append(message), posted(message))  # type: ignore[method-assign]
    reader = threading.Thread(target=driver.run_input_thread, daemon=True)
    reader.start()
    try:
        for chunk in ("中".encode() + "文".encode("gbk"), "字".encode("gbk") + "句".encode()):
            os.write(master, chunk)
            wait_for(lambda: driver.wait_for_keys_read(0))
        wait_for(lambda: posted.keys == ["中", "\ufffd", "\ufffd", "\ufffd", "\ufffd", "句"])
        assert reader.is_alive()
        assert sum(isinstance(message, NotUtf8Input) for message in told) == 1
    finally:
        driver.exit_event.set()
        reader.join(5)
        os.close(master)
        os.close(slave)


async def test_the_app_says_what_to_change_when_the_terminal_is_not_utf8() -> None:
    from appraisal.tui.textual_compat.terminal_driver import NotUtf8Input

    from .editing import editing, notices

    async with editing(notifications=True) as typing:
        typing.app.post_message(NotUtf8Input())  # what the driver posts when it has read such bytes
        await typing.pilot.pause()
        assert any("不是 UTF-8 编码" in notice for notice in notices(typing.app))

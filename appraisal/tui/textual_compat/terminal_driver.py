"""Textual's POSIX terminal driver, told what a closed terminal window means.

When the window closes, the kernel hangs the terminal up: it discards input no one has read, read() returns b''
from then on, writes fail with EIO, and the session leader gets SIGHUP and SIGCONT. Textual 8's LinuxDriver
copes with none of that:
- its input thread spins at end of file (select says readable, read returns nothing) until the app exits,
  taking the CPU from the save;
- nothing tells the app whether the keys that thread has just read are already posted, so a save on SIGHUP
  could run ahead of them;
- SIGCONT restarts application mode on the dead terminal: a second writer thread that dies on EIO, whose queue
  then fills (30 writes) and blocks the event loop for good;
- its writer thread dies on the first EIO, with the same result.
- its input thread decodes strictly: one byte that is not UTF-8 (a terminal or SSH client set to GBK, a paste
  cut inside a 字) raises in that thread, and Textual ends the app with a traceback (Textualize/textual#6456).
A terminal that is open but has stopped reading (a stalled ssh connection) is worse: the writer thread blocks in
write(), its queue fills, and the event loop blocks for good in the next write. SIGTERM then changed nothing:
the save it asks for runs on that loop, so the watchdog ended the process 15 s later with the words typed since
the last autosave lost and the lock left behind (or, when the signal woke another thread, never).
This driver ends its input thread at end of file, says when every key read has been posted, does not resume on a
dead terminal, drops output once the terminal has gone, reads bytes that are not UTF-8 as U+FFFD, telling the
app once (NotUtf8Input), and never waits for a full output queue for longer than OUTPUT_POLL at a time: once the
app is leaving (`abandon_stalled_output`, called by its signal handler), output that does not fit is dropped,
so the loop comes back to save.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import logging
import os
import queue
import selectors
import struct
import termios
import threading
from codecs import getincrementaldecoder, register_error
from typing import IO, Any

from textual._loop import loop_last
from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

log = logging.getLogger(__name__)

_REPLACE_AND_NOTE = "appraisal-terminal-input"
_replaced = threading.local()  # per input thread: `any` is True once it has replaced bytes that are not UTF-8

OUTPUT_POLL = 0.05
"""Seconds a write waits at most for room in the full output queue before it looks again: the main thread wakes
that often, so Python runs a signal handler even when the signal was delivered to another thread."""


def _replace_and_note(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    _replaced.any = True
    return "\ufffd", error.end


register_error(_REPLACE_AND_NOTE, _replace_and_note)


class NotUtf8Input(Message):
    """The terminal sent bytes that are not UTF-8 (they were read as U+FFFD); posted once a run."""


class TerminalOutput:
    """The terminal as Textual's writer thread writes to it. Once the terminal has been hung up (EIO), output
    has nowhere to go: it is dropped, instead of the writer thread dying on the error and its full queue then
    blocking the app."""

    def __init__(self, file: IO[str], gone: threading.Event) -> None:
        self._file = file
        self._gone = gone

    def write(self, text: str) -> None:
        if not self._gone.is_set():
            self._attempt(self._file.write, text)

    def flush(self) -> None:
        if not self._gone.is_set():
            self._attempt(self._file.flush)

    def fileno(self) -> int:
        return self._file.fileno()

    def _attempt(self, operation: Any, *args: object) -> None:
        try:
            operation(*args)
        except OSError as exc:
            if exc.errno != errno.EIO:
                raise
            log.info("the terminal was closed; output from now on is dropped")
            self._gone.set()


class TerminalDriver(LinuxDriver):
    """LinuxDriver that knows when the terminal window has closed (see the module's docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.terminal_gone = threading.Event()
        self._file = TerminalOutput(self._file, self.terminal_gone)  # type: ignore[arg-type,assignment]
        self._input_state = threading.Condition()
        self._input_idle = False  # the input thread waits for input, having posted every key it read
        self._input_ended = False
        self._told_not_utf8 = False
        self._output_abandoned = threading.Event()

    def write(self, data: str) -> None:
        """LinuxDriver.write, which put `data` on the writer thread's queue and waited however long it stayed
        full (a terminal that stopped reading): the wait is now in steps of OUTPUT_POLL, and once the app is
        leaving (`abandon_stalled_output`) what does not fit is dropped."""
        writer = self._writer_thread
        assert writer is not None, "Driver must be in application mode"
        put = writer._queue.put
        while not self._output_abandoned.is_set():
            try:
                put(data, timeout=OUTPUT_POLL)
                return
            except queue.Full:
                continue
        with contextlib.suppress(queue.Full):
            put(data, block=False)

    def abandon_stalled_output(self) -> None:
        """The app is leaving (SIGTERM, SIGHUP): saving the text comes first. Output that finds the queue full
        from now on is dropped instead of waited for. Safe to call from a signal handler."""
        self._output_abandoned.set()

    def close(self) -> None:
        """LinuxDriver.close stopped the writer thread and waited for it to end: for ever, if it was blocked
        writing to a terminal that no longer reads. Once output is abandoned it waits OUTPUT_POLL at most."""
        writer = self._writer_thread
        if writer is None:
            return
        self.write(None)  # type: ignore[arg-type]  # the thread's signal to stop, as WriterThread.stop sends it
        writer.join(OUTPUT_POLL)
        while writer.is_alive() and not self._output_abandoned.is_set():
            writer.join(OUTPUT_POLL)

    def resume_application_mode(self) -> None:
        """SIGCONT: back from Ctrl+Z, or sent with SIGHUP when the terminal hangs up. Not on a dead terminal."""
        if self.terminal_gone.is_set() or not os.isatty(self.fileno):
            self.terminal_gone.set()
            return
        super().resume_application_mode()

    def wait_for_keys_read(self, timeout: float) -> bool:
        """Wait until every key this driver has read from the terminal has been posted to the app (its input
        thread has ended, or waits for input with none unread in the kernel). False if `timeout` ran out first.
        Keys the kernel still holds when the terminal hangs up are discarded by it: nothing can wait for those."""
        with self._input_state:
            return self._input_state.wait_for(
                lambda: self._input_ended or (self._input_idle and not self._unread_input()), timeout
            )

    def _unread_input(self) -> bool:
        """Whether the kernel holds terminal input not read yet (FIONREAD: TIOCINQ on Linux, and on macOS)."""
        try:
            waiting = fcntl.ioctl(self.fileno, termios.FIONREAD, b"\0\0\0\0")
        except OSError:  # hung up: the kernel has discarded whatever was unread
            return False
        return bool(struct.unpack("i", waiting)[0])

    def _set_input_state(self, *, idle: bool, ended: bool = False) -> None:
        with self._input_state:
            self._input_idle = idle
            self._input_ended = ended
            self._input_state.notify_all()

    def run_input_thread(self) -> None:
        """Textual 8.2.8's LinuxDriver.run_input_thread (the manifest pins its hash), with
        three changes: it says when it is idle (waiting for input, every key read posted), it ends at end of file
        (the terminal has hung up: read() returns b'' at once, for ever) instead of spinning until the app exits,
        and bytes that are not UTF-8 become U+FFFD instead of an exception that ends the app."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        fileno = self.fileno
        parser = XTermParser(self._debug)
        decode = getincrementaldecoder("utf-8")(errors=_REPLACE_AND_NOTE).decode
        _replaced.any = False

        def process(selector_events: list[tuple[selectors.SelectorKey, int]], final: bool = False) -> bool:
            """Read what is there and post its events; False at end of file."""
            at_end = False
            for last, (_key, mask) in loop_last(selector_events):
                if mask & selectors.EVENT_READ:
                    data = os.read(fileno, 1024 * 4)
                    if not data:
                        at_end = True
                        break
                    for event in parser.feed(decode(data, final=final and last)):
                        self.process_message(event)
                    if _replaced.any and not self._told_not_utf8:
                        self._told_not_utf8 = True
                        self.process_message(NotUtf8Input())
            for event in parser.tick():
                self.process_message(event)
            return not at_end

        try:
            while not self.exit_event.is_set():
                self._set_input_state(idle=True)
                ready = selector.select(0.1)
                self._set_input_state(idle=False)
                if not process(ready):
                    self.terminal_gone.set()
                    break
            else:
                selector.unregister(self.fileno)
                process(selector.select(0.1), final=True)
        finally:
            selector.close()
            try:
                for _event in parser.feed(""):
                    pass
            except (EOFError, ParseError):
                pass
            self._set_input_state(idle=True, ended=True)

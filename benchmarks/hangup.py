"""Closing the terminal right after typing: are the keys the app had read from the terminal all saved?

    uv run python benchmarks/hangup.py [--trials 30] [--load K] [--signal hup|term] [--chars N]

Each trial runs the real `appraisal edit DRAFT` on a pseudo-terminal that is its controlling terminal (80x24),
waits until the editor is drawn, writes a line of Chinese to the terminal, waits until the app has read every
byte of it (the kernel holds none unread and the app's read() calls have taken them in), then closes the
terminal at once: the kernel hangs it up and sends SIGHUP. It does not wait for the echo on the screen: the keys
may be read but not yet handled. Then it checks the saved draft, the lock and the exit code.

Keys the app had not yet read when the terminal closed are beyond its reach: the kernel discards unread terminal
input at hang-up (open a pty, write to the master, close it: the slave reads b''). So the figure that matters is
characters lost among those read; the target is 0. `--load K` runs K busy processes meanwhile; `--signal term`
sends SIGTERM (as `kill` does) instead of closing the terminal; `--chars N` types N characters (default 69).
`--stalled` first stops reading the app's output (a stalled ssh connection: the terminal is open but reads
nothing) and resizes the terminal until the app's output thread is stuck writing, then types and sends the signal.
POSIX only (Linux: it reads /proc).
tests/tui/test_hangup.py runs the same protocol a few times.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TEXT = (
    "坚持以习近平新时代中国特色社会主义思想为指导，对党忠诚，作风扎实。"
    "全年参加中心组学习十二次，撰写心得体会三篇。关闭窗口前最后写下的这几个字"
)
"""A burst of keys (as a fast typist or an input method commits them): about 200 bytes in one read."""
SIZE = (24, 80)  # rows, columns
EXIT_SECONDS = 30.0  # the app's own watchdog ends it within 15 s of the signal


@dataclass
class Trial:
    typed: str
    read: bool  # the app had read every byte before the terminal closed (or SIGTERM came)
    saved: str  # every section of the draft on disk, joined
    exit_code: int | None  # None: still running after EXIT_SECONDS (then killed)
    lock_left: bool
    seconds: float  # from hang-up (or SIGTERM) to the end of the process
    log: str  # the app's log (appraisal.log): says when the save did not wait for the keys

    @property
    def lost(self) -> int:
        """Characters typed that are not in the draft (counted from the first one missing)."""
        for kept in range(len(self.typed), 0, -1):
            if self.typed[:kept] in self.saved:
                return len(self.typed) - kept
        return len(self.typed)


def _inq(fd: int) -> int:
    """Bytes of terminal input the kernel holds that no one has read yet."""
    return int(struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0])


SELECT_CALLS = {"x86_64": {"23", "270"}, "aarch64": {"72"}}
"""select() and pselect6() by machine: how the input thread is told apart from the app's other threads."""
WRITE_CALLS = {"x86_64": "1", "aarch64": "64"}
"""write() by machine: the app's output thread waits there once the terminal has stopped reading."""
FUTEX_CALLS = {"x86_64": "202", "aarch64": "98"}
"""futex() by machine: the app's main thread waits there for room in the full output queue."""


def _input_thread(pid: int) -> Path:
    """The app's thread that reads the terminal (Textual's input thread): the one waiting in select() on fd 0
    (/proc/PID/task/TID/syscall: the call's number, then nfds = 1). Its rchar counts exactly the bytes it has
    read from the terminal; the process's rchar also counts the files the app reads (the checker's data)."""
    calls = SELECT_CALLS[os.uname().machine]
    for task in Path(f"/proc/{pid}/task").iterdir():
        call = (task / "syscall").read_text().split()
        if call[0] in calls and int(call[1], 16) == 1:
            return task
    raise LookupError("no thread is waiting for the terminal")


def _bytes_read(task: Path) -> int:
    """Bytes the thread has taken in through read() so far (/proc/PID/task/TID/io)."""
    for line in (task / "io").read_text().splitlines():
        if line.startswith("rchar:"):
            return int(line.split()[1])
    raise LookupError("no rchar in /proc/PID/task/TID/io")


class Terminal:
    """The terminal's side of a pty: a thread reads everything the app writes (so the app never blocks on
    output) and, when told, closes the terminal: the same thread, so no read() of ours still holds it open."""

    def __init__(self) -> None:
        self.master, self.slave = os.openpty()
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[0], SIZE[1], 0, 0))
        self.output = bytearray()
        self._hang_up, self._wake = os.pipe()
        self._closed = threading.Event()
        self._reading = True
        self._thread = threading.Thread(target=self._read_output, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _read_output(self) -> None:
        try:
            while True:
                watched = [self.master, self._hang_up] if self._reading else [self._hang_up]
                ready, _, _ = select.select(watched, [], [], 0.1)
                if self._hang_up in ready:
                    return
                if self.master in ready:
                    try:
                        data = os.read(self.master, 65536)
                    except OSError:  # EIO: the app has ended and no one else holds the terminal
                        data = b""
                    if not data:
                        time.sleep(0.01)
                    self.output += data
        finally:
            os.close(self.master)
            self._closed.set()

    def stop_reading(self) -> None:
        """The terminal stays open but reads no more output (a stalled ssh connection)."""
        self._reading = False

    def hang_up(self) -> None:
        """Close the terminal window, now."""
        os.write(self._wake, b"x")
        self._closed.wait()

    def close(self) -> None:
        if not self._closed.is_set():
            self.hang_up()
        self._thread.join()
        for fd in (self.slave, self._hang_up, self._wake):
            os.close(fd)


def _controlling_terminal() -> None:  # pragma: no cover - runs in the child, after setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def _wait(condition: object, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        time.sleep(0.005)


def make_draft(home: Path) -> Path:
    """A new, empty draft in `home` (APPRAISAL_HOME), made by the real command line as a user would."""
    env = {**os.environ, "APPRAISAL_HOME": str(home)}
    profile = ["--name", "张三", "--unit", "某市统计局", "--position", "科长", "--year", "2025"]
    made = subprocess.run(
        [*_appraisal(), "new", *profile, "--no-edit"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(made.stdout.strip())


def _appraisal() -> list[str]:
    """The installed `appraisal` command beside this Python (what the user runs)."""
    return [str(Path(sys.executable).with_name("appraisal"))]


def _stall(terminal: Terminal, pid: int) -> None:
    """Stop reading the app's output and resize the terminal (each resize redraws the whole screen) until the
    app's output thread has been seen stuck in write() and its main thread waiting (for room in the output
    queue), twice, 0.3 s apart."""
    machine = os.uname().machine

    def call(task: Path) -> str:
        return (task / "syscall").read_text().split()[0]

    def writing() -> bool:
        tasks = Path(f"/proc/{pid}/task")
        blocked = call(tasks / str(pid)) == FUTEX_CALLS[machine]
        return blocked and any(call(task) == WRITE_CALLS[machine] for task in tasks.iterdir())

    terminal.stop_reading()
    for number in range(2000):
        rows, columns = (SIZE[0] + 6, SIZE[1] + 20) if number % 2 else SIZE
        fcntl.ioctl(terminal.slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        time.sleep(0.02)
        if number % 10 == 9 and writing():
            time.sleep(0.3)
            if writing():
                return
    raise TimeoutError("the app's output never filled the terminal")


def trial(home: Path, draft: Path, text: str | bytes = TEXT, *, end: str = "hup", stalled: bool = False) -> Trial:
    """Open `draft` in the real app on a terminal, type `text` (bytes: as a terminal not set to UTF-8 sends
    them), close the terminal once the app has read it (`end="term"`: send SIGTERM instead, as `kill` does, the
    terminal still open). `stalled`: the terminal stops reading output before the keys are typed."""
    from appraisal.store import load_draft, lock_path

    terminal = Terminal()
    env = {**os.environ, "APPRAISAL_HOME": str(home), "TERM": "xterm-256color", "LANG": "C.UTF-8"}
    env.pop("TEXTUAL", None)
    process = subprocess.Popen(
        [*_appraisal(), "edit", str(draft)],
        stdin=terminal.slave,
        stdout=terminal.slave,
        stderr=terminal.slave,
        env=env,
        cwd=home,
        start_new_session=True,
        preexec_fn=_controlling_terminal,
    )
    terminal.start()
    data = text if isinstance(text, bytes) else text.encode()
    try:
        # The editor is drawn and holds the lock: a person would start typing now.
        _wait(lambda: "品行修养".encode() in terminal.output and lock_path(draft).exists(), 60, "editor not drawn")
        reader = _wait_for_input_thread(process.pid)
        if stalled:
            _stall(terminal, process.pid)
        before = _bytes_read(reader)
        os.write(terminal.master, data)
        # Every byte written has reached the app: its input thread has read that many bytes and the kernel holds
        # none unread. (The kernel's count alone is not enough: a write to the master passes through the pty's
        # buffer before the line discipline counts it, so it reads 0 for a moment right after the write.)
        try:
            _wait(lambda: _bytes_read(reader) - before >= len(data) and _inq(terminal.slave) == 0, 10, "unread")
            read = True
        except TimeoutError:
            read = False  # counted apart: what the app has not read is not its to save
        if end == "term":
            process.terminate()
        else:
            terminal.hang_up()
        closed = time.monotonic()
        try:
            exit_code: int | None = process.wait(EXIT_SECONDS)
        except subprocess.TimeoutExpired:
            exit_code = None
        seconds = time.monotonic() - closed
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        terminal.close()
    saved = "".join(load_draft(draft).sections.values())
    log = "".join(path.read_text(encoding="utf-8") for path in home.rglob("appraisal.log"))
    typed = data.decode(errors="replace")
    return Trial(typed, read, saved, exit_code, lock_path(draft).exists(), seconds, log)


def _wait_for_input_thread(pid: int) -> Path:
    """The input thread, found once it is waiting for keys (it may be busy with a terminal reply at first)."""
    deadline = time.monotonic() + 30
    while True:
        try:
            return _input_thread(pid)
        except LookupError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.02)


@contextlib.contextmanager
def busy_processes(count: int) -> Iterator[None]:
    """`count` processes spinning on the CPU: a loaded machine."""
    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)]
    try:
        yield
    finally:
        for spinner in spinners:
            spinner.kill()
            spinner.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=30)
    parser.add_argument("--load", type=int, default=0, help="busy processes running meanwhile")
    parser.add_argument("--signal", choices=["hup", "term"], default="hup", help="close the terminal, or kill")
    parser.add_argument("--chars", type=int, default=len(TEXT), help="characters in the burst (TEXT repeated)")
    parser.add_argument("--stalled", action="store_true", help="the terminal stops reading output first")
    args = parser.parse_args()
    text = (TEXT * (args.chars // len(TEXT) + 1))[: args.chars]
    failures: list[str] = []
    read_chars = lost_chars = unread = 0
    seconds: list[float] = []
    with busy_processes(args.load), tempfile.TemporaryDirectory(prefix="appraisal-hangup-") as folder:
        home = Path(folder)
        for number in range(1, args.trials + 1):
            draft = make_draft(home / str(number))
            result = trial(home / str(number), draft, text, end=args.signal, stalled=args.stalled)
            if not result.read:
                unread += 1
                print(f"trial {number}: the app had not read the keys after 10 s; not counted", flush=True)
                continue
            read_chars += len(result.typed)
            lost_chars += result.lost
            seconds.append(result.seconds)
            problems = []
            if result.lost:
                problems.append(f"lost {result.lost} of {len(result.typed)}: saved {result.saved!r}")
            if result.exit_code != 0:
                problems.append(f"exit code {result.exit_code}")
            if result.lock_left:
                problems.append("lock left behind")
            if "saving what there is" in result.log:
                problems.append("saved without waiting for the keys (after 1 s)")
            if problems:
                failures.append(f"trial {number}: " + "; ".join(problems))
            print(f"trial {number}: lost {result.lost}, exit {result.exit_code}, {result.seconds:.2f} s", flush=True)
    print(f"trials: {args.trials} (SIG{args.signal.upper()}), load: {args.load} busy processes, not read: {unread}")
    print(f"characters read by the app: {read_chars}, lost: {lost_chars}")
    if seconds:
        print(f"seconds from the signal to exit: median {statistics.median(seconds):.2f}, max {max(seconds):.2f}")
    print(f"failures: {len(failures)}")
    for failure in failures:
        print(f"  {failure}")


if __name__ == "__main__":
    main()

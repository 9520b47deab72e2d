"""Many processes take one draft's lock at the same instant: how often do two of them believe they hold it?

    uv run python benchmarks/lock_race.py [TRIALS] [PROCESSES]

Each trial forks PROCESSES acquirers (default 4) that wait on one pipe and then all call `DraftLock.acquire` on
the same draft; every one that succeeds keeps its lock until the trial ends, so more than one holder in a trial
is a double holder. Half the trials start with a stale lock left by a dead process (the take-over path), half
with none. Prints the number of trials with more than one holder (the target is 0) and with none. Default 1,000
trials. Needs `os.fork` (Linux, macOS). tests/store/test_lock.py runs the same race with a smaller budget.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import tempfile
from pathlib import Path

from appraisal.errors import AppraisalError
from appraisal.store import DraftLock, lock_path


def _acquirer(path: Path, go: int, result: int, done: int) -> None:
    """The child: wait for the start, try to take the lock, say whether it did, hold it until the trial ends."""
    os.read(go, 1)
    try:
        DraftLock(path).acquire()
        held = b"1"
    except AppraisalError:
        held = b"0"
    os.write(result, held)
    os.read(done, 1)


def _dead_pid() -> int:
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os._exit(0)
    os.waitpid(pid, 0)
    return pid


def _stale_lock(path: Path) -> None:
    info = {"user": "测试", "host": socket.gethostname(), "pid": _dead_pid(), "since": "2026-01-01T08:00:00+08:00"}
    lock_path(path).write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")


def trial(path: Path, processes: int, *, stale: bool) -> int:
    """One race; returns how many processes believed they held the lock."""
    if stale:
        _stale_lock(path)
    go_r, go_w = os.pipe()
    result_r, result_w = os.pipe()
    done_r, done_w = os.pipe()
    children = []
    for _ in range(processes):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            try:
                _acquirer(path, go_r, result_w, done_r)
            finally:
                os._exit(0)
        children.append(pid)
    os.write(go_w, b"x" * processes)
    holders = sum(os.read(result_r, 1) == b"1" for _ in range(processes))
    os.write(done_w, b"x" * processes)
    for pid in children:
        os.waitpid(pid, 0)
    for fd in (go_r, go_w, result_r, result_w, done_r, done_w):
        os.close(fd)
    lock_path(path).unlink(missing_ok=True)
    return holders


def race(trials: int, processes: int, folder: Path) -> list[int]:
    """Holders per trial, the draft in `folder`."""
    path = folder / "草稿.json"
    return [trial(path, processes, stale=n % 2 == 1) for n in range(trials)]


def main() -> None:
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    processes = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    with tempfile.TemporaryDirectory() as folder:
        holders = race(trials, processes, Path(folder))
    doubles = sum(1 for n in holders if n > 1)
    print(
        f"{trials} trials, {processes} processes each: {doubles} with two or more holders, "
        f"{holders.count(0)} with none, most holders in one trial {max(holders)}"
    )


if __name__ == "__main__":
    main()

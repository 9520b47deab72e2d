"""The draft's lock: taken atomically with its content (no double holders), stale when its process is gone, a
zombie, or from before the last boot, and, when it names another computer, taken over only after the user
confirms, having been told who holds it and since when."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fresh_interpreter import call_in_new_interpreter

from appraisal import cli
from appraisal.draft import Draft
from appraisal.errors import AppraisalError
from appraisal.store import DraftLock, DraftLockedError, LockInfo, OpenDraft, create_draft, lock_path, read_lock
from appraisal.templates import load_template

ROOT = Path(__file__).resolve().parents[2]


def new_draft(tmp_path: Path) -> Path:
    draft = Draft.new(load_template("cadre-annual"), name="张三", unit="规划局", position="副局长", year=2026)
    return create_draft(draft, tmp_path / "总结.json")


def plant_lock(path: Path, *, pid: int, since: str, host: str | None = None, user: str = "李四") -> LockInfo:
    info = LockInfo(user, host or socket.gethostname(), pid, since)
    lock_path(path).write_text(json.dumps(info.__dict__, ensure_ascii=False), encoding="utf-8")
    return info


@pytest.fixture
def live_pid() -> Iterator[int]:
    """A process that is alive for the whole test (not ours: as a pid reused after a reboot would be)."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield process.pid
    process.kill()
    process.wait()


@pytest.mark.skipif(not Path("/proc/stat").exists(), reason="boot time from /proc (Linux)")
def test_a_lock_from_before_the_last_boot_is_stale_even_if_its_pid_runs_again(tmp_path: Path, live_pid: int) -> None:
    path = new_draft(tmp_path)
    plant_lock(path, pid=live_pid, since="2001-01-01T08:00:00+08:00")  # a power cut; the pid now names another
    opened = OpenDraft(path)
    assert read_lock(path) is not None and read_lock(path).pid == os.getpid()  # type: ignore[union-attr]
    opened.close()


def test_a_lock_taken_now_by_a_live_process_is_respected(tmp_path: Path, live_pid: int) -> None:
    from appraisal.draft import now_iso

    path = new_draft(tmp_path)
    plant_lock(path, pid=live_pid, since=now_iso())
    with pytest.raises(DraftLockedError):
        OpenDraft(path)


@pytest.mark.skipif(not hasattr(os, "fork") or not Path("/proc/self/stat").exists(), reason="zombies via /proc")
def test_a_lock_held_by_a_zombie_is_stale(tmp_path: Path) -> None:
    from appraisal.draft import now_iso

    path = new_draft(tmp_path)
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child exits at once and is not reaped: a zombie
        os._exit(0)
    try:
        deadline = time.monotonic() + 5
        while Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z":
            assert time.monotonic() < deadline
            time.sleep(0.01)
        plant_lock(path, pid=pid, since=now_iso())
        OpenDraft(path).close()
    finally:
        os.waitpid(pid, 0)


def test_a_lock_from_another_computer_names_who_when_and_the_lock_file_and_can_be_taken_over(tmp_path: Path) -> None:
    path = new_draft(tmp_path)
    theirs = plant_lock(path, pid=4242, since="2026-11-30T17:05:00+08:00", host="办公室电脑")
    with pytest.raises(DraftLockedError) as caught:
        OpenDraft(path)
    message = caught.value.message
    assert "李四@办公室电脑" in message and "2026-11-30 17:05" in message
    assert str(lock_path(path)) in message and "appraisal unlock" in message
    assert caught.value.holder == theirs

    lock = DraftLock(path)
    lock.take_over(theirs)  # what the user confirmed
    assert lock.held and read_lock(path).pid == os.getpid()  # type: ignore[union-attr]
    lock.release()


def test_taking_over_refuses_when_the_lock_changed_since_the_user_confirmed(tmp_path: Path) -> None:
    path = new_draft(tmp_path)
    seen = plant_lock(path, pid=4242, since="2026-11-30T17:05:00+08:00", host="办公室电脑")
    now = plant_lock(path, pid=4243, since="2026-12-01T09:00:00+08:00", host="办公室电脑")
    with pytest.raises(DraftLockedError) as caught:
        DraftLock(path).take_over(seen)
    assert caught.value.holder == now
    assert read_lock(path) == now


def run_cli(
    args: list[str], answer: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(answer))
    code = cli.main(args)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_unlock_command_asks_naming_who_and_when_then_takes_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = new_draft(tmp_path)
    theirs = plant_lock(path, pid=4242, since="2026-11-30T17:05:00+08:00", host="办公室电脑")

    code, out = run_cli(["unlock", str(path)], "n\n", monkeypatch, capsys)
    assert code == 1 and "李四@办公室电脑" in out and "2026-11-30 17:05" in out
    assert read_lock(path) == theirs  # not confirmed: untouched

    code, out = run_cli(["unlock", str(path)], "y\n", monkeypatch, capsys)
    assert code == 0 and "解除" in out
    assert not lock_path(path).exists()
    OpenDraft(path).close()


def test_unlock_command_never_takes_a_lock_from_a_running_editor_here(
    tmp_path: Path, live_pid: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from appraisal.draft import now_iso

    path = new_draft(tmp_path)
    theirs = plant_lock(path, pid=live_pid, since=now_iso())
    code, out = run_cli(["unlock", str(path), "--yes"], "", monkeypatch, capsys)
    assert code == 1 and f"进程 {live_pid}" in out
    assert read_lock(path) == theirs


# ---------------------------------------------------------------- many acquirers at once


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the race forks its acquirers")
def test_many_processes_taking_the_lock_at_once_never_both_hold_it(tmp_path: Path) -> None:
    """100 trials of 4 processes (the CI budget); `benchmarks/lock_race.py` runs 1,000. The acquirers are forked
    from a new interpreter, not from this test process: forking a process the size of a test worker 450 times
    cost ~10 s of CPU, from a new interpreter ~3 s (the race itself is the same)."""
    holders = call_in_new_interpreter(ROOT / "benchmarks" / "lock_race.py", "race", 100, 4, tmp_path, timeout=300)
    assert len(holders) == 100
    assert max(holders) == 1, f"{sum(1 for n in holders if n > 1)} trials with two or more holders"
    assert min(holders) == 1


def test_a_lock_file_is_never_seen_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The content is in the file before it has the lock's name: stop the acquirer right after the name appears
    and read it, as a second process would."""
    path = new_draft(tmp_path)
    seen: list[LockInfo | None] = []
    real_link = os.link

    def link_and_look(src: object, dst: object, *args: object, **kwargs: object) -> None:
        real_link(src, dst, *args, **kwargs)  # type: ignore[arg-type]
        seen.append(read_lock(path))

    monkeypatch.setattr(os, "link", link_and_look)
    real_open = os.open

    def open_and_look(file: object, flags: int, *args: object, **kwargs: object) -> int:
        fd = real_open(file, flags, *args, **kwargs)  # type: ignore[arg-type]
        if str(file) == str(lock_path(path)) and flags & os.O_CREAT:  # the lock created in place
            seen.append(read_lock(path))
        return fd

    monkeypatch.setattr(os, "open", open_and_look)
    DraftLock(path).acquire()
    assert seen and all(info is not None and info.pid == os.getpid() for info in seen)


def test_without_hard_links_the_lock_is_still_taken_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    def no_links(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")  # what FAT and exFAT say

    monkeypatch.setattr(os, "link", no_links)
    path = new_draft(tmp_path)
    lock = DraftLock(path)
    lock.acquire()
    assert read_lock(path).pid == os.getpid()  # type: ignore[union-attr]
    with pytest.raises(DraftLockedError):
        DraftLock(path).acquire()
    lock.release()
    assert not lock_path(path).exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_lock_path_that_is_not_a_regular_file_is_one_clear_error(tmp_path: Path) -> None:
    path = new_draft(tmp_path)
    os.mkfifo(lock_path(path))  # reading it would block for ever
    with pytest.raises(AppraisalError) as caught:
        OpenDraft(path)
    assert "不是普通文件" in caught.value.message and str(lock_path(path)) in caught.value.message

"""Faults while a draft is open, driven through the UI: the disk filling up or turning read-only during
autosave, the draft deleted or replaced by another program, a second editor (another process) holding the
draft, and the clock going backwards. Each test checks what the user sees and what is on the disk.

Faults are injected where the OS would raise them (`appraisal.fileio`'s view of `os` and `tempfile`); the
rest of the code runs as it does for the user. Root ignores file permissions, so nothing here relies on them.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import subprocess
import sys
import tempfile
import textwrap
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from full_disk import fill_disk
from textual.widgets import Button, Input, OptionList

from appraisal import draft as draft_module
from appraisal import fileio, store
from appraisal.errors import AppraisalError
from appraisal.store import catalog as store_catalog
from appraisal.store import history as store_history
from appraisal.store import list_history, load_draft, lock_path, read_lock
from appraisal.store import lock as store_lock
from appraisal.store import restore as store_restore
from appraisal.tui.screens.dialogs import ChoiceScreen, InputScreen
from appraisal.tui.screens.editor import EditorScreen
from appraisal.tui.screens.history import HistoryScreen

from .helpers import FIXED_NOW, FakeMonotonic, editor_ready, make_app, make_draft, wait_until


def bar(editor: EditorScreen) -> str:
    """The red line under the status bar, as the user reads it ('' when hidden)."""
    if not editor.has_class("save-failed"):
        return ""
    return str(editor.query_one("#save-error").render())


def status(editor: EditorScreen) -> str:
    return str(editor.query_one("#status").render())


def notes(app: Any, words: str) -> list[str]:
    return [n.message for n in app._notifications if words in n.message]


def temp_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.tmp"))


async def run_saves(pilot: Any, editor: EditorScreen, clock: FakeMonotonic) -> None:
    """Let the keys land, then move the clock past the autosave and two retries, running what falls due."""
    await pilot.pause()
    for _ in range(3):
        clock.advance(1.0)
        editor.run_due()
    await pilot.pause()


async def open_on(pilot: Any, section: str = "conduct") -> EditorScreen:
    editor = await editor_ready(pilot.app)
    editor.go_to(section)
    await pilot.pause()
    return editor


# ---------------------------------------------------------------- the disk fails under autosave


class Disk:
    """Makes `appraisal.fileio` meet an OS error while `failing` is set: at `write` (a full disk: the temp
    file exists and must be cleaned up) or at `mkstemp` (a read-only or forbidden folder)."""

    def __init__(self, code: int, where: str) -> None:
        self.code = code
        self.where = where
        self.failing = False
        self.hits = 0
        disk = self

        class Handle:
            def __init__(self, inner: Any) -> None:
                self.inner = inner

            def __enter__(self) -> Handle:
                return self

            def __exit__(self, *exc: object) -> None:
                self.inner.close()

            def write(self, data: bytes) -> int:
                disk.check("write")
                return int(self.inner.write(data))

            def __getattr__(self, name: str) -> Any:
                return getattr(self.inner, name)

        def fdopen(fd: int, *args: Any, **kwargs: Any) -> Handle:
            return Handle(os.fdopen(fd, *args, **kwargs))

        def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
            disk.check("mkstemp")
            return tempfile.mkstemp(*args, **kwargs)

        self.os = types.SimpleNamespace(**{**vars(os), "fdopen": fdopen})
        self.tempfile = types.SimpleNamespace(**{**vars(tempfile), "mkstemp": mkstemp})

    def check(self, where: str) -> None:
        if self.failing and where == self.where:
            self.hits += 1
            raise OSError(self.code, os.strerror(self.code))


@pytest.fixture
def disk_faults(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[int, str], Disk]]:
    def make(code: int, where: str) -> Disk:
        disk = Disk(code, where)
        monkeypatch.setattr(fileio, "os", disk.os)
        monkeypatch.setattr(fileio, "tempfile", disk.tempfile)
        return disk

    yield make


@pytest.mark.parametrize(
    ("code", "where", "reason"),
    [
        (errno.ENOSPC, "write", "磁盘空间不足"),
        (errno.EROFS, "mkstemp", "所在磁盘是只读的"),
        (errno.EACCES, "mkstemp", "没有权限"),
    ],
    ids=["disk-full", "read-only-disk", "no-permission"],
)
async def test_failing_disk_during_autosave_keeps_text_and_saves_when_it_recovers(
    disk_faults: Callable[[int, str], Disk], code: int, where: str, reason: str
) -> None:
    path = make_draft(sections={"conduct": "原有的一句。"})
    before = path.read_bytes()
    disk = disk_faults(code, where)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_on(pilot)
        editor.editor.move_cursor(editor.editor.document.end)
        disk.failing = True
        await pilot.press(*"磁盘出错时写的字")
        await wait_until(lambda: editor.session.error is not None)
        await pilot.pause()

        # Told once, in one sentence, why; the text is all still there; the file and folder are untouched.
        message = bar(editor)
        assert reason in message
        assert "文字仍在编辑器中" in message
        assert message.count("。") == 1
        assert "保存失败" in status(editor)
        assert editor.editor.text == "原有的一句。磁盘出错时写的字"
        assert path.read_bytes() == before
        assert temp_files(path.parent) == []
        hits = disk.hits
        await wait_until(lambda: disk.hits > hits)  # it keeps trying…
        assert len(notes(app, reason)) == 1  # …without repeating the message

        # Space returns: the next attempt saves, without the user typing anything.
        disk.failing = False
        await wait_until(lambda: load_draft(path).sections["conduct"] == "原有的一句。磁盘出错时写的字")
        await pilot.pause()
        assert bar(editor) == ""
        assert "已保存 09:30:15" in status(editor)
        assert temp_files(path.parent) == []
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert load_draft(path).sections["conduct"] == "原有的一句。磁盘出错时写的字"


async def test_disk_full_at_quit_asks_and_the_text_can_still_be_saved_elsewhere(
    disk_faults: Callable[[int, str], Disk], tmp_path: Path
) -> None:
    path = make_draft()
    disk = disk_faults(errno.ENOSPC, "write")
    app = make_app(path, autosave_delay=30.0, autosave_max=60.0)  # nothing saved before the quit
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_on(pilot)
        await pilot.press(*"退出前写的字")
        disk.failing = True
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "磁盘空间不足" in str(app.screen.query_one("#question").render())
        disk.failing = False  # e.g. the user freed space, or chose another disk
        await pilot.click("#save-as")
        await pilot.pause()
        target = tmp_path / "elsewhere.json"
        app.screen.query_one("#answer", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is editor
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert load_draft(target).sections["conduct"] == "退出前写的字"


async def test_save_as_on_a_full_disk_is_one_sentence_and_keeps_the_text_in_the_editor(tmp_path: Path) -> None:
    """Save As takes a lock on the new file first; on a full disk that lock cannot be written either. The user is
    told why in one sentence, the text stays in the editor, and nothing is left behind at the new name."""
    from appraisal.tui.screens.dialogs import MessageScreen

    path = make_draft(sections={"conduct": "原有的一句。"})
    before = path.read_bytes()
    app = make_app(path, autosave_delay=30.0, autosave_max=60.0)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_on(pilot)
        editor.editor.move_cursor(editor.editor.document.end)
        await pilot.press(*"磁盘满后写的字")
        with pytest.MonkeyPatch.context() as patch:
            fill_disk(patch)
            editor.action_save_as()
            await pilot.pause()
            target = tmp_path / "另一份.json"
            app.screen.query_one("#answer", Input).value = str(target)
            await pilot.press("enter")
            await wait_until(lambda: isinstance(app.screen, MessageScreen))
            message = str(app.screen.query_one("#message").render())
        assert "磁盘空间不足" in message and message.count("。") == 1
        assert app.is_running
        assert not target.exists() and not lock_path(target).exists()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is editor
        assert editor.session.path == path
        assert editor.editor.text == "原有的一句。磁盘满后写的字"
        assert path.read_bytes() == before
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert load_draft(path).sections["conduct"] == "原有的一句。磁盘满后写的字"


# ---------------------------------------------------------------- another program and the draft file


# Note: Pilot types letters and CJK characters but not full-width punctuation, so typed text has none.


async def test_draft_deleted_while_open_is_reported_and_can_be_saved_again_in_place() -> None:
    path = make_draft(sections={"conduct": "删除前的文字"})
    clock = FakeMonotonic()
    app = make_app(path, monotonic=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_on(pilot)
        path.unlink()  # another program (or the user in a file manager) deletes the draft
        editor.editor.move_cursor(editor.editor.document.end)
        await pilot.press(*"接着写")
        await run_saves(pilot, editor, clock)  # the autosave, and a retry (0.3 s) would be due by now
        assert editor.session.error is not None

        # Not recreated behind the user's back; told what happened and what to do; the text is kept.
        assert not path.exists()
        message = bar(editor)
        assert "删除" in message and "Ctrl+S" in message
        assert message.count("。") == 1
        assert len(notes(app, "删除")) == 1
        assert editor.editor.text == "删除前的文字接着写"

        await pilot.press("ctrl+s")
        await pilot.pause()
        choice = app.screen
        assert isinstance(choice, ChoiceScreen)
        assert {b.id for b in choice.query(Button)} == {"save-here", "save-as", "back"}
        await pilot.click("#save-here")
        await pilot.pause()
        assert app.screen is editor
        assert load_draft(path).sections["conduct"] == "删除前的文字接着写"
        assert bar(editor) == ""
        assert "已保存" in status(editor)

        await pilot.press(*"再写几个字")  # and autosave works again as before
        await run_saves(pilot, editor, clock)
        assert load_draft(path).sections["conduct"].endswith("再写几个字")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not lock_path(path).exists()


async def test_draft_replaced_while_open_is_never_overwritten_and_save_as_keeps_both(tmp_path: Path) -> None:
    path = make_draft(sections={"conduct": "最初的文字"})
    clock = FakeMonotonic()
    app = make_app(path, monotonic=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_on(pilot)
        # Another program writes its own version of the draft (a sync tool, a second computer).
        theirs = load_draft(path)
        theirs.sections["conduct"] = "另一台电脑上的文字"
        fileio.atomic_write_bytes(path, store.dump_draft(theirs))
        their_bytes = path.read_bytes()
        editor.editor.move_cursor(editor.editor.document.end)
        await pilot.press(*"本机的修改")
        await run_saves(pilot, editor, clock)
        assert editor.session.error is not None

        assert path.read_bytes() == their_bytes  # never overwritten
        message = bar(editor)
        assert "修改" in message and "另存为" in message
        assert message.count("。") == 1
        assert len(notes(app, "其他程序修改")) == 1

        await pilot.press("ctrl+s")
        await pilot.pause()
        choice = app.screen
        assert isinstance(choice, ChoiceScreen)
        assert "save-here" not in {b.id for b in choice.query(Button)}  # that would overwrite their text
        await pilot.click("#save-as")
        await pilot.pause()
        assert isinstance(app.screen, InputScreen)
        target = tmp_path / "本机.json"
        app.screen.query_one("#answer", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is editor
        assert editor.session.path == target
        assert bar(editor) == ""
        await pilot.press(*"又一句")  # autosave now goes to the new file
        await run_saves(pilot, editor, clock)
        assert load_draft(target).sections["conduct"] == "最初的文字本机的修改又一句"
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert path.read_bytes() == their_bytes
    assert not lock_path(target).exists()


# ---------------------------------------------------------------- two editors on one draft


LOCK_HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from appraisal.store import DraftLock
    lock = DraftLock(Path(sys.argv[1]))
    lock.acquire()
    print("locked", flush=True)
    sys.stdin.read()
    lock.release()
    """
)


@pytest.fixture
def other_editor() -> Iterator[Callable[[Path], subprocess.Popen[str]]]:
    """Another `appraisal` process holding a draft's lock until the test ends."""
    started: list[subprocess.Popen[str]] = []

    def start(path: Path) -> subprocess.Popen[str]:
        process = subprocess.Popen(
            [sys.executable, "-c", LOCK_HOLDER, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parents[2],
        )
        started.append(process)
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "locked"
        return process

    yield start
    for process in started:
        if process.poll() is None:
            assert process.stdin is not None
            process.stdin.close()
            process.wait(timeout=10)


async def test_second_editor_is_told_who_holds_the_draft_and_read_only_refuses_changes(
    other_editor: Callable[[Path], subprocess.Popen[str]], tmp_path: Path
) -> None:
    path = make_draft(sections={"conduct": "别人正在编辑的文字"})
    holder = other_editor(path)
    before = path.read_bytes()
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        choice = app.screen
        assert isinstance(choice, ChoiceScreen)
        question = str(choice.query_one("#question").render())
        assert f"进程 {holder.pid}" in question and "只读" in question
        since = read_lock(path)
        assert since is not None
        opened = dt.datetime.fromisoformat(since.since)
        assert question.startswith(f"本机另一个窗口于 {opened.month}月{opened.day}日 {opened:%H:%M} 打开了这份草稿")
        assert f"打开者：{since.user}@{since.host}，进程 {holder.pid}" in question
        await pilot.click("#read-only")
        editor = await editor_ready(app)
        editor.go_to("conduct")
        await pilot.pause()
        assert "只读" in status(editor)

        await pilot.press(*"想改一改")
        await pilot.pause()
        assert editor.editor.text == "别人正在编辑的文字"
        assert len(notes(app, "只读")) == 1  # told once, not once per key
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not notes(app, "已保存")  # never claims a save it did not make
        assert len(notes(app, "只读")) == 2

        # What the message suggests: save a copy, which is then the user's own to edit.
        editor.action_save_as()
        await pilot.pause()
        copy = tmp_path / "我的副本.json"
        app.screen.query_one("#answer", Input).value = str(copy)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is editor
        assert "只读" not in status(editor)
        editor.editor.move_cursor(editor.editor.document.end)
        await pilot.press(*"我的修改")
        await wait_until(lambda: load_draft(copy).sections["conduct"] == "别人正在编辑的文字我的修改")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert path.read_bytes() == before
    assert lock_path(path).exists()  # the other editor's lock is left alone
    assert holder.poll() is None
    assert not lock_path(copy).exists()


async def test_two_apps_in_one_process_second_gets_read_only() -> None:
    path = make_draft(sections={"conduct": "第一个窗口的文字"})
    first = make_app(path)
    async with first.run_test(size=(80, 24)) as pilot:
        editor = await open_on(pilot)
        editor.editor.move_cursor(editor.editor.document.end)
        await pilot.press(*"还在写")
        second = make_app(path)
        async with second.run_test(size=(80, 24)) as pilot2:
            await pilot2.pause()
            assert isinstance(second.screen, ChoiceScreen)
            await pilot2.click("#read-only")
            await pilot2.pause()
            other = second.screen
            assert isinstance(other, EditorScreen)
            assert other.session.read_only
            await pilot2.press("ctrl+q")
            await pilot2.pause()
        assert lock_path(path).exists()  # the read-only window did not take the first one's lock away
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert load_draft(path).sections["conduct"] == "第一个窗口的文字还在写"
    assert not lock_path(path).exists()


# ---------------------------------------------------------------- the clock


class Clock:
    """Wall-clock time that the test can set back; monotonic time (timers, debounce) is untouched."""

    def __init__(self) -> None:
        self.shift = dt.timedelta(0)

    def now(self) -> dt.datetime:
        return FIXED_NOW + self.shift

    def datetime_class(self) -> type[dt.datetime]:
        clock = self

        class Shifted(dt.datetime):
            @classmethod
            def now(cls, tz: dt.tzinfo | None = None) -> Shifted:  # type: ignore[override]
                real = dt.datetime.now(tz) + clock.shift
                return cls.fromtimestamp(real.timestamp(), tz)

        return Shifted


async def test_clock_going_backwards_keeps_saving_and_history_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock()
    shifted = types.SimpleNamespace(**{**vars(dt), "datetime": clock.datetime_class()})
    for module in (store_catalog, store_history, store_lock, store_restore):  # every store module that reads the clock
        monkeypatch.setattr(module, "dt", shifted)
    monkeypatch.setattr(draft_module, "dt", shifted)
    path = make_draft()
    app = make_app(path, clock=clock.now)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_on(pilot, "law")
        await pilot.press(*"第一稿")
        await wait_until(lambda: load_draft(path).sections["law"] == "第一稿")
        await pilot.pause()
        assert "已保存 09:30:15" in status(editor)
        first = load_draft(path).revision

        clock.shift = -dt.timedelta(hours=3)  # the system clock is set back three hours
        await pilot.press(*"第二稿")
        await wait_until(lambda: load_draft(path).sections["law"] == "第一稿第二稿")
        await pilot.pause()
        assert "已保存 06:30:15" in status(editor)  # the time of the latest save, even if "earlier"
        assert bar(editor) == ""
        assert load_draft(path).revision > first

        revisions = [entry.revision for entry in list_history(path)]
        assert revisions == sorted(revisions, reverse=True)  # newest first, by revision, not by clock
        assert list_history(path)[0].load().sections["law"] == "第一稿第二稿"

        await pilot.press("f7")
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        options = history.query_one("#history-list", OptionList)
        assert str(options.get_option_at_index(0).prompt).startswith(f"第{revisions[0]}版")
        index = next(i for i, e in enumerate(history.entries) if e.revision == first)
        options.highlighted = index
        await pilot.press("r")
        await pilot.pause()
        await pilot.click("#yes")  # restoring is confirmed first
        await pilot.pause()
        assert app.screen is editor
        assert editor.editor.text == "第一稿"
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert load_draft(path).sections["law"] == "第一稿"


# ---------------------------------------------------------------- the terminal closes


async def test_terminal_closing_saves_keys_still_on_their_way_to_the_editor(monkeypatch: pytest.MonkeyPatch) -> None:
    """SIGHUP (the window closed) or SIGTERM right after typing: keys already read from the terminal but not
    yet handled must still land in the draft, not be dropped by a save that runs ahead of them."""
    import threading

    from textual import events

    class NoWatchdog:  # the real one ends the process 3 s later, in case Textual's shutdown hangs
        def __init__(self, *args: object, **kwargs: object) -> None:
            self.daemon = True

        def start(self) -> None:
            pass

    monkeypatch.setattr(threading, "Timer", NoWatchdog)
    path = make_draft()
    app = make_app(path, autosave_delay=30.0, autosave_max=60.0)  # only the shutdown saves
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_on(pilot)
        for char in "窗口关闭前":
            app.post_message(events.Key(char, char))  # read from the terminal, not handled yet
        app._terminated()  # what the SIGHUP/SIGTERM handler runs
        await wait_until(lambda: app._exit)
        assert editor.editor.text == "窗口关闭前"
    assert load_draft(path).sections["conduct"] == "窗口关闭前"
    assert not lock_path(path).exists()


def _hang_up(app: Any) -> None:
    app._terminated()  # SIGHUP: the window was closed


def _close_tab(app: Any) -> None:
    from textual import messages

    app.post_message(messages.ExitApp())  # what the web driver posts when the browser tab closes


@pytest.mark.parametrize("close", [_hang_up, _close_tab], ids=["window-closed", "tab-closed"])
async def test_closing_while_saves_fail_leaves_a_recovery_copy_elsewhere(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, close: Callable[[Any], None]
) -> None:
    """The drafts folder's disk is full when the window is closed: the text goes to a recovery copy in another
    folder (the home folder here), never lost, never over the draft. The same when the browser tab closes (the
    editor's last save runs as it goes): there the failed save was all, and the words typed since the last
    autosave were gone."""
    import threading

    class NoWatchdog:
        def __init__(self, *args: object, **kwargs: object) -> None:
            self.daemon = True

        def start(self) -> None:
            pass

    monkeypatch.setattr(threading, "Timer", NoWatchdog)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    path = make_draft(sections={"conduct": "原有的一句。"})
    before = path.read_bytes()
    real_write = fileio.write_temp_file

    def full_where_the_drafts_are(target: Path, data: bytes, **kwargs: Any) -> Path:
        if target.parent == path.parent:
            raise AppraisalError(fileio.describe_os_error(OSError(errno.ENOSPC, "full"), target, "保存"))
        return real_write(target, data, **kwargs)

    monkeypatch.setattr(fileio, "write_temp_file", full_where_the_drafts_are)
    app = make_app(path, autosave_delay=30.0, autosave_max=60.0)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_on(pilot)
        editor.editor.move_cursor(editor.editor.document.end)
        await pilot.press(*"关闭前写的字")
        close(app)
        await wait_until(lambda: app._exit or not app.is_running)
    assert path.read_bytes() == before
    copies = sorted(home.glob("*.json"))
    assert len(copies) == 1
    assert load_draft(copies[0]).sections["conduct"] == "原有的一句。关闭前写的字"
    assert copies[0].stat().st_mode & 0o777 == 0o600


BUSY_APP = textwrap.dedent(
    """
    import asyncio, sys
    sys.path.insert(0, sys.argv[1])
    from tests.tui.helpers import make_app, make_draft

    async def main() -> None:
        path = make_draft()
        app = make_app(path, autosave_delay=0.05, autosave_max=0.1, termination_grace=0.2)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            editor = app.screen

            def endless_save() -> bool:  # long work on the event loop: a huge draft, a slow disk
                print("busy", flush=True)
                while True:
                    pass

            editor.session.save = endless_save
            await pilot.press("a")
            await asyncio.sleep(60)

    asyncio.run(main())
    """
)


@pytest.mark.skipif(os.name != "posix", reason="SIGTERM and SIGHUP")
@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGHUP"])
def test_the_app_ends_on_a_signal_even_while_busy(signal_name: str) -> None:
    """SIGHUP and SIGTERM were ignored while the event loop was busy (a 100 MB draft saving): the process stayed,
    orphaned, at 99% CPU. Now the signal is handled at once and the process ends within a bounded time."""
    import signal
    import time

    root = Path(__file__).resolve().parents[2]
    process = subprocess.Popen([sys.executable, "-c", BUSY_APP, str(root)], stdout=subprocess.PIPE, text=True, cwd=root)
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "busy"
        started = time.monotonic()
        process.send_signal(getattr(signal, signal_name))
        process.wait(timeout=30)
        # The watchdog's grace for a draft at risk is 0.2 s here (15 s in use; 3 s for an app with nothing at risk):
        # 0.26-0.33 s seen at load 10.
        assert time.monotonic() - started < 2.0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


async def test_a_draft_locked_on_another_computer_can_be_taken_over_after_confirming() -> None:
    """A drafts folder copied or synced while the draft was open on another computer: the lock names that
    computer and can never go stale here. The dialog offers to take over, and asks first, naming who and when."""
    import json as json_module

    from appraisal.store import read_lock
    from appraisal.tui.screens.dialogs import ConfirmScreen

    path = make_draft(sections={"conduct": "办公室里写的文字"})
    theirs = {"user": "李四", "host": "办公室电脑", "pid": 4242, "since": "2025-11-30T17:05:00+08:00"}
    lock_path(path).write_text(json_module.dumps(theirs, ensure_ascii=False), encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "take-over" in {b.id for b in app.screen.query(Button)}
        await pilot.click("#take-over")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmScreen)
        question = str(confirm.query_one("#question").render())
        assert "李四@办公室电脑" in question and "2025-11-30 17:05" in question
        await pilot.click("#yes")
        await wait_until(lambda: isinstance(app.screen, EditorScreen))
        editor = app.screen
        assert isinstance(editor, EditorScreen) and not editor.session.read_only
        assert read_lock(path) is not None and read_lock(path).pid == os.getpid()  # type: ignore[union-attr]
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not lock_path(path).exists()

"""An unexpected error in the app: the text is saved (or a recovery copy written), the user is told in one
sentence where it is, the exit code is not 0. And without a terminal the editor does not start at all."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from appraisal.app import session as session_module
from appraisal.errors import AppraisalError
from appraisal.store import load_draft, lock_path
from appraisal.tui import app as tui_app
from appraisal.tui.screens.editor import EditorScreen

from .helpers import editor_ready, make_app, make_draft, wait_until


def crash_on_review(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: EditorScreen) -> None:
        raise RuntimeError("a bug somewhere in the app")

    monkeypatch.setattr(EditorScreen, "action_review", broken)


async def test_a_crash_saves_the_text_says_where_and_exits_non_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    crash_on_review(monkeypatch)
    path = make_draft(path=None)
    app = make_app(path, autosave_delay=60, autosave_max=60)  # nothing saved by the autosave in between
    with pytest.raises(RuntimeError, match="a bug somewhere"):
        async with app.run_test(size=(80, 24)) as pilot:
            editor = await editor_ready(app)
            editor.go_to("conduct")
            await pilot.press(*"出错前写的字")
            await wait_until(lambda: editor.editor.text == "出错前写的字")
            await pilot.press("f5")
            await pilot.pause()
    assert app.return_code == 1
    assert load_draft(path).sections["conduct"] == "出错前写的字"
    assert app.crash_sentences == [f"程序出错退出，您的文字已保存在 {path}。"]
    assert not lock_path(path).exists()


async def test_a_crash_while_saving_fails_writes_a_recovery_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk of the draft is full (or read-only): the copy goes to the home folder instead."""
    crash_on_review(monkeypatch)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    folder = tmp_path / "drafts"
    folder.mkdir()
    path = make_draft(path=folder / "d.json")
    written = session_module.atomic_write_bytes

    def full_disk(target: Path, data: bytes, **kwargs: bool) -> None:
        if target.parent == folder:
            raise AppraisalError(f"保存 {target} 失败：磁盘空间不足。")
        written(target, data, **kwargs)

    monkeypatch.setattr(session_module, "atomic_write_bytes", full_disk)
    app = make_app(path, autosave_delay=60, autosave_max=60)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            editor = await editor_ready(app)
            editor.go_to("conduct")
            await pilot.press(*"只在内存里的字")
            await wait_until(lambda: editor.editor.text == "只在内存里的字")

            def no_space(*args: object, **kwargs: object) -> None:
                raise AppraisalError(f"保存 {path} 失败：磁盘空间不足。")

            monkeypatch.setattr(editor.session.opened, "save", no_space)
            await pilot.press("f5")
            await pilot.pause()
    assert list(folder.glob("*恢复*")) == []
    copies = list(home.glob("d.恢复-*.json"))
    assert len(copies) == 1
    assert load_draft(copies[0]).sections["conduct"] == "只在内存里的字"
    assert stat.S_IMODE(copies[0].stat().st_mode) == 0o600
    assert app.crash_sentences == [f"程序出错退出，草稿未能保存，您的文字已另存为恢复副本 {copies[0]}。"]
    assert load_draft(path).sections["conduct"] == ""
    assert not lock_path(path).exists()


async def test_a_crash_in_a_read_only_draft_has_nothing_to_save(monkeypatch: pytest.MonkeyPatch) -> None:
    crash_on_review(monkeypatch)
    path = make_draft()
    app = tui_app.AppraisalApp(path, read_only=True, settings=make_app().settings)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("f5")
            await pilot.pause()
    assert app.crash_sentences == ["程序出错退出，没有未保存的文字。"]


def test_run_app_after_a_crash_prints_the_sentences_and_returns_non_zero(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Crashed:
        return_code = 1

        def __init__(self, *args: object, **kwargs: object) -> None:
            self.crash_sentences = ["程序出错退出，您的文字已保存在 /某处/d.json。"]

        def run(self) -> None:
            return None

    monkeypatch.setattr(tui_app, "AppraisalApp", Crashed)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert tui_app.run_app() == 1
    assert capsys.readouterr().err == "程序出错退出，您的文字已保存在 /某处/d.json。\n"


def test_without_a_terminal_edit_says_so_and_exits_2_without_taking_the_lock(tmp_path: Path) -> None:
    """`appraisal edit X </dev/null >file` started the UI anyway and hung, holding the draft's lock."""
    path = make_draft()
    out = tmp_path / "out.txt"
    with out.open("wb") as stdout:
        done = subprocess.run(
            [sys.executable, "-m", "appraisal.cli", "edit", str(path)],
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=subprocess.PIPE,
            timeout=60,
            env=os.environ.copy(),
        )
    assert done.returncode == 2
    assert done.stderr.decode("utf-8").strip() == tui_app.NO_TERMINAL
    assert out.read_bytes() == b""
    assert not lock_path(path).exists()


async def test_a_dialog_opening_as_the_app_closes_is_no_crash() -> None:
    """A browser tab closed (or Ctrl+Q read) just as a question opens: its widgets were taken apart before it
    could focus its button, and that NoMatches ended the app as a crash ("程序出错退出…") instead of a quit."""
    from textual import messages

    from appraisal.tui.screens.dialogs import ConfirmScreen

    app = make_app(make_draft())
    async with app.run_test(size=(80, 24)):
        await editor_ready(app)
        app.push_screen(ConfirmScreen("确定吗？"))
        app.post_message(messages.ExitApp())
    assert app.crash_sentences == []

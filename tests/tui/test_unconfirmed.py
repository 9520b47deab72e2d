"""Words typed in 个人信息 (F3) or a note (Ctrl+N) and not yet confirmed when the app ends without asking — a
browser tab closed (the web driver posts ExitApp: a tab cannot ask first, as Ctrl+Q does), the terminal window
closed (SIGHUP) — are kept with the draft and offered back when it opens again. Before, they were gone."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual import messages
from textual.widgets import Input

from appraisal.app.ui_state import load_unconfirmed
from appraisal.notes import load_notes
from appraisal.store import load_draft, lock_path
from appraisal.tui.app import AppraisalApp
from appraisal.tui.screens.dialogs import ChoiceScreen, ConfirmScreen
from appraisal.tui.screens.profile import ProfileScreen

from .editing import screen_lines
from .helpers import editor_ready, fast_settings, make_app, make_draft, wait_until
from .test_hangup import NoWatchdog

UNIT = "某市统计局二科"  # 某市统计局 and two 字 typed at its end
NOTE = "全年听课48节"


def close_tab(app: Any) -> None:
    """What Textual's web driver does when the browser tab closes (or the server stops): post ExitApp."""
    app.post_message(messages.ExitApp())


def hang_up(app: Any) -> None:
    """What the SIGHUP handler runs when the terminal window closes."""
    app._terminated()


async def type_then_end(path: Path, keys: list[str], end: Any) -> None:
    """Open the draft, press `keys` (F3 or Ctrl+N, then words) and end the app the way `end` does."""
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await editor_ready(app)
        await pilot.press(keys[0])
        await wait_until(lambda: isinstance(app.focused, Input))
        await pilot.press(*keys[1:])
        await pilot.pause()
        end(app)
        await wait_until(lambda: not app.is_running)
    assert not lock_path(path).exists()


@pytest.mark.parametrize("end", [close_tab, hang_up], ids=["tab-closed", "window-closed"])
async def test_a_unit_typed_in_f3_comes_back_when_the_draft_opens_again(
    end: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(threading, "Timer", NoWatchdog)
    path = make_draft()
    await type_then_end(path, ["f3", "tab", "end", *"二科"], end)
    assert load_draft(path).profile.unit == "某市统计局"  # not saved: it was never confirmed

    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await editor_ready(app)
        await wait_until(lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.pause()
        assert any(f"单位：{UNIT}" in line for line in screen_lines(app))
        await pilot.press("enter")  # 继续填写
        await wait_until(lambda: isinstance(app.screen, ProfileScreen) and isinstance(app.focused, Input))
        assert app.screen.field_input("unit").value == UNIT
        assert app.screen.field_input("name").value == "李明"
        await pilot.press("ctrl+q")  # the words are in a dialog again: Ctrl+Q asks first
        await wait_until(lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("escape")
        await wait_until(lambda: isinstance(app.screen, ProfileScreen))
        await pilot.press(*["enter"] * 6)  # through the fields: the last one saves
        await wait_until(lambda: load_draft(path).profile.unit == UNIT)
    assert load_unconfirmed(path) == []


@pytest.mark.parametrize("end", [close_tab, hang_up], ids=["tab-closed", "window-closed"])
async def test_a_note_typed_after_ctrl_n_comes_back_when_the_draft_opens_again(
    end: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(threading, "Timer", NoWatchdog)
    path = make_draft(sections={"conduct": "坚持学习。"})
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await editor_ready(app)
        editor.go_to("conduct")
        await pilot.press("ctrl+n")
        await wait_until(lambda: isinstance(app.focused, Input))
        await pilot.press(*NOTE)
        await pilot.pause()
        end(app)
        await wait_until(lambda: not app.is_running)
    assert not load_notes(2025).notes

    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await editor_ready(app)
        editor.go_to("intro")  # the note goes to the section it was typed for, wherever the cursor is now
        await wait_until(lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.pause()
        assert NOTE in "".join(screen_lines(app))
        await pilot.press("enter")  # 继续填写
        await wait_until(lambda: isinstance(app.focused, Input) and app.focused.value == NOTE)
        await pilot.press("enter")
        await wait_until(lambda: bool(load_notes(2025).notes))
    assert [(n.text, n.section) for n in load_notes(2025).notes] == [(NOTE, "conduct")]
    assert load_draft(path).sections["conduct"] == "坚持学习。"


async def test_words_dropped_at_ctrl_q_are_not_offered_again() -> None:
    """Ctrl+Q asked and the writer chose to quit anyway: nothing is kept."""
    path = make_draft()
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await editor_ready(app)
        await pilot.press("f3")
        await wait_until(lambda: isinstance(app.focused, Input))
        await pilot.press(*"王", "ctrl+q")
        await wait_until(lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("ctrl+q")
        await wait_until(lambda: not app.is_running)
    assert load_unconfirmed(path) == []


async def answer_the_question(path: Path, *keys: str) -> None:
    """Open the draft: the question about kept words comes; press `keys`, then quit."""
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await editor_ready(app)
        await wait_until(lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press(*keys)
        await wait_until(lambda: app.screen is editor)
        await pilot.press("ctrl+q")
        await wait_until(lambda: not app.is_running)


async def test_later_asks_again_and_dropping_forgets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(threading, "Timer", NoWatchdog)
    path = make_draft()
    await type_then_end(path, ["f3", "tab", *"局"], close_tab)
    await answer_the_question(path, "escape")  # 以后再说: asked again next time
    assert len(load_unconfirmed(path)) == 1
    await answer_the_question(path, "right", "enter")  # the second button: 不要了
    assert load_unconfirmed(path) == []
    assert load_draft(path).profile.unit == "某市统计局"


async def test_a_read_only_view_keeps_nothing_and_asks_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(threading, "Timer", NoWatchdog)
    path = make_draft()
    await type_then_end(path, ["ctrl+n", *NOTE], close_tab)
    app = AppraisalApp(path, read_only=True, settings=fast_settings())
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await editor_ready(app)
        await wait_until(lambda: editor.started)
        await pilot.pause()
        assert app.screen is editor
    assert len(load_unconfirmed(path)) == 1


async def test_ctrl_q_typed_in_the_same_burst_as_words_in_a_dialog_still_asks() -> None:
    """F3 Tab End 三科 Ctrl+Q read at once (a fast typist, a busy app): Ctrl+Q, a priority key, ran before 三科
    had reached the line, found nothing typed and quit; the words were gone."""
    from textual import events

    path = make_draft()
    app = make_app(path)
    async with app.run_test(size=(80, 24)):
        await editor_ready(app)
        burst = [("f3", None), ("tab", "\t"), ("end", None), ("三", "三"), ("科", "科"), ("ctrl+q", None)]
        for key, character in burst:
            app.post_message(events.Key(key, character))
        await wait_until(lambda: isinstance(app.screen, ConfirmScreen) or not app.is_running)
        assert app.is_running
        profile = app.screen_stack[-2]
        assert isinstance(profile, ProfileScreen) and profile.field_input("unit").value == "某市统计局三科"


async def fill_the_form_then_close_the_tab() -> None:
    """The first start (no draft): 陈静 and 某县财政局 typed into the new-draft form, then the browser tab closed."""
    from appraisal.tui.screens.new_draft import NewDraftScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(lambda: isinstance(app.screen, NewDraftScreen) and isinstance(app.focused, Input))
        await pilot.press(*"陈静", "tab", *"某县财政局")
        await pilot.pause()
        close_tab(app)
        await wait_until(lambda: not app.is_running)


async def test_the_new_draft_form_is_filled_in_again_after_the_tab_closed() -> None:
    """The very first form a new user fills (no draft yet): the tab closed with 姓名 and 单位 typed, and they were
    gone. Now they are in their fields the next time the form opens, once."""
    from appraisal.tui.screens.new_draft import NewDraftScreen

    await fill_the_form_then_close_the_tab()

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(lambda: isinstance(app.screen, NewDraftScreen) and isinstance(app.focused, Input))
        await pilot.pause()
        assert "上次关闭窗口时填写的内容已经填好" in "".join(screen_lines(app))
        await pilot.press("tab", "tab", *"副局长", "enter", "enter")  # Enter: 考核年度, Enter: 创建
        editor = await editor_ready(app)
        profile = load_draft(editor.session.path).profile
        assert (profile.name, profile.unit, profile.position) == ("陈静", "某县财政局", "副局长")

    app = make_app()  # once: the form opened again is empty
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await wait_until(lambda: isinstance(app.screen, NewDraftScreen) and isinstance(app.focused, Input))
        assert app.screen.value("name") == ""


def full_data_disk(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> tuple[Path, list[bool]]:
    """The data folder's disk is full (while the list's flag is True) and HOME is a fresh folder: the home folder
    and the flag, which the test clears to free the disk."""
    import errno

    from appraisal import fileio, paths
    from appraisal.errors import AppraisalError

    monkeypatch.setattr(threading, "Timer", NoWatchdog)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    real_write = fileio.write_temp_file
    full = [True]

    def full_where_the_data_is(target: Path, data: bytes, **kwargs: Any) -> Path:
        if full[0] and target.is_relative_to(paths.data_dir()):
            raise AppraisalError(fileio.describe_os_error(OSError(errno.ENOSPC, "full"), target, "保存"))
        return real_write(target, data, **kwargs)

    monkeypatch.setattr(fileio, "write_temp_file", full_where_the_data_is)
    return home, full


async def test_on_a_full_disk_the_words_go_to_a_text_file_elsewhere_and_the_next_open_says_where(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The disk of the data folder is full when the window closes: ui-state could not be written, and the words
    typed in F3 were gone without a word said. Now they go to a text file where a recovery copy would (the home
    folder here), and the next open says where it is, once."""
    from appraisal.tui.screens.dialogs import MessageScreen

    path = make_draft()
    home, full = full_data_disk(monkeypatch, tmp_path)
    await type_then_end(path, ["f3", "tab", "end", *"二科"], hang_up)
    (kept,) = home.glob("*.txt")
    assert f"单位：{UNIT}" in kept.read_text(encoding="utf-8")
    assert kept.stat().st_mode & 0o777 == 0o600

    full[0] = False
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await editor_ready(app)
        await wait_until(lambda: isinstance(app.screen, MessageScreen) and str(kept) in app.screen.message)
        await pilot.press("enter")
        await pilot.press("ctrl+q")
        await wait_until(lambda: not app.is_running)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await editor_ready(app)
        await wait_until(lambda: editor.started)
        await pilot.pause()
        assert app.screen is editor  # said once
        await pilot.press("ctrl+q")
        await wait_until(lambda: not app.is_running)


async def test_the_new_draft_form_on_a_full_disk_says_where_its_words_went(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The new-draft form's words written elsewhere on a full disk were never mentioned (the next start looked for
    an editor's draft only), and the file named a draft …/新建草稿 that does not exist. Now the form says where
    they are when it opens again, once, and the file names the form."""
    from appraisal.tui.screens.new_draft import NewDraftScreen

    home, full = full_data_disk(monkeypatch, tmp_path)
    await fill_the_form_then_close_the_tab()
    (kept,) = home.glob("*.txt")
    words = kept.read_text(encoding="utf-8")
    assert "单位：某县财政局" in words and "新建草稿表单" in words.splitlines()[0]
    assert "新建草稿）" not in words.splitlines()[0]  # no path of a draft that does not exist

    async def form_says_where() -> bool:
        app = make_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(lambda: isinstance(app.screen, NewDraftScreen) and isinstance(app.focused, Input))
            await pilot.pause()
            shown = "".join(line.strip() for line in screen_lines(app))
            await pilot.press("ctrl+q")
            await wait_until(lambda: not app.is_running)
        return "已另存为文本文件" in shown and kept.name[:12] in shown

    full[0] = False
    assert await form_says_where()
    assert not await form_says_where()  # said once


def test_two_windows_closed_in_the_same_second_keep_two_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The file's name changed once a second: the second window's words overwrote the first's."""
    import datetime as dt
    from types import SimpleNamespace

    from appraisal.tui.screens import unconfirmed

    class Frozen(dt.datetime):
        @classmethod
        def now(cls, tz: Any = None) -> Frozen:  # type: ignore[override]
            return cls(2026, 12, 7, 23, 30, 0)

    monkeypatch.setattr(unconfirmed, "dt", SimpleNamespace(datetime=Frozen))
    monkeypatch.setattr(unconfirmed, "recovery_folders", lambda path: (tmp_path,))
    draft = tmp_path / "述职.json"
    first = unconfirmed._write_elsewhere(draft, [unconfirmed.note_kept("conduct", "全年听课48节")])
    second = unconfirmed._write_elsewhere(draft, [unconfirmed.note_kept("conduct", "参加培训3次")])
    assert first is not None and second is not None and first != second
    assert "全年听课48节" in first.read_text(encoding="utf-8")
    assert "参加培训3次" in second.read_text(encoding="utf-8")
    assert unconfirmed.written_elsewhere(draft) == sorted([first, second])


async def test_the_new_draft_forms_words_kept_elsewhere_are_told_when_a_draft_opens(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A writer with drafts opens one, not the form: the form's words written elsewhere are told there, once."""
    from appraisal.app.ui_state import Unconfirmed
    from appraisal.tui.screens import unconfirmed
    from appraisal.tui.screens.dialogs import MessageScreen

    monkeypatch.setattr(threading, "Timer", NoWatchdog)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    path = make_draft()
    values = {"name": "陈静", "unit": "某县财政局"}
    kept = unconfirmed._write_elsewhere(unconfirmed.new_draft_key(), [Unconfirmed(unconfirmed.NEW_DRAFT, values)])
    assert kept is not None

    async def open_the_draft(said: bool) -> None:
        app = make_app(path)
        async with app.run_test(size=(80, 24)) as pilot:
            editor = await editor_ready(app)
            await wait_until(lambda: editor.started)
            if said:
                await wait_until(lambda: isinstance(app.screen, MessageScreen) and str(kept) in app.screen.message)
                await pilot.press("enter")
            await pilot.pause()
            assert app.screen is editor
            await pilot.press("ctrl+q")
            await wait_until(lambda: not app.is_running)

    await open_the_draft(said=True)
    await open_the_draft(said=False)  # once

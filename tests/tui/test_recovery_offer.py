"""A recovery copy (the text the app could not save as it ended: a full disk, then a closed window) is offered when
the draft opens again. Before, the draft opened with its older text and nothing said where the newer words were:
the sentence naming the copy went to a terminal that was already closed. Seen in tmux on a 400 KB tmpfs: a SIGHUP
with 130,501 字 in the editor and 43,500 on disk; the copy was in the home folder, and the next open said nothing."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from appraisal.app.recovery import recovery_name
from appraisal.store import dump_draft, load_draft
from appraisal.store.history import list_history
from appraisal.tui.screens.dialogs import ChoiceScreen

from .editing import screen_lines
from .helpers import editor_ready, make_app, make_draft, wait_until

SAVED = "坚持学习。"
RESCUED = "坚持学习。全年参加理论学习中心组学习12次，撰写心得体会4篇。"


def rescued_copy(path: Path, folder: Path | None = None) -> Path:
    """What `EditSession.rescue` writes when the draft cannot be saved: the whole draft, newer text, same id."""
    draft = load_draft(path)
    draft.sections["conduct"] = RESCUED
    copy = (folder or path.parent) / recovery_name(path, dt.datetime(2026, 12, 7, 19, 44, 27))
    copy.write_bytes(dump_draft(draft))
    later = path.stat().st_mtime + 60
    os.utime(copy, (later, later))
    return copy


def history_texts(path: Path) -> list[str]:
    return [entry.load().sections["conduct"] for entry in list_history(path)]


async def open_and_answer(path: Path, *keys: str) -> str:
    """Open the draft; the question comes; press `keys`. The section's text then."""
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await editor_ready(app)
        await wait_until(lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.pause()
        assert "未能保存" in "".join(screen_lines(app))
        await pilot.press(*keys)
        await wait_until(lambda: app.screen is editor)
        await pilot.pause()
        return editor.session.draft.sections["conduct"]


async def test_the_recovery_copy_is_offered_and_taken_as_a_new_revision() -> None:
    path = make_draft(sections={"conduct": SAVED})
    copy = rescued_copy(path)
    assert await open_and_answer(path, "enter") == RESCUED  # 用恢复副本
    assert load_draft(path).sections["conduct"] == RESCUED
    assert SAVED in history_texts(path)  # the old words: in F7
    assert copy.exists()  # never deleted
    app = make_app(path)  # answered: not asked again
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await editor_ready(app)
        await wait_until(lambda: editor.started)
        await pilot.pause()
        assert app.screen is editor


async def test_later_asks_again_and_not_wanted_does_not(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_draft(sections={"conduct": SAVED})
    home = tmp_path / "home"
    home.mkdir()
    rescued_copy(path, home)
    monkeypatch.setenv("HOME", str(home))  # the copy went to the home folder (the draft's folder was full)
    assert await open_and_answer(path, "escape") == SAVED  # 以后再说
    assert await open_and_answer(path, "right", "right", "enter") == SAVED  # 不用了
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await editor_ready(app)
        await wait_until(lambda: editor.started)
        await pilot.pause()
        assert app.screen is editor
    assert load_draft(path).sections["conduct"] == SAVED


def test_only_a_newer_copy_of_the_same_draft_is_offered() -> None:
    from appraisal.app.recovery import recoveries

    path = make_draft(sections={"conduct": SAVED})
    copy = rescued_copy(path)
    assert [found.path for found in recoveries(path, load_draft(path), set())] == [copy]
    assert recoveries(path, load_draft(path), {str(copy)}) == []  # answered
    older = path.stat().st_mtime - 60
    os.utime(copy, (older, older))  # saved again since: the draft holds the newer words
    assert recoveries(path, load_draft(path), set()) == []
    other = load_draft(copy)
    other.id = "another-draft"
    copy.write_bytes(dump_draft(other))  # a copy of another draft that had the same file name
    assert recoveries(path, load_draft(path), set()) == []

"""查找 (Ctrl+F), by keys: the word typed lists its places in every section; Enter shows one, selected, in its
section; Esc leaves the editor as it was. Before, Ctrl+F did nothing and there was no way to find a word."""

from __future__ import annotations

import asyncio

import pytest

from appraisal.tui.screens.find import FindScreen

from .editing import editing, screen_lines
from .helpers import wait_until

SECTIONS = {
    "conduct": "2025年，本人认真履行职责。",
    "study": "坚持读原著。\n\n2025年参加集中学习12次，2025年度撰写心得3篇。",
}


async def test_a_word_is_found_in_every_section_and_enter_shows_it_selected() -> None:
    async with editing(SECTIONS, on="intro", size=(80, 24)) as e:
        await e.pilot.press("ctrl+f")
        await wait_until(lambda: isinstance(e.app.screen, FindScreen))
        await e.pilot.press(*"2025")
        shown = "".join(screen_lines(e.app)).replace(" ", "")
        assert "全文共3处“2025”" in shown
        assert "品行修养第1段" in shown and "理论学习第2段" in shown  # 第N段 skips the blank line, as the review
        await e.pilot.press("down", "down", "enter")  # the third place: 理论学习, 2025年度
        await wait_until(lambda: e.app.screen is e.screen)
        assert e.screen.current_id == "study"
        assert e.screen.editor.selected_text == "2025"
        assert e.screen.editor.selection.start == (2, len("2025年参加集中学习12次，"))
        assert e.screen.editor.has_focus
        await e.pilot.press(*"2026")  # typing replaces the word found
        assert e.screen.editor.text.split("\n")[2] == "2025年参加集中学习12次，2026年度撰写心得3篇。"


async def test_keys_typed_fast_stay_in_the_dialog_in_the_order_typed() -> None:
    """One burst (a busy app, a fast typist): the word, ↓, Enter. The highlight moves in the list while the
    typing stays in the word's line, so Enter shows the place the ↓ chose."""
    from textual import events

    async with editing(SECTIONS, on="intro", size=(80, 24)) as e:
        await e.pilot.press("ctrl+f")
        await wait_until(lambda: isinstance(e.app.screen, FindScreen))
        for key in [*"2025", "down", "down", "enter"]:
            e.app.post_message(events.Key(key, key if len(key) == 1 else None))
        await wait_until(lambda: e.app.screen is e.screen and e.screen.editor.selected_text == "2025")
        assert (e.screen.current_id, e.screen.editor.selection.start) == ("study", (2, 15))


async def test_enter_on_the_word_shows_the_first_place_and_esc_changes_nothing() -> None:
    async with editing(SECTIONS, on="intro", size=(80, 24)) as e:
        await e.pilot.press("ctrl+f", *"原著")
        await wait_until(lambda: "全文共1处“原著”" in "".join(screen_lines(e.app)).replace(" ", ""))
        await e.pilot.press("enter")
        await wait_until(lambda: e.app.screen is e.screen)
        assert (e.screen.current_id, e.screen.editor.selected_text) == ("study", "原著")
        await e.pilot.press("ctrl+f", *"没有的词")
        await wait_until(lambda: "全文中没有“没有的词”" in "".join(screen_lines(e.app)).replace(" ", ""))
        await e.pilot.press("enter", "escape")  # Enter with nothing found stays; Esc goes back
        await wait_until(lambda: e.app.screen is e.screen)
        assert (e.screen.current_id, e.screen.editor.selected_text) == ("study", "原著")


async def test_in_a_large_draft_the_places_are_listed_once_the_typing_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pasted section of 1.4 million 字: every key typed in the find box searched the whole draft and laid out
    500 places before the next key was taken (2–3 s a key). Now the places are listed once the typing pauses, and
    ↓ or Enter typed before that list the word as it reads first: Enter shows the place of the whole word."""
    from appraisal.tui.screens import find

    searched: list[str] = []
    real = find.find_places

    def counted(draft: object, template: object, word: str) -> list[find.Place]:
        searched.append(word)
        return real(draft, template, word)  # type: ignore[arg-type]

    monkeypatch.setattr(find, "find_places", counted)
    monkeypatch.setattr(find, "QUIET", 30.0)  # no pause long enough in this test
    # A draft over the threshold is what matters, not its size: the threshold is lowered so the test does not lay
    # out 200,000 characters (5 s alone, past its 10-s waits at -n 3 on a loaded machine)
    monkeypatch.setattr(find, "LARGE", 2_000)
    long = "甲乙丙丁。" * (find.LARGE // 5) + "\n全年帮助企业解决困难41个。"
    async with editing({"conduct": long}, on="intro", size=(80, 24)) as e:
        await e.pilot.press("ctrl+f")
        await wait_until(lambda: isinstance(e.app.screen, FindScreen))
        await e.pilot.press(*"帮助企业")
        assert searched == [""]  # only the empty word, as the dialog opened
        await e.pilot.press("enter")
        await wait_until(lambda: e.app.screen is e.screen)
        assert searched == ["", "帮助企业"]
        assert (e.screen.current_id, e.screen.editor.selected_text) == ("conduct", "帮助企业")
        assert e.screen.editor.selection.start == (1, 2)
        monkeypatch.setattr(find, "QUIET", 0.05)
        await e.pilot.press("ctrl+f", *"困难")
        await wait_until(lambda: "全文共1处“困难”" in "".join(screen_lines(e.app)).replace(" ", ""))
        await e.pilot.press("escape")
        monkeypatch.setattr(find, "QUIET", 0.3)
        await e.pilot.press("ctrl+f", *"企业", "escape")  # closed before the places are listed
        await wait_until(lambda: e.app.screen is e.screen)
        await asyncio.sleep(0.6)
        assert e.app.is_running and e.app.screen is e.screen


async def test_ctrl_q_with_a_word_in_the_find_box_quits_without_asking_about_it() -> None:
    """Ctrl+Q asked whether to drop “对话框中输入的内容” for a word typed in the find box: no words of the report."""
    async with editing(SECTIONS, on="intro", size=(80, 24)) as e:
        await e.pilot.press("ctrl+f")
        await wait_until(lambda: isinstance(e.app.screen, FindScreen))
        await e.pilot.press(*"2025", "ctrl+q")
        await wait_until(lambda: not e.app.is_running)

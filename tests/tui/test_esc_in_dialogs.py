"""Esc in a dialog with words typed in it: Esc closed 个人信息 (F3), a note (Ctrl+N) and the new-draft form at
once, the words typed gone unasked. Now Esc asks (继续填写, the default, or 放弃) when a line reads otherwise than
it opened; Esc on a dialog as it opened closes it at once, as before."""

from __future__ import annotations

from textual.widgets import Input

from appraisal.notes import load_notes
from appraisal.store import load_draft
from appraisal.tui.screens.dialogs import DISCARD_TITLE, ChoiceScreen, InputScreen
from appraisal.tui.screens.editor import EditorScreen
from appraisal.tui.screens.new_draft import NewDraftScreen
from appraisal.tui.screens.profile import ProfileScreen

from .editing import editing, screen_lines
from .helpers import make_app, wait_until


def asking(app: object) -> bool:
    screen = getattr(app, "screen", None)
    return isinstance(screen, ChoiceScreen) and screen.title_text == DISCARD_TITLE


async def test_esc_in_f3_with_a_unit_typed_asks_and_keeps_the_words_by_default() -> None:
    async with editing({"conduct": "坚持学习。"}, on="conduct") as e:
        await e.pilot.press("f3")
        await wait_until(lambda: isinstance(e.app.focused, Input))
        await e.pilot.press("tab", "end", *"二科", "escape")
        await wait_until(lambda: asking(e.app))
        assert "继续填写" in str(e.app.focused.label)  # type: ignore[union-attr]  # the default
        await e.pilot.press("enter")  # 继续填写
        await wait_until(lambda: isinstance(e.app.screen, ProfileScreen) and isinstance(e.app.focused, Input))
        profile = e.app.screen
        assert isinstance(profile, ProfileScreen) and profile.field_input("unit").value == "某市统计局二科"
        assert e.app.focused is profile.field_input("unit")  # back where the writer was
        await e.pilot.press("escape")
        await wait_until(lambda: asking(e.app))
        await e.pilot.press("escape")  # Esc on the question: 继续填写 too
        await wait_until(lambda: isinstance(e.app.screen, ProfileScreen))
        await e.pilot.press("escape")
        await wait_until(lambda: asking(e.app))
        await e.pilot.press("right", "enter")  # 放弃
        await wait_until(lambda: e.app.screen is e.screen)
        assert load_draft(e.path).profile.unit == "某市统计局"


async def test_tab_then_enter_on_the_question_keeps_the_words() -> None:
    """Tab, a word, Enter — ordinary form-filling after an Esc meant for an input method — answered 放弃: Tab moved
    to it and 甲 was thrown away. Only ← and → move between the answers; Tab and Shift+Tab stay."""
    async with editing({"conduct": "坚持学习。"}, on="conduct") as e:
        await e.pilot.press("f3")
        await wait_until(lambda: isinstance(e.app.focused, Input))
        await e.pilot.press("tab", "end", *"甲", "escape")
        await wait_until(lambda: asking(e.app))
        await e.pilot.press("tab", *"乙", "enter")
        await wait_until(lambda: isinstance(e.app.screen, ProfileScreen) and isinstance(e.app.focused, Input))
        profile = e.app.screen
        assert isinstance(profile, ProfileScreen) and profile.field_input("unit").value == "某市统计局甲"
        await e.pilot.press("escape")
        await wait_until(lambda: asking(e.app))
        await e.pilot.press("shift+tab", "enter")
        await wait_until(lambda: isinstance(e.app.screen, ProfileScreen) and isinstance(e.app.focused, Input))
        assert profile.field_input("unit").value == "某市统计局甲"
        await e.pilot.press("escape")
        await wait_until(lambda: asking(e.app))
        await e.pilot.press("right", "tab", "left", "enter")  # ← and → still move: back on 继续填写
        await wait_until(lambda: isinstance(e.app.screen, ProfileScreen) and isinstance(e.app.focused, Input))
        assert profile.field_input("unit").value == "某市统计局甲"


async def test_esc_in_a_note_asks_and_y_does_not_discard() -> None:
    """No letter answers the question: typing on after Esc (meant for an input method) must not throw words away."""
    async with editing({"conduct": "坚持学习。"}, on="conduct") as e:
        await e.pilot.press("ctrl+n")
        await wait_until(lambda: isinstance(e.app.focused, Input))
        await e.pilot.press(*"全年听课48节", "escape")
        await wait_until(lambda: asking(e.app))
        assert any("回车或 Esc 继续填写" in line for line in screen_lines(e.app))
        await e.pilot.press("y", "escape")
        await wait_until(lambda: isinstance(e.app.screen, InputScreen) and isinstance(e.app.focused, Input))
        await e.pilot.press("enter")  # the note is recorded
        await wait_until(lambda: e.app.screen is e.screen)
        year = load_draft(e.path).profile.year
        await wait_until(lambda: [note.text for note in load_notes(year).notes] == ["全年听课48节"])


async def test_esc_on_a_dialog_as_it_opened_closes_it_at_once() -> None:
    async with editing({"conduct": "坚持学习。"}, on="conduct") as e:
        for key in ("f3", "ctrl+n"):
            await e.pilot.press(key)
            await wait_until(lambda: isinstance(e.app.focused, Input))
            await e.pilot.press("escape")
            await wait_until(lambda: e.app.screen is e.screen)
        await e.pilot.press("f3")  # typed, then deleted back to what it was: nothing to lose
        await wait_until(lambda: isinstance(e.app.focused, Input))
        await e.pilot.press("tab", "end", *"二科", "backspace", "backspace", "escape")
        await wait_until(lambda: e.app.screen is e.screen)


async def test_esc_in_the_new_draft_form_with_a_name_typed_asks() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(lambda: isinstance(app.screen, NewDraftScreen) and isinstance(app.focused, Input))
        await pilot.press(*"张三", "escape")
        await wait_until(lambda: asking(app))
        await pilot.press("enter")  # 继续填写
        await wait_until(lambda: isinstance(app.screen, NewDraftScreen) and isinstance(app.focused, Input))
        assert app.focused.value == "张三"  # type: ignore[union-attr]
        assert not isinstance(app.screen, EditorScreen)


async def test_a_paste_of_several_lines_into_a_note_keeps_every_line_and_says_so() -> None:
    """Textual's line kept a paste's first line and dropped the rest without a word: a note copied from a
    document (three lines) was recorded as its first line only."""
    from textual import events

    from appraisal.tui.textual_compat.own_bindings import PASTE_JOINED

    from .editing import notices

    async with editing({"conduct": "坚持学习。"}, on="conduct", notifications=True) as e:
        await e.pilot.press("ctrl+n")
        await wait_until(lambda: isinstance(e.app.focused, Input))
        e.app.post_message(events.Paste("参加全市培训\n\n讲授数据质量课程\n学员120人"))  # a bracketed paste
        await wait_until(lambda: isinstance(e.app.focused, Input) and "学员" in e.app.focused.value)
        assert PASTE_JOINED.format(lines=3) in notices(e.app)
        await e.pilot.press("enter")
        await wait_until(lambda: e.app.screen is e.screen)
        year = load_draft(e.path).profile.year
        joined = "参加全市培训 讲授数据质量课程 学员120人"
        await wait_until(lambda: [n.text for n in load_notes(year).notes] == [joined])


async def test_right_and_enter_in_one_burst_press_the_button_moved_to() -> None:
    """→ Enter read together (typed fast, or while the app was busy): Enter pressed 继续填写 before → had moved to
    放弃 (→ reached the dialog only after going to the button and back). In an input line ← and → still move."""
    from textual import events

    async with editing({"conduct": "坚持学习。"}, on="conduct") as e:
        await e.pilot.press("ctrl+n")
        await wait_until(lambda: isinstance(e.app.focused, Input))
        await e.pilot.press(*"学会", "left", "用")
        await wait_until(lambda: isinstance(e.app.focused, Input) and e.app.focused.value == "学用会")
        await e.pilot.press("escape")
        await wait_until(lambda: asking(e.app))
        for key in ("right", "enter"):  # one burst
            e.app.post_message(events.Key(key, None))
        await wait_until(lambda: e.app.screen is e.screen)

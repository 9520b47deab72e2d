"""Keys a Word user presses with nothing selected: Ctrl+X cuts nothing, Ctrl+C copies nothing and says in Chinese
how to quit, anywhere (the editor, the start screen, F3, F5, F7); found by a new user in tmux."""

from __future__ import annotations

from typing import Any

from textual import events
from textual._xterm_parser import XTermParser
from textual.app import App

from appraisal.store import load_draft
from appraisal.tui.screens.editor import EditorScreen
from appraisal.tui.screens.start import StartScreen
from appraisal.tui.widgets.section_editor import RECOVERED_MESSAGE

from .editing import Editing, editing, notices, screen_lines
from .helpers import make_app, make_draft, wait_until

TEXT = "本人认真学习党的二十大精神。\n全年完成统计调查任务十二项。"


def said_in_english(app: App[Any]) -> list[str]:
    return [n.message + n.title for n in app._notifications if "quit" in (n.message + n.title).lower()]


async def test_ctrl_x_with_nothing_selected_cuts_nothing_and_says_so() -> None:
    async with editing({"conduct": TEXT}, on="conduct") as ed:
        area = ed.screen.editor
        await ed.pilot.press("ctrl+home", "ctrl+x")
        await ed.pilot.pause()
        assert area.text == TEXT
        assert any("未选中文字" in notice for notice in notices(ed.app))
        ed.screen.finish()
        assert load_draft(ed.path).sections["conduct"] == TEXT


async def test_ctrl_x_cuts_a_selection_and_ctrl_v_puts_it_back() -> None:
    async with editing({"conduct": TEXT}, on="conduct") as ed:
        area = ed.screen.editor
        await ed.pilot.press("ctrl+home", *["shift+right"] * 2, "ctrl+x")
        assert area.text == TEXT[2:]
        await ed.pilot.press("ctrl+v")
        assert area.text == TEXT


async def test_ctrl_c_with_nothing_selected_in_the_editor_is_no_internal_error() -> None:
    async with editing({"conduct": TEXT}, on="conduct") as ed:
        await ed.pilot.press("ctrl+c")
        await ed.pilot.pause()
        said = notices(ed.app)
        assert RECOVERED_MESSAGE not in said
        assert said_in_english(ed.app) == []
        assert any("未选中文字" in notice and "Ctrl+Q" in notice for notice in said)
        assert ed.screen.editor.text == TEXT
        await ed.pilot.press("ctrl+home", "shift+right", "ctrl+c")  # with a selection it copies, silently
        assert ed.app.clipboard == TEXT[0]


async def test_ctrl_c_on_the_start_screen_says_how_to_quit_in_chinese() -> None:
    make_draft()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(lambda: isinstance(app.screen, StartScreen))
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert said_in_english(app) == []
        assert any("按 Ctrl+Q" in notice for notice in notices(app))
        assert isinstance(app.screen, StartScreen)


async def test_ctrl_c_in_f3_f5_and_f7_says_how_to_quit_in_chinese_and_changes_nothing() -> None:
    async with editing({"conduct": TEXT}, on="conduct") as ed:
        for key in ("f3", "f5", "f7"):
            await ed.pilot.press(key)
            await wait_until(lambda: not isinstance(ed.app.screen, EditorScreen))
            if key == "f3":  # its first line (姓名) is shown selected: Ctrl+C copies it, silently
                await ed.pilot.press("ctrl+c")
                assert ed.app.clipboard == "李明"
                assert notices(ed.app) == []
                await ed.pilot.press("end")
            ed.app.clear_notifications()
            await ed.pilot.press("ctrl+c")
            await ed.pilot.pause()
            assert said_in_english(ed.app) == [], key
            assert any("按 Ctrl+Q" in notice for notice in notices(ed.app)), key
            assert not isinstance(ed.app.screen, EditorScreen), key
            await ed.pilot.press("escape")
            await wait_until(lambda: isinstance(ed.app.screen, EditorScreen))
        assert ed.screen.editor.text == TEXT


async def test_ctrl_x_in_a_dialog_line_with_nothing_selected_keeps_the_clipboard() -> None:
    async with editing({"conduct": TEXT}, on="conduct") as ed:
        await ed.pilot.press("ctrl+home", "shift+right", "ctrl+c")
        assert ed.app.clipboard == TEXT[0]
        await ed.pilot.press("f3")
        await wait_until(lambda: not isinstance(ed.app.screen, EditorScreen))
        await ed.pilot.press("end", "ctrl+x")
        assert ed.app.clipboard == TEXT[0]


def typed(text: str) -> list[events.Key]:
    """The keys a terminal's bytes for `text` are read as (what `tmux send-keys -l` types). Pilot's `press` makes
    a key's character from its name and finds none for `ideographic_space`: these are sent as the driver does."""
    return [event for event in XTermParser().feed(text) if isinstance(event, events.Key)]


async def type_in(ed: Editing, text: str) -> None:
    driver = ed.app._driver
    assert driver is not None
    for key in typed(text):
        key.set_sender(ed.app)
        driver.send_message(key)
        await ed.pilot.pause()


async def test_a_typed_full_width_space_is_kept_inside_a_line_and_at_its_start() -> None:
    assert [(key.key, key.character) for key in typed("A\u3000")] == [("A", "A"), ("ideographic_space", "\u3000")]
    async with editing({"conduct": ""}, on="conduct") as ed:
        await type_in(ed, "\u3000\u3000本人A\u3000B")
        assert ed.screen.editor.text == "\u3000\u3000本人A\u3000B"
        ed.screen.finish()
        assert load_draft(ed.path).sections["conduct"] == "\u3000\u3000本人A\u3000B"


async def test_a_typed_full_width_space_reaches_a_dialog_line() -> None:
    async with editing({"conduct": TEXT}, on="conduct") as ed:
        await ed.pilot.press("f3")
        await wait_until(lambda: not isinstance(ed.app.screen, EditorScreen))
        await ed.pilot.press("end")
        await type_in(ed, "\u3000A")
        assert getattr(ed.app.screen.focused, "value", None) == "李明\u3000A"


async def test_words_with_quotes_are_quoted_with_single_quotes_inside() -> None:
    """Ctrl+F for 增强“四个意识”: the summary said “增强“四个意识””; GB/T 15834 puts single quotes inside."""
    async with editing({"conduct": "牢固树立并增强“四个意识”。"}, on="conduct") as ed:
        await ed.pilot.press("ctrl+f")
        await wait_until(lambda: not isinstance(ed.app.screen, EditorScreen))
        await type_in(ed, "增强“四个意识”")
        await wait_until(lambda: "处“增强‘四个意识’”" in "".join(line.strip() for line in screen_lines(ed.app)))
        assert "“增强“" not in "".join(line.strip() for line in screen_lines(ed.app))

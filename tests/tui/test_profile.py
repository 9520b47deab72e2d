"""个人信息与标题 (F3) by keys: the title made from the template follows the 考核年度 typed, a title of the
writer's own is never touched."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

from appraisal.draft import Draft
from appraisal.store import create_draft, load_draft
from appraisal.templates import load_template
from appraisal.tui.screens.profile import ProfileScreen

from .editing import editing
from .helpers import editor_ready, make_app, wait_until


async def _change_year(app: App[Any], pilot: Pilot[Any], year: str) -> Input:
    """F3, to 考核年度, `year` typed over it: the title field as it then reads."""
    await pilot.press("f3")
    await wait_until(lambda: isinstance(app.screen, ProfileScreen))
    await pilot.press(*["enter"] * 3)  # 姓名 → 单位 → 职务 → 考核年度
    await pilot.press("ctrl+a", *year)
    await pilot.pause()
    return app.screen.query_one("#profile-title", Input)


async def test_the_default_title_follows_the_year_typed() -> None:
    """Before, 考核年度 changed from 2025 to 2024 left the title 2025年度个人总结: the export's heading named the
    wrong year (no rule reports it)."""
    async with editing(year=2025) as e:
        assert e.screen.session.draft.title == "2025年度个人总结"
        title = await _change_year(e.app, e.pilot, "2024")
        assert title.value == "2024年度个人总结"  # shown before it is saved
        await e.pilot.press(*["enter"] * 3)  # → 标题 → 落款日期 → saved
        await wait_until(lambda: e.app.screen is e.screen)
        await wait_until(lambda: load_draft(e.path).profile.year == 2024)
        assert load_draft(e.path).title == "2024年度个人总结"


async def test_a_title_of_the_writers_own_is_kept_when_the_year_changes() -> None:
    async with editing(year=2025) as e:
        await e.pilot.press("f3")
        await wait_until(lambda: isinstance(e.app.screen, ProfileScreen))
        await e.pilot.press(*["enter"] * 4, "ctrl+a", *"述职报告", "shift+tab")  # 标题, back to 考核年度
        await e.pilot.press("ctrl+a", *"2024")
        assert e.app.screen.query_one("#profile-title", Input).value == "述职报告"
        await e.pilot.press(*["enter"] * 3)
        await wait_until(lambda: load_draft(e.path).profile.year == 2024)
        assert load_draft(e.path).title == "述职报告"


async def test_an_imported_title_without_a_year_gets_the_year_typed() -> None:
    """A document with no year is imported as 20**年度个人总结 with the year empty; typing the year in F3 left
    the 20** in the title, one more error for the writer to find."""
    template = load_template("cadre-annual")
    draft = Draft.new(template, name="李明", unit="某市统计局", position="科长", year=2026)
    draft.profile.year, draft.title = None, template.default_title(None)  # as the importer leaves it
    assert draft.title == "20**年度个人总结"
    path = create_draft(draft)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await editor_ready(app)
        title = await _change_year(app, pilot, "2026")
        assert title.value == "2026年度个人总结"
        await pilot.press(*["enter"] * 3)
        await wait_until(lambda: app.screen is screen)
    assert load_draft(path).title == "2026年度个人总结"


async def test_ctrl_a_in_a_field_selects_it_and_typing_replaces_it() -> None:
    """Ctrl+A moved to the field's start (the shell's key): a Word user replacing 单位 got 某县财政局某市统计局."""
    async with editing({"conduct": "坚持学习。"}, on="conduct") as e:
        await e.pilot.press("f3")
        await wait_until(lambda: isinstance(e.app.focused, Input))
        await e.pilot.press("tab", "end", "ctrl+a", *"某县财政局", "enter", "enter", "enter", "enter", "enter")
        await wait_until(lambda: load_draft(e.path).profile.unit == "某县财政局")


async def test_words_typed_into_the_year_are_said_to_go_nowhere() -> None:
    """副局长 typed one field too far, into 考核年度, vanished with at most a bell: now the form says so."""
    from appraisal.draft import YEAR_RULE

    from .editing import screen_lines

    async with editing({"conduct": "坚持学习。"}, on="conduct") as e:
        await e.pilot.press("f3")
        await wait_until(lambda: isinstance(e.app.focused, Input))
        await e.pilot.press("tab", "tab", "tab", *"副局长")
        await e.pilot.pause()
        screen = e.app.screen
        assert isinstance(screen, ProfileScreen) and screen.field_input("year").value == "2025"
        assert YEAR_RULE[:8] in "".join(screen_lines(e.app))


async def test_a_paste_of_several_lines_the_year_refuses_is_not_said_to_be_joined() -> None:
    """A paste of two lines into 考核年度 said 已合并为一行 though the field took none of it: the form's own
    sentence (what the year takes) is what is said."""
    from textual import events

    from appraisal.draft import YEAR_RULE
    from appraisal.tui.textual_compat.own_bindings import PASTE_JOINED

    from .editing import notices, screen_lines

    async with editing({"conduct": "坚持学习。"}, on="conduct", notifications=True) as e:
        await e.pilot.press("f3")
        await wait_until(lambda: isinstance(e.app.focused, Input))
        await e.pilot.press("tab", "tab", "tab", "ctrl+a")
        e.app.post_message(events.Paste("2024\n年度"))  # a bracketed paste
        await wait_until(lambda: YEAR_RULE[:8] in "".join(screen_lines(e.app)))
        screen = e.app.screen
        assert isinstance(screen, ProfileScreen) and screen.field_input("year").value == "2025"
        assert PASTE_JOINED.format(lines=2) not in notices(e.app)


async def test_word_processor_shortcuts_delete_nothing_in_a_field() -> None:
    """Ctrl+U, Ctrl+K and Ctrl+W (underline, link, close in Word) cut a dialog line to its start or end, or the word
    before the cursor, as the shell does (the editor was mended before): 单位 lost its words without one said."""
    async with editing({"conduct": "坚持学习。"}, on="conduct") as e:
        await e.pilot.press("f3")
        await wait_until(lambda: isinstance(e.app.focused, Input))
        await e.pilot.press("ctrl+a", *"某县 财政局", "left", "left")
        await e.pilot.press("ctrl+u", "ctrl+k", "ctrl+w")
        await e.pilot.pause()
        line = e.app.focused
        assert isinstance(line, Input) and line.value == "某县 财政局"
        await e.pilot.press("end", "ctrl+backspace")  # the word processors' delete-a-word: the word before
        await wait_until(lambda: line.value == "某县 ")


async def test_ctrl_s_in_a_field_saves_the_form() -> None:
    """Ctrl+S, which saves in Word, did nothing in 个人信息: the writer took the form for saved and closed it."""
    async with editing({"conduct": "坚持学习。"}, on="conduct") as e:
        await e.pilot.press("f3")
        await wait_until(lambda: isinstance(e.app.focused, Input))
        await e.pilot.press("tab", "end", *"二科", "ctrl+s")
        await wait_until(lambda: e.app.screen is e.screen)
        await wait_until(lambda: load_draft(e.path).profile.unit == "某市统计局二科")

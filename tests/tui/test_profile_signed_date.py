"""The 落款日期 in 个人信息 (F3), by keys alone: taken from an imported document, changed by the writer, used by
export; a date that names no month of a year is one sentence, and nothing is saved; one without a day is kept as
written, and export prints it so (no day made up)."""

from __future__ import annotations

from appraisal.export.outline import build_outline
from appraisal.store import load_draft
from appraisal.templates import load_template
from appraisal.tui.screens.profile import ProfileScreen

from .editing import editing, screen_lines
from .helpers import wait_until


async def test_the_signing_date_is_changed_by_keys_and_export_prints_it() -> None:
    async with editing(name="李明", year=2025) as e:
        await e.pilot.press("f3")
        await wait_until(lambda: isinstance(e.app.screen, ProfileScreen))
        await e.pilot.press(*["enter"] * 5)  # 姓名 → 单位 → 职务 → 考核年度 → 标题 → 落款日期
        await e.pilot.press(*"2025年")
        await e.pilot.press("enter")
        await e.pilot.pause()
        assert isinstance(e.app.screen, ProfileScreen)  # no month: said, nothing saved
        assert "落款日期应写明年、月" in "".join(screen_lines(e.app)).replace(" ", "")
        await e.pilot.press(*"12月20日")
        await e.pilot.press("enter")
        await wait_until(lambda: e.app.screen is e.screen)
        await e.pilot.press("ctrl+s")
        await wait_until(lambda: load_draft(e.path).profile.signed == "2025年12月20日")
    draft = load_draft(e.path)
    assert build_outline(draft, load_template(draft.template)).date_text == "2025年12月20日"


async def test_a_signing_date_without_a_day_is_kept_and_exported_as_written() -> None:
    async with editing(name="李明", year=2025) as e:
        await e.pilot.press("f3")
        await wait_until(lambda: isinstance(e.app.screen, ProfileScreen))
        await e.pilot.press(*["enter"] * 5, *"2025年12月", "enter")
        await wait_until(lambda: e.app.screen is e.screen)
        await e.pilot.press("ctrl+s")
        await wait_until(lambda: load_draft(e.path).profile.signed == "2025年12月")
    draft = load_draft(e.path)
    assert build_outline(draft, load_template(draft.template)).date_text == "2025年12月"

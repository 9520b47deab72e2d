"""The start list (Ctrl+O) at 80x24 as a new user read it: two drafts saved the same day read apart."""

from __future__ import annotations

import datetime as dt
import os

from appraisal.tui.screens.start import StartScreen, saved_label

from .editing import screen_lines
from .helpers import make_app, make_draft, wait_until


def test_saved_today_shows_the_time_and_earlier_the_date() -> None:
    today = dt.date(2026, 12, 8)
    assert saved_label(dt.datetime(2026, 12, 8, 9, 5), today) == "今天 09:05"
    assert saved_label(dt.datetime(2026, 12, 7, 23, 59), today) == "2026-12-07"


async def test_two_drafts_saved_today_read_apart_at_80_columns() -> None:
    today = dt.date.today()
    for name, hour in (("李明", 9), ("王芳", 14)):
        path = make_draft(name=name)
        at = dt.datetime.combine(today, dt.time(hour, 5)).timestamp()
        os.utime(path, (at, at))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(lambda: isinstance(app.screen, StartScreen))
        await pilot.pause()
        shown = "\n".join(screen_lines(app))
        assert "今天 09:05" in shown
        assert "今天 14:05" in shown


async def test_an_unsigned_draft_is_named_in_the_hint_without_double_brackets() -> None:
    make_draft(name="李明")
    unsigned = make_draft(name="")
    later = dt.datetime.now().timestamp() + 60
    os.utime(unsigned, (later, later))  # the most recent: the one R continues
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(lambda: isinstance(app.screen, StartScreen))
        await pilot.pause()
        shown = "".join(line.strip() for line in screen_lines(app))
        assert "（（" not in shown
        assert "按R继续最近的草稿（未署名，2025年度）" in shown


async def test_a_name_with_its_own_brackets_is_shown_whole_in_the_hint() -> None:
    make_draft(name="王芳（挂职）")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(lambda: isinstance(app.screen, StartScreen))
        await pilot.pause()
        shown = "".join(line.strip() for line in screen_lines(app))
        assert "按R继续最近的草稿（王芳（挂职），2025年度）" in shown

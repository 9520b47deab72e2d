"""Toasts going away over Chinese text leave every 字 on a real terminal's screen (issue 12).

Pilot reads the compositor, which is always right; the bug is in what reaches the terminal. So these tests feed
every frame the app would write into TerminalCells (a grid of cells that erases a 字 when half of it is written, as
tmux and every terminal do) and compare it with the compositor. tmux_drive.sh step 9 does the same in real tmux.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

import pytest
from rich.cells import cell_len
from rich.segment import Segment
from textual._compositor import CompositorUpdate, LayoutUpdate
from textual.app import App
from textual.geometry import Region
from textual.screen import Screen
from textual.strip import Strip
from textual.widgets._toast import Toast

from appraisal.tui.textual_compat.whole_glyphs import WholeGlyphCompositor, cuts_a_glyph

from .editing import editing, visible_lines
from .helpers import expire_toasts, wait_until
from .terminal_cells import TerminalCells


def compositor_lines(app: App[Any]) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


@contextmanager
def terminal_of(app: App[Any]) -> Iterator[TerminalCells]:
    """A terminal showing the app's current screen, then fed every frame the app sends from now on (what
    `App._display` would write to a real terminal; headless, Textual builds each frame and writes nothing)."""
    width, height = app.size
    terminal = TerminalCells(width, height)
    strips = app.screen._compositor.render_strips()
    terminal.feed(LayoutUpdate([[s] for s in strips], Region(0, 0, width, height)).render_segments(app.console))
    original = App._display

    def display(self: App[Any], screen: Screen[Any], renderable: Any) -> None:
        if self is app and isinstance(renderable, CompositorUpdate):
            terminal.feed(renderable.render_segments(self.console))
        original(self, screen, renderable)

    with mock.patch.object(App, "_display", display):
        yield terminal


def glyph_rows_at(lines: list[str], column: int) -> set[int]:
    """Rows where a wide character starts at `column` (so a boundary at column + 1 cuts through it)."""
    rows = set()
    for y, line in enumerate(lines):
        x = 0
        for char in line:
            if x == column and cell_len(char) == 2:
                rows.add(y)
            x += cell_len(char)
    return rows


async def test_toasts_leave_every_character_of_the_guidance_beneath_them() -> None:
    """Six Ctrl+S toasts at 140x40 stack over the 结束语 guidance, which is short enough to need
    no scroll bar, so its lines reach the column under the toasts' right edge (two columns from the screen's
    edge). Seen in tmux before the fix: once they had gone, the 字 cut by that edge on each line stayed blank."""
    async with editing(template="duty-report", on="closing", size=(140, 40), notifications=True) as e:
        app, pilot, screen = e.app, e.pilot, e.screen
        await wait_until(lambda: "报告是向谁作的" in "".join(compositor_lines(app)))
        await pilot.pause()
        before = compositor_lines(app)
        with terminal_of(app) as terminal:
            assert terminal.lines() == before
            for _ in range(6):  # what Ctrl+S says, but staying until dismissed (a loaded machine is slow to type)
                app.notify(f"已保存到 {e.path}", timeout=60)
            await wait_until(lambda: len(screen.query(Toast)) == 6)
            await pilot.pause()
            edge = max(t.region.right for t in screen.query(Toast))
            covered = {y for t in screen.query(Toast) for y in range(t.region.y, t.region.bottom)}
            cut = glyph_rows_at(before, edge - 1) & covered
            assert len(cut) >= 3, "the guidance no longer reaches under the toasts' right edge: test lost its point"
            await expire_toasts(pilot)
            assert compositor_lines(app) == before
            assert terminal.lines() == before


MESSAGES = (
    "已导出：/tmp/appraisal/张三-2025年度个人总结.docx、/tmp/appraisal/张三-2025年度个人总结.txt",
    "草稿已保存到某市统计局年度考核个人总结文件夹中的草稿文件请放心关闭窗口谢谢大家支持",
)


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (140, 40)])
async def test_a_toast_shows_every_character_of_its_own_text_and_of_the_text_beneath(size: tuple[int, int]) -> None:
    """From 100 columns a toast lies over the editor's edge and the guidance panel's border, padding and scroll
    bar; before the fix a 字 of the toast across any of those edges was drawn as two spaces ("某市统    年度",
    "/tmp/  三-2025"), in Pilot and in a terminal. Each message is shown twice, shifted by a half-width letter, so
    both parities of columns are tried; what the terminal shows always matches the compositor, during and after."""
    text = "\n".join(("a" if i % 2 else "") + "坚持以习近平新时代中国特色社会主义思想为指导" * 4 for i in range(12))
    async with editing({"conduct": text}, on="conduct", size=size, notifications=True) as e:
        app, pilot, screen = e.app, e.pilot, e.screen
        await pilot.pause()
        with terminal_of(app) as terminal:
            for message in (shift + message for message in MESSAGES for shift in ("", "a")):
                app.notify(message, timeout=60)
                await wait_until(lambda: bool(screen.query(Toast)))
                await pilot.pause()
                toast = screen.query_one(Toast)
                assert "".join(line.strip() for line in visible_lines(app, toast)) == message
                assert terminal.lines() == compositor_lines(app)
                await expire_toasts(pilot)
                assert terminal.lines() == compositor_lines(app)


def test_cuts_a_glyph_finds_a_boundary_inside_a_wide_character() -> None:
    strip = Strip([Segment("ab"), Segment("字字"), Segment("c")])
    assert [cut for cut in range(8) if cuts_a_glyph(strip, cut)] == [3, 5]


def test_the_terminal_model_erases_a_wide_character_whose_half_is_written() -> None:
    terminal = TerminalCells(6, 1)
    terminal.feed("\x1b[1;1H字字字")
    terminal.feed("\x1b[1;4Hx")  # the right half of the second 字
    assert terminal.lines() == ["字 x字"]  # the second 字 is gone, not half drawn


async def test_every_screen_uses_the_whole_glyph_compositor() -> None:
    async with editing(on="conduct") as e:
        await e.pilot.press("f6")
        await wait_until(lambda: e.app.screen is not e.screen)
        for screen in e.app.screen_stack:
            assert type(screen._compositor) is WholeGlyphCompositor

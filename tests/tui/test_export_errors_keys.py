"""The errors listed in the export dialog (F6): as many rows as the terminal leaves room for, nothing cut, and
the rest reached by PgDn/PgUp wherever the focus is (at 140×40 a section title's line was cut and 「另有N处」
hidden; the box showed five rows and no key scrolled it)."""

from __future__ import annotations

import pytest

from .editing import editing, screen_lines
from .helpers import wait_until

INTRO = "本人XX年来认真履职。"


def _shown(app: object) -> str:
    return "\n".join(screen_lines(app))  # type: ignore[arg-type]


async def test_at_140x40_every_listed_error_and_the_rest_line_show_whole() -> None:
    async with editing({"intro": INTRO}, size=(140, 40), started=True) as e:
        app, pilot = e.app, e.pilot
        await pilot.press("f6")
        await wait_until(lambda: bool(app.screen.query("#export-errors-box")))
        await pilot.pause()
        shown = _shown(app)
        assert "“有潜在、长远效应基础工作实绩”" in shown.replace("\n", "").replace("│", "").replace(" ", "")
        assert "按F5审阅查看全部" in shown
        assert "PgDn" not in shown  # all fit: no keys to tell of


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_pgdn_and_pgup_scroll_the_errors(size: tuple[int, int]) -> None:
    async with editing({"intro": INTRO}, size=size, started=True) as e:
        app, pilot = e.app, e.pilot
        await pilot.press("f6")
        await wait_until(lambda: bool(app.screen.query("#export-errors-box")))
        # The hint is shown after the box's first layout (call_after_refresh): on a loaded machine after the pause.
        await wait_until(lambda: "PgDn、PgUp 翻看错误。" in _shown(app))
        shown = _shown(app)
        assert "按F5审阅查看全部" not in shown and "PgDn、PgUp 翻看错误。" in shown
        assert "导出" in shown and "取消" in shown  # the buttons stay on the screen
        for _ in range(4):
            await pilot.press("pagedown")
        await pilot.pause()
        assert "按F5审阅查看全部" in _shown(app)
        assert "“品行修养”尚未填写" not in _shown(app)
        for _ in range(4):
            await pilot.press("pageup")
        await pilot.pause()
        assert "“品行修养”尚未填写" in _shown(app)

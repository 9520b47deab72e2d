"""The key bar at the bottom: the keys of the screen as Textual's Footer shows them, with 帮助, 退出 and the
command palette always on it (also at 80 columns), never a key cut in half, and clicking a key presses it."""

from __future__ import annotations

from rich.cells import cell_len

from appraisal.tui.screens.editor import EditorScreen
from appraisal.tui.screens.help import HelpScreen
from appraisal.tui.widgets.key_bar import KeyBar

from .helpers import make_app, make_draft

# Most important first (the order of EditorScreen.BINDINGS).
EDITOR_KEYS = [
    "f3 个人信息",
    "f5 审阅",
    "f6 导出",
    "f7 历史",
    "f9 指导",
    "f8 外部编辑",
    "f2 栏目",
    "^s 保存",
    "alt+↓ 下一栏",
    "alt+↑ 上一栏",
]


def bar_text(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(KeyBar).render())


async def test_narrow_editor_keeps_help_quit_and_palette_and_whole_keys_only() -> None:
    app = make_app(make_draft())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = bar_text(app)
        assert len(text) <= 80
        for always in ("^q 退出", "f1 帮助", "^p 命令"):
            assert always in text
        assert text.startswith(" f3 个人信息 ")
        shown = [key for key in EDITOR_KEYS if key in text]
        assert shown == EDITOR_KEYS[: len(shown)]  # in order, from the first
        # The keys a writer needs, with their Chinese labels; 指导 also leads to the findings (问题 tab).
        assert shown[:5] == ["f3 个人信息", "f5 审阅", "f6 导出", "f7 历史", "f9 指导"]
        assert len(shown) < len(EDITOR_KEYS)  # 80 columns cannot hold them all…
        cut = EDITOR_KEYS[len(shown)].split()[0]
        assert f" {cut} " not in text  # …and the first one left out is left out whole


async def test_wide_editor_shows_more_keys() -> None:
    app = make_app(make_draft())
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.pause()
        text = bar_text(app)
        for key in [*EDITOR_KEYS, "f8 外部编辑", "f9 指导", "^o 其他草稿", "^q 退出", "f1 帮助", "^p 命令"]:
            assert key in text


async def test_clicking_a_key_presses_it() -> None:
    app = make_app(make_draft())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        text = bar_text(app)
        column = cell_len(text[: text.index("f1 帮助")]) + 1  # in cells: a Chinese character takes two
        await pilot.click(KeyBar, offset=(column, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_start_screen_keys() -> None:
    make_draft()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = bar_text(app)
        for key in ("r 继续最近的草稿", "n 新建", "i 导入文档", "^q 退出", "f1 帮助", "^p 命令"):
            assert key in text

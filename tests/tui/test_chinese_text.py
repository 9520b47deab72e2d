"""Guidance, findings, last year's text and help are drawn with the Chinese line-breaking rules too."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from appraisal.text.line_breaking import NO_LINE_END, NO_LINE_START
from appraisal.tui.widgets.chinese_markdown import ChineseMarkdown
from appraisal.tui.widgets.chinese_text import ChineseText

from .editing import editing, visible_lines
from .helpers import make_draft, wait_until
from .test_section_editor import KINSOKU_TEXT

GUIDANCE = (
    "## 写什么\n\n"
    "写政治立场、道德品行和工作作风，用具体事例说话，如“急难险重”任务中做了什么，完成了12项、覆盖2860亩。\n\n"
    "- 今年参加了哪些主题教育或专题学习？写清次数、时长，如“全年参加集中学习48学时”。\n"
    "- 群众和同事对你有哪些评价？不写空泛的表态，不与“理论学习”“廉政建设”两部分重复。\n"
)


def rendered(renderable: object, width: int) -> list[str]:
    console = Console(width=width, file=None, force_terminal=False, color_system=None, legacy_windows=False)
    with console.capture() as capture:
        console.print(renderable)
    return [line.rstrip() for line in capture.get().splitlines()]


def assert_broken_by_the_rules(lines: list[str]) -> None:
    for line in lines:
        stripped = line.strip().lstrip("•").strip()
        if stripped:
            assert stripped[0] not in NO_LINE_START, lines
            assert stripped[-1] not in NO_LINE_END, lines
    text = "".join(line.strip() for line in lines)
    for word in ("12项", "2860亩", "48学时"):
        assert word in text, (word, lines)


def test_markdown_and_text_follow_the_rules_at_every_width() -> None:
    for width in range(16, 61):
        assert_broken_by_the_rules(rendered(ChineseMarkdown(GUIDANCE), width))
        lines = rendered(ChineseText(Text(KINSOKU_TEXT)), width)
        assert "".join(lines) == KINSOKU_TEXT.replace("\n", "")
        for line in lines:
            assert line[0] not in NO_LINE_START, (width, lines)


async def test_the_panel_draws_findings_and_last_year_by_the_rules() -> None:
    last_year = make_draft(year=2024, sections={"conduct": KINSOKU_TEXT})
    text = "全年税收收入同比增长%，完成年度目标，服务企业“一对一”。" * 2
    async with editing({"conduct": text}, size=(100, 30)) as e:
        app, pilot, screen = e.app, e.pilot, e.screen
        await wait_until(lambda: screen.started)
        screen.go_to("conduct")
        await pilot.press("f4")
        await pilot.pause()
        shown = [line.strip() for line in visible_lines(app, screen.query_one("#findings-list")) if line.strip()]
        assert any("缺少" in line for line in shown)
        assert all(line[0] not in NO_LINE_START for line in shown), shown
        screen.guidance.open_tab("last-year")
        await pilot.pause()
        shown = [line.strip() for line in visible_lines(app, screen.query_one("#last-year-text")) if line.strip()]
        assert shown[0].startswith("2024年度")
        assert all(line[0] not in NO_LINE_START for line in shown), shown
        assert last_year.exists()


async def test_help_opened_by_f1_has_no_space_where_its_source_breaks_a_chinese_line() -> None:
    """Seen as a new user in tmux at 80x24: F1 read “按 N 新建， 按 I 导入” (and “在四页之间切换： “指导””): each line
    break inside a paragraph of the help's Markdown became a space."""
    from textual.geometry import Region
    from textual.widgets import Static

    from appraisal.tui.screens.help import HelpScreen

    async with editing({"intro": "本人任某市规划局副局长。"}, size=(80, 24)) as e:
        app, pilot = e.app, e.pilot
        await pilot.press("f1")
        await wait_until(lambda: isinstance(app.screen, HelpScreen))
        await pilot.pause()
        help_text = app.screen.query_one(Static)
        width, height = help_text.size
        text = "".join(strip.text.strip() for strip in help_text.render_lines(Region(0, 0, width, height)))
        assert "按N新建，按I导入已有文档" in text.replace(" ", ""), text
        for mark in "，。；：、）”":
            assert f"{mark} " not in text, (mark, text)
        assert "F9 指导" in text  # a space between Latin and Chinese is kept


def test_the_height_counted_without_drawing_is_the_height_drawn() -> None:
    """Textual asks each option of a list for its height on every layout (the finder's 500 places): counted from
    the line breaks, it must be the number of lines drawn, at every width, for blank and trailing lines too."""
    from rich.segment import Segment

    texts = [
        GUIDANCE,
        "",
        "\n",
        "一\n\n二\n",
        KINSOKU_TEXT,
        "abc " * 40,
        Text.assemble(("第3段 ", "dim"), "……帮助企业"),
    ]
    console = Console(width=200, file=None, force_terminal=False, color_system=None, legacy_windows=False)
    for text in texts:
        chinese = ChineseText(text)
        for width in (1, 2, 5, 19, 40, 80, 133):
            lines = Segment.split_lines(console.render(chinese, console.options.update_width(width)))
            assert chinese.height(width) == len(list(lines)), (str(text)[:20], width)

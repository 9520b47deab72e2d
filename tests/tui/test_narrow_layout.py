"""80×24 and 100 columns: every part reachable by a visible key, the guidance panel from 100 columns, and no bar
or hint cut through a 字 or hidden by a dialog."""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import OptionList

from appraisal.tui.screens.new_draft import NewDraftScreen
from appraisal.tui.widgets.guidance import TabStrip

from .editing import editing, screen_lines, visible_lines
from .helpers import expire, make_app, wait_until
from .test_section_editor import KINSOKU_TEXT


async def test_f4_shows_the_findings_at_80x24_and_enter_goes_to_one() -> None:
    async with editing({"results.service": "全年税收收入同比增长%，完成年度目标。"}) as e:
        app, pilot, screen = e.app, e.pilot, e.screen
        await wait_until(lambda: screen.started)
        screen.go_to("results.service")
        await pilot.pause()
        assert not screen.guidance.display or screen.guidance.region.width == 0  # hidden at 80 columns
        assert "f4 问题" in screen_lines(app)[-1]
        await pilot.press("f4")
        await pilot.pause()
        assert screen.guidance.region.width > 0
        assert screen.query_one("#guidance-tabs", TabStrip).tab == "findings"
        findings = screen.query_one("#findings-list", OptionList)
        assert findings.has_focus
        assert "缺少具体数字" in "".join(line.split("│")[-1].strip() for line in screen_lines(app))
        findings.highlighted = next(i for i, f in enumerate(screen.guidance.findings) if f.rule == "missing-figure")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.editor.has_focus
        assert screen.editor.cursor_location == (0, len("全年税收收入同比增长"))


async def test_100_columns_show_the_guidance_panel_and_whole_tab_names() -> None:
    async with editing(size=(100, 30)) as e:
        app, screen = e.app, e.screen
        await wait_until(lambda: screen.started)
        assert screen.guidance.region.width >= 28
        assert screen.editor.region.width >= 40  # room for 20 字 a line
        tabs = screen.query_one("#guidance-tabs", TabStrip)
        await wait_until(lambda: tabs.content_region.height > 0)  # laid out after the guidance is built
        shown = visible_lines(app, tabs)[0]
        for label in ("指导", "问题", "去年"):
            assert label in shown


async def test_headings_are_fitted_never_cut_through_a_character() -> None:
    # A draft name far wider than the bar at 80 columns.
    async with editing(on="results.foundation", name="欧阳文华" * 6) as e:
        app, screen = e.app, e.screen
        heading = visible_lines(app, screen.query_one("#section-heading"))[0]
        assert "有潜在、长远效应基础工作实绩" in heading  # the title whole; the group's name gave way
        assert "200–1200字" in heading
        status = visible_lines(app, screen.query_one("#status"))[0]
        assert "…" in status
        assert status.startswith("欧阳文华")
        assert status.endswith("已保存")
        assert "全文" in status


async def test_the_start_hint_is_not_hidden_by_the_new_draft_form_at_80x24() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(lambda: isinstance(app.screen, NewDraftScreen))
        await pilot.pause()
        top = "".join(line.strip() for line in screen_lines(app)[:5])
        assert "还没有草稿" in top
        assert "按N新建一份，或按I导入已有文档。" in top


async def test_a_toast_over_chinese_text_shows_every_character_of_both() -> None:
    """The toast's left edge falls on the middle of a 字 below it: the toast's own text is whole, and the text
    beside and below it is whole again once the toast has gone."""
    from textual.widgets._toast import Toast

    message = "草稿已保存到“某市统计局/2025年度/张三的述职报告.json”，文字均已写入，可以放心关闭窗口。"
    async with editing({"conduct": KINSOKU_TEXT * 3}, on="conduct", notifications=True) as e:
        app, pilot, screen = e.app, e.pilot, e.screen
        await pilot.press("ctrl+home")
        await pilot.pause()
        before = visible_lines(app, screen.editor)
        for length in (36, 37):  # two lengths of message: the toast's left edge on either half of a 字
            app.notify(message[:length], timeout=60)  # the test ends it: a loaded machine outran 0.5 s once
            await wait_until(lambda: any(isinstance(w, Toast) for w in screen.walk_children()))
            await pilot.pause()
            toast = next(w for w in screen.walk_children() if isinstance(w, Toast))
            shown = "".join(line.strip() for line in visible_lines(app, toast))
            assert shown == message[:length], shown
            await expire(pilot, toast)
            assert visible_lines(app, screen.editor) == before


async def test_a_toast_breaks_its_lines_by_the_chinese_rules() -> None:
    """Seen as a new user in tmux at 80x24: F4, Enter on a placeholder, and the cue read “已选中“XX”，直接输入即替
    换选中的文字” / “。” (Textual folds a toast's text wherever the line is full)."""
    from textual.widgets._toast import Toast

    from appraisal.text.line_breaking import NO_LINE_START

    text = "始终坚持把政治建设摆在首位，严格遵守政治纪律和政治规矩，对照XX要求查摆问题3条，全部整改到位。" * 4
    async with editing({"conduct": text}, on="conduct", notifications=True, started=True) as e:
        app, pilot, screen = e.app, e.pilot, e.screen
        await pilot.press("f4")
        await wait_until(lambda: screen.query_one("#findings-list", OptionList).has_focus)
        await pilot.press("enter")
        await wait_until(lambda: any(isinstance(w, Toast) for w in screen.walk_children()))
        await pilot.pause()
        toast = next(w for w in screen.walk_children() if isinstance(w, Toast))
        lines = [line.strip() for line in visible_lines(app, toast) if line.strip()]
        assert "".join(lines) == "已选中“XX”，直接输入即替换选中的文字。", lines
        assert all(line[0] not in NO_LINE_START for line in lines), lines
        await expire(pilot, toast)


async def test_each_section_stays_two_lines_however_long_it_is_and_at_any_size() -> None:
    """A pasted document of 1.6 million 字 showed "偏长 1602551字 选填" on three lines at 80 columns (the list wraps
    what does not fit). Every section's entry is its title and one line of state at 80×24, 100×30, 140×40 and
    after resizes back: counts of 万 are written as such, and what still does not fit is left off."""
    big = "\n".join(["好" * 100] * 1_232)  # 123,200 字
    sections = {"intro": big, "results.service": big, "conduct": "好" * 200}
    async with editing(sections, size=(80, 24)) as e:
        app, pilot, screen = e.app, e.pilot, e.screen
        listed = screen.section_list
        for size in ((80, 24), (100, 30), (140, 40), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await wait_until(lambda: listed.title_width() == listed.size.width - 3)
            await pilot.pause()
            rows = [line.rstrip("▁▂▃▄▅▆▇█ ") for line in visible_lines(app, listed) if line.strip()]  # no scrollbar
            entries = {o.id: str(o.prompt).split("\n") for o in listed.options if not o.disabled}
            assert all(len(lines) == 2 for lines in entries.values())
            width = listed.scrollable_content_region.width
            assert all(cell_len(line) <= width for lines in entries.values() for line in lines), (size, entries)
            shown = {line.strip() for o in listed.options for line in str(o.prompt).split("\n")}
            assert [row for row in rows if row.strip() not in shown] == [], size  # no piece of a wrapped line
            assert "12.3万" in entries["intro"][1]
            # the target (300字) fits beside the count at 140 columns and is left off below
            assert ("12.3万/300字" if size[0] >= 140 else "12.3万字") in entries["results.service"][1], size
            assert "完成 200/150字" in entries["conduct"][1]


def test_a_count_of_millions_is_written_in_wan_and_the_state_line_fits_its_room() -> None:
    from appraisal.templates import load_template
    from appraisal.tui.widgets.section_list import _state_tail, short_count

    assert [short_count(n) for n in (0, 9_999, 10_000, 123_200, 1_602_551)] == ["0", "9999", "1万", "12.3万", "160.3万"]
    template = load_template("cadre-annual")
    optional = template.placed("intro").section
    assert not optional.required
    for room in range(2, 30):
        tail = "".join(_state_tail(1_602_551, optional, room))
        assert cell_len(tail) <= room, room
    assert _state_tail(1_602_551, optional, 30) == (" 160.3万字", " 选填")

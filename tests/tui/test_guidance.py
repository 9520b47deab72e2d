"""The guidance panel: its pages (写作指导 / 本栏问题 / 去年内容) switched by keyboard and mouse, the count of
findings on the tab, the guidance Markdown drawn, and all of it built only after the editor's first frame."""

from __future__ import annotations

import asyncio

from rich.cells import cell_len
from textual.widgets import OptionList

from appraisal.tui.screens.editor import EditorScreen
from appraisal.tui.widgets.guidance import TabStrip

from .helpers import editor_ready, make_app, make_draft, wait_until


def page(editor: EditorScreen) -> str:
    shown = [p.id for p in editor.query(".guidance-page") if p.display]
    assert len(shown) == 1
    return str(shown[0])


async def wait_started(editor: EditorScreen) -> None:
    await wait_until(lambda: editor.started)


async def test_tabs_switch_with_arrow_keys_and_clicks() -> None:
    path = make_draft(sections={"conduct": "有XX处没填，还有XX处"})
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await editor_ready(app)
        await wait_started(editor)
        editor.go_to("conduct")
        await pilot.pause()
        strip = editor.query_one(TabStrip)
        assert page(editor) == "tab-guide"
        assert [f.rule for f in editor.findings["conduct"]] == ["section-too-short", "placeholder", "placeholder"]
        assert "本栏问题 3" in str(strip.render())  # the count of this section's findings

        strip.focus()
        await pilot.press("right")
        assert page(editor) == "tab-findings"
        await pilot.press("right")
        assert page(editor) == "tab-last-year"
        await pilot.press("right")
        assert page(editor) == "tab-material"
        await pilot.press("right")
        assert page(editor) == "tab-guide"
        await pilot.press("left")
        assert page(editor) == "tab-material"
        await pilot.press("left")
        assert page(editor) == "tab-last-year"

        text = str(strip.render())
        column = cell_len(text[: text.index("本栏问题")]) + 1
        await pilot.click(TabStrip, offset=(column, 0))
        await pilot.pause()
        assert page(editor) == "tab-findings"
        assert editor.editor.text == "有XX处没填，还有XX处"  # switching pages never touches the text


async def test_guidance_markdown_is_drawn_as_text() -> None:
    app = make_app(make_draft())
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await editor_ready(app)
        await wait_started(editor)
        editor.go_to("conduct")
        await pilot.pause()
        guide = editor.query_one("#guide-text")
        lines = [strip.text for strip in guide.render_lines(guide.region.reset_offset)]
        drawn = "\n".join(lines)
        markdown = editor.session.template.guidance("conduct")
        heading = next(line[3:] for line in markdown.splitlines() if line.startswith("## "))
        assert heading in drawn
        assert "## " not in drawn  # Markdown drawn, not shown raw


async def test_panel_is_built_after_the_first_frame() -> None:
    """The first frame holds the text and the section list; the tabs come right after."""
    app = make_app(make_draft(sections={"conduct": "文字"}))
    seen: list[bool] = []
    display = app._display

    def watch(screen, renderable) -> None:  # type: ignore[no-untyped-def]
        if renderable is not None and isinstance(screen, EditorScreen) and not seen:
            seen.append(screen.guidance.built)
        display(screen, renderable)

    app._display = watch  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)):
        editor = await editor_ready(app)
        await wait_started(editor)
        assert seen == [False]
        assert editor.guidance.built


async def test_last_year_tab_follows_a_changed_year() -> None:
    """Last year's draft is looked up in a worker; changing the 考核年度 (F3) looks again, and an answer to
    the earlier lookup never overwrites the newer one."""
    from textual.widgets import Input

    from appraisal.tui.screens.profile import ProfileScreen

    make_draft(name="李明", year=2024, sections={"law": "二〇二四年的依法行政"})
    make_draft(name="李明", year=2023, sections={"law": "二〇二三年的依法行政"})
    app = make_app(make_draft(name="李明", year=2025))
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await editor_ready(app)
        await wait_started(editor)
        editor.go_to("law")
        await pilot.pause()
        assert "二〇二四年的依法行政" in str(editor.query_one("#last-year-text").render())

        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        app.screen.query_one("#profile-year", Input).value = "2024"
        await pilot.click("#ok")
        await pilot.pause()
        assert app.screen is editor
        await wait_until(lambda: "二〇二三年的依法行政" in str(editor.query_one("#last-year-text").render()))
        assert "2023年度" in str(editor.query_one("#last-year-text").render())
        assert editor.last_year is not None and editor.last_year.profile.year == 2023


async def test_panel_takes_updates_while_its_tabs_are_being_mounted() -> None:
    """Last year's lookup (a worker's message) and section changes can come before and while the tabs are
    mounted: the panel keeps the latest of what it is given and shows it once the tabs are there."""
    from textual.app import App, ComposeResult

    from appraisal.tui.widgets.guidance import GuidancePanel

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield GuidancePanel(id="guidance")

    app = Host()
    async with app.run_test(size=(60, 30)) as pilot:
        panel = app.query_one(GuidancePanel)
        building = asyncio.create_task(panel.build())
        updates = 0
        while not building.done():
            panel.show_last_year(f"去年第{updates}次", 2024)
            panel.show_guidance(f"## 指导{updates}")
            updates += 1
            await asyncio.sleep(0)
        await building
        await pilot.pause()
        assert updates > 1
        assert panel.built
        assert f"去年第{updates - 1}次" in str(panel.query_one("#last-year-text").render())


async def test_enter_in_the_findings_list_acts_on_the_first_and_esc_returns_to_the_text_from_any_panel() -> None:
    path = make_draft(sections={"conduct": "有XX处没填，还有XX处"})
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await editor_ready(app)
        await wait_started(editor)
        editor.go_to("conduct")
        await pilot.pause()
        strip = editor.query_one(TabStrip)
        strip.focus()
        await pilot.press("right")  # the findings page, by keys alone
        await pilot.press("tab")  # into its list: nothing chosen by hand yet
        await pilot.pause()
        findings = editor.query_one("#findings-list", OptionList)
        assert app.focused is findings
        await pilot.press("enter")
        await pilot.pause()
        first = editor.findings["conduct"][0]
        assert editor.editor.has_focus
        assert editor.editor.cursor_location == (first.line - 1, first.column - 1)

        for panel in (editor.section_list, strip, findings):
            panel.focus()
            await pilot.pause()
            assert not editor.editor.has_focus
            await pilot.press("escape")
            await pilot.pause()
            assert editor.editor.has_focus, panel
            assert app.screen is editor

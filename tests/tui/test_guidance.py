"""The guidance panel: its pages (指导 / 问题 / 去年 / 素材) switched by keyboard and mouse, the count of
findings on the tab, the guidance Markdown drawn, and all of it built only after the editor's first frame."""

from __future__ import annotations

import asyncio

from rich.cells import cell_len
from textual.widgets import OptionList

from appraisal.tui.screens.editor import EditorScreen
from appraisal.tui.widgets.guidance import TabStrip

from .editing import editing
from .helpers import editor_ready, make_app, make_draft, wait_until


def page(editor: EditorScreen) -> str:
    shown = [p.id for p in editor.query(".guidance-page") if p.display]
    assert len(shown) == 1
    return str(shown[0])


async def wait_started(editor: EditorScreen) -> None:
    await wait_until(lambda: editor.started)


async def test_tabs_switch_with_arrow_keys_and_clicks() -> None:
    async with editing({"conduct": "有XX处没填，还有XX处"}, on="conduct", size=(120, 40), started=True) as e:
        strip = e.screen.query_one(TabStrip)
        assert page(e.screen) == "tab-guide"
        assert [f.rule for f in e.screen.findings["conduct"]] == ["section-too-short", "placeholder", "placeholder"]
        assert "问题 3" in str(strip.render())  # the count of this section's findings

        strip.focus()
        await e.pilot.press("right")
        assert page(e.screen) == "tab-findings"
        await e.pilot.press("right")
        assert page(e.screen) == "tab-last-year"
        await e.pilot.press("right")
        assert page(e.screen) == "tab-material"
        await e.pilot.press("right")
        assert page(e.screen) == "tab-guide"
        await e.pilot.press("left")
        assert page(e.screen) == "tab-material"
        await e.pilot.press("left")
        assert page(e.screen) == "tab-last-year"

        text = str(strip.render())
        column = cell_len(text[: text.index("问题")]) + 1
        await e.pilot.click(TabStrip, offset=(column, 0))
        await e.pilot.pause()
        assert page(e.screen) == "tab-findings"
        assert e.screen.editor.text == "有XX处没填，还有XX处"  # switching pages never touches the text


async def test_guidance_markdown_is_drawn_as_text() -> None:
    async with editing(on="conduct", size=(120, 40), started=True) as e:
        guide = e.screen.query_one("#guide-text")
        lines = [strip.text for strip in guide.render_lines(guide.region.reset_offset)]
        drawn = "\n".join(lines)
        markdown = e.screen.session.template.guidance("conduct")
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
    async with editing(name="李明", year=2025, on="law", size=(120, 40), started=True) as e:
        assert "二〇二四年的依法行政" in str(e.screen.query_one("#last-year-text").render())

        await e.pilot.press("f3")
        await e.pilot.pause()
        assert isinstance(e.app.screen, ProfileScreen)
        e.app.screen.query_one("#profile-year", Input).value = "2024"
        await e.pilot.click("#ok")
        await e.pilot.pause()
        assert e.app.screen is e.screen
        await wait_until(lambda: "二〇二三年的依法行政" in str(e.screen.query_one("#last-year-text").render()))
        assert "2023年度" in str(e.screen.query_one("#last-year-text").render())
        assert e.screen.last_year is not None and e.screen.last_year.profile.year == 2023


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
    async with editing({"conduct": "有XX处没填，还有XX处"}, on="conduct", size=(120, 40), started=True) as e:
        strip = e.screen.query_one(TabStrip)
        strip.focus()
        await e.pilot.press("right")  # the findings page, by keys alone
        await e.pilot.press("tab")  # into its list: nothing chosen by hand yet
        await e.pilot.pause()
        findings = e.screen.query_one("#findings-list", OptionList)
        assert e.app.focused is findings
        await e.pilot.press("enter")
        await e.pilot.pause()
        first = e.screen.findings["conduct"][0]
        assert e.screen.editor.has_focus
        assert e.screen.editor.cursor_location == (first.line - 1, first.column - 1)

        for panel in (e.screen.section_list, strip, findings):
            panel.focus()
            await e.pilot.pause()
            assert not e.screen.editor.has_focus
            await e.pilot.press("escape")
            await e.pilot.pause()
            assert e.screen.editor.has_focus, panel
            assert e.app.screen is e.screen

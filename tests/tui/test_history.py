"""History: earlier revisions listed newest first, previewed, and restored as a new revision."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from appraisal.store import load_draft
from appraisal.tui.screens.dialogs import ConfirmScreen
from appraisal.tui.screens.history import HistoryScreen

from .helpers import editor_ready, make_app, make_draft, wait_until


async def test_history_preview_and_restore() -> None:
    path = make_draft()
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await editor_ready(app)
        editor.go_to("law")
        editor.editor.insert("第一稿依法行政")
        editor.save_now()
        first_revision = editor.session.draft.revision
        editor.editor.insert("，后来又改了")
        editor.save_now()
        await pilot.press("f7")
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        options = history.query_one("#history-list", OptionList)
        assert str(options.get_option_at_index(0).prompt).startswith(f"第{first_revision + 1}版")
        index = next(i for i, e in enumerate(history.entries) if e.revision == first_revision)
        options.highlighted = index
        await pilot.pause()
        preview = str(history.query_one("#history-preview", Static).render())
        assert "第一稿依法行政" in preview
        assert "后来又改了" not in preview
        await pilot.press("r")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmScreen)
        assert f"第{first_revision}版" in str(confirm.query_one("#question").render())
        await pilot.press("escape")  # not yet: nothing is restored
        await pilot.pause()
        assert app.screen is history
        assert editor.session.draft.sections["law"] == "第一稿依法行政，后来又改了"
        await pilot.press("r")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert app.screen is editor
        assert editor.editor.text == "第一稿依法行政"
        assert editor.session.draft.revision > first_revision + 1
    on_disk = load_draft(path)
    assert on_disk.sections["law"] == "第一稿依法行政"
    assert on_disk.revision > first_revision + 1


async def test_history_shows_what_restoring_changes_per_section() -> None:
    path = make_draft(sections={"law": "依法行政，严格执法", "integrity": "廉洁自律"})
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await editor_ready(app)
        old_revision = editor.session.draft.revision
        editor.go_to("law")
        editor.editor.replace("公正", (0, 5), (0, 7))  # 严格 → 公正
        editor.editor.insert("，文明执法", editor.editor.document.end)
        editor.save_now()
        await pilot.press("f7")
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        index = next(i for i, e in enumerate(history.entries) if e.revision == old_revision)
        history.query_one("#history-list", OptionList).highlighted = index
        await pilot.pause()
        diff = history.query_one("#history-diff", Static)
        assert diff.display and not history.query_one("#history-preview", Static).display
        shown = str(diff.render())
        assert "依法行政（恢复后增加 2 字，删去 6 字）" in shown
        assert "依法行政，［-公正］［+严格］执法［-，文明执法］" in shown
        assert "廉政建设（无变化）" in shown
        await pilot.press("d")  # the revision's whole text instead
        await pilot.pause()
        assert history.query_one("#history-preview", Static).display and not diff.display


def test_long_sections_are_compared_by_line_quickly() -> None:
    import time

    from appraisal.tui.textdiff import section_change

    now = "\n".join(f"第{i}段，坚持以人民为中心的发展思想。" for i in range(3000))
    then = now.replace("第1500段", "第一千五百段")
    start = time.perf_counter()
    shown = str(section_change("长栏目", now, then))
    assert time.perf_counter() - start < 2
    assert "［-第1500段，坚持以人民为中心的发展思想。\n］［+第一千五百段，坚持以人民为中心的发展思想。\n］" in shown


def test_a_change_of_punctuation_only_says_so() -> None:
    """`增加 0 字，删去 0 字` read as if restoring changed nothing; 字 do not count punctuation."""
    from appraisal.tui.textdiff import section_change

    assert "恢复后只改动 2 处标点" in str(section_change("品行修养", "坚持学习,狠抓落实。", "坚持学习，狠抓落实!"))
    assert "恢复后增加 2 字，删去 0 字" in str(section_change("品行修养", "坚持学习。", "坚持学习原著。"))
    assert "恢复后只改动空格或换行" in str(section_change("品行修养", "坚持学习。", "坚持学习。 "))


async def test_the_history_heading_never_starts_a_line_with_a_closing_bracket() -> None:
    """Seen as a new user in tmux at 80x24 (12 revisions): F7's heading read “［+增加” / “］），按D看…”: the
    full-width square brackets were missing from the line-breaking rules."""
    from appraisal.text.line_breaking import NO_LINE_END, NO_LINE_START

    from .editing import visible_lines

    path = make_draft()
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await editor_ready(app)
        await pilot.press(*"abc", "ctrl+s")
        await pilot.press("f7")
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        heading = history.query_one("#history-summary")
        for width in range(60, 101):
            await pilot.resize_terminal(width, 24)
            await pilot.pause()
            lines = [line.strip() for line in visible_lines(app, heading) if line.strip()]
            assert "［-删去］［+增加］" in "".join(lines), (width, lines)
            for line in lines:
                assert line[0] not in {*NO_LINE_START, "］"} and line[-1] not in {*NO_LINE_END, "［"}, (width, lines)
        assert editor.session.draft.revision >= 1


async def test_a_count_keeps_its_unit_on_the_line_in_the_history_preview() -> None:
    """Seen as a new user in tmux at 80x24: F7 read “品行修养（恢复后增加 0 字，删去 44” / “字）”: a number and its
    unit with a space between them could be split."""
    from .editing import visible_lines

    path = make_draft(sections={"conduct": "始终坚持把政治建设摆在首位。"})
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await editor_ready(app)
        editor.go_to("conduct")
        await pilot.pause()
        await pilot.press(*"严格遵守政治纪律", "ctrl+s")
        await wait_until(lambda: editor.session.draft.sections["conduct"].endswith("政治纪律"))
        first = editor.session.draft.revision
        await pilot.press(*"和政治规矩对照要求查摆问题三条全部整改到位", "ctrl+s")
        await wait_until(lambda: editor.session.draft.revision > first)
        await pilot.press("f7")
        await wait_until(lambda: isinstance(app.screen, HistoryScreen) and len(app.screen.entries) >= 2)
        history = app.screen
        assert isinstance(history, HistoryScreen)
        await pilot.press("end")  # the first revision: restoring it takes out all that was typed
        await pilot.pause()
        preview = history.query_one("#history-preview-box")
        seen = 0
        for width in range(60, 101):
            await pilot.resize_terminal(width, 24)
            await pilot.pause()
            lines = [line.strip() for line in visible_lines(app, preview) if line.strip()]
            joined = "".join(lines)
            if "删去" in joined:
                seen += 1
                assert all(not line.startswith("字") for line in lines), (width, lines)
        assert seen > 0


async def test_the_section_list_after_a_restore_and_a_resize_counts_the_restored_text() -> None:
    """Seen in tmux: after F7 restored an older version, widening the window showed the section's count from
    before the restore (107 字 beside 91 restored): the list rebuilt its lines from the draft it was first given."""
    path = make_draft(sections={"law": "依法行政"})
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await editor_ready(app)
        editor.go_to("law")
        await pilot.press("end", *"后来又补了许多字", "ctrl+s")
        await wait_until(lambda: load_draft(path).sections["law"] == "依法行政后来又补了许多字")
        await pilot.press("f7")
        await wait_until(lambda: isinstance(app.screen, HistoryScreen))
        await pilot.press("end", "r")
        await wait_until(lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_until(lambda: app.screen is editor and editor.editor.text == "依法行政")

        def law_line() -> str:
            return editor.section_list.get_option("law").prompt.plain  # type: ignore[union-attr]

        await wait_until(lambda: " 4/100字" in law_line())
        width = editor.section_list.title_width()
        await pilot.resize_terminal(140, 40)  # the list is wider there: its lines are laid out again
        await wait_until(lambda: editor.section_list.title_width() != width)
        await pilot.pause()
        assert " 4/100字" in law_line()

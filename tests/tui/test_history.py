"""History: earlier revisions listed newest first, previewed, and restored as a new revision."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from appraisal.store import load_draft
from appraisal.tui.screens.editor import EditorScreen
from appraisal.tui.screens.history import HistoryScreen

from .helpers import make_app, make_draft


async def test_history_preview_and_restore() -> None:
    path = make_draft()
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EditorScreen)
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
        assert str(options.get_option_at_index(0).prompt).startswith(f"第 {first_revision + 1} 版")
        index = next(i for i, e in enumerate(history.entries) if e.revision == first_revision)
        options.highlighted = index
        await pilot.pause()
        preview = str(history.query_one("#history-preview", Static).render())
        assert "第一稿依法行政" in preview
        assert "后来又改了" not in preview
        await pilot.press("r")
        await pilot.pause()
        assert app.screen is editor
        assert editor.editor.text == "第一稿依法行政"
        assert editor.session.draft.revision > first_revision + 1
    on_disk = load_draft(path)
    assert on_disk.sections["law"] == "第一稿依法行政"
    assert on_disk.revision > first_revision + 1

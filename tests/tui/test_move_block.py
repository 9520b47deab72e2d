"""Ctrl+G in the editor: the cursor's paragraph (or the selected ones) goes to the end of another section, saved as
a new revision, nothing lost or doubled; the way to fix a block an import put in the wrong place."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import OptionList
from textual.widgets.text_area import Selection

from appraisal.draft import count_zi
from appraisal.store import load_draft
from appraisal.tui.screens.editor import EditorScreen
from appraisal.tui.screens.move_block import MoveBlockScreen, block_rows

from .helpers import editor_ready, make_app, make_draft, wait_until
from .test_import_document import FREE_FORM

PROJECTS = "二、扭住项目建设这个牛鼻子"
PROJECT_BODY = "推动重点项目八个，完成投资十亿元。"
INTEGRITY = "三、守住廉洁底线"


def imported_draft(tmp_path: Path) -> Path:
    """A draft as an import leaves it when it cannot place a report's own headings: the 项目 and 廉洁 blocks in
    述德 — the case this action is for."""
    politics = "\n".join(FREE_FORM.splitlines()[3:9])
    assert politics.startswith("一、把学习当作第一需要") and PROJECTS in politics and INTEGRITY in politics
    return make_draft(
        template="duty-report",
        year=2025,
        sections={"politics": politics, "shortcomings": "调查研究还不够深入。", "plans": "继续抓好项目建设。"},
        path=tmp_path / "述职.json",
    )


def with_unmatched(path: Path, unmatched: str) -> Path:
    """The draft at `path` given text its import kept out of every section (as a Word table's cells), written as
    the importer leaves it."""
    draft = load_draft(path)
    draft.unmatched = unmatched
    path.write_text(json.dumps(draft.to_json_dict(), ensure_ascii=False), encoding="utf-8")
    return path


async def open_on(app, pilot, section_id: str) -> EditorScreen:  # type: ignore[no-untyped-def]
    editor = await editor_ready(app)
    editor.go_to(section_id)
    await pilot.pause()
    return editor


async def choose(app, pilot, target: str) -> None:  # type: ignore[no-untyped-def]
    await wait_until(lambda: isinstance(app.screen, MoveBlockScreen))
    options = app.screen.query_one("#move-targets", OptionList)
    options.highlighted = next(i for i, o in enumerate(options.options) if o.id == target)
    await pilot.press("enter")
    await wait_until(lambda: isinstance(app.screen, EditorScreen))


def test_block_rows() -> None:
    assert block_rows(Selection((2, 3), (2, 3))) == (2, 3)  # the cursor's paragraph
    assert block_rows(Selection((3, 1), (1, 4))) == (1, 4)  # selected backwards
    assert block_rows(Selection((1, 0), (3, 0))) == (1, 3)  # whole lines by Shift+↓: not the row it ends on
    assert block_rows(Selection((1, 2), (1, 0))) == (1, 2)


async def test_selected_paragraphs_move_to_another_section_on_disk(tmp_path: Path) -> None:
    path = imported_draft(tmp_path)
    before = load_draft(path)
    lines = before.sections["politics"].split("\n")
    start = lines.index(PROJECTS)
    total = sum(count_zi(t) for t in before.sections.values())
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_on(app, pilot, "politics")
        editor.editor.selection = Selection((start, 3), (start + 1, 2))  # the heading line and its paragraph
        await pilot.press("ctrl+g")
        await wait_until(lambda: isinstance(app.screen, MoveBlockScreen))
        dialog = app.screen
        assert isinstance(dialog, MoveBlockScreen)
        assert "politics" not in [o.id for o in dialog.query_one("#move-targets", OptionList).options]
        await choose(app, pilot, "duties")
        assert PROJECTS not in editor.editor.text  # the editor shows the section without the block
        await pilot.press("ctrl+z")  # undo history starts afresh: the block cannot come back beside its copy
        await pilot.pause()
        assert PROJECTS not in editor.editor.text
    after = load_draft(path)
    assert after.revision > before.revision
    assert after.sections["duties"].split("\n") == [PROJECTS, PROJECT_BODY]
    assert after.sections["politics"].split("\n") == lines[:start] + lines[start + 2 :]
    assert sum(count_zi(t) for t in after.sections.values()) == total  # nothing lost, nothing doubled


async def test_cursor_paragraph_goes_to_the_end_of_a_section_with_text(tmp_path: Path) -> None:
    path = imported_draft(tmp_path)
    before = load_draft(path)
    lines = before.sections["politics"].split("\n")
    row = lines.index(INTEGRITY)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_on(app, pilot, "politics")
        editor.editor.move_cursor((row, 2))
        await pilot.press("ctrl+g")
        await choose(app, pilot, "plans")
    after = load_draft(path)
    assert after.sections["plans"].split("\n") == [*before.sections["plans"].split("\n"), INTEGRITY]
    assert INTEGRITY not in after.sections["politics"]


async def test_escape_moves_nothing_and_an_empty_line_is_refused(tmp_path: Path) -> None:
    path = imported_draft(tmp_path)
    before = load_draft(path)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_on(app, pilot, "politics")
        editor.editor.move_cursor((0, 0))
        await pilot.press("ctrl+g")
        await wait_until(lambda: isinstance(app.screen, MoveBlockScreen))
        await pilot.press("escape")
        await wait_until(lambda: isinstance(app.screen, EditorScreen))
        await open_on(app, pilot, "law")  # an empty section: nothing to move, no dialog
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert any("没有文字" in n.message for n in app._notifications)
    assert load_draft(path).sections == before.sections


async def test_move_is_in_the_palette_with_its_key(tmp_path: Path) -> None:
    app = make_app(imported_draft(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_on(app, pilot, "politics")
        helps = {c.title: c.help for c in editor.commands()}
        assert helps["移到其他栏目…"].endswith("（Ctrl+G）")
    from appraisal.tui.screens.help import HELP_TEXT

    assert "**Ctrl+G 移到其他栏目**：把光标所在段落" in HELP_TEXT


async def test_unmatched_lines_are_listed_and_moved_into_the_current_section() -> None:
    from appraisal.tui.screens.move_block import UnmatchedScreen

    path = with_unmatched(make_draft(sections={"law": "组织学法四次。"}), "姓名：李明\n\n产业园　四亿元")
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_on(app, pilot, "law")
        assert any("未归类内容" in n.message for n in app._notifications)  # said when the draft opens
        await app.run_action("command_palette")
        await wait_until(lambda: not isinstance(app.screen, EditorScreen))
        await pilot.press(*"未归类内容")
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(lambda: isinstance(app.screen, UnmatchedScreen))
        dialog = app.screen
        assert isinstance(dialog, UnmatchedScreen)
        options = dialog.query_one("#unmatched-lines", OptionList)
        assert [str(o.prompt) for o in options.options] == ["姓名：李明", "", "产业园　四亿元"]
        options.highlighted = 2
        await pilot.press("enter")
        await wait_until(lambda: isinstance(app.screen, EditorScreen))
        assert editor.editor.text == "组织学法四次。\n产业园　四亿元"
    after = load_draft(path)
    assert after.sections["law"] == "组织学法四次。\n产业园　四亿元"
    assert after.unmatched.split("\n") == ["姓名：李明", ""]


async def test_all_unmatched_lines_at_once_and_none_left_is_said() -> None:
    from appraisal.tui.screens.move_block import UnmatchedScreen

    path = with_unmatched(make_draft(), "项目\n投资")
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_on(app, pilot, "study")
        await editor.run_action("take_unmatched")
        await wait_until(lambda: isinstance(app.screen, UnmatchedScreen) and app.screen.query("#all"))
        await pilot.pause()
        await pilot.click("#all")
        await wait_until(lambda: isinstance(app.screen, EditorScreen))
        await editor.run_action("take_unmatched")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert any("没有未归类的内容" in n.message for n in app._notifications)
    after = load_draft(path)
    assert after.sections["study"] == "项目\n投资" and after.unmatched == ""

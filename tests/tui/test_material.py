"""The 素材 page: this section's notes by date (Enter inserts one at the cursor), Ctrl+N adds one, and last year's
plans as a checklist; a snapshot of the page at 120×40."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from appraisal.notes import NewNote, add_notes, load_notes
from appraisal.tui.screens.editor import EditorScreen
from appraisal.tui.screens.editor_side import NOTE_RUNS_ON
from appraisal.tui.widgets.guidance import TabStrip
from appraisal.tui.widgets.material import MaterialPage, PlanChecklist, as_sentence, runs_on

from .helpers import dated_draft, editor_ready, make_app, user_template, wait_until

TEMPLATE_TOML = """\
id = "mat"
name = "素材测试模板"
title = "{year}年度个人总结"

[[sections]]
id = "conduct"
title = "品行修养"
required = true
min_chars = 10
max_chars = 800

[[sections]]
id = "results"
title = "工作实绩"
required = true
min_chars = 10
max_chars = 1500

[[sections]]
id = "plans"
title = "下一步打算"
min_chars = 0
max_chars = 600
"""

LAST_PLANS = "一是加强理论武装，每月开展专题学习不少于2次。\n二是狠抓项目落地，确保重点项目开工率达到90%。"


@pytest.fixture
def mat_home(utc: None) -> Path:
    return user_template("mat", TEMPLATE_TOML)


def _draft(year: int, mtime: int, **sections: str) -> Path:
    return dated_draft("mat", f"mat{year}", "李明", year, mtime, **sections)


def _notes() -> None:
    add_notes(
        2025,
        [
            NewNote("牵头完成全市统计数据质量核查，纠错132处", dt.date(2025, 6, 3), "results", "mat"),
            NewNote("组织开展统计法宣传月活动", dt.date(2025, 3, 15), "results", "mat"),
            NewNote("参加党纪学习教育读书班", dt.date(2025, 5, 1), "conduct", "mat"),
        ],
    )


async def _editor_on(pilot: Pilot[object], section_id: str) -> EditorScreen:
    editor = await editor_ready(pilot.app)
    await wait_until(lambda: editor.started)
    editor.go_to(section_id)
    editor.guidance.open_tab("material")
    await pilot.pause()
    return editor


async def test_enter_inserts_the_chosen_note_at_the_cursor(mat_home: Path) -> None:
    _notes()
    path = _draft(2025, 1_764_560_000, results="全年工作。成效明显。")
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await _editor_on(pilot, "results")
        page = editor.query_one(MaterialPage)
        assert [n.text for n in page.notes] == ["组织开展统计法宣传月活动", "牵头完成全市统计数据质量核查，纠错132处"]
        editor.editor.cursor_location = (0, 5)  # after 全年工作。
        notes = page.query_one("#notes-list", OptionList)
        notes.focus()
        notes.highlighted = 1
        await pilot.press("enter")
        await pilot.pause()
        # A sentence of its own: closed with 。, so it does not run into the sentence after it.
        assert editor.editor.text == "全年工作。牵头完成全市统计数据质量核查，纠错132处。成效明显。"
        assert editor.editor.has_focus  # back to writing, the cursor after the inserted note
        assert editor.editor.cursor_location == (0, 5 + len("牵头完成全市统计数据质量核查，纠错132处。"))
        assert editor.session.draft.sections["results"] == editor.editor.text  # saved like typing
        editor.go_to("conduct")
        await pilot.pause()
        assert [n.text for n in page.notes] == ["参加党纪学习教育读书班"]  # this section's notes only


def test_a_note_goes_in_as_a_sentence_of_its_own() -> None:
    """The note is closed with 。; whether it follows a sentence left open is said, never mended in the text."""
    assert as_sentence("组织开展宣传月活动") == "组织开展宣传月活动。"
    assert as_sentence("组织开展宣传月活动！") == "组织开展宣传月活动！"
    assert runs_on("全年工作")
    assert not runs_on("全年工作。")
    assert not runs_on("")
    assert not runs_on("主要做了三件事：")


async def test_a_note_after_an_open_sentence_leaves_the_writers_words_as_typed(mat_home: Path) -> None:
    """A new user typed 树上打字 and inserted a note with Enter: a 。 was added to the words typed
    (树上打字。…). The words stay as typed; the note goes in closed, and one sentence says to check the join."""
    _notes()
    path = _draft(2025, 1_764_560_000, results="树上打字")
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await editor_ready(app)
        await wait_until(lambda: editor.started)
        editor.go_to("results")
        await pilot.pause()
        await pilot.press("ctrl+end", "tab", "right", "right", "right", "tab", "enter")
        await wait_until(lambda: editor.editor.text != "树上打字")
        assert editor.editor.text == "树上打字组织开展统计法宣传月活动。"
        assert NOTE_RUNS_ON in [n.message for n in app._notifications]


async def test_the_notes_and_the_checklist_work_from_the_keyboard_alone(mat_home: Path) -> None:
    """Reached with Tab (no click, nothing highlighted beforehand), Enter inserts the first note and Space ticks
    the first plan; both did nothing in a real terminal, since neither list had a highlighted row."""
    _notes()
    _draft(2024, 1_733_000_000, plans=LAST_PLANS)
    path = _draft(2025, 1_764_560_000, results="全年工作。")
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await editor_ready(app)
        await wait_until(lambda: editor.started)
        editor.go_to("results")
        checklist = await _plans_shown(editor)
        editor.editor.focus()
        editor.editor.move_cursor(editor.editor.document.end)
        await pilot.press("tab")  # the tab strip
        assert isinstance(app.focused, TabStrip)
        await pilot.press("right", "right", "right")  # 指导 → 问题 → 去年 → 素材
        await pilot.press("tab")
        notes = editor.query_one("#notes-list", OptionList)
        assert app.focused is notes
        await pilot.press("enter")
        await wait_until(lambda: editor.editor.text == "全年工作。组织开展统计法宣传月活动。")
        await pilot.press("tab", "tab", "tab")  # the tab strip (素材 still shown), the notes, the checklist
        assert app.focused is checklist
        await pilot.press("space")
        assert checklist.checked == {0}


async def test_ctrl_n_adds_a_note_to_this_section(mat_home: Path) -> None:
    path = _draft(2025, 1_764_560_000)
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await _editor_on(pilot, "conduct")
        editor.editor.focus()
        await pilot.press("ctrl+n")
        await wait_until(lambda: bool(app.screen.query("#answer")))
        app.screen.query_one("#answer", Input).value = "带头开展谈心谈话12人次"
        await pilot.press("enter")
        await wait_until(lambda: bool(editor.query_one(MaterialPage).notes))
        (note,) = load_notes(2025).notes
        assert (note.text, note.section, note.template, note.guessed) == (
            "带头开展谈心谈话12人次",
            "conduct",
            "mat",
            "",
        )
        assert [n.text for n in editor.query_one(MaterialPage).notes] == ["带头开展谈心谈话12人次"]
        assert editor.editor.text == ""  # adding a note does not touch the text


async def test_last_years_plans_are_a_checklist(mat_home: Path) -> None:
    _draft(2024, 1_733_000_000, plans=LAST_PLANS)
    path = _draft(2025, 1_764_560_000)
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await _editor_on(pilot, "conduct")
        checklist = editor.query_one("#plans-list", PlanChecklist)
        await wait_until(lambda: checklist.option_count == 2)
        assert checklist.items == [
            "加强理论武装，每月开展专题学习不少于2次。",
            "狠抓项目落地，确保重点项目开工率达到90%。",
        ]
        checklist.focus()
        checklist.highlighted = 1
        await pilot.press("space")
        assert checklist.checked == {1}
        assert str(checklist.get_option_at_index(1).prompt).startswith("☑")
        await pilot.press("up", "enter")
        assert checklist.checked == {0, 1}
        await pilot.press("space")
        assert checklist.checked == {1}
        editor.go_to("results")  # another section: the ticks stay
        await pilot.pause()
        assert checklist.checked == {1}


async def test_ticked_plans_are_still_ticked_when_the_draft_is_opened_again(mat_home: Path) -> None:
    """The ticks are kept beside the draft (ui_state), not in it: ticking makes no revision."""
    _draft(2024, 1_733_000_000, plans=LAST_PLANS)
    path = _draft(2025, 1_764_560_000)
    before = path.read_bytes()
    for ticks in ({1}, {0}):  # the first opening ticks the second plan; the second finds it and changes it
        app = make_app(path)
        async with app.run_test(size=(120, 40)) as pilot:
            editor = await _editor_on(pilot, "conduct")
            checklist = await _plans_shown(editor)
            expected = {1} if ticks == {0} else set()
            assert checklist.checked == expected
            assert str(checklist.get_option_at_index(1).prompt).startswith("☑" if expected else "☐")
            checklist.focus()
            for index in range(2):
                if (index in ticks) != (index in checklist.checked):
                    checklist.highlighted = index
                    await pilot.press("space")
            assert checklist.checked == ticks
            await pilot.press("ctrl+q")
        assert path.read_bytes() == before
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await _editor_on(pilot, "conduct")
        assert (await _plans_shown(editor)).checked == {0}


async def _plans_shown(editor: EditorScreen) -> PlanChecklist:
    checklist = editor.query_one("#plans-list", PlanChecklist)
    await wait_until(lambda: checklist.option_count == 2)
    return checklist


async def test_without_last_year_the_checklist_says_so(mat_home: Path) -> None:
    path = _draft(2025, 1_764_560_000)
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await _editor_on(pilot, "conduct")
        await wait_until(lambda: editor.last_year_lookup.known)
        await pilot.pause()
        assert not editor.query_one("#plans-list", PlanChecklist).display
        heading = editor.query_one("#plans-heading")
        assert "上一年度草稿中没有找到打算或努力方向" in str(heading.render())


def test_material_page_120x40(snap_compare, mat_home: Path) -> None:  # type: ignore[no-untyped-def]
    _notes()
    _draft(2024, 1_733_000_000, plans=LAST_PLANS)
    path = _draft(2025, 1_764_560_000, results="全年工作。")

    async def run_before(pilot: Pilot[object]) -> None:
        editor = await _editor_on(pilot, "results")
        checklist = editor.query_one("#plans-list", PlanChecklist)
        await wait_until(lambda: checklist.option_count == 2)
        checklist.highlighted = 0
        checklist.action_tick()
        editor.editor.focus()
        await pilot.pause()

    assert snap_compare(make_app(path), terminal_size=(120, 40), run_before=run_before)


async def test_a_section_copied_from_last_year_is_flagged_in_the_editor_and_the_review(mat_home: Path) -> None:
    copied = (
        "2024年，本人牵头完成全市统计数据质量核查。组织开展统计法宣传月活动，覆盖企业300余家。"
        "建立基层统计人员培训制度，全年培训两期。"
    )
    _draft(2024, 1_733_000_000, results=copied)
    path = _draft(2025, 1_764_560_000, results=copied.replace("2024年", "2025年"), conduct="坚持学习，严格自律。")
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await _editor_on(pilot, "results")
        await wait_until(lambda: any(f.rule == "copied-from-last-year" for f in editor.findings.get("results", [])))
        assert not any(f.rule == "copied-from-last-year" for f in editor.findings.get("conduct", []))
        editor.editor.insert("今年新增数据共享平台建设，接入部门18个。")  # 3 of 4 sentences still last year's
        await pilot.pause()
        assert "接入部门18个" in editor.session.draft.sections["results"]
        editor.check_section("results")
        assert any(f.rule == "copied-from-last-year" for f in editor.findings["results"])
        await pilot.press("f5")
        await wait_until(lambda: type(app.screen).__name__ == "ReviewScreen" and app.screen.findings)  # type: ignore[attr-defined]
        assert any(f.rule == "copied-from-last-year" for f in app.screen.findings)  # type: ignore[attr-defined]


async def test_the_whole_draft_is_checked_once_on_opening_and_once_on_a_profile_change(mat_home: Path) -> None:
    """The opening check waits for last year's lookup, so it runs once and still finds what was copied (before,
    it ran again when last year's draft was found, and twice more after F3)."""
    copied = "2024年，本人牵头完成全市统计数据质量核查。组织开展统计法宣传月活动，覆盖企业300余家。"
    _draft(2024, 1_733_000_000, results=copied)
    path = _draft(2025, 1_764_560_000, results=copied.replace("2024年", "2025年"), conduct="坚持学习，严格自律。")
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await _editor_on(pilot, "results")
        assert editor.last_year is not None
        assert any(f.rule == "copied-from-last-year" for f in editor.findings["results"])
        assert editor.checks.whole.started == 1
        await pilot.press("f3")
        await wait_until(lambda: type(app.screen).__name__ == "ProfileScreen")
        await pilot.press("enter", "enter", "home", "副", *["enter"] * 4)  # 职务 科长 → 副科长, Enter on to 保存
        await wait_until(lambda: editor.session.draft.profile.position == "副科长" and editor.started)
        assert editor.checks.whole.started == 2
        assert any(f.rule == "copied-from-last-year" for f in editor.findings["results"])


async def test_f9_onto_the_material_page_then_enter_inserts_the_highlighted_note(mat_home: Path) -> None:
    """At 80×24, F9 showing the 素材 page (the tab last chosen) gives its list the focus: Enter inserts the
    highlighted 素材 as the heading says (it added two empty paragraphs to the text before), and typing still
    goes into the text. With no 素材 the heading promises no Enter and the focus stays in the text."""
    _notes()
    path = _draft(2025, 1_764_560_000, conduct="政治坚定。", results="全年工作。")
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await editor_ready(pilot.app)
        await wait_until(lambda: editor.started)
        assert editor.current_id == "conduct"
        await pilot.press("f9")
        for _ in range(6):  # Tab to the tab strip, ← to 素材 (the last tab)
            if isinstance(app.focused, TabStrip):
                break
            await pilot.press("tab")
        await pilot.press("left")
        await pilot.press("f9", "f9")  # hidden, and shown again on its 素材 page
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "\n\n" not in editor.editor.text
        await wait_until(lambda: "参加党纪学习教育读书班" in editor.editor.text)
        assert "回车插入" in str(editor.query_one("#notes-heading").render())
        await pilot.press("f9", "f9")
        await pilot.press("好")
        await wait_until(lambda: "好" in editor.editor.text)
        assert app.focused is editor.editor
        await pilot.press("ctrl+pagedown")  # 工作实绩 has 素材 too; 下一步打算 has none
        await pilot.press("ctrl+pagedown")
        await wait_until(lambda: editor.current_id == "plans")
        await pilot.press("f9", "f9")
        await pilot.pause()
        assert "回车插入" not in str(editor.query_one("#notes-heading").render())
        assert app.focused is editor.editor

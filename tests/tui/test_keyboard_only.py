"""Every dialog and panel driven by its keys alone, as a writer does: open it by its key, type, confirm by Enter.
No test here sets a widget's value or its focus: a dialog that did not take what was typed (the 记素材 line whose
focus its base class gave to 确定) or a panel that dropped it (F4, then typing on) fails here.

The rule under test: no printable key is ever dropped. A panel or list that has the focus passes typing on to the
text (arrows, Enter, Space stay its own); every dialog with an input line has its focus there."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from appraisal.notes import load_notes
from appraisal.store import draft_files, load_draft
from appraisal.tui.app import AppraisalApp
from appraisal.tui.screens.editor import EditorScreen
from appraisal.tui.screens.history import HistoryScreen
from appraisal.tui.screens.review import ReviewScreen
from appraisal.tui.widgets.guidance import TabStrip

from .editing import editing
from .helpers import FakeMonotonic, editor_ready, make_app, make_draft, wait_until

# intro holds a placeholder (a finding, so F4 has a list to focus); conduct is long enough to have none.
INTRO = "本人XX年来认真履职。"
NOTE = "带头开展谈心谈话12人次"


async def _ready(pilot: Pilot[object]) -> EditorScreen:
    editor = await editor_ready(pilot.app)
    await wait_until(lambda: editor.started)
    await pilot.pause()
    return editor


async def _type(pilot: Pilot[object], text: str) -> None:
    """Each character as a key, as a terminal sends them (an input method's burst is the same keys, at once)."""
    await pilot.press(*text)
    await pilot.pause()


async def _note_by_keys(app: AppraisalApp, pilot: Pilot[int], editor: EditorScreen, typed: str) -> None:
    """Ctrl+N, the note typed key by key, Enter: back in the editor with the note saved."""
    await pilot.press("ctrl+n")
    await wait_until(lambda: app.screen is not editor)
    await _type(pilot, typed)
    await pilot.press("enter")
    await wait_until(lambda: app.screen is editor)
    await wait_until(lambda: bool(load_notes(2025).notes))


async def test_ctrl_n_types_the_note_into_its_line_and_enter_keeps_it() -> None:
    async with editing({"intro": INTRO}, size=(80, 24), started=True) as e:
        await _note_by_keys(e.app, e.pilot, e.screen, NOTE)
        assert [note.text for note in load_notes(2025).notes] == [NOTE]
        assert e.screen.editor.text == INTRO  # nothing leaked into the text


@pytest.mark.parametrize(
    ("typed", "date", "kept"),
    [
        ("2025年3月5日 走访企业12家", (2025, 3, 5), "走访企业12家"),
        ("3月5日 走访企业12家", (2025, 3, 5), "走访企业12家"),
        ("2025-03-05 走访企业12家", (2025, 3, 5), "走访企业12家"),
        ("3.5 走访企业12家", (2025, 3, 5), "走访企业12家"),
        ("3月5日走访企业12家", (2025, 3, 5), "3月5日走访企业12家"),
    ],
)
async def test_ctrl_n_takes_the_date_a_note_starts_with(typed: str, date: tuple[int, int, int], kept: str) -> None:
    """The dialog said 日期记为今天 and dated every note today, whatever date the writer typed first."""
    import datetime as dt

    async with editing({"intro": INTRO}, size=(80, 24), started=True) as e:
        await _note_by_keys(e.app, e.pilot, e.screen, typed)
        (note,) = load_notes(2025).notes
        assert (note.date, note.text) == (dt.date(*date), kept)


async def test_save_as_takes_the_typed_name_and_enter_saves() -> None:
    async with editing({"intro": INTRO}, size=(100, 30), started=True) as e:
        app, pilot, editor = e.app, e.pilot, e.screen
        await pilot.press("ctrl+p")
        await _type(pilot, "另存为")
        await pilot.press("enter")
        await wait_until(lambda: isinstance(app.focused, Input) and "副本" in app.focused.value)
        await pilot.press("end", "backspace", "backspace", "backspace", "backspace", "backspace")  # .json
        await _type(pilot, "2")
        await pilot.press("enter")
        await wait_until(lambda: app.screen is editor)
        target = e.path.with_name(f"{e.path.stem}-副本2.json")
        assert editor.session.path == target
        assert load_draft(target).sections["intro"] == INTRO


async def test_typing_after_f4_goes_into_the_text() -> None:
    """F4 focuses the findings list; the writer typing on loses nothing. Enter there still jumps."""
    async with editing({"intro": INTRO}, size=(120, 40), started=True) as e:
        app, pilot, editor = e.app, e.pilot, e.screen
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.focused, OptionList)
        await _type(pilot, "全年无休")
        assert editor.editor.text == INTRO + "全年无休"
        assert app.focused is editor.editor
        await pilot.press("f4", "enter")  # Enter stays the list's: to the placeholder, selected
        await pilot.pause()
        assert editor.editor.selected_text == "XX"
        await _type(pilot, "十")
        assert editor.editor.text.startswith("本人十年来")


async def test_typing_after_f9_and_f4_at_80_columns_goes_into_the_text() -> None:
    """At 80 columns F9 shows the panel over the text; typing goes on into the text, and F9 again hides it
    with the focus back in the text."""
    async with editing({"intro": INTRO}, size=(80, 24), started=True) as e:
        app, pilot, editor = e.app, e.pilot, e.screen
        await pilot.press("f9")
        await _type(pilot, "一")
        await pilot.press("f4")
        await _type(pilot, "二")
        await pilot.press("f9")
        await _type(pilot, "三")
        assert editor.editor.text == INTRO + "一二三"
        assert app.focused is editor.editor


async def test_typing_in_the_section_list_and_the_tabs_goes_into_the_text() -> None:
    async with editing({"intro": INTRO}, size=(120, 40), started=True) as e:
        app, pilot, editor = e.app, e.pilot, e.screen
        await pilot.press("f2", "down")  # the list highlights another section; the text is still intro's
        await _type(pilot, "甲")
        assert app.focused is editor.editor  # the typing took the focus back to the text
        await pilot.press("tab")  # the tab strip
        assert isinstance(app.focused, TabStrip)
        await pilot.press("right", "right", "right")  # to 素材: arrows stay the strip's
        await _type(pilot, "乙")
        await pilot.press("tab", "tab")  # from the text: the tab strip (素材 still shown), the notes list
        assert isinstance(app.focused, OptionList)
        await _type(pilot, "丙")
        assert editor.current_id == "intro"
        assert editor.editor.text == INTRO + "甲乙丙"


async def test_a_paste_into_a_panel_goes_into_the_text() -> None:
    async with editing({"intro": INTRO}, size=(120, 40), started=True) as e:
        app, pilot, editor = e.app, e.pilot, e.screen
        await pilot.press("f4")
        await pilot.pause()
        from textual import events

        app.post_message(events.Paste("粘贴的一段"))  # what a terminal sends for a bracketed paste
        await wait_until(lambda: editor.editor.text == INTRO + "粘贴的一段")


async def test_f3_profile_by_keys() -> None:
    async with editing({"intro": INTRO}, size=(100, 30), started=True) as e:
        app, pilot, editor = e.app, e.pilot, e.screen
        await pilot.press("f3")
        await wait_until(lambda: isinstance(app.focused, Input))
        await pilot.press("ctrl+a")
        await _type(pilot, "王芳")
        for _ in range(6):  # Enter moves from field to field and submits from the last
            if app.screen is editor:
                break
            await pilot.press("enter")
            await pilot.pause()
        assert app.screen is editor
        await wait_until(lambda: load_draft(e.path).profile.name == "王芳")


async def test_new_draft_form_by_keys() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(lambda: isinstance(app.focused, Input))
        await _type(pilot, "张三")
        await pilot.press("enter")
        await _type(pilot, "规划局")
        await pilot.press("enter")
        await _type(pilot, "副局长")
        await pilot.press("enter")
        await pilot.press("ctrl+a")
        await _type(pilot, "2026")
        await pilot.press("enter")
        await wait_until(lambda: isinstance(app.screen, EditorScreen))
        (path,) = draft_files()
        draft = load_draft(path)
        assert (draft.profile.name, draft.profile.unit, draft.profile.position, draft.profile.year) == (
            "张三",
            "规划局",
            "副局长",
            2026,
        )


async def test_export_folder_typed_and_enter_exports(tmp_path: Path) -> None:
    async with editing({"conduct": "坚持学习。" * 40}, size=(100, 30), started=True) as e:
        app, pilot = e.app, e.pilot
        await pilot.press("f6")
        await pilot.pause()
        for _ in range(8):  # Tab from the formats to the folder line
            if isinstance(app.focused, Input):
                break
            await pilot.press("tab")
        assert isinstance(app.focused, Input)
        await pilot.press("ctrl+a")
        await _type(pilot, str(tmp_path))
        await pilot.press("enter")
        for _ in range(3):  # the draft has errors: "仍要导出" is asked first; its focus starts on 返回修改
            await pilot.pause()
            if sorted(p.suffix for p in tmp_path.iterdir()) == [".docx", ".txt"]:
                break
            if "仍要导出" in str(app.screen.query("Button").first().label):
                await pilot.press("tab", "enter")  # to 仍要导出
        await wait_until(lambda: sorted(p.suffix for p in tmp_path.iterdir()) == [".docx", ".txt"])


async def test_export_defaults_to_a_folder_of_the_users_not_the_current_one() -> None:
    import os

    from appraisal import paths

    async with editing({"intro": INTRO}, size=(100, 30), started=True) as e:
        app, pilot = e.app, e.pilot
        await pilot.press("f6")
        await wait_until(lambda: bool(app.screen.query("#export-folder")))
        folder = Path(app.screen.query_one("#export-folder", Input).value)
        assert folder == paths.export_dir() != Path(os.getcwd())


def _list_focused(app: object, list_id: str) -> bool:
    """The list has the focus and rows to act on: what a writer waits to see before pressing a key."""
    focused = getattr(app, "focused", None)
    return isinstance(focused, OptionList) and focused.id == list_id and focused.option_count > 1


async def test_history_review_and_move_by_keys() -> None:
    # Only Ctrl+S saves a revision: an autosave while "新写的" was typed (a cold process types slowly) put one more
    # revision before the original, and ↓ restored "…新" (failed run alone or under xdist).
    quiet = {"autosave_delay": 30.0, "autosave_max": 60.0}
    async with editing({"intro": INTRO, "conduct": "政治坚定。"}, size=(100, 30), started=True, settings=quiet) as e:
        app, pilot, editor = e.app, e.pilot, e.screen
        await _type(pilot, "新写的")
        await pilot.press("ctrl+s")
        await pilot.press("f5")  # review: Enter on the first finding goes to it
        await wait_until(lambda: isinstance(app.screen, ReviewScreen) and _list_focused(app, "review-list"))
        await pilot.press("enter")
        await wait_until(lambda: app.screen is editor)
        assert editor.editor.selected_text == "XX"
        await pilot.press("f7")  # history: Enter on a revision asks, then restores
        await wait_until(lambda: isinstance(app.screen, HistoryScreen) and _list_focused(app, "history-list"))
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("tab", "enter")  # 恢复 (the question's focus starts on 取消)
        await wait_until(lambda: app.screen is editor)
        await wait_until(lambda: editor.editor.text == INTRO)
        await pilot.press("ctrl+g")  # move the paragraph: the list of sections, ↓, Enter
        await wait_until(lambda: app.screen is not editor and isinstance(app.focused, OptionList))
        await pilot.press("down", "enter")
        await wait_until(lambda: editor.session.text("intro") == "")
        assert INTRO in "".join(editor.session.draft.sections.values())


async def test_palette_and_help_by_keys() -> None:
    async with editing({"intro": INTRO}, size=(100, 30), started=True) as e:
        app, pilot, editor = e.app, e.pilot, e.screen
        await pilot.press("ctrl+p")
        await _type(pilot, "下一栏")
        await pilot.press("enter")
        await wait_until(lambda: editor.current_id == "conduct")
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen is not editor
        await pilot.press("escape")
        await pilot.pause()
        await _type(pilot, "好")
        assert editor.editor.text == "好"


# ------------------------------------------------------------ what the writer sees (SVG snapshots)


def _snap_draft() -> Path:
    from .helpers import dated_draft

    return dated_draft("cadre-annual", "keys2025", "李明", 2025, 1_764_560_000, intro=INTRO)


def _note_typed():  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[object]) -> None:
        await _ready(pilot)
        await pilot.press("ctrl+n")
        await wait_until(lambda: isinstance(pilot.app.focused, Input))
        await _type(pilot, NOTE)

    return run_before


def _f4_then_typed():  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[object]) -> None:
        await _ready(pilot)
        await pilot.press("f4")
        await pilot.pause()
        await _type(pilot, "全年无休")

    return run_before


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_note_dialog_with_text_typed(snap_compare, utc: None, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = make_app(_snap_draft(), monotonic=FakeMonotonic())
    assert snap_compare(app, terminal_size=size, run_before=_note_typed())


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_f4_then_typing(snap_compare, utc: None, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    # A clock that stands still: no autosave moves the status bar between runs (it shows 未保存).
    app = make_app(_snap_draft(), monotonic=FakeMonotonic())
    assert snap_compare(app, terminal_size=size, run_before=_f4_then_typed())


def test_help_names_every_key_of_the_editor_as_the_screen_names_it() -> None:
    """F1 lists every key bound on the editor with the name the key bar gives it, Ctrl+Z/Ctrl+Y, and the four
    pages of the panel by the names on their tabs."""
    from textual.binding import Binding

    from appraisal.tui.palette import key_label
    from appraisal.tui.screens.help import HELP_TEXT
    from appraisal.tui.widgets.guidance import TABS

    for binding in Binding.make_bindings(EditorScreen.BINDINGS):
        named = f"{key_label(binding.key)} {binding.description}" if binding.show else key_label(binding.key)
        assert named in HELP_TEXT.replace("**", ""), named
    for key in ("Ctrl+Z", "Ctrl+Y", "Ctrl+N 记素材", "Ctrl+T 写作助手"):
        assert key in HELP_TEXT.replace("**", "")
    for _, label in TABS:
        assert f"“{label}”" in HELP_TEXT


async def test_every_jump_says_what_typing_will_do() -> None:
    """A placeholder jump selects it and says typing replaces it; a missing-figure jump selects nothing and says
    the number goes between its neighbours, so the writer types the number only, not the phrase again."""
    async with editing({"intro": "全年完成投资亿元，新建学校XX所。"}, size=(120, 40), started=True) as e:
        app, pilot, editor = e.app, e.pilot, e.screen
        rules = [finding.rule for finding in editor.guidance.findings]

        async def jump(rule: str) -> str:
            app.clear_notifications()
            await pilot.press("f4", *["down"] * rules.index(rule), "enter")
            await wait_until(lambda: bool(app._notifications))  # what the toast says (run_test shows none)
            return " ".join(n.message for n in app._notifications)

        assert "已选中“XX”，直接输入即替换" in await jump("placeholder")
        await _type(pilot, "3")
        cue = await jump("missing-figure")
        assert "光标在“完成投资”和“亿元”之间" in cue and "不必重打" in cue
        assert editor.editor.selected_text == ""
        await _type(pilot, "23.6")
        assert editor.editor.text == "全年完成投资23.6亿元，新建学校3所。"


async def test_typing_over_a_selection_is_one_undo_step_and_no_half_state_is_kept() -> None:
    """Jump to a placeholder (selected), type the replacement as an input method commits it (one burst), Ctrl+Z:
    the old text, whole; Ctrl+Y: the new one. Textual made that two steps, and one Ctrl+Z left 本人十 in place
    of 本人XX — a text neither old nor new, which the autosave then kept as a revision."""
    from appraisal.store.history import list_history

    path = make_draft(sections={"intro": INTRO})
    # A clock that stands still: only Ctrl+S saves, at the moments the test chooses (after Ctrl+Z: the state the
    # old undo left, which the autosave kept in a real session).
    app = make_app(path, monotonic=FakeMonotonic())
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await _ready(pilot)
        await pilot.press("f4", "enter")
        await wait_until(lambda: editor.editor.selected_text == "XX")
        await _type(pilot, "十余")
        assert editor.editor.text == "本人十余年来认真履职。"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert editor.editor.text == INTRO
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert editor.editor.text == "本人十余年来认真履职。"
        await pilot.press("ctrl+z", "ctrl+s")
        await pilot.pause()
    kept = [entry.load().sections["intro"] for entry in list_history(path)]
    assert set(kept) <= {INTRO, "本人十余年来认真履职。"}, kept


async def test_ctrl_z_with_nothing_to_undo_says_where_the_earlier_text_is() -> None:
    async with editing({"intro": INTRO}, size=(120, 40), started=True) as e:
        app, pilot = e.app, e.pilot
        app.clear_notifications()
        await pilot.press("ctrl+z")
        await wait_until(lambda: bool(app._notifications))
        assert "F7" in " ".join(n.message for n in app._notifications)


async def test_at_80_columns_the_heading_says_how_many_findings_the_part_has() -> None:
    async with editing({"intro": "本人XX年来认真履职，XX。"}, size=(80, 24), started=True) as e:
        app, pilot, editor = e.app, e.pilot, e.screen
        heading = str(editor.query_one("#section-heading").render())
        assert "问题 2（F4）" in heading, heading
        await pilot.press("alt+down")  # 品行修养: empty (a required part left empty is one finding)
        await pilot.pause()
        assert f"问题 {len(editor.findings['conduct'])}（F4）" in str(editor.query_one("#section-heading").render())
        from textual import events

        app.post_message(events.Paste("坚持学习。" * 40))  # long enough, nothing wrong: no count
        await wait_until(lambda: editor.editor.text == "坚持学习。" * 40)
        editor.check_section("conduct")
        await pilot.pause()
        assert "问题" not in str(editor.query_one("#section-heading").render()), editor.findings["conduct"]


@pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=["80x24", "100x30"])
async def test_dialog_text_is_broken_as_chinese(size: tuple[int, int]) -> None:
    """A message in a dialog: no line starts with a closing mark, a command and a path that fit on a line stay
    whole, and no ASCII space sits beside a full-width mark (`起） 编辑`)."""
    from appraisal.tui.screens.dialogs import MessageScreen

    message = (
        "草稿 /home/li/drafts/2026-李明.json 正由 li@host-a（进程 30567，自 12月1日 19:24 起） 编辑，"
        "可以只读方式打开；若那台电脑已不再编辑，可用“appraisal unlock 2026-李明”确认后接手。"
        "已导出：/home/li/Documents/2026年度个人总结.docx、/home/li/Documents/2026年度个人总结.txt。"
    )
    path = make_draft(sections={"intro": INTRO})
    app = make_app(path)
    async with app.run_test(size=size) as pilot:
        await _ready(pilot)
        app.push_screen(MessageScreen(message))
        await pilot.pause()
        body = app.screen.query_one("#message")
        lines = [strip.text.rstrip() for strip in body.render_lines(body.region.reset_offset)]
        lines = [line for line in lines if line]
        shown = "".join(lines)
        assert "起）编辑" in shown and "） " not in shown
        assert not any(line.lstrip()[:1] in "，。、；：）”" for line in lines), lines
        assert any("appraisal unlock 2026-李明" in line for line in lines), lines
        assert any("/home/li/drafts/2026-李明.json" in line for line in lines), lines


async def test_history_rows_never_leave_zi_alone_at_100_columns() -> None:
    """A real report: a few thousand 字 and ten saves or more (two-digit revisions) made Rich wrap the row."""
    async with editing({"intro": INTRO, "conduct": "坚持学习" * 300}, size=(100, 30), started=True) as e:
        app, pilot, editor = e.app, e.pilot, e.screen
        for text in "甲乙丙丁戊己庚辛壬癸":
            await _type(pilot, text)
            await pilot.press("ctrl+s")
            await pilot.pause()
        await pilot.press("f7")
        await wait_until(lambda: isinstance(app.screen, HistoryScreen) and _list_focused(app, "history-list"))
        rows = app.screen.query_one("#history-list", OptionList)
        lines = [strip.text.strip() for strip in rows.render_lines(rows.region.reset_offset)]
        assert lines and not any(line == "字" or line.startswith("字") for line in lines), lines
        assert editor.session.path == e.path


def _burst(app: object, *keys: str) -> None:
    """Keys posted to the app at once, as the terminal driver posts what a fast typist (or an input method)
    sent: none waits for the app to have handled the one before."""
    from textual import events
    from textual.keys import _character_to_key

    for key in keys:
        named = {"enter": "\r", "tab": "\t"}
        event = events.Key(key, named[key]) if key in named else events.Key(_character_to_key(key), key)
        app.post_message(event)  # type: ignore[attr-defined]


async def test_a_form_typed_in_one_burst_puts_each_answer_in_its_field() -> None:
    """Enter moves to the next field before the keys typed after it arrive: the 单位 field once read
    某市规划局副局长 (the 职务 typed right after Enter landed in the field just left)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(lambda: isinstance(app.focused, Input))
        _burst(app, *"张三", "enter", *"某市规划局", "enter", *"副局长")
        await wait_until(lambda: app.screen.query_one("#position", Input).value == "副局长")
        values = [app.screen.query_one(f"#{field}", Input).value for field in ("name", "unit", "position")]
        assert values == ["张三", "某市规划局", "副局长"]
        await pilot.press("enter", "enter")  # 考核年度 (kept), then 创建
        await wait_until(lambda: isinstance(app.screen, EditorScreen))


async def test_keys_typed_right_after_tab_reach_the_field_tab_moved_to(tmp_path: Path) -> None:
    """F6, then Tab past the four formats, the folder and Enter in one burst: the folder's first letters went to
    a checkbox being left (Textual handles Tab once the key has been to the focused widget and back)."""
    async with editing({"conduct": "坚持学习。" * 40}, size=(100, 30), started=True) as e:
        app, pilot = e.app, e.pilot
        await pilot.press("f6")
        await wait_until(lambda: bool(app.screen.query("#export-folder")))
        # The folder line's text is selected when it takes the focus: what is typed replaces it.
        _burst(app, "tab", "tab", "tab", "tab", *str(tmp_path), "enter")
        # The draft has errors: asked first, the focus on 返回修改 once the question is up; Tab to 仍要导出.
        await wait_until(lambda: getattr(app.focused, "id", None) == "no")
        await pilot.press("tab", "enter")
        await wait_until(lambda: sorted(p.suffix for p in tmp_path.iterdir()) == [".docx", ".txt"])


async def test_a_form_submitted_in_the_same_burst_keeps_every_answer() -> None:
    """Tab 某县财政局 Tab 副局长 Enter Enter read at once (in tmux, as one write): Enter is a priority binding and
    submitted the form before the fields had taken the characters typed just before it; the draft was made
    with no 单位 and no 职务. The words typed right after Enter go into the new draft."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(lambda: isinstance(app.focused, Input))
        await pilot.press(*"陈静")
        _burst(app, "tab", *"某县财政局", "tab", *"副局长", "enter", "enter", *"开头")
        editor = await editor_ready(app)
        draft = load_draft(editor.session.path)
        assert (draft.profile.name, draft.profile.unit, draft.profile.position) == ("陈静", "某县财政局", "副局长")
        await wait_until(lambda: editor.editor.text == "开头")  # the words typed after Enter: in the new draft


async def test_ctrl_q_asks_before_dropping_words_typed_in_a_dialog() -> None:
    """Ctrl+Q with a note typed in the Ctrl+N dialog (or 单位 changed in F3) quit at once and the words were gone.
    Now it asks; Esc goes back to the dialog with the words, Y (or a second Ctrl+Q) quits."""
    from appraisal.tui.screens.dialogs import ConfirmScreen

    async with editing({"conduct": "坚持学习。"}, on="conduct") as e:
        app, pilot = e.app, e.pilot
        await pilot.press("ctrl+n")
        await wait_until(lambda: isinstance(app.focused, Input))
        await pilot.press(*"全年听课48节", "ctrl+q")
        await wait_until(lambda: isinstance(app.screen, ConfirmScreen))
        assert app.is_running
        await pilot.press("escape")
        await wait_until(lambda: isinstance(app.focused, Input))
        assert app.focused.value == "全年听课48节"
        await pilot.press("ctrl+q")
        await wait_until(lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("ctrl+q")  # a second Ctrl+Q: quit anyway
        await wait_until(lambda: not app.is_running)
    assert load_draft(e.path).sections["conduct"] == "坚持学习。"


async def test_ctrl_q_with_a_dialog_left_as_it_was_quits_at_once() -> None:
    async with editing({"conduct": "坚持学习。"}, on="conduct") as e:
        await e.pilot.press("f3")
        await wait_until(lambda: isinstance(e.app.focused, Input))
        await e.pilot.press("ctrl+q")
        await wait_until(lambda: not e.app.is_running)

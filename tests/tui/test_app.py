"""The app as a whole: the start screen, creating and opening drafts, resuming after quit, and the bad cases
(locked, unreadable, template missing), each of which must end in one clear message, never a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

from fresh_interpreter import loaded_after
from textual.widgets import DataTable, Input, Static

from appraisal import paths
from appraisal.store import DraftLock, draft_files, load_draft
from appraisal.tui.screens.dialogs import ChoiceScreen, MessageScreen
from appraisal.tui.screens.editor import EditorScreen
from appraisal.tui.screens.import_document import ImportSummaryScreen
from appraisal.tui.screens.new_draft import NewDraftScreen
from appraisal.tui.screens.start import StartScreen

from .helpers import editor_ready, make_app, make_draft, wait_until


def screen_text(app) -> str:  # type: ignore[no-untyped-def]
    """Every Static/Label's text on the current screen, for asserting on what the user reads."""
    parts = []
    for widget in app.screen.query(Static):
        parts.append(str(widget.render()))
    return "\n".join(parts)


async def test_no_drafts_opens_new_draft_form_and_creates_draft() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NewDraftScreen)
        assert app.screen.query_one("#year", Input).value.isdigit()
        await pilot.press(*"wang")
        app.screen.query_one("#name", Input).value = "王芳"
        app.screen.query_one("#unit", Input).value = "某县财政局"
        app.screen.query_one("#position", Input).value = "副局长"
        year = app.screen.query_one("#year", Input)
        year.value = "2024"
        year.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        files = draft_files()
        assert len(files) == 1
        draft = load_draft(files[0])
        assert (draft.profile.name, draft.profile.unit, draft.profile.position, draft.profile.year) == (
            "王芳",
            "某县财政局",
            "副局长",
            2024,
        )


async def test_new_draft_form_rejects_bad_year_and_stays_open() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        year = app.screen.query_one("#year", Input)
        year.value = "24"
        year.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NewDraftScreen)
        assert "1990" in str(app.screen.query_one("#form-error", Static).render())
        assert draft_files() == []


async def test_start_screen_lists_drafts_and_resumes_most_recent_with_one_key() -> None:
    older = make_draft(name="李明", year=2024)
    newer = make_draft(name="赵强", year=2025)
    import os

    os.utime(older, (1_700_000_000, 1_700_000_000))
    os.utime(newer, (1_800_000_000, 1_800_000_000))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        table = app.screen.query_one("#drafts", DataTable)
        assert table.row_count == 2
        assert str(table.get_row_at(0)[0]) == "赵强"
        assert "赵强" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert app.screen.session.path == newer


async def test_resume_after_quit_restores_text_section_and_cursor(tmp_path: Path) -> None:
    path = make_draft()
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await editor_ready(app)
        editor.go_to("study")
        editor.editor.insert("坚持读原著学原文悟原理")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert load_draft(path).sections["study"] == "坚持读原著学原文悟原理"
    assert not (path.parent / f".{path.name}.lock").exists()

    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await editor_ready(app)
        assert editor.current_id == "study"
        assert editor.editor.text == "坚持读原著学原文悟原理"
        assert editor.editor.cursor_location == (0, len("坚持读原著学原文悟原理"))


async def test_draft_opened_directly_goes_back_to_a_start_screen_listing_drafts() -> None:
    """Opening a draft from the command line builds no start screen under the editor; Ctrl+O still leads to one,
    listing the drafts (this one included, unlocked)."""
    other = make_draft(name="赵强", year=2024)
    path = make_draft()
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert not any(isinstance(screen, StartScreen) for screen in app.screen_stack)
        app.screen.editor.insert("离开前写的字")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        table = app.screen.query_one("#drafts", DataTable)
        assert table.row_count == 2
        assert {app.screen.rows[0].path, app.screen.rows[1].path} == {path, other}
        assert not path.with_name(f".{path.name}.lock").exists()
        await pilot.press("r")  # the most recent is the one just saved
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert app.screen.session.path == path
        assert app.screen.session.text(app.screen.current_id) == "离开前写的字"


async def test_locked_draft_offers_read_only() -> None:
    path = make_draft(sections={"conduct": "原有文字"})
    lock_file = path.with_name(f".{path.name}.lock")
    lock_file.write_text(
        json.dumps({"user": "zhangsan", "host": "other-host", "pid": 4242, "since": "2025-12-01T09:00:00+08:00"}),
        encoding="utf-8",
    )
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        question = str(app.screen.query_one("#question").render())
        assert question.startswith("另一台电脑（other-host）于 2025年12月1日 09:00 打开了这份草稿，可以只读方式打开")
        assert "打开者：zhangsan@other-host，进程 4242" in question
        assert "zhangsan@other-host" in screen_text(app)
        await pilot.click("#read-only")
        editor = await editor_ready(app)
        assert editor.session.read_only
        assert editor.editor.read_only
        editor.go_to("conduct")
        assert editor.editor.text == "原有文字"
        assert "只读" in str(editor.query_one("#status").render())
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert lock_file.exists()  # someone else's lock is left alone


async def test_draft_locked_by_this_app_cannot_be_opened_twice() -> None:
    path = make_draft()
    with DraftLock(path):
        app = make_app(path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ChoiceScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, StartScreen)


async def test_unreadable_draft_shows_one_message_and_app_keeps_working() -> None:
    path = make_draft()
    path.write_text("{ broken", encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        assert "无法读取" in app.screen.message
        assert "Traceback" not in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewDraftScreen)
    assert path.read_text(encoding="utf-8") == "{ broken"  # never overwritten


async def test_missing_template_shows_one_message() -> None:
    path = make_draft()
    data = json.loads(path.read_text(encoding="utf-8"))
    data["template"] = "no-such-template"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        assert "no-such-template" in app.screen.message
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
    assert not path.with_name(f".{path.name}.lock").exists()


async def test_help_and_command_palette_list_actions() -> None:
    path = make_draft()
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        editor = app.screen
        titles = [c.title for c in app.get_system_commands(editor)]
        for title in ("保存", "审阅全文", "导出", "历史版本", "用外部编辑器编辑本栏", "下一栏", "退出", "帮助"):
            assert title in titles
        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is editor


async def test_palette_names_each_command_with_the_keys_bound_to_it_and_speaks_chinese() -> None:
    from textual.command import CommandList

    from appraisal.tui.textual_compat.command_palette import NO_MATCHES, Palette

    path = make_draft()
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        editor = app.screen
        helps = {c.title: c.help for c in app.get_system_commands(editor)}
        assert helps["审阅全文"].endswith("（F5）")
        assert helps["下一栏"].endswith("（Alt+↓或Ctrl+PgDn或Ctrl+↓）")  # both bindings of the action
        assert helps["另存为…"] == "把草稿保存为另一个文件"  # no key bound: none named
        assert helps["退出"].endswith("（Ctrl+Q）")
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, Palette)
        await pilot.press(*"zzzz")

        def shown() -> list[str]:  # the "no matches" line is centred: an Align around its Text
            return [str(getattr(o.prompt, "renderable", o.prompt)) for o in app.screen.query_one(CommandList).options]

        await wait_until(lambda: shown() == [NO_MATCHES])
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"导出")
        await wait_until(lambda: any(line.startswith("导出") for line in shown()))
        assert NO_MATCHES not in shown()
        assert NO_MATCHES == "未找到匹配的命令"


def test_no_screen_or_widget_imports_the_app_or_loads_a_module_by_name() -> None:
    """Screens post messages upward; the app imports them, never the other way round (no hidden cycle)."""
    import ast

    import appraisal.tui

    root = Path(appraisal.tui.__file__).parent
    for module in [*root.glob("screens/*.py"), *root.glob("widgets/*.py")]:
        tree = ast.parse(module.read_text(encoding="utf-8"))
        names = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        names += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert "appraisal.tui.app" not in names, module
        assert "importlib" not in names, module


async def test_user_text_is_never_read_as_markup(tmp_path: Path) -> None:
    """A name like 李[/i]四 crashed the start screen on every launch; [red]x showed as x. Names, titles, paths
    and messages are shown as written: in the table, the hint, the status bar, dialogs and toasts."""
    from textual.widgets import DataTable
    from textual.widgets._toast import Toast

    from appraisal.tui.screens.dialogs import InputScreen

    make_draft(name="李[/i]四", sections={"conduct": "[red]x"})
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        start = app.screen
        assert isinstance(start, StartScreen)
        assert "（李[/i]四，2025年度）" in str(start.query_one("#start-hint").render())
        table = start.query_one("#drafts", DataTable)
        assert str(table.get_cell_at((0, 0))) == "李[/i]四"
        assert "李[/i]四" in "".join(strip.text for strip in table.render_lines(table.region.reset_offset))

        await pilot.press("r")
        editor = await editor_ready(app)
        assert str(editor.query_one("#status").render()).startswith("李[/i]四·")
        editor.go_to("conduct")
        await pilot.pause()
        assert editor.editor.text == "[red]x"

        await pilot.press("ctrl+s")
        await pilot.pause()
        target = tmp_path / "[red]副本[/red].json"
        editor.action_save_as()
        await pilot.pause()
        assert isinstance(app.screen, InputScreen)
        app.screen.query_one("#answer", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()

        def toasts() -> list[str]:
            return [str(t.render()) for t in app.screen.query(Toast)]

        await wait_until(lambda: any("已另存为" in t for t in toasts()))
        assert any(f"已另存为 {target}" in t for t in toasts()), toasts()

        app.push_screen(MessageScreen(f"无法读取 {target}：[b]损坏[/b]", title="[i]标题"))
        await pilot.pause()
        dialog = app.screen
        assert str(dialog.query_one("#message").render()) == f"无法读取 {target}：[b]损坏[/b]"
        assert str(dialog.query_one(".dialog-title").render()) == "[i]标题"


def test_ui_state_lives_in_data_dir() -> None:
    # Where the cursor position is kept: next to the drafts, never inside the draft file.
    from appraisal.app.ui_state import Position, load_position, save_position

    path = make_draft()
    save_position(path, Position("law", 2, 5))
    assert load_position(path) == Position("law", 2, 5)
    assert (paths.data_dir() / "ui-state.json").exists()
    assert "law" not in path.read_text(encoding="utf-8").split('"sections"')[0]


async def test_import_document_from_start_screen(tmp_path: Path) -> None:
    make_draft()  # so the start screen shows rather than the new-draft form
    source = tmp_path / "去年总结.txt"
    source.write_text(
        "2024年度个人总结\n一、品行修养\n坚持政治学习，严守纪律规矩。\n二、理论学习\n全年参加集中学习十二次。\n",
        encoding="utf-8",
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(source)
        app.screen.query_one("#path", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ImportSummaryScreen)
        assert "已导入 去年总结.txt" in app.screen.text.plain
        await pilot.press("enter")
        editor = await editor_ready(app)
        text = "\n".join(editor.session.draft.sections.values())
        assert "坚持政治学习" in text and "全年参加集中学习十二次" in text
    assert len(draft_files()) == 2


async def test_import_of_missing_file_is_one_message_in_the_form(tmp_path: Path) -> None:
    make_draft()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(tmp_path / "nope.docx")
        app.screen.query_one("#path", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "找不到文件" in str(app.screen.query_one("#form-error", Static).render())


def test_cli_edit_and_bare_command_start_the_app(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from appraisal import cli
    from appraisal.tui import app as tui_app

    calls: list[tuple[object, bool]] = []
    monkeypatch.setattr(tui_app, "run_app", lambda path=None, *, read_only=False: calls.append((path, read_only)) or 0)
    assert cli.main([]) == 0  # no drafts yet: the start (the new-draft form)
    older = make_draft(name="赵强", year=2024)
    path = make_draft()
    os.utime(older, (1_700_000_000, 1_700_000_000))
    assert cli.main(["edit", str(path)]) == 0
    assert cli.main(["edit", path.stem, "--read-only"]) == 0
    assert cli.main([]) == 0  # bare: the most recently saved draft, as the README says
    assert calls == [(None, False), (path, False), (path, True), (path, False)]


def test_cli_new_opens_the_editor_on_the_new_draft(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from appraisal import cli
    from appraisal.tui import app as tui_app

    calls: list[object] = []
    monkeypatch.setattr(tui_app, "run_app", lambda path=None, *, read_only=False: calls.append(path) or 0)
    assert cli.main(["new", "--name", "周敏", "--year", "2025"]) == 0
    printed = Path(capsys.readouterr().out.strip())
    assert calls == [printed]
    assert load_draft(printed).profile.name == "周敏"


async def test_import_file_can_be_picked_in_the_folder_tree(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from appraisal.tui.widgets.file_picker import FilePicker

    make_draft()
    folder = tmp_path / "文档"
    (folder / "子目录").mkdir(parents=True)
    source = folder / "去年总结.txt"
    source.write_text("2024年度个人总结\n一、品行修养\n坚持政治学习，严守纪律规矩。\n", encoding="utf-8")
    (folder / "扫描件.pdf").write_bytes(b"%PDF")
    (folder / ".隐藏.txt").write_text("x", encoding="utf-8")
    monkeypatch.chdir(folder)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        tree = app.screen.query_one("#picker", FilePicker)
        await wait_until(lambda: len(tree.root.children) == 2)
        assert [node.label.plain for node in tree.root.children] == ["子目录", "去年总结.txt"]
        tree.focus()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        line = app.screen.query_one("#path", Input)
        assert line.value == str(source) and line.has_focus
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ImportSummaryScreen) and "已导入 去年总结.txt" in app.screen.text.plain


async def test_save_as_folder_can_be_picked_in_the_folder_tree() -> None:
    from appraisal.tui.screens.dialogs import InputScreen
    from appraisal.tui.widgets.file_picker import FilePicker

    path = make_draft(sections={"law": "另存的文字"})
    (path.parent / "备份").mkdir()
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await editor_ready(app)
        editor.action_save_as()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, InputScreen)
        tree = dialog.query_one("#picker", FilePicker)
        await wait_until(lambda: len(tree.root.children) >= 2)
        assert tree.root.children[0].label.plain == "备份"
        tree.focus()
        await pilot.press("down", "enter")  # the folder: the file name typed so far is kept
        await pilot.pause()
        target = path.parent / "备份" / f"{path.stem}-副本.json"
        assert dialog.query_one("#answer", Input).value == str(target)
        dialog.query_one("#answer", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is editor
    assert load_draft(target).sections["law"] == "另存的文字"


NOT_AT_FIRST = ("appraisal.tui.screens.start", "appraisal.tui.screens.dialogs", "textual.widgets._data_table")
"""Modules opening a draft does not need before its first frame (issue 22: ~12 ms of CPU at start)."""


def test_what_the_first_frame_does_not_need_is_not_imported_to_start_the_editor() -> None:
    """Start-up time: Rich's Markdown (markdown-it, pygments) and the checker are loaded after the first frame,
    when the guidance and the findings are drawn, not by importing the app; the start screen (with Textual's
    DataTable) and the dialogs (buttons, inputs, the file picker) when they are first shown."""
    code = "import appraisal.cli, appraisal.commands.edit, appraisal.tui.app\n"
    assert (
        loaded_after(code, ("rich.markdown", "markdown_it", "appraisal.checks", "appraisal.service", *NOT_AT_FIRST))
        == []
    )


def test_the_first_frame_of_the_editor_is_drawn_before_the_checker_is_loaded() -> None:
    """Issue 22: opening a draft showed its (still empty) findings by importing the checker — every rule and its
    patterns, about 70 ms of CPU — before the text was first drawn. The first frame that shows the text is drawn
    with the checker not yet loaded; it is loaded right after, when the findings are worked out. Nor are the start
    screen and the dialogs loaded for it."""
    path = make_draft(sections={"intro": "本人坚持学习，认真履行职责。"})  # the section the editor opens on
    later = ("appraisal.checks", *NOT_AT_FIRST)
    code = (
        "import asyncio\nfrom pathlib import Path\nfrom appraisal.tui.app import AppraisalApp\n"
        "from textual.widgets import TextArea\n"
        f"app = AppraisalApp(Path({str(path)!r}))\n"
        "at_first_frame = []\ndisplay = app._display\n"
        "def watch(screen, renderable):\n"
        "    areas = screen.query(TextArea)\n"
        "    if not at_first_frame and renderable is not None and areas and areas.first().text:\n"
        f"        at_first_frame.append(sorted(m for m in {later!r} if m in sys.modules))\n"
        "    display(screen, renderable)\n"
        "app._display = watch\n"
        "async def main():\n"
        "    async with app.run_test(size=(100, 30)) as pilot:\n"
        "        for _ in range(3000):  # 30 s at most\n"
        "            if at_first_frame and 'appraisal.checks' in sys.modules:\n"
        "                break\n"
        "            await pilot.pause(0.01)\n"
        "asyncio.run(main())\nassert at_first_frame == [[]], at_first_frame\n"
    )
    assert loaded_after(code, ("appraisal.checks",)) == ["appraisal.checks"]  # loaded, after the first frame


async def test_the_start_screen_opens_and_names_a_template_and_settings_it_could_not_read() -> None:
    """Issue 23 item 6: a template (and a config.toml) holding an array nested 2,000 deep ended the app with a
    RecursionError before the start screen was drawn. Now the start screen opens, says which template file it could
    not read and why, and opening a draft of that template says the same instead of ending the app."""
    deep = "x = " + "[" * 2000 + "]" * 2000 + "\n"
    template = paths.user_templates_dir() / "deep" / "template.toml"
    template.parent.mkdir(parents=True)
    template.write_text(deep, encoding="utf-8")
    (paths.config_dir() / "config.toml").write_text("[checks]\n" + deep, encoding="utf-8")
    draft = make_draft()
    data = json.loads(draft.read_text(encoding="utf-8"))
    data["template"] = "deep"
    draft.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(lambda: isinstance(app.screen, StartScreen))
        await pilot.pause()
        shown = str(app.screen.query_one("#start-problems", Static).render())
        assert "以下模板未能读取" in shown and "嵌套层数过多" in shown
        assert str(template) in shown
        await pilot.press("r")
        await wait_until(lambda: isinstance(app.screen, MessageScreen))
        assert "嵌套层数过多" in " ".join(str(widget.render()) for widget in app.screen.query(Static))
        await pilot.press("escape")
        await wait_until(lambda: isinstance(app.screen, StartScreen))


async def test_r_is_offered_only_when_there_is_a_draft_to_continue() -> None:
    from appraisal.tui.screens.start import StartScreen
    from appraisal.tui.widgets.key_bar import KeyBar

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(lambda: isinstance(app.focused, Input))  # no drafts: the new-draft form
        await pilot.press("escape")
        await wait_until(lambda: isinstance(app.screen, StartScreen))
        await pilot.pause()
        keys = app.screen.query_one(KeyBar).render().plain
        assert "新建" in keys and "继续最近的草稿" not in keys
        await pilot.press("r")  # nothing to continue: nothing happens, nothing is said
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
    make_draft()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(lambda: isinstance(app.screen, StartScreen))
        await pilot.pause()
        assert "继续最近的草稿" in app.screen.query_one(KeyBar).render().plain


async def test_a_draft_on_a_disk_that_cannot_be_written_opens_read_only(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A drafts folder on a read-only disk (a write-protected USB stick, a share mounted read-only): the lock
    cannot be made, and the draft could not be opened at all (无法打开草稿: 保存 ….lock 失败). Now it is offered
    read-only, as a draft locked elsewhere is."""
    import errno

    from appraisal.errors import AppraisalError
    from appraisal.fileio import describe_os_error

    path = make_draft(sections={"conduct": "原有文字"})

    def read_only_disk(target: Path, _payload: bytes) -> Path:
        try:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        except OSError as exc:
            raise AppraisalError(describe_os_error(exc, target, "保存")) from exc

    monkeypatch.setattr("appraisal.store.lock.write_temp_file", read_only_disk)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        question = str(app.screen.query_one("#question").render())
        assert question.startswith(f"草稿所在的文件夹 {path.parent} 不能写入（所在磁盘是只读的），可以只读方式打开")
        await pilot.press("enter")  # 只读打开
        editor = await editor_ready(app)
        assert editor.session.read_only
        editor.go_to("conduct")
        assert editor.editor.text == "原有文字"
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert load_draft(path).sections["conduct"] == "原有文字"


async def test_typing_in_a_read_only_view_whose_writer_has_gone_says_to_reopen() -> None:
    """A second window opened read-only; the first has since closed the draft. Typing said only "用另存为保存一份
    副本", and a writer who did so went on in a copy while the draft itself stayed behind: now it says the draft
    is free, to reopen it from the start page (Ctrl+O)."""
    from appraisal.tui.screens.editor_status import READ_ONLY_MESSAGE, REOPEN_MESSAGE

    from .editing import notices
    from .helpers import FakeMonotonic

    path = make_draft(sections={"conduct": "原有文字"})
    lock_file = path.with_name(f".{path.name}.lock")
    lock_file.write_text(
        json.dumps({"user": "zhangsan", "host": "other-host", "pid": 4242, "since": "2025-12-01T09:00:00+08:00"}),
        encoding="utf-8",
    )
    clock = FakeMonotonic()
    app = make_app(path, monotonic=clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("enter")  # 只读打开
        editor = await editor_ready(app)
        await pilot.press(*"字")
        await wait_until(lambda: READ_ONLY_MESSAGE in notices(app))
        lock_file.unlink()  # the other window closed the draft
        clock.advance(11)
        await pilot.press(*"字")
        await wait_until(lambda: REOPEN_MESSAGE in notices(app))
        assert editor.editor.text == ""  # nothing typed went in
    assert load_draft(path).sections["conduct"] == "原有文字"


async def test_closing_the_app_while_the_editor_mounts_leaves_no_error_and_no_lock() -> None:
    """A Pilot that leaves at once tears the app down while the editor screen mounts: its widgets are gone when
    on_mount runs, which raised NoMatches (seen in a test; Ctrl+Q in the first instant is the same)."""
    from appraisal.store import lock_path

    for _ in range(3):
        path = make_draft(name=f"张{_}")
        app = make_app(path)
        async with app.run_test(size=(80, 24)):
            pass
        assert not lock_path(path).exists()


async def test_closing_the_app_while_the_editor_mounts_keeps_the_writers_place() -> None:
    """The editor closed in its first instant has already put the text and the cursor where the writer left off
    when it finds its other widgets gone: the place saved on closing is that one, not the first section's start (an
    early return from on_mount on a closing app lost it every time)."""
    from appraisal.app.ui_state import Position, load_position, save_position

    for number in range(3):
        path = make_draft(name=f"李{number}", sections={"study": "认真学习理论知识。"})
        save_position(path, Position("study", 0, 3))
        async with make_app(path).run_test(size=(80, 24)):
            pass
        assert load_position(path) == Position("study", 0, 3)

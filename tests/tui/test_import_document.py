"""Importing a document from the start screen: the template question when the importer is unsure, and the
summary that says which template, why, and where each section's text came from."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from appraisal.store import draft_files, load_draft
from appraisal.tui.app import AppraisalApp
from appraisal.tui.screens.editor import EditorScreen
from appraisal.tui.screens.import_document import ImportScreen, ImportSummaryScreen, TemplateQuestion

from .helpers import make_app, make_draft, wait_until

# Free-form headings whose words say where they belong, a salutation, and a title that names the report's kind.
FREE_FORM = """\
2025年度述职述廉报告
尊敬的各位领导：
现将本人一年来的情况报告如下。
一、把学习当作第一需要
全年参加集中学习十二次，撰写心得三篇。
二、扭住项目建设这个牛鼻子
推动重点项目八个，完成投资十亿元。
三、守住廉洁底线
严格遵守中央八项规定精神。
四、存在的问题和不足
调查研究还不够深入。
五、下一步工作打算
继续抓好项目建设。
"""

# A title that names no kind and one heading: the importer cannot tell 公务员 from 干部 and must ask.
UNSURE = """\
2025年度个人总结
现将本人一年来的情况报告如下。
一、把学习当作第一需要
全年参加集中学习十二次，撰写心得三篇。
二、存在的问题和不足
调查研究还不够深入。
"""


def document(folder: Path, name: str, text: str) -> Path:
    """A document to import, with one draft already there so that the app opens on the start screen."""
    make_draft()
    source = folder / name
    source.write_text(text, encoding="utf-8")
    return source


@asynccontextmanager
async def importing(source: Path) -> AsyncIterator[tuple[AppraisalApp, Pilot[Any]]]:
    """The app on the start screen at 80x24, with `source` typed into the import dialog, Enter pressed and the
    document read."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await wait_until(lambda: isinstance(app.screen, ImportScreen))
        app.screen.query_one("#path", Input).value = str(source)
        app.screen.query_one("#path", Input).focus()
        reading = app.screen
        assert isinstance(reading, ImportScreen)
        await pilot.press("enter")
        await wait_until(lambda: not reading.reading.running)  # read in a worker: "正在读取…" until then
        await pilot.pause()
        yield app, pilot


async def test_summary_names_each_section_its_heading_and_the_reason(tmp_path: Path) -> None:
    source = document(tmp_path, "述职.txt", FREE_FORM)
    async with importing(source) as (app, pilot):
        await wait_until(lambda: isinstance(app.screen, ImportSummaryScreen))
        summary = app.screen
        assert isinstance(summary, ImportSummaryScreen)
        shown = summary.text.plain
        assert "领导干部述职述廉报告（自动识别）" in shown
        assert "识别依据：标题含“述职述廉”" in shown
        # The free-form heading, its line and why it went there; the section's 字数.
        assert "第 4 行“一、把学习当作第一需要”（按“学习”一词归入）" in shown
        assert "第 10 行“四、存在的问题和不足”（与栏目名称相符）" in shown
        assert "含称谓“尊敬的各位领导：”" in shown
        result = summary.imported.result
        for section in result.template.text_sections():
            body = result.draft.sections[section.id]
            if body.strip():
                assert f"{section.title}　" in shown
        # The heading it could not place is named, with where its text is kept.
        assert "扭住项目建设这个牛鼻子" in shown
        await pilot.press("enter")
        await wait_until(lambda: isinstance(app.screen, EditorScreen))
    drafts = [p for p in draft_files() if load_draft(p).template == "duty-report"]
    assert len(drafts) == 1
    saved = "\n".join(load_draft(drafts[0]).sections.values())
    for kept in (
        "全年参加集中学习十二次",
        "推动重点项目八个",
        "严格遵守中央八项规定精神",
        "调查研究还不够深入",
        "现将本人一年来的情况报告如下",
    ):
        assert kept in saved


async def test_unsure_import_asks_which_template_before_creating_the_draft(tmp_path: Path) -> None:
    source = document(tmp_path, "总结.txt", UNSURE)
    async with importing(source) as (app, pilot):
        await wait_until(lambda: isinstance(app.screen, TemplateQuestion))
        question = app.screen
        assert isinstance(question, TemplateQuestion)
        assert len(draft_files()) == 1  # nothing created while the question is open
        options = question.query_one("#templates", OptionList)
        guess = question.result.template
        assert options.highlighted is not None
        assert question.templates[options.highlighted].id == guess.id  # the guess is preselected
        assert "（推测）" in str(options.get_option_at_index(options.highlighted).prompt)
        other = next(i for i, t in enumerate(question.templates) if t.id == "cadre-annual" != guess.id)
        options.highlighted = other
        await pilot.press("enter")
        await wait_until(lambda: isinstance(app.screen, ImportSummaryScreen))
        shown = app.screen.text.plain  # type: ignore[attr-defined]
        assert f"（您选择；自动识别时推测为「{guess.name}」）" in shown
        assert "干部年度考核个人总结（四项实绩）" in shown
        assert "第 3 行“一、把学习当作第一需要”（按“学习”一词归入）" in shown
    studied = [d for d in map(load_draft, draft_files()) if "全年参加集中学习十二次" in d.sections.get("study", "")]
    assert len(studied) == 1


async def test_escape_on_the_template_question_creates_nothing(tmp_path: Path) -> None:
    source = document(tmp_path, "总结.txt", UNSURE)
    async with importing(source) as (app, pilot):
        await wait_until(lambda: isinstance(app.screen, TemplateQuestion))
        await pilot.press("escape")
        await wait_until(lambda: isinstance(app.screen, ImportScreen))
    assert len(draft_files()) == 1


async def test_summary_text_is_never_markup(tmp_path: Path) -> None:
    source = document(
        tmp_path,
        "[b]总结.txt",
        "2025年度述职述廉报告\n一、[red]学习[/red]情况\n全年学习[i]十二次[/i]。\n二、廉洁自律\n严守规定。\n",
    )
    async with importing(source) as (app, _pilot):
        await wait_until(lambda: isinstance(app.screen, ImportSummaryScreen))
        body = app.screen.query_one("#import-summary Static", Static)
        drawn = "".join(strip.text for strip in body.render_lines(body.region.reset_offset))
        assert "[b]总结.txt" in drawn
        assert "“一、[red]学习[/red]情况”" in drawn


def test_summary_lists_text_that_went_to_no_section(tmp_path: Path) -> None:
    from appraisal.importing import import_document
    from appraisal.tui.screens.import_document import Imported, summary_text

    source = tmp_path / "述职.txt"
    source.write_text(FREE_FORM, encoding="utf-8")
    result = import_document(source)
    result.draft.unmatched = "产业园\n四亿元"  # as a Word table's cells the importer kept apart
    result.origin["unmatched"] = [(8, 0), (9, 0)]
    shown = summary_text(Imported(tmp_path / "草稿.json", result)).plain
    assert "未归入栏目的文字：6 字，已原样保存在草稿的“未归类内容”中，没有丢弃" in shown
    assert "第 8 行　产业园" in shown and "第 9 行　四亿元" in shown
    assert "“未归类内容…”" in shown  # and how to move it in the editor


async def test_keeping_the_guess_imports_with_it_and_says_so(tmp_path: Path) -> None:
    source = document(tmp_path, "总结.txt", UNSURE)
    async with importing(source) as (app, pilot):
        await wait_until(lambda: isinstance(app.screen, TemplateQuestion))
        guess = app.screen.result.template  # type: ignore[attr-defined]
        await pilot.press("enter")  # the highlighted guess
        await wait_until(lambda: isinstance(app.screen, ImportSummaryScreen))
        shown = app.screen.text.plain  # type: ignore[attr-defined]
        assert f"模板：{guess.name}（未能确定，按推测并经您确认）" in shown
        assert "识别依据：" in shown
    assert sorted(load_draft(p).template for p in draft_files()) == sorted(["cadre-annual", guess.id])


async def test_an_importer_bug_is_one_chinese_sentence_and_creates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from appraisal.tui.screens import import_document as screen_module

    def broken(*args: object) -> None:
        raise RuntimeError("list index out of range")

    monkeypatch.setattr(screen_module, "import_document", broken)
    source = document(tmp_path, "述职.txt", FREE_FORM)
    before = draft_files()  # the one draft that makes the app open on the start screen
    async with importing(source) as (app, _pilot):
        assert isinstance(app.screen, ImportScreen)
        shown = str(app.screen.query_one("#form-error", Static).render())
        assert shown.startswith(f"导入 {source} 时程序出错，未创建草稿")
        assert "list index" not in shown
    assert draft_files() == before


async def test_a_docx_too_big_unpacked_is_refused_in_the_import_dialog(tmp_path: Path) -> None:
    """A 40 MB styles part named `styles.bin` (issue 23 item 1): before, python-docx read and parsed it whatever
    its name, and the file was imported; now the dialog says the file is too big and nothing is created."""
    from hostile_docx import huge_styles

    make_draft()
    source = huge_styles(tmp_path / "styles.docx", megabytes=40)
    before = draft_files()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await wait_until(lambda: isinstance(app.screen, ImportScreen))
        await pilot.press(*str(source), "enter")
        await wait_until(lambda: "过大" in str(app.screen.query_one("#form-error", Static).render()))
        shown = str(app.screen.query_one("#form-error", Static).render())
        assert shown.startswith(f"{source} 解压后的内容过大") and shown.count("。") == 1
    assert draft_files() == before


async def test_a_backspace_read_with_the_next_letter_of_a_path_applies_first() -> None:
    """`gbk.txx`, Backspace, `t` arriving together (one burst, as a terminal hands over keys typed while the app
    was busy): Textual ran the Input's Backspace once the key had bubbled up to the App, after the t, and the
    path read gbk.txx (textual_compat.own_bindings)."""
    from textual import events

    make_draft()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await wait_until(lambda: isinstance(app.screen, ImportScreen) and isinstance(app.focused, Input))
        for key in [*"gbk.txx", "backspace", "t", "left", "left", "left", "backspace", "_"]:
            app.post_message(events.Key(key, key if len(key) == 1 else None))  # one burst, as the driver posts it
        path = app.screen.query_one("#path", Input)
        await wait_until(lambda: path.value.endswith("txt") and "_" in path.value)
        assert path.value == "gbk_txt"


async def test_a_folder_typed_as_the_path_is_listed_below_not_called_missing(tmp_path: Path) -> None:
    """A writer types the folder their documents are in: before, the dialog said 找不到文件 of a folder that is
    there; now it says it is a folder, lists it in the picker below, and Enter there on a file imports it."""
    from appraisal.tui.widgets.file_picker import FilePicker

    folder = tmp_path / "总结材料"
    folder.mkdir()
    document(folder, "2025年述职.txt", FREE_FORM)
    before = draft_files()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await wait_until(lambda: isinstance(app.screen, ImportScreen) and isinstance(app.focused, Input))
        await pilot.press(*str(folder), "enter")
        await pilot.pause()
        dialog = app.screen
        shown = str(dialog.query_one("#form-error", Static).render())
        assert "找不到" not in shown
        assert shown == f"{folder} 是一个文件夹，请在上面的列表中选择其中的文档（方向键选择，回车选定）。"
        picker = dialog.query_one(FilePicker)
        assert app.focused is picker
        await wait_until(lambda: picker.path == folder and picker.last_line > 0)
        await pilot.press("down", "enter")  # the folder's one document
        assert dialog.query_one("#path", Input).value == str(folder / "2025年述职.txt")
        await pilot.press("enter")
        await wait_until(lambda: isinstance(app.screen, ImportSummaryScreen))
    assert len(draft_files()) == len(before) + 1


async def test_importing_the_same_document_again_says_so_and_still_makes_the_draft(tmp_path: Path) -> None:
    """A new user imported the same file twice and got two alike drafts without a word: the second summary
    names the first draft; the import is not refused."""
    source = document(tmp_path, "述职.txt", FREE_FORM)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        shown = []
        for _time in range(2):
            await wait_until(lambda: not isinstance(app.screen, (EditorScreen, ImportSummaryScreen)))
            await pilot.press("i")
            await wait_until(lambda: isinstance(app.screen, ImportScreen))
            await pilot.press(*str(source), "enter")
            await wait_until(lambda: isinstance(app.screen, ImportSummaryScreen))
            summary = app.screen
            assert isinstance(summary, ImportSummaryScreen)
            shown.append(summary.text.plain)
            await pilot.press("enter")
            await wait_until(lambda: isinstance(app.screen, EditorScreen))
            await pilot.press("ctrl+o")
        drafts = [p for p in draft_files() if load_draft(p).template == "duty-report"]
    assert len(drafts) == 2
    assert "已有内容相同的草稿" not in shown[0]
    first = next(p for p in drafts if p.name not in shown[1].splitlines()[0])
    assert f"已有内容相同的草稿：{first.name}（可能已导入过此文件），本次另存为新草稿。" in shown[1]

"""The export dialog: writes the chosen formats, asks before exporting with errors, reports bad folders. The
errors are found and the files written in workers: a test waits for them as a writer waits for the dialog to list
the errors and for the toast that says what was written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.notifications import Notification, Notifications
from textual.widgets import Button, Checkbox, Input, Static

from appraisal.checks import ALL_TIERS
from appraisal.draft import Draft
from appraisal.tui.screens.dialogs import ChoiceScreen, ConfirmScreen
from appraisal.tui.screens.editor import EditorScreen
from appraisal.tui.screens.export import ExportScreen

from .helpers import make_app, make_draft, wait_until

FULL = {
    "conduct": "坚持把政治建设摆在首位，" * 20,
    "study": "坚持原原本本学、及时跟进学，" * 20,
    "results.service": "围绕全市经济社会发展大局，" * 30,
    "results.duties": "分管统计执法和数据质量工作，" * 30,
    "results.innovation": "推行统计数据采集一体化改革，" * 20,
    "results.foundation": "完善基层统计台账和名录库，" * 20,
    "party": "认真履行一岗双责，" * 30,
    "law": "严格依法统计，" * 30,
    "integrity": "严守中央八项规定精神，" * 20,
    "weakness.work": "基层统计人员培训覆盖面还不够广。" * 6,
    "weakness.ability": "运用大数据分析研判经济形势的能力有待提高。" * 4,
}


async def press_f6(pilot, app) -> ExportScreen:  # type: ignore[no-untyped-def]
    """The export dialog, opened by its key from the editor."""
    await pilot.pause()
    assert isinstance(app.screen, EditorScreen)
    await pilot.press("f6")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ExportScreen)
    await wait_until(lambda: screen.errors is not None)  # the dialog has checked the draft
    return screen


SHOWN: list[Notification] = []


@pytest.fixture(autouse=True)
def every_toast_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every toast the app shows is kept in SHOWN, whether or not its time is up since: on a loaded machine three
    exports took longer than a toast's 8 s, and the first toast was gone before the third was counted."""
    SHOWN.clear()
    add = Notifications.add

    def keep(self: Notifications, notification: Notification) -> Notifications:
        SHOWN.append(notification)
        return add(self, notification)

    monkeypatch.setattr(Notifications, "add", keep)


def export_toasts(app) -> list[str]:  # type: ignore[no-untyped-def]
    """What the export toasts shown so far said, oldest first."""
    return [n.message for n in SHOWN if n.title == "未能导出" or n.message.startswith("已导出：")]


async def exported(app, count: int = 1) -> None:  # type: ignore[no-untyped-def]
    """Back in the editor with `count` exports done, as their toasts say (the app runs with notifications)."""
    await wait_until(lambda: isinstance(app.screen, EditorScreen) and len(export_toasts(app)) >= count)


async def open_export(pilot, app, folder: Path) -> ExportScreen:  # type: ignore[no-untyped-def]
    screen = await press_f6(pilot, app)
    screen.query_one("#export-folder", Input).value = str(folder)
    screen.query_one("#fmt-docx", Checkbox).value = False
    screen.query_one("#fmt-txt", Checkbox).value = True
    screen.query_one("#fmt-md", Checkbox).value = True
    return screen


async def test_export_writes_chosen_formats(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """…from the text the dialog checked, without checking it again (the check is the export's longest part)."""
    import appraisal.service as service_module

    whole_checks: list[Draft] = []
    check_draft = service_module.check_draft

    def counted(draft: Draft, template: Any, options: Any, last_year: Any = None, tiers: Any = ALL_TIERS) -> Any:
        if tiers == ALL_TIERS:
            whole_checks.append(draft)
        return check_draft(draft, template, options, last_year, tiers)

    monkeypatch.setattr(service_module, "check_draft", counted)
    path = make_draft(sections=FULL)
    app = make_app(path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await open_export(pilot, app, tmp_path / "out")
        assert screen.errors == []
        await pilot.click("#export")
        await exported(app)
    assert len(whole_checks) == 1
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert [Path(n).suffix for n in written] == [".md", ".txt"]
    text = next((tmp_path / "out").glob("*.txt")).read_text(encoding="utf-8")
    assert "坚持把政治建设摆在首位" in text
    assert "品行修养" in text


async def test_export_with_errors_lists_them_and_asks(tmp_path: Path) -> None:
    path = make_draft(sections={"conduct": "只写了一段。"})
    app = make_app(path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await open_export(pilot, app, tmp_path)
        assert screen.errors  # required sections are empty
        assert "处错误" in str(screen.query_one("#export-errors", Static).render())
        await pilot.click("#export")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.click("#no")
        await pilot.pause()
        assert app.screen is screen
        assert list(tmp_path.glob("*.txt")) == []
        screen.query_one("#export", Button).press()
        await pilot.pause()
        await pilot.click("#yes")
        await exported(app)
    assert len(list(tmp_path.glob("*.txt"))) == 1


async def test_unwritable_export_folder_is_one_message_and_f6_reopens_on_it(tmp_path: Path) -> None:
    """The files are written in a worker once the dialog has closed: a failure is one sentence in a toast, and
    F6 reopens the dialog on the folder that failed, with the sentence, to correct it."""
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    path = make_draft(sections=FULL)
    app = make_app(path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await open_export(pilot, app, blocker / "sub")
        await pilot.click("#export")
        await exported(app)
        (told,) = export_toasts(app)
        assert "a-file" in told and "Traceback" not in told and told.count("。") == 1
        screen = await press_f6(pilot, app)
        assert screen.query_one("#export-folder", Input).value == str(blocker / "sub")
        assert str(screen.query_one("#form-error", Static).render()) == told
        screen.query_one("#export-folder", Input).value = str(tmp_path / "ok")
        screen.query_one("#export", Button).press()  # a click would be ignored during the button's "pressed" look
        await exported(app, 2)
        assert export_toasts(app)[1].startswith("已导出：")
    assert len(list((tmp_path / "ok").iterdir())) == 2


async def test_tab_goes_from_the_formats_to_the_folder_to_export_and_states_read_without_colour(
    tmp_path: Path,
) -> None:
    path = make_draft(sections={"conduct": "只写了一段。"})  # errors listed in a scrolling box: not a Tab stop
    app = make_app(path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await press_f6(pilot, app)
        order = []
        for _ in range(7):
            order.append(app.focused.id if app.focused else None)
            await pilot.press("tab")
        assert order == ["fmt-docx", "fmt-txt", "fmt-md", "fmt-html", "export-folder", "export", "cancel"]
        docx, md = screen.query_one("#fmt-docx", Checkbox), screen.query_one("#fmt-md", Checkbox)
        assert str(docx.render()).startswith("☑") and str(md.render()).startswith("☐")
        docx.focus()
        await pilot.press("space")
        await pilot.pause()
        assert str(docx.render()).startswith("☐")


async def test_the_folder_is_remembered_per_draft(tmp_path: Path) -> None:
    first, second = make_draft(sections=FULL), make_draft(name="王芳", sections=FULL)
    app = make_app(first)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await open_export(pilot, app, tmp_path / "李明的")
        await pilot.click("#export")
        await exported(app)
        await pilot.press("f6")
        await pilot.pause()
        assert app.screen.query_one("#export-folder", Input).value == str(tmp_path / "李明的")
        assert screen is not app.screen
    app = make_app(second)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        assert app.screen.query_one("#export-folder", Input).value != str(tmp_path / "李明的")


async def test_an_existing_file_is_replaced_or_kept_beside_only_when_the_user_says(tmp_path: Path) -> None:
    path = make_draft(sections=FULL)
    app = make_app(path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await open_export(pilot, app, tmp_path)
        screen.query_one("#fmt-md", Checkbox).value = False
        await pilot.click("#export")
        await exported(app)
        (first,) = tmp_path.glob("*.txt")
        first.write_text("用户改过的文件", encoding="utf-8")

        done = 1
        for choice, expected in (("back", 1), ("keep-both", 2), ("replace", 2)):
            screen = await press_f6(pilot, app)
            screen.query_one("#fmt-docx", Checkbox).value = False
            screen.query_one("#fmt-txt", Checkbox).value = True
            screen.query_one("#export", Button).press()
            await pilot.pause()
            question = app.screen
            assert isinstance(question, ChoiceScreen)
            assert first.name in str(question.query_one("#question").render())
            question.query_one(f"#{choice}", Button).press()
            await pilot.pause()
            if choice != "back":
                done += 1
                await exported(app, done)
            assert len(list(tmp_path.glob("*.txt"))) == expected, choice
            if choice == "back":
                assert app.screen is screen
                assert first.read_text(encoding="utf-8") == "用户改过的文件"
                await pilot.press("escape")
                await pilot.pause()
            elif choice == "keep-both":
                assert first.read_text(encoding="utf-8") == "用户改过的文件"
        assert "坚持把政治建设摆在首位" in first.read_text(encoding="utf-8")  # replaced, as asked


async def test_enter_on_a_format_exports_and_space_ticks_it(tmp_path: Path) -> None:
    """Seen as a new user in tmux: F6, then Enter (the help says Enter exports) with the focus on the first
    format, ☑ Word 文档, unticked Word and exported nothing. Enter exports from a format as from the folder;
    Space ticks and unticks."""
    path = make_draft(sections=FULL)
    app = make_app(path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await press_f6(pilot, app)
        assert app.focused is screen.query_one("#fmt-docx", Checkbox)
        folder = Path(screen.query_one("#export-folder", Input).value)
        await pilot.press("tab", "tab", "space", "shift+tab", "shift+tab")  # Markdown ticked, back on Word
        await pilot.press("enter")
        await exported(app)
    assert sorted(p.suffix for p in folder.iterdir()) == [".docx", ".md", ".txt"]

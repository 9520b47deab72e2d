"""The export dialog: formats, destination folder, and — when errors remain — the errors and a confirmation.
Tab goes from the formats to the folder to 导出 (Enter in the folder exports too); each format says ☑ or ☐
(readable without colour); the folder is remembered per draft (first: paths.export_dir(), never the current
folder); a file that is already there is replaced or kept beside only when the user says so."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Static

from appraisal import export as exporting
from appraisal.app.session import EditSession
from appraisal.app.ui_state import load_export_folder, save_export_folder
from appraisal.errors import AppraisalError
from appraisal.paths import export_dir
from appraisal.service import ExportFailed, ExportTarget, Service
from appraisal.tui.screens.dialogs import FOCUS_KEYS, ChoiceScreen, confirm_then
from appraisal.tui.textual_compat.checkbox import SymbolCheckbox
from appraisal.tui.widgets.guidance import finding_prompt
from appraisal.tui.widgets.plain import Plain, PlainLabel

DEFAULT_FORMATS = ("docx", "txt")
SHOWN_ERRORS = 8


class FormatBox(SymbolCheckbox):
    """One format: ☑ when it will be exported, ☐ when not, so the state reads without colour. Space ticks it;
    Enter exports, as it does in the folder line (Textual's Enter ticked it: the dialog opens on 「Word 文档」, and
    a writer pressing Enter to export unticked Word and exported nothing)."""

    inherit_bindings = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_button", "勾选", show=False),
        Binding("enter", "screen.export", "导出", show=False),
    ]


class ExportScreen(ModalScreen[list[Path] | None]):
    """Returns the files written, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "取消"),
        # The list of errors scrolls by keys wherever the focus is (the box stays out of the Tab order).
        Binding("pagedown", "scroll_errors(1)", show=False),
        Binding("pageup", "scroll_errors(-1)", show=False),
        *FOCUS_KEYS,
    ]

    def __init__(self, session: EditSession, service: Service, folder: Path | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.session = session
        self.service = service
        self.folder = load_export_folder(session.path) or folder or export_dir()
        self.errors = service.errors(session.draft, session.template)

    def compose(self) -> ComposeResult:
        titles = {s.id: s.title for s in self.session.template.text_sections()}
        with Vertical(classes="dialog form", id="export-dialog"):
            yield PlainLabel("导出", classes="dialog-title")
            with Horizontal(classes="field-block"):
                yield PlainLabel("格式", classes="field-label")
                with Grid(id="export-formats"):
                    for name, exporter in exporting.FORMATS.items():
                        yield FormatBox(exporter.label, name in DEFAULT_FORMATS, id=f"fmt-{name}", compact=True)
            with Horizontal(classes="field"):
                yield PlainLabel("文件夹")
                yield Input(str(self.folder), id="export-folder", compact=True)
            yield Plain("空格勾选格式，回车导出；同名文件已存在时先问替换还是保留两份。", classes="form-note")
            if self.errors:
                text = Text(f"草稿中还有{len(self.errors)}处错误：\n", style="bold red")
                for finding in self.errors[:SHOWN_ERRORS]:
                    text.append_text(finding_prompt(finding, with_section=titles.get(finding.section or "", "全文")))
                    text.append("\n")
                if len(self.errors) > SHOWN_ERRORS:
                    text.append(f"……另有{len(self.errors) - SHOWN_ERRORS}处，按F5审阅查看全部。\n", style="dim")
                with VerticalScroll(id="export-errors-box", can_focus=False):  # Tab: formats, folder, 导出
                    yield Plain(text, id="export-errors")
                yield Plain("PgDn、PgUp 翻看错误。", id="export-errors-keys", classes="form-note")
            yield Plain("", id="form-error", classes="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("导出", id="export", variant="primary", compact=True)
                yield Button("取消", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query(FormatBox).first().focus()

    def on_resize(self) -> None:
        """Say how to see the rest only when the errors do not all fit."""
        for box in self.query("#export-errors-box").results(VerticalScroll):
            self.call_after_refresh(self._show_scroll_keys, box)

    def _show_scroll_keys(self, box: VerticalScroll) -> None:
        self.query_one("#export-errors-keys", Plain).display = box.max_scroll_y > 0

    def action_scroll_errors(self, step: int) -> None:
        for box in self.query("#export-errors-box").results(VerticalScroll):
            page = max(1, box.scrollable_content_region.height - 1)
            box.scroll_to(y=box.scroll_y + step * page, animate=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the folder line exports, as 导出 does."""
        event.stop()
        self.start_export()

    def action_export(self) -> None:
        """Enter on a format."""
        self.start_export()

    def chosen_formats(self) -> list[str]:
        return [name for name in exporting.FORMATS if self.query_one(f"#fmt-{name}", Checkbox).value]

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export":
            self.start_export()
        else:
            self.dismiss(None)

    def start_export(self) -> None:
        message = self.query_one("#form-error", Static)
        formats = self.chosen_formats()
        if not formats:
            message.update("请至少选择一种格式。")
            return
        if not self.errors:
            self.ask_about_existing(formats)
            return
        confirm_then(
            self.app,
            f"草稿中还有{len(self.errors)}处错误，导出的文件会带着这些错误。确定仍要导出吗？",
            lambda: self.ask_about_existing(formats),
            yes="仍要导出",
            no="返回修改",
        )

    def ask_about_existing(self, formats: list[str]) -> None:
        """Files of the same names already in the folder: replace them, or keep both (the new ones get a free
        name such as “…(2).docx”), or go back. Never replaced without being asked."""
        folder = Path(self.query_one("#export-folder", Input).value.strip() or ".").expanduser()
        draft, template = self.session.draft, self.session.template
        names = {fmt: folder / exporting.default_filename(draft, template, fmt) for fmt in formats}
        taken = [path for path in names.values() if path.is_file()]
        if not taken:
            self.write(folder, [ExportTarget(fmt, folder=folder) for fmt in formats])
            return

        def answer(choice: str | None) -> None:
            if choice == "replace":
                targets = [ExportTarget(fmt, path=path, overwrite=True) for fmt, path in names.items()]
                self.write(folder, targets)
            elif choice == "keep-both":
                self.write(folder, [ExportTarget(fmt, folder=folder) for fmt in formats])

        listed = "、".join(path.name for path in taken)
        self.app.push_screen(
            ChoiceScreen(
                f"文件夹 {folder} 中已有同名文件：{listed}。\n"
                "替换这些文件，还是保留两份（新文件另起名字，如“…(2).docx”）？",
                [("keep-both", "保留两份"), ("replace", "替换"), ("back", "返回")],
                cancel="back",
                title="文件已存在",
            ),
            answer,
        )

    def write(self, folder: Path, targets: list[ExportTarget]) -> None:
        message = self.query_one("#form-error", Static)
        try:
            written = self.service.export(self.session.draft, self.session.template, targets).written
        except ExportFailed as exc:
            message.update(self._partial(exc.written) + exc.message)
            return
        except AppraisalError as exc:
            message.update(exc.message)
            return
        save_export_folder(self.session.path, folder)
        self.notify("已导出：" + "、".join(str(p) for p in written), timeout=8)
        self.dismiss(written)

    @staticmethod
    def _partial(written: list[Path]) -> str:
        return ("已导出：" + "、".join(p.name for p in written) + "；") if written else ""

    def action_cancel(self) -> None:
        self.dismiss(None)

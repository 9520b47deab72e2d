"""The export dialog: formats, destination folder, and — when errors remain — the errors and a confirmation.
Tab goes from the formats to the folder to 导出 (Enter in the folder exports too); each format says ☑ or ☐
(readable without colour); the folder is remembered per draft (first: paths.export_dir(), never the current
folder); a file that is already there is replaced or kept beside only when the user says so.

Both long parts run in worker threads (`LongJob`), so that the writer can go on typing: the errors are found
while the dialog is open (Enter before that waits for them), and the dialog returns what to write
(`ExportRequest`) for `export_in_background` to write from a copy of the draft, saying in a toast what was
written or, in one sentence, why not; F6 then reopens on the folder that failed, with that sentence.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Static

from appraisal import export as exporting
from appraisal.app.session import EditSession
from appraisal.app.ui_state import load_export_folder, save_export_folder
from appraisal.paths import export_dir
from appraisal.service import ExportFailed, ExportResult, ExportTarget, Service
from appraisal.tui.background import CHECK_BUSY, CHECKING, LongJob, failure_sentence
from appraisal.tui.screens.dialogs import FOCUS_KEYS, ChoiceScreen, close_or_ask, confirm_then
from appraisal.tui.textual_compat.checkbox import SymbolCheckbox
from appraisal.tui.textual_compat.own_bindings import PatchedInput
from appraisal.tui.widgets.guidance import finding_prompt
from appraisal.tui.widgets.plain import Plain, PlainLabel

if TYPE_CHECKING:
    from appraisal.checks import Finding
    from appraisal.tui.screens.editor import EditorScreen

log = logging.getLogger(__name__)

DEFAULT_FORMATS = ("docx", "txt")
SHOWN_ERRORS = 8


@dataclass(frozen=True)
class ExportRequest:
    """What the dialog wants written: the files (`targets`), and the folder to remember once they are."""

    folder: Path
    targets: list[ExportTarget]


@dataclass(frozen=True)
class ExportFailure:
    """The last export that failed: F6 reopens on its folder and says its sentence again."""

    folder: Path
    sentence: str


class FormatBox(SymbolCheckbox):
    """One format: ☑ when it will be exported, ☐ when not, so the state reads without colour. Space ticks it;
    Enter exports, as it does in the folder line (Textual's Enter ticked it: the dialog opens on 「Word 文档」, and
    a writer pressing Enter to export unticked Word and exported nothing)."""

    inherit_bindings = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_button", "勾选", show=False),
        Binding("enter", "screen.export", "导出", show=False),
    ]


class ExportScreen(ModalScreen[ExportRequest | None]):
    """Returns what to write, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "取消"),
        # The list of errors scrolls by keys wherever the focus is (the box stays out of the Tab order).
        Binding("pagedown", "scroll_errors(1)", show=False),
        Binding("pageup", "scroll_errors(-1)", show=False),
        *FOCUS_KEYS,
    ]

    def __init__(
        self,
        session: EditSession,
        service: Service,
        folder: Path | None = None,
        failure: ExportFailure | None = None,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.session = session
        self.service = service
        self.failure = failure
        self.folder = failure.folder if failure else load_export_folder(session.path) or folder or export_dir()
        self.errors: list[Finding] | None = None  # found in a worker once the dialog is up
        self.checking: LongJob[list[Finding]] = LongJob(self, "export-check", CHECK_BUSY)
        self._export_when_checked = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form", id="export-dialog"):
            yield PlainLabel("导出", classes="dialog-title")
            with Horizontal(classes="field-block"):
                yield PlainLabel("格式", classes="field-label")
                with Grid(id="export-formats"):
                    for name, exporter in exporting.FORMATS.items():
                        yield FormatBox(exporter.label, name in DEFAULT_FORMATS, id=f"fmt-{name}", compact=True)
            with Horizontal(classes="field"):
                yield PlainLabel("文件夹")
                yield PatchedInput(str(self.folder), id="export-folder", compact=True)
            yield Plain("空格勾选格式，回车导出；同名文件已存在时先问替换还是保留两份。", classes="form-note")
            yield Plain(CHECKING, id="export-checking", classes="form-note")
            yield Plain(self.failure.sentence if self.failure else "", id="form-error", classes="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("导出", id="export", variant="primary", compact=True)
                yield Button("取消", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query(FormatBox).first().focus()
        draft, template, errors = self.session.draft.model_copy(deep=True), self.session.template, self.service.errors
        self.checking.start(lambda: errors(draft, template), self._checked, self._check_failed)

    def _checked(self, errors: list[Finding]) -> None:
        """The errors are known: listed above the buttons (scrolling when many), and an export asked for
        meanwhile goes on."""
        self.errors = errors
        checking = self.query_one("#export-checking", Plain)
        if errors:
            titles = {s.id: s.title for s in self.session.template.text_sections()}
            text = Text(f"草稿中还有{len(errors)}处错误：\n", style="bold red")
            for finding in errors[:SHOWN_ERRORS]:
                text.append_text(finding_prompt(finding, with_section=titles.get(finding.section or "", "全文")))
                text.append("\n")
            if len(errors) > SHOWN_ERRORS:
                text.append(f"……另有{len(errors) - SHOWN_ERRORS}处，按F5审阅查看全部。\n", style="dim")
            box = VerticalScroll(Plain(text, id="export-errors"), id="export-errors-box", can_focus=False)
            keys = Plain("PgDn、PgUp 翻看错误。", id="export-errors-keys", classes="form-note")
            mounted = self.query_one("#export-dialog", Vertical).mount_all([box, keys], after=checking)

            async def show_keys_once_laid_out() -> None:
                await mounted  # a refresh asked for before the box is mounted finds it without a size
                self.call_after_refresh(self._show_scroll_keys, box)

            self.call_later(show_keys_once_laid_out)
        checking.remove()
        if self._export_when_checked:
            self.start_export()

    def _check_failed(self, error: Exception) -> None:
        """The check could not run: export as if there were no errors to list (the export checks again and
        says why if it fails too)."""
        log.error("checking the draft for the export dialog failed", exc_info=error)
        self.query_one("#export-checking", Plain).update("未能检查全文，无法列出错误，仍可导出。")
        self.errors = []
        if self._export_when_checked:
            self.start_export()

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
        if self.errors is None:  # still checking: exported as soon as the errors are known
            self._export_when_checked = True
            message.update("正在检查全文，检查完即导出。")
            return
        self._export_when_checked = False
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
            self.dismiss(ExportRequest(folder, [ExportTarget(fmt, folder=folder) for fmt in formats]))
            return

        def answer(choice: str | None) -> None:
            if choice == "replace":
                targets = [ExportTarget(fmt, path=path, overwrite=True) for fmt, path in names.items()]
                self.dismiss(ExportRequest(folder, targets))
            elif choice == "keep-both":
                self.dismiss(ExportRequest(folder, [ExportTarget(fmt, folder=folder) for fmt in formats]))

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

    def action_cancel(self) -> None:
        """Esc: closes at once unless the folder line was typed in (then asks first)."""
        close_or_ask(self, lambda: self.dismiss(None))


def export_in_background(editor: EditorScreen, request: ExportRequest) -> None:
    """Write the files from a copy of the draft taken now (typing goes on meanwhile); then say what was written,
    or in one sentence why not — nothing saved is touched either way. One export at a time."""
    session, service = editor.session, editor.service()
    draft = session.draft.model_copy(deep=True)

    def done(result: ExportResult) -> None:
        editor.export_failure = None
        save_export_folder(session.path, request.folder)
        editor.notify("已导出：" + "、".join(str(p) for p in result.written), timeout=8)

    def failed(error: Exception) -> None:
        if isinstance(error, ExportFailed):
            written = "、".join(p.name for p in error.written)
            sentence = (f"已导出：{written}；" if written else "") + error.message
        else:  # an exporter bug leaves the draft untouched: the export had a copy
            sentence = failure_sentence(error, "导出", "草稿未受影响", "exporting %s failed", session.path)
        editor.export_failure = ExportFailure(request.folder, sentence)
        editor.notify(sentence, title="未能导出", severity="error", timeout=10)

    editor.exporting.start(lambda: service.export(draft, session.template, request.targets), done, failed)

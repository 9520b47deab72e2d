"""Import a document (.txt, .md, .docx) as a new draft: ask for its path and, optionally, the template."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from appraisal.formats import DOCX_SUFFIXES, TEXT_SUFFIXES
from appraisal.templates import list_templates
from appraisal.tui.widgets.file_picker import FilePicker
from appraisal.tui.widgets.plain import Plain, PlainLabel


@dataclass(frozen=True)
class ImportRequest:
    path: Path
    template: str | None


class ImportScreen(ModalScreen[ImportRequest | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "取消")]

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")

    def compose(self) -> ComposeResult:
        templates, _errors = list_templates()
        with Vertical(classes="dialog form"):
            yield PlainLabel("导入文档", classes="dialog-title")
            yield Plain(
                "选择一份 .txt、.md 或 .docx 文档，按栏目拆分后存为新草稿，原文件不会改动。", classes="form-note"
            )
            with Horizontal(classes="field"):
                yield PlainLabel("文档路径")
                yield Input(id="path", placeholder="如：~/文档/2024年度个人总结.docx", compact=True)
            yield FilePicker(Path.cwd(), TEXT_SUFFIXES | DOCX_SUFFIXES, id="picker")  # or pick it here
            with Horizontal(classes="field"):
                yield PlainLabel("模板")
                yield Select([(Text(t.name), t.id) for t in templates], prompt="自动识别", id="template", compact=True)
            yield Plain("", id="form-error", classes="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("导入", id="import", variant="primary", compact=True)
                yield Button("取消", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def on_directory_tree_file_selected(self, event: FilePicker.FileSelected) -> None:
        """A file picked in the tree: its path goes into the line, ready for Enter (导入)."""
        event.stop()
        path = self.query_one("#path", Input)
        path.value = str(event.path)
        path.focus()

    def _submit(self) -> None:
        error = self.query_one("#form-error", Static)
        raw = self.query_one("#path", Input).value.strip().strip("'\"")
        if not raw:
            error.update("请填写文档路径。")
            return
        path = Path(raw).expanduser()
        if not path.is_file():
            error.update(f"找不到文件 {path}。")
            return
        if path.suffix.lower() in (".doc", ".wps"):
            error.update("旧版 .doc 或 .wps 文件无法读取，请先在 Word 或 WPS 中另存为 .docx。")
            return
        template = self.query_one("#template", Select).value
        self.dismiss(ImportRequest(path, template if isinstance(template, str) else None))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "import":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

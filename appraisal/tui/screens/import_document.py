"""Import a document (.txt, .md, .docx) as a new draft: ask for its path and, optionally, the template; ask which
template when the importer is unsure; then say what went where (`ImportSummaryScreen`).

The form reads the file and creates the draft itself, so that a file that cannot be read is one sentence under
the path the user typed (to correct it), and a question about the template comes before any draft exists. The
reading (a large .docx takes seconds) runs in a worker thread (`LongJob`): the dialog says it is reading and keeps
taking keys — Esc leaves it and nothing is created, a second Enter is refused; the draft is created on the UI
thread once the template is settled.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from appraisal import paths
from appraisal.app.drafts import create_imported, same_text_drafts
from appraisal.errors import AppraisalError
from appraisal.formats import DOCX_SUFFIXES, TEXT_SUFFIXES
from appraisal.importing import ImportResult, import_document, summary_lines
from appraisal.templates import list_templates
from appraisal.tui.background import READ_BUSY, LongJob, failure_sentence
from appraisal.tui.screens.list_dialog import ListDialog
from appraisal.tui.textual_compat.own_bindings import PatchedInput
from appraisal.tui.widgets.chinese_text import ChineseText
from appraisal.tui.widgets.file_picker import FilePicker
from appraisal.tui.widgets.plain import Plain, PlainLabel


@dataclass(frozen=True)
class Imported:
    """A draft made from a document: where it was saved, what the importer did, and how the template was
    settled — given in the form, recognised, or chosen by the user after the importer's guess (`guess`)."""

    path: Path
    result: ImportResult
    guess: ImportResult | None = None  # the first reading, when the user was asked which template
    same: tuple[Path, ...] = ()  # drafts there already with the same text (the same document imported again)


class ImportScreen(ModalScreen[Imported | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "取消")]

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")
        self.reading: LongJob[ImportResult] = LongJob(self, "import-read", READ_BUSY)

    def compose(self) -> ComposeResult:
        templates, _errors = list_templates()
        with Vertical(classes="dialog form"):
            yield PlainLabel("导入文档", classes="dialog-title")
            yield Plain(
                "选择一份 .txt、.md 或 .docx 文档，按栏目拆分后存为新草稿，原文件不会改动。", classes="form-note"
            )
            with Horizontal(classes="field"):
                yield PlainLabel("文档路径")
                yield PatchedInput(id="path", placeholder="如：~/文档/2024年度个人总结.docx", compact=True)
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
        self._error("")

    def _error(self, sentence: str, *, busy: bool = False) -> None:
        """One sentence under the form: what went wrong, or (`busy`, not in red) what the dialog is doing."""
        line = self.query_one("#form-error", Static)
        line.set_class(busy, "busy")
        line.update(sentence)

    def _submit(self) -> None:
        if self.reading.refuse_if_running():
            return
        raw = self.query_one("#path", Input).value.strip().strip("'\"")
        if not raw:
            self._error("请填写文档路径。")
            return
        path = Path(raw).expanduser()
        if path.is_dir():  # the folder the documents are in, typed as many would: list it to pick from
            picker = self.query_one("#picker", FilePicker)
            picker.path = path
            picker.focus()
            self._error(f"{path} 是一个文件夹，请在上面的列表中选择其中的文档（方向键选择，回车选定）。")
            return
        if not path.is_file():
            self._error(f"找不到文件 {path}。")
            return
        if path.suffix.lower() in (".doc", ".wps"):
            self._error("旧版 .doc 或 .wps 文件无法读取，请先在 Word 或 WPS 中另存为 .docx。")
            return
        template = self.query_one("#template", Select).value
        self._read(path, template if isinstance(template, str) else None, partial(self._recognised, path))

    def _recognised(self, path: Path, result: ImportResult) -> None:
        """Read: create the draft, or first ask which template when the importer is unsure."""
        if result.confident:
            self._create(result)
            return

        def chosen(template_id: str | None) -> None:
            if template_id is None:
                return  # back to the form: nothing was created
            if template_id == result.template.id:
                self._create(result, guess=result)
            else:
                self._read(path, template_id, lambda again: self._create(again, guess=result))

        self.app.push_screen(TemplateQuestion(result), chosen)

    def _read(self, path: Path, template_id: str | None, then: Callable[[ImportResult], None]) -> None:
        """Read and recognise the document in a worker; `then` with the result, on the UI thread."""
        self._error(f"正在读取 {path.name}……", busy=True)

        def read() -> ImportResult:
            return import_document(path, template_id)

        def done(result: ImportResult) -> None:
            self._error("")
            then(result)

        self.reading.start(read, done, partial(self._read_failed, path))

    def _read_failed(self, path: Path, error: Exception) -> None:
        # an importer bug must not take the app (and other open text) down
        self._error(failure_sentence(error, f"导入 {path} ", "未创建草稿", "importing %s failed", path))

    def _create(self, result: ImportResult, guess: ImportResult | None = None) -> None:
        try:
            same = tuple(same_text_drafts(result.draft))
            path = create_imported(result)
        except AppraisalError as exc:
            self._error(exc.message)
            return
        self.dismiss(Imported(path, result, guess, same))

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


class TemplateQuestion(ListDialog[str]):
    """The importer could not tell which template the document follows: the user picks one, its guess
    highlighted. Escape goes back to the form without creating anything."""

    list_id = "templates"

    def __init__(self, result: ImportResult) -> None:
        super().__init__()
        self.result = result
        self.templates, _errors = list_templates()

    def compose(self) -> ComposeResult:
        result = self.result
        name = result.document.path.name if result.document.path else "文档"
        why = f"推测的依据：{'；'.join(result.reasons)}。" if result.reasons else ""
        if result.not_a_report:
            question = (
                f"{name} 看起来不是个人总结或述职报告。{why}如确要导入，请选择模板，正文将放入其主体栏目"
                "（回车确认，Esc 放弃）："
            )
        elif result.fits_no_template:
            question = f"{name} 不符合任何模板。{why}请选择导入到哪个模板，正文将放入其主体栏目（回车确认）："
        else:
            guess = result.template.name
            question = f"未能确定 {name} 所用的模板，推测为「{guess}」。{why}请选择要使用的模板（回车确认）："
        with Vertical(classes="dialog"):
            yield PlainLabel("选择模板", classes="dialog-title")
            yield Static(
                ChineseText(question),
                classes="dialog-body",
            )
            yield OptionList(
                *(
                    Option(Text(t.name + ("（推测）" if t.id == result.template.id else "")), id=t.id)
                    for t in self.templates
                ),
                id="templates",
                compact=True,
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("导入", id="ok", variant="primary", compact=True)
                yield Button("取消", id="cancel", compact=True)

    def first_index(self) -> int | None:
        ids = [t.id for t in self.templates]
        return ids.index(self.result.template.id) if self.result.template.id in ids else None

    def answer_for(self, index: int) -> str:
        return self.templates[index].id


class ImportSummaryScreen(ModalScreen[None]):
    """What the import did, so that a wrong placement can be seen and fixed: the template and why, each
    section's 字数 and the document headings its text came from, empty sections, and text that went nowhere
    (kept in the draft, never dropped). Scrolls at 80×24; Enter or Escape starts editing."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter", "close", "开始编辑")]
    DEFAULT_CSS = """
    ImportSummaryScreen .dialog { width: 90; }
    ImportSummaryScreen #import-summary { height: auto; max-height: 65vh; }
    """

    def __init__(self, imported: Imported) -> None:
        super().__init__(classes="dialog-screen")
        self.imported = imported
        self.text = summary_text(imported)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield PlainLabel("导入完成", classes="dialog-title")
            with VerticalScroll(id="import-summary"):
                yield Static(ChineseText(self.text))
            with Horizontal(classes="dialog-buttons"):
                yield Button("开始编辑", id="ok", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#import-summary", VerticalScroll).focus()  # ↑/↓ and PgUp/PgDn scroll; Enter closes

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


def summary_text(imported: Imported) -> Text:
    """The summary (`summary_lines`, the CLI's words) as styled text; the document's words are never markup."""
    saved = imported.path.name if imported.path.parent == paths.drafts_dir() else str(imported.path)
    lines = summary_lines(imported.result, imported.guess, saved)
    if imported.same:  # imported once more: said, not refused (the writer may want a second copy to rework)
        names = "、".join(path.name for path in imported.same)
        lines.insert(1, [(f"已有内容相同的草稿：{names}（可能已导入过此文件），本次另存为新草稿。", "bold")])
    text = Text("\n").join(Text.assemble(*line) for line in lines)
    text.rstrip()
    return text

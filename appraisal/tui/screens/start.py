"""The start screen: resume the most recent draft with one key, open another, create one, or import a document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static

from appraisal import paths
from appraisal.tui import palette
from appraisal.tui.screens.dialogs import MessageScreen
from appraisal.tui.textual_compat.key_hold import hold_keys
from appraisal.tui.widgets.key_bar import KeyBar
from appraisal.tui.widgets.plain import Plain
from appraisal.tui.widgets.section_list import fit_cells

UNSIGNED = "（未署名）"  # a draft with no name yet, as the list shows it

if TYPE_CHECKING:
    from appraisal.service import DraftSummary, Service


def saved_label(saved: dt.datetime, today: dt.date) -> str:
    """最后保存 in the 10 cells an 80-column list leaves it: the time for a draft saved today (two drafts of the
    same day read apart), the date for one saved earlier. `2025-12-08 14:05` was cut to its date at 80 columns."""
    return f"今天 {saved:%H:%M}" if saved.date() == today else f"{saved:%Y-%m-%d}"


@dataclass(frozen=True)
class DraftRow:
    """One line of the list, as shown. `problem` is set when the draft cannot be read."""

    path: Path
    name: str
    template: str
    year: str
    done: str
    saved: str
    problem: str = ""

    @classmethod
    def of(cls, summary: DraftSummary, today: dt.date | None = None) -> DraftRow:
        saved = saved_label(summary.saved, today or dt.date.today())
        draft, template = summary.draft, summary.template
        if draft is None:
            return cls(summary.path, summary.path.stem, "", "", "无法读取", saved, summary.problem)
        done = summary.progress.label(compact=True) if summary.progress is not None else "模板缺失"
        year = f"{draft.profile.year}" if draft.profile.year else "未填"
        label = template.name if template else draft.template
        return cls(summary.path, draft.profile.name or UNSIGNED, label, year, done, saved)


class StartScreen(Screen[None]):
    """Lists the drafts; what the user picks goes up to the app as a message."""

    class OpenDraft(Message):
        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    class NewDraft(Message):
        pass

    class ImportDocument(Message):
        pass

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority, and the keys typed after them held for the screen they open (key_hold): a path typed at once
        # after I went to the list, where its n or r started another action.
        Binding("r", "resume", "继续最近的草稿", priority=True),
        Binding("n", "new", "新建", priority=True),
        Binding("i", "import_document", "导入文档", priority=True),
        Binding("enter", "open_selected", "打开", show=False),
    ]
    PALETTE: ClassVar[dict[str, tuple[str, str]]] = {
        "resume": ("继续最近的草稿", "打开最近保存的草稿"),
        "open_selected": ("打开所选草稿", "打开列表中选中的草稿"),
    }

    def __init__(self, service: Callable[[], Service]) -> None:
        super().__init__()
        self.service = service
        self.rows: list[DraftRow] = []

    def compose(self) -> ComposeResult:
        yield Plain(Text("考核自评助手", style="bold"), id="start-title")
        yield Plain("", id="start-hint")
        yield Plain("", id="start-problems")
        yield DataTable(id="drafts", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#drafts", DataTable)
        table.add_column("姓名", key="name")
        table.add_column("模板", key="template")
        table.add_column("年度", key="year")
        table.add_column("已写", key="done")
        table.add_column("最后保存", key="saved")
        self.refresh_drafts()

    def on_screen_resume(self) -> None:
        self.refresh_drafts()

    def refresh_drafts(self) -> None:
        self.rows = [DraftRow.of(summary) for summary in self.service().list_drafts()]
        table = self.query_one("#drafts", DataTable)
        table.clear()
        for index, row in enumerate(self.rows):
            done = Text(row.done, style="red" if row.problem else "")
            cells = (fit_cells(row.name, 16), fit_cells(row.template, 26), row.year)
            table.add_row(*(Text(cell) for cell in cells), done, Text(row.saved), key=str(index))  # never markup
        hint = self.query_one("#start-hint", Static)
        if self.rows:
            latest = self.rows[0]
            hint.update(
                f"按R继续最近的草稿（{'未署名' if latest.name == UNSIGNED else latest.name}，{latest.year}年度）；"
                "也可以在下表中选择一份草稿按回车打开，按N新建，按I导入已有文档。"
            )
        else:
            hint.update(f"还没有草稿（数据目录：{paths.drafts_dir()}）。按N新建一份，或按I导入已有文档。")
        problems = self.service().template_problems()
        shown = self.query_one("#start-problems", Static)
        shown.update("\n".join(["以下模板未能读取，暂不可用：", *problems]) if problems else "")
        shown.display = bool(problems)
        if self.rows:
            table.focus()
        self.refresh_bindings()  # R comes and goes with the drafts

    def _open(self, row: DraftRow) -> None:
        if row.problem:
            self.app.push_screen(MessageScreen(row.problem, title="无法打开草稿"))
            return
        hold_keys(self.app)
        self.post_message(self.OpenDraft(row.path))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """R is offered only when there is a draft to continue."""
        return bool(self.rows) if action == "resume" else True

    def action_resume(self) -> None:
        if not self.rows:
            self.app.push_screen(MessageScreen("还没有草稿，请按N新建一份。"))
            return
        self._open(self.rows[0])

    def action_open_selected(self) -> None:
        table = self.query_one("#drafts", DataTable)
        if self.rows and 0 <= table.cursor_row < len(self.rows):
            self._open(self.rows[table.cursor_row])

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        index = int(event.row_key.value or 0)
        if 0 <= index < len(self.rows):
            self._open(self.rows[index])

    def action_new(self) -> None:
        hold_keys(self.app)
        self.post_message(self.NewDraft())

    def action_import_document(self) -> None:
        hold_keys(self.app)
        self.post_message(self.ImportDocument())

    def commands(self) -> Iterator[SystemCommand]:
        return palette.commands(self, self.PALETTE)

"""History: the draft's earlier revisions, a preview of each, and restoring one (as a new revision)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from appraisal.app.drafts import HistoryEntry, history
from appraisal.app.session import EditSession
from appraisal.draft import Draft, count_zi
from appraisal.errors import AppraisalError
from appraisal.fileio import describe_os_error
from appraisal.tui.screens.dialogs import confirm_then
from appraisal.tui.textdiff import section_change
from appraisal.tui.widgets.chinese_text import ChineseText
from appraisal.tui.widgets.key_bar import KeyBar
from appraisal.tui.widgets.plain import Plain


class HistoryScreen(Screen[int | None]):
    """Returns the revision to restore, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "返回编辑"),
        Binding("r", "restore", "恢复此版本"),
        Binding("d", "toggle_view", "全文/对比"),
    ]

    def __init__(self, session: EditSession) -> None:
        super().__init__()
        self.session = session
        self.entries: list[HistoryEntry] = []
        self.loaded: dict[int, Draft | str] = {}

    def compose(self) -> ComposeResult:
        yield Plain("", id="history-summary")
        with Horizontal(id="history-main"):
            yield OptionList(id="history-list")
            with VerticalScroll(id="history-preview-box"):
                yield Plain("", id="history-diff")  # shown first: what restoring would change
                yield Plain("", id="history-preview")  # the revision as it was (D switches)
        yield KeyBar()

    def on_mount(self) -> None:
        self.entries = history(self.session.path, self.session.draft.id)
        options = self.query_one("#history-list", OptionList)
        if not self.entries:
            self.query_one("#history-summary", Static).update("这份草稿还没有历史版本。")
            return
        self.query_one("#history-summary", Static).update(
            f"历史版本：共{len(self.entries)}个（最新在上）。右侧是恢复所选版本会带来的改动"
            "（［-删去］［+增加］），按D看该版本全文；按R或回车恢复，恢复前会再问一次，恢复本身也会存为新版本。"
        )
        prompts = []
        # 第9版 and 第12版 padded to one width, so the times below each other line up.
        width = max(len(f"第{entry.revision}版") for entry in self.entries)
        for index, entry in enumerate(self.entries):
            loaded = self._load(index)
            size = f"{loaded.total_chars()}字" if isinstance(loaded, Draft) else "无法读取"
            # Broken by the Chinese rules: Rich's wrapping left 字 alone on a line at 100 columns.
            row = ChineseText(f"{f'第{entry.revision}版':<{width}}  {entry.saved}  {size}")
            prompts.append(Option(row, id=f"r{index}"))
        options.set_options(prompts)
        options.highlighted = 0
        options.focus()

    def _load(self, index: int) -> Draft | str:
        if index not in self.loaded:
            entry = self.entries[index]
            try:
                self.loaded[index] = entry.load()
            except AppraisalError as exc:
                self.loaded[index] = exc.message
            except OSError as exc:
                self.loaded[index] = describe_os_error(exc, entry.path, "读取历史版本")
        return self.loaded[index]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._preview(event.option_index)

    def _preview(self, index: int) -> None:
        loaded = self._load(index)
        preview = self.query_one("#history-preview", Static)
        diff = self.query_one("#history-diff", Static)
        if isinstance(loaded, str):
            preview.update(Text(loaded, style="red"))
            diff.update(Text(loaded, style="red"))
            return
        current = self.session.draft
        change = Text()
        if loaded.title != current.title:
            change.append_text(section_change("标题", current.title, loaded.title))
        for section in self.session.template.text_sections():
            then, now = loaded.sections.get(section.id, ""), current.sections.get(section.id, "")
            change.append_text(section_change(section.title, now, then))
        diff.update(change)
        text = Text()
        text.append(f"{loaded.title}\n", style="bold")
        for section in self.session.template.text_sections():
            body = loaded.sections.get(section.id, "")
            text.append(f"\n{section.title}（{count_zi(body)} 字）\n", style="bold")
            text.append(body + "\n" if body else "（空）\n", style="" if body else "dim")
        preview.update(text)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_index)

    def action_restore(self) -> None:
        index = self.query_one("#history-list", OptionList).highlighted
        if index is not None:
            self._choose(index)

    def _choose(self, index: int) -> None:
        """Restore, once the user has confirmed (the change is shown beside the list)."""
        if not 0 <= index < len(self.entries):
            return
        if isinstance(self._load(index), str):
            self.notify("这个版本无法读取，不能恢复。", severity="error", timeout=5)
            return
        revision = self.entries[index].revision
        confirm_then(
            self.app,
            f"把草稿恢复为第{revision}版吗？现在的文字会留在历史版本中，需要时可以再恢复回来。",
            lambda: self.dismiss(revision),
            yes="恢复",
            title="恢复历史版本",
        )

    def action_toggle_view(self) -> None:
        """What restoring would change, or the revision's whole text."""
        self.toggle_class("show-full")

    def action_back(self) -> None:
        self.dismiss(None)

"""Moving paragraphs to another section (Ctrl+G in the editor): the fix for a block an import put in the wrong
place. Which lines move (`block_rows`) and the dialog that asks where to (`MoveBlockScreen`); the editor moves
them with `Draft.move_lines` and saves the result as a new revision."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option
from textual.widgets.text_area import Selection

from appraisal.draft import count_zi
from appraisal.templates import Template
from appraisal.tui.screens.list_dialog import ListDialog
from appraisal.tui.widgets.chinese_text import ChineseText
from appraisal.tui.widgets.plain import PlainLabel

PREVIEW = 60  # characters of the block shown in the dialog


def block_rows(selection: Selection) -> tuple[int, int]:
    """The paragraphs (rows, end exclusive) a move takes: the cursor's, or every one the selection touches. A
    selection that ends at the very start of a row (whole lines selected with Shift+↓) does not take that row."""
    (start_row, _), (end_row, end_column) = sorted((selection.start, selection.end))
    if end_row > start_row and end_column == 0:
        end_row -= 1
    return start_row, end_row + 1


class MoveBlockScreen(ListDialog[str]):
    """Where to move the paragraphs: every other section of the template, in order (a child indented under its
    parent's title). Enter moves them to the end of the chosen section; Escape leaves everything as it was."""

    list_id = "move-targets"
    DEFAULT_CSS = """
    MoveBlockScreen #move-targets { height: auto; max-height: 12; }
    """

    def __init__(self, template: Template, source: str, block: str) -> None:
        super().__init__()
        self.template = template
        self.source = source
        self.block = block
        self.targets = [placed for placed in template.walk() if placed.section.id != source]

    def compose(self) -> ComposeResult:
        paragraphs = [line for line in self.block.split("\n") if line.strip()]
        first = paragraphs[0] if paragraphs else ""
        preview = first if len(first) <= PREVIEW else first[:PREVIEW] + "……"
        more = f"等 {len(paragraphs)} 段，" if len(paragraphs) > 1 else ""
        source = self.template.placed(self.source).section.title
        with Vertical(classes="dialog"):
            yield PlainLabel("移到其他栏目", classes="dialog-title")
            yield Static(
                ChineseText(
                    Text.assemble(
                        f"把「{source}」中的“",
                        (preview, "bold"),
                        f"”（{more}共 {count_zi(self.block)} 字）移到哪个栏目？将接在该栏目末尾。",
                    )
                ),
                classes="dialog-body",
            )
            yield OptionList(*self._options(), id="move-targets", compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button("移动", id="ok", variant="primary", compact=True)
                yield Button("取消", id="cancel", compact=True)

    def _options(self) -> list[Option]:
        options = []
        for placed in self.targets:
            section = placed.section
            indent = "　　" if placed.parent is not None else ""
            if section.children:  # a group title: its text goes in its children
                options.append(Option(Text(indent + section.title, style="dim"), id=section.id, disabled=True))
            else:
                options.append(Option(Text(indent + section.title), id=section.id))
        return options

    def answer_for(self, index: int) -> str:
        return self.targets[index].section.id


class UnmatchedScreen(ListDialog[tuple[int, int]]):
    """The draft's 未归类内容 (text an import could not place), one line per option: Enter moves the highlighted
    line to the end of the current section, “全部移入本栏” moves them all (as rows, end exclusive)."""

    list_id = "unmatched-lines"
    DEFAULT_CSS = """
    UnmatchedScreen #unmatched-lines { height: auto; max-height: 10; }
    """

    def __init__(self, unmatched: str, section_title: str) -> None:
        super().__init__()
        self.lines = unmatched.split("\n")
        self.section_title = section_title

    def compose(self) -> ComposeResult:
        count = count_zi("\n".join(self.lines))
        with Vertical(classes="dialog"):
            yield PlainLabel("未归类内容", classes="dialog-title")
            yield Static(
                ChineseText(
                    f"以下 {count} 字导入时未能归入任何栏目，保存在草稿中。选中一行按回车，移到本栏"
                    f"「{self.section_title}」末尾；或全部移入本栏。"
                ),
                classes="dialog-body",
            )
            yield OptionList(
                *(Option(Text(line), id=f"l{i}", disabled=not line.strip()) for i, line in enumerate(self.lines)),
                id="unmatched-lines",
                compact=True,
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("移入本栏", id="one", variant="primary", compact=True)
                yield Button("全部移入本栏", id="all", compact=True)
                yield Button("关闭", id="cancel", compact=True)

    def answer_for(self, index: int) -> tuple[int, int]:
        return index, index + 1

    def pressed(self, button_id: str) -> None:
        if button_id == "all":
            self.dismiss((0, len(self.lines)))
        else:
            self.choose()

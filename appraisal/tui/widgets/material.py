"""The 素材 page of the guidance panel: this section's notes by date (Enter inserts one at the editor's cursor) and
last year's plans (下一步打算, 努力方向, 急需提高的能力) as a checklist to hold this year's text against.

It only shows what it is given and posts `MaterialPage.InsertNote` when a note is chosen; the editor screen reads
the notes (through the service), inserts the text and adds new notes."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from appraisal.tui.widgets.chinese_text import ChineseText
from appraisal.tui.widgets.plain import Plain

if TYPE_CHECKING:
    from appraisal.notes import Note
    from appraisal.plans import PlanItem


SENTENCE_ENDS = "。！？；…"
OPEN_AFTER = SENTENCE_ENDS + "：，、（“‘《"  # after these a note may follow as it is


def as_sentence(note: str) -> str:
    """A note as it goes in at the cursor: a sentence of its own, closed with 。 unless it ends a sentence already.
    The writer's text before it is left as typed: a 。 added to close it changed the writer's words without being
    asked (树上打字 → 树上打字。); `runs_on` says when the note follows an open sentence, and the screen says so."""
    text = note.strip()
    if text and text[-1] not in SENTENCE_ENDS:
        text += "。"
    return text


def runs_on(before: str) -> bool:
    """The note goes in after `before` (the line's text before the cursor), a sentence left open."""
    previous = before.rstrip()
    return bool(previous) and previous[-1] not in OPEN_AFTER


class PlanChecklist(OptionList):
    """Last year's plans, each ticked (Enter or Space) once this year's text answers it. An OptionList rather than
    a SelectionList: its rows wrap, and a plan is a whole sentence. Each tick posts `Ticked` (the editor keeps the
    ticks with the draft's place in ui_state), and `show` is given the ticks kept from before."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("space", "tick", "勾选", show=False)]

    class Ticked(Message):
        """The plans now ticked, by their words."""

        def __init__(self, ticked: set[str]) -> None:
            super().__init__()
            self.ticked = ticked

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[str] = []
        self.checked: set[int] = set()

    def show(self, items: Sequence[str], ticked: Collection[str] = ()) -> None:
        """The plans; `ticked`, the words of those ticked before (kept when the same plans are shown again)."""
        if list(items) != self.items:
            self.items = list(items)
            self.checked = {index for index, text in enumerate(self.items) if text in ticked}
        self._draw()

    def _draw(self) -> None:
        highlighted = self.highlighted
        rows = []
        for index, text in enumerate(self.items):
            line = Text("☑ " if index in self.checked else "☐ ", style="bold green" if index in self.checked else "")
            line.append(text, style="dim" if index in self.checked else "")
            rows.append(Option(ChineseText(line), id=f"p{index}"))
        self.set_options(rows)
        # However the list gets the focus (Tab, a click), Space ticks the first plan until another is chosen.
        self.highlighted = 0 if highlighted is None and rows else highlighted

    def action_tick(self) -> None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.items):
            return
        self.checked ^= {index}
        self._draw()
        self.post_message(self.Ticked({self.items[i] for i in self.checked}))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_tick()


class MaterialPage(Vertical):
    """本栏素材 (options) over 去年计划 (a checklist)."""

    DEFAULT_CSS = """
    MaterialPage {
        #notes-list { height: 1fr; min-height: 3; }
        #plans-list { height: auto; max-height: 50%; }
        .material-heading { color: $text-muted; text-style: bold; }
    }
    """

    class InsertNote(Message):
        """The user chose a note: its text goes in at the editor's cursor."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    HEADING = "素材（回车插入到光标处，Ctrl+N 新记）"
    EMPTY_HEADING = "素材（Ctrl+N 新记）"

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.notes: list[Note] = []

    def compose(self) -> ComposeResult:
        yield Plain(self.EMPTY_HEADING, classes="material-heading", id="notes-heading")
        yield OptionList(id="notes-list")
        yield Plain("", classes="material-heading", id="plans-heading")
        yield PlanChecklist(id="plans-list")

    def show_notes(self, notes: Sequence[Note], problem: str = "") -> None:
        """This section's notes, oldest first; `problem` says why none can be shown (a damaged notes file)."""
        self.notes = list(notes)
        options = self.query_one("#notes-list", OptionList)
        # Enter inserts only where there is a 素材 to insert; with none the focus stays in the text.
        self.query_one("#notes-heading", Plain).update(self.EMPTY_HEADING if problem or not notes else self.HEADING)
        if problem or not self.notes:
            empty = problem or "本栏还没有素材。按 Ctrl+N 记下一条，或用“appraisal note add”。"
            options.set_options([Option(Text(empty, style="dim"), disabled=True)])
            return
        rows = []
        for note in self.notes:
            line = Text(note.date.isoformat() if note.date else "未注日期", style="dim")
            line.append("  ")
            line.append(note.text)
            rows.append(Option(ChineseText(line), id=f"n{note.id}"))
        options.set_options(rows)
        options.highlighted = 0  # however the list gets the focus (Tab, a click), Enter inserts the first

    def focus_notes(self) -> None:
        """The list of 素材 takes the focus, the first highlighted: Enter inserts it at the cursor."""
        options = self.query_one("#notes-list", OptionList)
        options.focus()
        options.highlighted = 0

    def show_plans(self, items: Sequence[PlanItem] | None, ticked: Collection[str] = ()) -> None:
        """Last year's plans, those in `ticked` ticked; None while last year's draft is being looked for or when
        there is none."""
        checklist = self.query_one("#plans-list", PlanChecklist)
        checklist.show([item.text for item in items or ()], ticked)
        checklist.display = bool(items)
        heading = self.query_one("#plans-heading", Plain)
        heading.update("去年计划（空格勾选已对照的）" if items else "去年计划：上一年度草稿中没有找到打算或努力方向。")

    @on(OptionList.OptionSelected, "#notes-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.notes):
            self.post_message(self.InsertNote(self.notes[event.option_index].text))

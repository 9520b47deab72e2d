"""查找 (Ctrl+F): a word looked for in every section of the draft, as it is typed; each place listed with its
section, paragraph and the words around it; Enter shows it in the editor with the word selected. A writer
reusing last year's text finds every 2025 this way, and any name or figure to check."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from appraisal.draft import Draft
from appraisal.templates import Template
from appraisal.text.counting import paragraph_numbers
from appraisal.text.quotes import quoted
from appraisal.tui.queued_keys import after_queued_keys
from appraisal.tui.textual_compat.own_bindings import PatchedInput
from appraisal.tui.widgets.chinese_text import ChineseTextVisual
from appraisal.tui.widgets.plain import Plain, PlainLabel
from appraisal.tui.widgets.section_list import fit_cells

MAX_PLACES = 500  # listed at most; the count says how many more there are
LARGE = 200_000  # characters in the draft: above, the places are listed once the typing pauses (QUIET seconds)
QUIET = 0.3
CONTEXT = 14  # characters shown on each side of the word


@dataclass(frozen=True)
class Place:
    """Where the word is: a section, its line (paragraph) and the columns of the word, all 0-based."""

    section: str
    row: int
    start: int
    end: int


def find_places(draft: Draft, template: Template, word: str) -> list[Place]:
    """Every place of `word` in the draft's sections, in template order (Latin letters in any case)."""
    if not word:
        return []
    pattern = re.compile(re.escape(word), re.IGNORECASE)
    places: list[Place] = []
    for section_id in template.text_section_ids():
        for row, line in enumerate(draft.sections.get(section_id, "").split("\n")):
            places.extend(Place(section_id, row, m.start(), m.end()) for m in pattern.finditer(line))
    return places


class FindScreen(ModalScreen[Place | None]):
    """One line for the word, the places below it. The typing stays in the word's line: ↑/↓ (PgUp/PgDn) move
    the highlight through the places, as in the command palette, so keys typed fast never land in a list that
    took the focus late; Enter shows the highlighted place; Esc leaves the editor as it was."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "取消"),
        # Priority, and done behind the characters already on their way to the word's line (queued_keys):
        # as a plain binding ↓ ran only after bubbling to the App, behind the Enter typed after it (the Input
        # runs its own Enter at once), and Enter showed the first place instead of the one chosen.
        Binding("down", "move(1)", show=False, priority=True),
        Binding("up", "move(-1)", show=False, priority=True),
        Binding("pagedown", "move(10)", show=False, priority=True),
        Binding("pageup", "move(-10)", show=False, priority=True),
    ]
    DEFAULT_CSS = """
    FindScreen #find-places { height: auto; max-height: 14; }
    """

    def __init__(self, draft: Draft, template: Template, word: str = "") -> None:
        super().__init__(classes="dialog-screen")
        self.draft = draft
        self.template = template
        self.word = word
        self.places: list[Place] = []
        self.listed = ""  # the word the places are of
        self.titles = {s.id: s.title for s in template.text_sections()}
        # Listing the places of a word typed into a pasted 1.4-million-字 section took 0.1–0.2 s to find and more
        # to lay out: every key waited for the list of the word as it was one key before.
        self.waits = sum(len(draft.sections.get(i, "")) for i in template.text_section_ids()) > LARGE
        self._pending: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            yield PlainLabel("查找", classes="dialog-title")
            with Horizontal(classes="field"):
                yield PlainLabel("字词")
                # A word searched for is not the writer's text: Ctrl+Q does not ask about it.
                yield PatchedInput(self.word, id="find-word", placeholder="要查找的字词", compact=True, words=False)
            yield Plain("输入字词即列出全文中的位置；↑↓ 选择，回车跳到原文，Esc 取消。", id="find-summary")
            places = OptionList(id="find-places", compact=True)
            places.can_focus = False  # the keys stay in the word's line (`action_move`); a click still picks
            yield places

    def on_mount(self) -> None:
        self._list(self.word)
        self.query_one("#find-word", Input).focus()

    @on(Input.Changed, "#find-word")
    def _typed(self, _event: Input.Changed) -> None:
        """The places of the word as it reads now (a late Changed of an earlier character changes nothing); in a
        large draft once the typing pauses. ↑/↓ and Enter list them first if they are not yet (`_current`)."""
        if not self.waits:
            self._current()
            return
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(QUIET, self._current)

    def _list(self, word: str) -> None:
        self.listed = word
        self.places = find_places(self.draft, self.template, word)
        shown = self.places[:MAX_PLACES]
        summary = self.query_one("#find-summary", Static)
        if not word:
            summary.update("输入字词即列出全文中的位置；↑↓ 选择，回车跳到原文，Esc 取消。")
        elif not self.places:
            summary.update(f"全文中没有{quoted(word)}。")
        else:
            more = f"，列出前 {MAX_PLACES} 处" if len(self.places) > MAX_PLACES else ""
            summary.update(f"全文共 {len(self.places)} 处{quoted(word)}{more}；↑↓ 选择，回车跳到原文。")
        options = self.query_one("#find-places", OptionList)
        split: dict[str, tuple[list[str], list[int]]] = {}  # each section split and its paragraphs numbered once
        options.set_options([Option(ChineseTextVisual(options, self._prompt(place, split))) for place in shown])
        if shown:
            options.highlighted = 0

    def _prompt(self, place: Place, split: dict[str, tuple[list[str], list[int]]]) -> Text:
        if place.section not in split:
            lines = self.draft.sections.get(place.section, "").split("\n")
            split[place.section] = lines, paragraph_numbers(lines)  # 第N段 as the review counts it
        lines, numbers = split[place.section]
        line = lines[place.row]
        left = max(0, place.start - CONTEXT)
        before = ("……" if left else "") + line[left : place.start]
        after = line[place.end : place.end + CONTEXT] + ("……" if place.end + CONTEXT < len(line) else "")
        where = f"{fit_cells(self.titles.get(place.section, place.section), 16)} 第{numbers[place.row]}段  "
        return Text.assemble((where, "dim"), before, (line[place.start : place.end], "bold reverse"), after)

    def _current(self) -> None:
        """The places of the word as it reads now: ↑/↓ or Enter typed in the same burst as the word's last
        characters arrive before the screen has heard of them (Input.Changed comes later)."""
        word = self.query_one("#find-word", Input).value
        if word != self.listed:
            self._list(word)

    def action_move(self, step: int) -> None:
        after_queued_keys(self.query_one("#find-word", Input), lambda: self._move(step))

    def _move(self, step: int) -> None:
        self._current()
        options = self.query_one("#find-places", OptionList)
        if options.option_count:
            current = options.highlighted or 0
            options.highlighted = max(0, min(current + step, options.option_count - 1))

    @on(Input.Submitted, "#find-word")
    def _enter_on_word(self, event: Input.Submitted) -> None:
        event.stop()
        self._current()
        if self.places:
            index = self.query_one("#find-places", OptionList).highlighted
            self.dismiss(self.places[index or 0])

    @on(OptionList.OptionSelected, "#find-places")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.places[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)

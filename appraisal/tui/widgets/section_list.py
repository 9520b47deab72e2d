"""The section tree on the left: every section in order, each text section with its state and 字数 / target."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.css.scalar import Unit
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from appraisal.draft import Draft, SectionState, count_zi, state_for_count
from appraisal.templates import Section, Template

if TYPE_CHECKING:
    from appraisal.checks import Finding


class SectionLook(StrEnum):
    """How a section is shown in the list: its length state, unless the checker found errors in it."""

    EMPTY = SectionState.EMPTY.value
    SHORT = SectionState.SHORT.value
    LONG = SectionState.LONG.value
    ERRORS = "errors"
    OK = SectionState.OK.value


# Look → (label, style). Words, not symbols: symbols such as ○ ● are "ambiguous width" and take two
# cells in some Chinese terminals, which breaks the layout.
STATE_LOOK: dict[SectionLook, tuple[str, str]] = {
    SectionLook.EMPTY: (SectionState.EMPTY.label, "dim"),
    SectionLook.SHORT: (SectionState.SHORT.label, "yellow"),
    SectionLook.LONG: (SectionState.LONG.label, "yellow"),
    SectionLook.ERRORS: ("有误", "bold red"),
    SectionLook.OK: (SectionState.OK.label, "green"),
}


# No-break spaces: the option list strips ordinary leading spaces from a prompt's first line.
INDENT = "\u00a0\u00a0"


def section_look(section: Section, chars: int, findings: Sequence[Finding]) -> SectionLook:
    """Errors outrank the length state, so "has errors" is never hidden; an empty section just says so. `chars`:
    the section's 字数 (counted once by the caller: a long section took 2 ms a count)."""
    state = state_for_count(section, chars)
    if state is not SectionState.EMPTY and _has_errors(findings):
        return SectionLook.ERRORS
    return SectionLook(state.value)


def _has_errors(findings: Sequence[Finding]) -> bool:
    if not findings:  # the first frame is drawn before the checker is loaded: do not load it for nothing
        return False
    from appraisal.checks import Severity

    return any(f.severity is Severity.ERROR for f in findings)


def fit_cells(text: str, width: int) -> str:
    """Cut `text` to at most `width` terminal cells (CJK glyphs are two cells), marking the cut with …."""
    if cell_len(text) <= width:
        return text
    out = ""
    for ch in text:
        if cell_len(out + ch) > width - 1:
            break
        out += ch
    return out + "…"


def short_count(count: int) -> str:
    """A 字 count as the list shows it: as it is below 10,000, else in 万 with one decimal (1602551 → 160.3万)."""
    if count < 10_000:
        return str(count)
    return f"{count / 10_000:.1f}".removesuffix(".0") + "万"


def _state_tail(count: int, section: Section, room: int) -> tuple[str, str]:
    """What follows the state's label on a section's second line, in `room` cells: the 字 count and target, and
    选填; what does not fit is left off (选填 first, then the target), so the line never wraps."""
    size = f" {short_count(count)}字"
    target = f" {short_count(count)}/{short_count(section.min_chars)}字" if section.min_chars else size
    optional = "" if section.required else " 选填"
    for tail in ((target, optional), (target, ""), (size, "")):
        if cell_len("".join(tail)) <= room:
            return tail
    return fit_cells(size, room) if room > 1 else "", ""


class SectionList(OptionList):
    """Sections as a two-line list: the title, then the state and 字数 / target. Groups are headings only."""

    def __init__(self, template: Template, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.template = template
        self._looks: dict[str, tuple[SectionLook, int]] = {}
        self._built_width = 0

    def title_width(self) -> int:
        """Cells available for a title: the list's width less its padding and the scrollbar. Before the first
        layout, the width its CSS gives it: built once at the right width, not rebuilt on the first resize."""
        width = self.size.width
        if not width:
            declared = self.styles.width
            cells = declared is not None and declared.unit is Unit.CELLS
            width = int(declared.value) - self.styles.gutter.width if declared is not None and cells else 30
        return max(8, width - 3)

    def _prompt(self, section: Section, level: int, look: SectionLook, count: int) -> Text:
        indent = INDENT * (level - 1)
        title = fit_cells(section.title, self.title_width() - cell_len(indent))
        label, style = STATE_LOOK[look]
        room = self.title_width() - cell_len(indent + INDENT) - cell_len(label)
        prompt = Text(f"{indent}{title}\n{indent}{INDENT}")
        prompt.append(label, style=style)
        size, optional = _state_tail(count, section, room)
        prompt.append(size, style="dim")
        prompt.append(optional, style="dim italic")
        return prompt

    def build(self, draft: Draft, findings: dict[str, list[Finding]]) -> None:
        """Fill the list from the template; group sections are shown but cannot be chosen."""
        self._looks.clear()
        for section in self.template.text_sections():
            count = count_zi(draft.sections.get(section.id, ""))
            self._looks[section.id] = (section_look(section, count, findings.get(section.id, [])), count)
        self._lay_out()

    def _lay_out(self) -> None:
        """The options at the list's width, each section as last counted (build, then update_section)."""
        self._built_width = self.title_width()
        options: list[Option] = []
        for placed in self.template.walk():
            section = placed.section
            indent = INDENT * (placed.level - 1)
            if section.is_group:
                title = fit_cells(section.title, self.title_width() - cell_len(indent))
                options.append(Option(Text(f"{indent}{title}", style="bold"), id=f"group:{section.id}", disabled=True))
                continue
            look, count = self._looks[section.id]
            options.append(Option(self._prompt(section, placed.level, look, count), id=section.id))
        highlighted = self.highlighted
        self.set_options(options)
        if highlighted is not None:
            self.highlighted = highlighted

    def on_resize(self) -> None:
        # Titles are cut to the width in cells: cut them again when the width changes. From the counts as they
        # are now: rebuilt from the draft the list was first given, a resize after F7 restored an older version
        # showed the counts of the text before the restore (the session holds a new draft then).
        if self._looks and self.title_width() != self._built_width:
            self._lay_out()

    def update_section(self, section_id: str, text: str, findings: Sequence[Finding]) -> None:
        placed = self.template.placed(section_id)
        count = count_zi(text)
        key = (section_look(placed.section, count, findings), count)
        if self._looks.get(section_id) == key:
            return
        self._looks[section_id] = key
        self.replace_option_prompt(section_id, self._prompt(placed.section, placed.level, *key))

    def look_of(self, section_id: str) -> SectionLook | None:
        look = self._looks.get(section_id)
        return look[0] if look else None

    def select_section(self, section_id: str) -> None:
        self.highlighted = self.get_option_index(section_id)

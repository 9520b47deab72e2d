"""The section tree on the left: every section in order, each text section with its state and 字数 / target."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from appraisal.draft import Draft, SectionState, count_zi, section_state
from appraisal.templates import Section, Template

# State → (label, style). Words, not symbols: symbols such as ○ ● are "ambiguous width" and take two
# cells in some Chinese terminals, which breaks the layout.
STATE_LOOK: dict[str, tuple[str, str]] = {
    "empty": (SectionState.EMPTY.label, "dim"),
    "short": (SectionState.SHORT.label, "yellow"),
    "long": (SectionState.LONG.label, "yellow"),
    "errors": ("有误", "bold red"),
    "ok": (SectionState.OK.label, "green"),
}


# No-break spaces: the option list strips ordinary leading spaces from a prompt's first line.
INDENT = "\u00a0\u00a0"


def section_look(section: Section, text: str, findings: Sequence[Any]) -> str:
    """The key into STATE_LOOK: errors outrank the length state, so "has errors" is never hidden."""
    state = section_state(section, text)
    if state is SectionState.EMPTY:
        return "empty"
    if any(getattr(f, "severity", "") == "error" for f in findings):
        return "errors"
    return {SectionState.EMPTY: "empty", SectionState.SHORT: "short", SectionState.LONG: "long"}.get(state, "ok")


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


class SectionList(OptionList):
    """Sections as a two-line list: the title, then the state and 字数 / target. Groups are headings only."""

    def __init__(self, template: Template, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.template = template
        self._looks: dict[str, tuple[str, int]] = {}
        self._draft: Draft | None = None
        self._findings: dict[str, list[Any]] = {}
        self._built_width = 0

    def title_width(self) -> int:
        """Cells available for a title: the list's width less its padding and the scrollbar."""
        width = self.size.width or 30
        return max(8, width - 3)

    def _prompt(self, section: Section, level: int, text: str, findings: Sequence[Any]) -> Text:
        indent = INDENT * (level - 1)
        title = fit_cells(section.title, self.title_width() - cell_len(indent))
        look = section_look(section, text, findings)
        label, style = STATE_LOOK[look]
        count = count_zi(text)
        target = f"{count}/{section.min_chars}" if section.min_chars else f"{count}"
        prompt = Text(f"{indent}{title}\n{indent}{INDENT}")
        prompt.append(label, style=style)
        prompt.append(f" {target}字", style="dim")
        if not section.required:
            prompt.append(" 选填", style="dim italic")
        return prompt

    def build(self, draft: Draft, findings: dict[str, list[Any]]) -> None:
        """Fill the list from the template; group sections are shown but cannot be chosen."""
        self._draft, self._findings = draft, findings
        self._built_width = self.title_width()
        self._looks.clear()
        options: list[Option] = []
        for placed in self.template.walk():
            section = placed.section
            indent = INDENT * (placed.level - 1)
            if section.is_group:
                title = fit_cells(section.title, self.title_width() - cell_len(indent))
                options.append(Option(Text(f"{indent}{title}", style="bold"), id=f"group:{section.id}", disabled=True))
                continue
            text = draft.sections.get(section.id, "")
            found = findings.get(section.id, [])
            self._looks[section.id] = (section_look(section, text, found), count_zi(text))
            options.append(Option(self._prompt(section, placed.level, text, found), id=section.id))
        highlighted = self.highlighted
        self.set_options(options)
        if highlighted is not None:
            self.highlighted = highlighted

    def on_resize(self) -> None:
        # Titles are cut to the width in cells: cut them again when the width changes.
        if self._draft is not None and self.title_width() != self._built_width:
            self.build(self._draft, self._findings)

    def update_section(self, section_id: str, text: str, findings: Sequence[Any]) -> None:
        placed = self.template.placed(section_id)
        key = (section_look(placed.section, text, findings), count_zi(text))
        if self._looks.get(section_id) == key:
            return
        self._looks[section_id] = key
        self.replace_option_prompt(section_id, self._prompt(placed.section, placed.level, text, findings))

    def look_of(self, section_id: str) -> str:
        return self._looks.get(section_id, ("", 0))[0]

    def select_section(self, section_id: str) -> None:
        self.highlighted = self.get_option_index(section_id)

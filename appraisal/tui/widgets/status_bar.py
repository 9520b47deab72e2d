"""The one-line bars above the text: which draft, 字数 and whether it is saved; which section and its length.

Both are fitted to their width when drawn: a less important part is shortened or left out first, and whatever is
cut is cut between two characters with a "…", never through a 字 (CJK glyphs are two cells wide).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.widgets import Static

from appraisal.tui.widgets.section_list import fit_cells


def fitted(width: int, layouts: list[Callable[[], Text]]) -> Text:
    """The first of `layouts` (most complete first) whose line fits `width` cells; else the last, cut to fit."""
    line = Text()
    for layout in layouts:
        line = layout()
        if line.cell_len <= width:
            return line
    plain = fit_cells(line.plain, max(1, width))  # ends with "…" where it was cut
    cut = line[: len(plain) - 1]
    cut.append("…")
    return cut


class StatusBar(Static):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self._parts = ("", "", "", "green")

    def show(self, *, draft_name: str, total: int, limit: int | None, save_label: str) -> None:
        count = f"全文 {total}" + (f"/{limit}" if limit else "") + " 字"
        style = {"未保存": "yellow", "保存失败": "bold red", "只读": "bold magenta"}.get(save_label, "green")
        self._parts = (draft_name, count, save_label, style)
        self.refresh()

    def render(self) -> Text:
        draft_name, count, save_label, style = self._parts
        width = self.content_size.width

        def line(name: str, with_count: bool = True) -> Text:
            text = Text(no_wrap=True)
            text.append(name, style="bold")
            if with_count:
                text.append(f"  {count}", style="dim")
            text.append("  ")
            text.append(save_label, style=style)
            return text

        room = width - line("").cell_len  # what the name may take beside the count and the saved state
        return fitted(
            width,
            [
                lambda: line(draft_name),
                lambda: line(fit_cells(draft_name, max(room, 8))),
                lambda: line(fit_cells(draft_name, max(width - line("", False).cell_len, 4)), False),
            ],
        )


class SectionHeading(Static):
    """The section's title (under its group's), required or optional, the suggested length, and how many findings
    it has: at 80 columns the panel that lists them is hidden, and nothing else said how many there were."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self._parts: tuple[str | None, str, bool, str] = (None, "", False, "")
        self._findings = 0

    def show(self, *, parent: str | None, title: str, required: bool, limits: str) -> None:
        self._parts = (parent, title, required, limits)
        self.refresh()

    def show_findings(self, count: int) -> None:
        if count != self._findings:
            self._findings = count
            self.refresh()

    def render(self) -> Text:
        parent, title, required, limits = self._parts
        kind = "必填" if required else "选填"
        count = self._findings

        def line(with_parent: bool, note: str, key: bool = True) -> Text:
            text = Text(no_wrap=True)
            if with_parent and parent is not None:
                text.append(f"{parent} › ", style="dim")
            text.append(title, style="bold")
            if note:
                text.append(f"  {note}", style="dim")
            if count:
                text.append(f"  问题 {count}", style="yellow")
                if key:
                    text.append("（F4）", style="dim")
            return text

        # Most complete first; the group's name goes first, then "（F4）", then the length, the count last.
        return fitted(
            self.content_size.width,
            [
                lambda: line(True, f"{kind}，建议 {limits} 字"),
                lambda: line(True, f"{kind} {limits}字"),
                lambda: line(False, f"{kind} {limits}字"),
                lambda: line(False, f"{kind} {limits}字", key=False),
                lambda: line(False, kind, key=False),
                lambda: line(False, "", key=False),
            ],
        )

"""The command palette screen (Ctrl+P): Textual's, in Chinese. Its commands come from `appraisal.tui.palette`.

Textual writes its "No matches found" inside `_start_no_matches_countdown`: that method is copied here with the
Chinese line (Textual's own with another Textual, in English)."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from appraisal.tui.textual_compat import patches_on

NO_MATCHES = "未找到匹配的命令"
PLACEHOLDER = "输入命令名称搜索，如“导出”……"


class Palette(CommandPalette):
    """Textual's palette with a Chinese prompt and a Chinese "no matches" line."""

    def __init__(self) -> None:
        super().__init__(id="--command-palette", placeholder=PLACEHOLDER)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """As Textual's, but in Chinese (its English text is written inside this method)."""
        if not patches_on():
            super()._start_no_matches_countdown(search_value)
            return
        self._stop_no_matches_countdown()

        def show() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(NO_MATCHES, style="not bold")), disabled=True, id=self._NO_MATCHES)
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show)

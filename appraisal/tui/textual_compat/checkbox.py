"""A checkbox whose state reads without colour: ☑ when on, ☐ when off (Textual's shows the same mark in two
colours). `_button` is ToggleButton's private property that draws the mark."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox

from appraisal.tui.textual_compat import patches_on


class SymbolCheckbox(Checkbox):
    """Textual's Checkbox, its mark ☑ or ☐ (Textual's own mark with another Textual)."""

    @property
    def _button(self) -> Content:
        if not patches_on():
            return super()._button
        return Content("☑" if self.value else "☐")

"""Toasts broken by the Chinese rules: `ChineseToast` draws a notification's words as a Plain does (no line starts
with 。, a number keeps its unit, a path is not cut mid-word where it fits), where Textual's Toast folds its text
wherever the line is full (the jump cue at 80 columns ended on a line of its own: “。”).

Textual's ToastRack makes each toast by the module's global name `Toast`; `use_chinese_toasts()` points that
name at our subclass, which keeps Toast's CSS (its type name is Toast's too) and asks `patches_on()` when it draws.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.content import Content
from textual.visual import Visual
from textual.widgets import _toast

from appraisal.text.line_breaking import drop_stray_spaces
from appraisal.tui.textual_compat import patches_on

_TEXTUAL_TOAST = _toast.Toast


class ChineseToast(_TEXTUAL_TOAST):
    """Textual's Toast, its title and message broken by the Chinese rules (Textual's own with another Textual,
    and for a message given as markup, which the app never sends)."""

    def render(self) -> Content | Visual:  # type: ignore[override]  # a Static draws any Visual
        notification = self._notification
        if not patches_on() or notification.markup:
            return super().render()
        from appraisal.tui.widgets.chinese_text import ChineseTextVisual

        text = Text(drop_stray_spaces(notification.message))
        if notification.title:
            title_style: Style = self.get_visual_style("toast--title").rich_style
            text = Text.assemble((notification.title, title_style), "\n", text)
        return ChineseTextVisual(self, text)


def use_chinese_toasts() -> None:
    """Every toast made from now on is a ChineseToast."""
    _toast.Toast = ChineseToast  # type: ignore[misc]

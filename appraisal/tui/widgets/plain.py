"""Text widgets that never read markup: names, titles, paths and messages come from the user, and `李[/i]四`
must show as written (Textual parses the strings given to Static and Label as markup by default). A Plain's text
is broken into lines by the Chinese rules (no line starts with 。, a number keeps its unit, a command or a path is
not split mid-word where it fits on a line), as the editor's text is: every dialog, message and hint is one."""

from __future__ import annotations

from rich.text import Text
from textual.app import RenderResult
from textual.visual import VisualType
from textual.widgets import Label, Static

from appraisal.text.line_breaking import drop_stray_spaces
from appraisal.tui.widgets.chinese_text import ChineseTextVisual


class Plain(Static):
    """A Static whose strings are shown as they are."""

    def __init__(self, content: VisualType = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(content, id=id, classes=classes, markup=False)

    def render(self) -> RenderResult:
        content = self.content
        if isinstance(content, str):
            return ChineseTextVisual(self, drop_stray_spaces(content))
        if isinstance(content, Text):
            return ChineseTextVisual(self, content)
        return super().render()


class PlainLabel(Label):
    """A Label whose string is shown as it is."""

    def __init__(self, content: VisualType = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(content, id=id, classes=classes, markup=False)

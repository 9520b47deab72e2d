"""Text widgets that never read markup: names, titles, paths and messages come from the user, and `李[/i]四`
must show as written (Textual parses the strings given to Static and Label as markup by default)."""

from __future__ import annotations

from textual.visual import VisualType
from textual.widgets import Label, Static


class Plain(Static):
    """A Static whose strings are shown as they are."""

    def __init__(self, content: VisualType = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(content, id=id, classes=classes, markup=False)


class PlainLabel(Label):
    """A Label whose string is shown as it is."""

    def __init__(self, content: VisualType = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(content, id=id, classes=classes, markup=False)

"""The text area for one section: soft-wrapped, plain text, one paragraph per line."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import TextArea

# The screen uses F6 and F7 (export, history); TextArea would take them for "select line" and "select all".
_FREED_KEYS = {"f6", "f7"}


class SectionEditor(TextArea, inherit_bindings=False):
    """A TextArea that remembers which section it holds, so a late Changed message is never misfiled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        b for b in TextArea.BINDINGS if not (isinstance(b, Binding) and b.key in _FREED_KEYS)
    ]

    def __init__(self, *, id: str | None = None, cursor_blink: bool = True) -> None:
        super().__init__(
            "",
            id=id,
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
            highlight_cursor_line=False,
            placeholder="在此输入本栏内容，每段一行。",
        )
        self.cursor_blink = cursor_blink
        self.section_id: str | None = None

    class ReadOnlyKey(Message):
        """A key or a paste that would have changed the text, in a read-only draft (so it did nothing)."""

    def on_key(self, event: events.Key) -> None:
        if self.read_only and (event.is_printable or event.key in ("enter", "backspace", "delete")):
            self.post_message(self.ReadOnlyKey())

    def on_paste(self, event: events.Paste) -> None:
        if self.read_only:
            self.post_message(self.ReadOnlyKey())

    def show_section(self, section_id: str, text: str, *, read_only: bool = False) -> None:
        self.section_id = section_id
        self.read_only = read_only
        self.load_text(text)
        self.move_cursor((0, 0))
        self.scroll_home(animate=False)

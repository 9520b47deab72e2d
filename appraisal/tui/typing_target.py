"""No printable key is ever dropped: a key typed while a panel or list of a screen with a text has the focus goes
to that text instead (the writer who pressed F4 and went on typing loses nothing). Arrows, Enter, Space, Tab and
the panel's own bound keys stay the panel's.

The app calls `pass_typing_on` for every key and paste before Textual forwards it to the focused widget: the focus
moves at once, so every later key of the same burst (an input method commits several 字 at once) follows it in
order. Done later, in the panel's own handler, keys already forwarded to the panel and keys forwarded afterwards to
the text could cross."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual import events
from textual.screen import Screen
from textual.widget import Widget

from appraisal.tui.word_keys import typed_character


@runtime_checkable
class TypesIntoText(Protocol):
    """A screen with one text that typing belongs to (the editor)."""

    def typing_target(self) -> Widget | None:
        """The text widget typed keys should reach now, or None (none shown, or the focus is where typing
        is its own: the text itself, an input line)."""


def pass_typing_on(screen: Screen[object], event: events.Key | events.Paste) -> None:
    """Move the focus to the screen's text when `event` is typing that the focused panel would drop."""
    if not isinstance(screen, TypesIntoText):
        return
    if isinstance(event, events.Key) and (typed_character(event) is None or event.key == "space"):
        return
    target = screen.typing_target()
    if target is not None and target is not screen.focused:
        screen.set_focus(target, scroll_visible=False)

"""TextArea's private methods, overridden for the section editor.

- `wrapped_document`: TextArea builds a plain WrappedDocument for every new text; ours wraps by the Chinese rules
  (wrapping.py).
- `_recompute_cursor_offset`: Textual's fails when the cursor row no longer exists (Textualize/textual#6686).
- `_rewrap_and_refresh_virtual_size`: Textual repaints after a resize only when the number of wrapped lines
  changes, leaving the old, wider lines on screen with their ends cut off.
- `history`: typing over a selection is one undo step (edit_history.py).
- `_on_key`: a key bound on the text area itself (Home, End, arrows, Backspace, Delete, Ctrl+Home …) runs its
  action here, in order with the characters typed around it (own_bindings): a Home and a 字 read together, or
  typed 50 ms apart while the editor was busy (just after a section change, or with 20,000 字 in the section),
  were applied 字 first (Textualize/textual#6605).
- `_on_key` also types a full-width space (U+3000): Textual inserts only characters Python calls printable, and
  it is not one, so `　　` typed to indent a paragraph vanished (a paste kept it).
- `_on_message`: an exception from a key, a paste or a mouse event is handed to `recover_from` instead of ending
  the app (the document, which holds the text, is kept). This one only wraps Textual's own method, so it stays on
  with another Textual: it is the last line of defence for the user's text.

With another Textual installed (`patches_on()` false) the first three and `_on_key` are Textual's own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.message import Message
from textual.widgets import TextArea

from appraisal.tui.textual_compat import patches_on
from appraisal.tui.word_keys import types_unprintable

if TYPE_CHECKING:
    from textual.document._wrapped_document import WrappedDocument

# Events whose handlers edit the text or move the cursor (their exceptions are caught, see _on_message).
_GUARDED_EVENTS = (events.Key, events.Paste, events.MouseEvent)


class PatchedTextArea(TextArea):
    """TextArea with the patches above; `recover_from` says what to do after an exception in an event."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if patches_on():
            from appraisal.tui.textual_compat.edit_history import OneStepReplacing

            textual = self.history
            self.history = OneStepReplacing(
                max_checkpoints=textual.max_checkpoints,
                checkpoint_timer=textual.checkpoint_timer,
                checkpoint_max_characters=textual.checkpoint_max_characters,
            )

    @property
    def wrapped_document(self) -> WrappedDocument:
        return self._patched_wrapped

    @wrapped_document.setter
    def wrapped_document(self, value: WrappedDocument) -> None:
        if patches_on():
            from appraisal.tui.textual_compat.wrapping import chinese_wrapped

            value = chinese_wrapped(value)
        self._patched_wrapped = value

    def recover_from(self, error: Exception, what: str) -> None:
        raise error

    def rebuild_wrapping(self) -> None:
        """Rewrap the text to the widget's width and refresh what depends on it (after a failed edit)."""
        self._rewrap_and_refresh_virtual_size()

    async def _on_key(self, event: events.Key) -> None:
        from appraisal.tui.textual_compat.own_bindings import run_own_binding

        if types_unprintable(event) and not self.read_only:
            # A typed full-width space: Textual inserts only `is_printable` characters, and U+3000 is not one.
            event.stop()
            event.prevent_default()
            assert event.character is not None
            self._replace_via_keyboard(event.character, *self.selection)
            return
        await run_own_binding(self, event)

    async def _on_message(self, message: Message) -> None:
        if not isinstance(message, _GUARDED_EVENTS):
            await super()._on_message(message)
            return
        try:
            await super()._on_message(message)
        except Exception as error:  # the last line of defence for the user's text
            self.recover_from(error, type(message).__name__)

    def _recompute_cursor_offset(self) -> None:
        """`_undo_batch` restores the shorter text, then refreshes the scrollbars (whose watcher scrolls to the
        cursor) before it puts the selection back. The cursor's place on screen is only a cache: clamp it."""
        if not patches_on():
            super()._recompute_cursor_offset()
            return
        self._cursor_offset = self.wrapped_document.location_to_offset(self.clamp_visitable(self.cursor_location))

    def _rewrap_and_refresh_virtual_size(self) -> None:
        """The frame for the new size is drawn before the Resize event arrives (with the old wrapping): repaint."""
        super()._rewrap_and_refresh_virtual_size()
        if patches_on():
            self.scroll_cursor_visible()  # where the cursor's line went in the new wrapping
            self.refresh()

"""A text widget's own bound keys (Home, End, arrows, Backspace, Delete …) run when the key reaches the widget, in
order with the characters typed around them. Textual runs a widget's non-priority bindings only once the key has
bubbled up to the App, a few message queues later, while the next character is inserted at once: a Backspace and
a character read together (one burst: typed while the app was busy) were applied character first, so `gbk.txx`,
Backspace, `t` left `gbk.txx` in the import dialog's path (Textualize/textual#6605, fix proposed in #6631).

`run_own_binding` is what App._check_bindings does for the first namespace of the chain (the focused widget):
priority bindings were checked before the key was sent to the widget. With another Textual installed
(`patches_on()` false) it does nothing and Textual's order applies."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input

from appraisal.tui.textual_compat import patches_on
from appraisal.tui.word_keys import SHELL_KEYS, types_unprintable, without_keys


async def run_own_binding(widget: Widget, event: events.Key) -> None:
    """Run `widget`'s own non-priority binding for a non-printable key now; the key then goes no further."""
    if not patches_on() or event.is_printable:
        return
    for binding in widget._bindings.key_to_bindings.get(event.key, ()):
        if not binding.priority and await widget.app.run_action(binding.action, widget):
            event.stop()
            event.prevent_default()
            return


PASTE_JOINED = "粘贴的 {lines} 行文字已合并为一行（输入行只有一行），请检查。"

# Input's bindings with those it inherits (the scrolling keys), one binding per key.
_INPUTS_OWN = [binding for bound in Input._merge_bindings().key_to_bindings.values() for binding in bound]


class PatchedInput(Input, inherit_bindings=False):
    """Textual's Input whose own bound keys run in order with the characters typed (see the module). `typed`:
    its text is no longer what it was given (Esc and Ctrl+Q ask before closing such a line's dialog). `given`:
    what counts as not typed when it differs from the value shown (a dialog offered back with words kept from a
    closed window)."""

    # Ctrl+A selects the whole line, as in Word and WPS: Textual's (the shell's) moved to the line's start, and a
    # writer who pressed it to replace 单位 typed the new words in front of the old (某县财政局某市统计局).
    # Ctrl+U, Ctrl+K and Ctrl+W delete nothing, as in the editor (word_keys); Ctrl+Backspace deletes the word
    # before the cursor, as in Word and the editor (Textual's Input deleted the word after it).
    BINDINGS: ClassVar[list[BindingType]] = [
        *without_keys(_INPUTS_OWN, SHELL_KEYS | {"ctrl+a", "ctrl+backspace", "alt+backspace"}),
        Binding("ctrl+a", "select_all", "全选", show=False),
        Binding("ctrl+backspace,alt+backspace", "delete_left_word", "删除前一个词", show=False),
    ]

    def __init__(
        self, value: str | None = None, *args: Any, given: str | None = None, words: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(value, *args, **kwargs)
        self.given = (value or "") if given is None else given
        self.words = words  # False: what is typed is no words of the writer's (a word searched for)

    @property
    def typed(self) -> bool:
        return self.words and self.value != self.given

    class Restricted(Message):
        """A character the line does not take (a letter in 考核年度) was typed: the form says so."""

        def __init__(self, line: PatchedInput) -> None:
            super().__init__()
            self.line = line

    def restricted(self) -> None:
        """Textual rings the terminal's bell, which says nothing (and is often silent): the form says in words."""
        self.post_message(self.Restricted(self))

    async def _on_key(self, event: events.Key) -> None:
        if types_unprintable(event):  # a typed full-width space, which Input drops as not printable
            event.stop()
            event.prevent_default()
            assert event.character is not None
            if self.selection.is_empty:
                self.insert_text_at_cursor(event.character)
            else:
                self.replace(event.character, *self.selection)
            return
        await run_own_binding(self, event)

    def action_cut(self) -> None:
        """Ctrl+X with nothing selected cuts nothing, and leaves what was copied before (Textual's put an empty
        text in the clipboard, so the next Ctrl+V pasted nothing)."""
        if not self.selection.is_empty:
            super().action_cut()

    def _on_paste(self, event: events.Paste) -> None:
        """Textual keeps a paste's first line and drops the others without a word: a note pasted from a document
        lost all but its first line. The lines (blank ones left out) are joined by a space, and it is said."""
        lines = [line.strip() for line in event.text.splitlines() if line.strip()]
        if not patches_on() or len(lines) < 2:
            return  # Textual runs Input's own handler next
        event.prevent_default()  # Input's handler is not run
        event.stop()
        joined, before = " ".join(lines), self.value
        if self.selection.is_empty:
            self.insert_text_at_cursor(joined)
        else:
            self.replace(joined, *self.selection)
        if self.value != before:  # else the line refused it (考核年度), and `restricted` said so
            self.notify(PASTE_JOINED.format(lines=len(lines)), timeout=6)

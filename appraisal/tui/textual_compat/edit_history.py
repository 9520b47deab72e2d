"""TextArea's undo history, with typing over a selection kept as one step.

Textual starts a new undo step when an edit that replaced text is followed by one that only inserts: typing
`认真学习` over a selected `XX` became two steps, and one Ctrl+Z left `认` in place of `XX` — a text that was
neither the old nor the new one. Here the insertions that follow a replacement, with no pause longer than
Textual's checkpoint timer, no new line and no cursor move between them, join its step, however the characters
arrive (one key each from an input method's burst, or several at once), and whatever was replaced (a phrase, or
every paragraph of the section after Ctrl+A) — up to Textual's own step size (100 characters typed): a long
rewrite after Ctrl+A is undone step by step, as any typing is, and only its first step brings the old text back.

With another Textual installed (`patches_on()` false) the history is Textual's own.
"""

from __future__ import annotations

from textual.document._edit import Edit
from textual.document._history import EditHistory


class OneStepReplacing(EditHistory):
    """EditHistory where typing on after replacing a selection belongs to the replacement's undo step."""

    def record(self, edit: Edit) -> None:
        result = edit._edit_result
        joins = (
            self._previously_replaced
            and result is not None
            and not result.replaced_text
            and edit.text
            and "\n" not in edit.text
            and bool(self._undo_stack)
            and not self._force_end_batch
            and self._get_time() - self._last_edit_time <= self.checkpoint_timer
            and self._character_count + len(edit.text) <= self.checkpoint_max_characters
        )
        if not joins:
            super().record(edit)
            typed = len(edit.text) <= 1  # a key (or a deletion), not a paste or a fix
            if typed and result is not None and len(result.replaced_text) > 1 and "\n" in result.replaced_text:
                # Textual ends the step after an edit that replaced a new line: a key typed over several
                # selected paragraphs (Ctrl+A) left the typing after it in a step of its own. A cursor move
                # still ends it; so does a Backspace joining two paragraphs (one character replaced).
                self._force_end_batch = False
            return
        self._undo_stack[-1].append(edit)
        self._character_count += len(edit.text)
        self._last_edit_time = self._get_time()
        self._redo_stack.clear()  # as Textual's record does; _previously_replaced stays: more typing joins too

"""The text area for one section: soft-wrapped, plain text, one paragraph per line.

No key may end the app. Textual's TextArea has known ways to raise from an editing action (undoing a long paste
when the scrollbar goes away: Textualize/textual#6686); those are worked around in textual_compat.text_area, and
any other exception from a key, a paste, a mouse press or a TextArea action is caught at this widget: the document
(which holds the text) is kept, the wrapping, cursor and scroll state derived from it are rebuilt, and the user is
told in one sentence.
"""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Callable
from typing import Any, ClassVar

from textual import events
from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

from appraisal.tui.textual_compat.text_area import PatchedTextArea
from appraisal.tui.word_keys import SHELL_KEYS, typed_character, without_keys

log = logging.getLogger(__name__)

# The screen uses F6 and F7 (export, history); TextArea would take them for "select line" and "select all".
_FREED_KEYS = {"f6", "f7"}


def _text_area_bindings() -> list[BindingType]:
    """TextArea's bindings without the freed keys, the shell's keys (word_keys), its Ctrl+A (the shell's line
    start: Home does that), its undo, its paste (ours say when there is nothing to undo or paste) and its cut
    (with nothing selected Textual's cuts the whole paragraph; ours cuts nothing, as Word does)."""
    return without_keys(TextArea.BINDINGS, _FREED_KEYS | SHELL_KEYS | {"ctrl+a"}, actions=("undo", "paste", "cut"))


RECOVERED_MESSAGE = "刚才的编辑操作出现内部错误，编辑器已恢复，文字没有丢失。"
NOTHING_TO_PASTE = "要粘贴其他程序中复制的文字，请按 Ctrl+Shift+V 或单击右键选“粘贴”（终端的粘贴）。"
NOTHING_TO_CUT = "未选中文字，没有剪切。"
NOTHING_TO_UNDO = "本栏没有可撤销的修改；切换栏目、恢复版本、自动修正或移动段落之前的文字，可按 F7 在历史版本中找回。"


def _guarded_action(name: str) -> Callable[..., Any]:
    """TextArea's action `name`, run so that an exception in it is recovered from instead of ending the app."""
    original = getattr(TextArea, name)
    if inspect.iscoroutinefunction(original):

        @functools.wraps(original)
        async def async_action(self: SectionEditor, *args: Any) -> None:
            try:
                await original(self, *args)
            except SkipAction:
                raise  # "this key is not mine": Textual passes it on (Ctrl+C with nothing selected)
            except Exception as error:  # the last line of defence for the user's text
                self.recover_from(error, name)

        return async_action

    @functools.wraps(original)
    def action(self: SectionEditor, *args: Any) -> None:
        try:
            original(self, *args)
        except SkipAction:
            raise  # "this key is not mine": Textual passes it on (Ctrl+C with nothing selected)
        except Exception as error:  # the last line of defence for the user's text
            self.recover_from(error, name)

    return action


class SectionEditor(PatchedTextArea, inherit_bindings=False):
    """A TextArea that remembers which section it holds, so a late Changed message is never misfiled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *_text_area_bindings(),
        Binding("ctrl+z,super+z", "undo_or_say", "撤销", show=False),
        Binding("ctrl+v", "paste_or_say", "粘贴", show=False),
        Binding("ctrl+x,super+x", "cut_selected", "剪切", show=False),
        # Select all, as in Word and WPS: the section's whole text, shown selected; typing replaces it and one
        # Ctrl+Z brings it all back (edit_history joins the typing to the replacement's undo step).
        Binding("ctrl+a", "select_all", "全选", show=False),
        Binding("ctrl+home", "cursor_text_start", "到本栏开头", show=False),
        Binding("ctrl+end", "cursor_text_end", "到本栏末尾", show=False),
        Binding("ctrl+shift+home", "cursor_text_start(True)", "选到本栏开头", show=False),
        Binding("ctrl+shift+end", "cursor_text_end(True)", "选到本栏末尾", show=False),
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
        self.places: dict[str, tuple[int, int]] = {}  # where the cursor was in each section left

    class ReadOnlyKey(Message):
        """A key or a paste that would have changed the text, in a read-only draft (so it did nothing)."""

    def on_key(self, event: events.Key) -> None:
        if self.read_only and (typed_character(event) is not None or event.key in ("enter", "backspace", "delete")):
            self.post_message(self.ReadOnlyKey())

    def on_paste(self, event: events.Paste) -> None:
        if self.read_only:
            self.post_message(self.ReadOnlyKey())

    def show_section(self, section_id: str, text: str, *, read_only: bool = False) -> None:
        """Show a section's text with the cursor where the user last was in it (`places`, kept across sessions by
        the screen), else at its end: where writing goes on."""
        if self.section_id is not None:
            self.places[self.section_id] = self.cursor_location
        self.section_id = section_id
        self.read_only = read_only
        self.load_text(text)
        place = self.places.get(section_id)
        self.move_cursor(self.document.end if place is None else self.clamp_visitable(place), center=True)

    def action_undo_or_say(self) -> None:
        """Ctrl+Z: undo; with nothing to undo (the text was just shown: a section change, a restore, review fixes)
        say so and where the earlier text is, rather than doing nothing silently."""
        if self.history.undo_stack:
            self.action_undo()
        elif not self.read_only:
            self.notify(NOTHING_TO_UNDO, timeout=5)

    def action_paste_or_say(self) -> None:
        """Ctrl+V: what was cut or copied in this window. Text copied in another program reaches a terminal
        program only as the terminal's own paste, which most Linux terminals do on Ctrl+Shift+V: with nothing
        cut or copied here, Ctrl+V did nothing at all, and the writer did not know why."""
        if self.app.clipboard:
            self.action_paste()
        elif not self.read_only:
            self.notify(NOTHING_TO_PASTE, timeout=6)

    def action_cut_selected(self) -> None:
        """Ctrl+X: cut what is selected. With nothing selected Textual cut the cursor's whole paragraph, without
        a word (a 76-字 section went empty and was autosaved); Word cuts nothing, and so does this."""
        if self.selection.is_empty:
            if not self.read_only:
                self.notify(NOTHING_TO_CUT, timeout=4)
            return
        self.action_cut()

    def action_cursor_text_start(self, select: bool = False) -> None:
        self.move_cursor((0, 0), select=select)

    def action_cursor_text_end(self, select: bool = False) -> None:
        self.move_cursor(self.document.end, select=select)

    # ------------------------------------------------------------ never ending the app

    def recover_from(self, error: Exception, what: str) -> None:
        """After an exception in an editing action: keep the document (it holds the text), rebuild what is
        derived from it (wrapping, cursor, scrolling), tell the Changed listeners, and say so in one sentence."""
        log.error("editing action %s failed; the editor was recovered", what, exc_info=error)
        start, end = self.selection
        self.selection = Selection(self.clamp_visitable(start), self.clamp_visitable(end))
        self.rebuild_wrapping()
        self.scroll_cursor_visible()
        self.post_message(self.Changed(self))  # the screen copies the text into the draft and saves it
        self.notify(RECOVERED_MESSAGE, severity="warning", timeout=6)


for _name in [name for name in vars(TextArea) if name.startswith("action_")]:
    setattr(SectionEditor, _name, _guarded_action(_name))

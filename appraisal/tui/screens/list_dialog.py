"""A question answered by picking one item of a list (a template, a section, a line): the item list is an
OptionList, Enter on an item or the first button picks the highlighted one, 取消/关闭 or Escape answers None."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList

T = TypeVar("T")


class ListDialog(ModalScreen[T | None]):
    """Subclasses compose an OptionList with id `list_id` and buttons (id "cancel" closes), and say what the
    answer for an item is (`answer_for`). The highlight starts on `first_index`, else the first enabled item."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "取消")]
    list_id: ClassVar[str] = "items"

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")

    def answer_for(self, index: int) -> T:
        raise NotImplementedError

    def first_index(self) -> int | None:
        return None

    def on_mount(self) -> None:
        options = self.query_one(f"#{self.list_id}", OptionList)
        first = self.first_index()
        if first is None:
            first = next((i for i, o in enumerate(options.options) if not o.disabled), None)
        options.highlighted = first
        options.focus()

    def choose(self) -> None:
        options = self.query_one(f"#{self.list_id}", OptionList)
        index = options.highlighted
        if index is not None and not options.get_option_at_index(index).disabled:
            self.dismiss(self.answer_for(index))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.choose()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "cancel":
            self.dismiss(None)
        else:
            self.pressed(event.button.id or "")

    def pressed(self, button_id: str) -> None:
        """A button other than 取消: by default it picks the highlighted item."""
        self.choose()

    def action_cancel(self) -> None:
        self.dismiss(None)

"""Small modal dialogs: a message, a question with two or more answers, and one line of input. One layout
(title, body, buttons) for all of them; each returns a typed result. Their text is never read as markup."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from textual.actions import SkipAction
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Button, Input
from textual.widgets.button import ButtonVariant

from appraisal.app.ui_state import Unconfirmed
from appraisal.tui.textual_compat.own_bindings import PatchedInput
from appraisal.tui.widgets.file_picker import FilePicker
from appraisal.tui.widgets.plain import Plain, PlainLabel

T = TypeVar("T")


# Tab and Shift+Tab move the focus at once, before the app passes on the keys typed after them: Textual's own Tab
# is handled once the key has gone to the focused widget and back, and keys typed meanwhile went to the widget
# being left (the first letters of a folder typed after Tab into the export dialog's checkbox).
FOCUS_KEYS: list[BindingType] = [
    Binding("tab", "app.focus_next", "下一项", show=False, priority=True),
    Binding("shift+tab", "app.focus_previous", "上一项", show=False, priority=True),
]


class Dialog(ModalScreen[T]):
    """Title, body and a row of buttons (id, label; the first is the default). A pressed button's id goes to
    `answer`; Escape is `cancel_id`. Subclasses add widgets under the body with `extra()`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "取消"),
        # Priority: a burst of → Enter pressed the button → was to leave (the key went to the button and back up
        # to the screen after the Enter had pressed it). On an input line the keys are the line's (SkipAction).
        Binding("left", "move_focus(-1)", show=False, priority=True),
        Binding("right", "move_focus(1)", show=False, priority=True),
        *FOCUS_KEYS,
    ]
    body_id = "question"
    #: The first button is drawn as the default (Enter in the input line presses it); a question whose focus
    #: starts elsewhere draws none so, lest the eye take the highlighted button for the one Enter presses.
    first_is_default = True

    def __init__(
        self, body: str, buttons: Sequence[tuple[str, str]], *, cancel_id: str, title: str, id: str | None = None
    ) -> None:
        super().__init__(id=id, classes="dialog-screen")
        self.body = body
        self.buttons = list(buttons)
        self.cancel_id = cancel_id
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield PlainLabel(self.title_text, classes="dialog-title")
            yield Plain(self.body, id=self.body_id, classes="dialog-body")
            yield from self.extra()
            with Horizontal(classes="dialog-buttons"):
                for index, (button_id, label) in enumerate(self.buttons):
                    default = index == 0 and self.first_is_default
                    yield DialogButton(label, id=button_id, variant="primary" if default else "default")

    def extra(self) -> Sequence[Widget]:
        return []

    def on_mount(self) -> None:
        # The one place a dialog's focus is set: Textual runs every class's on_mount, base class last, so a
        # subclass that focused its own widget in on_mount had it taken back here (the 记素材 line lost its keys).
        with contextlib.suppress(NoMatches):  # the app is closing as the dialog opens: its widgets are gone
            self.first_focus().focus()

    def first_focus(self) -> Widget:
        """What has the focus when the dialog opens: its input line when it has one, else its first button."""
        inputs = self.query(Input)
        return inputs.first() if inputs else self.query(Button).first()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.answer(event.button.id or self.cancel_id)

    def action_move_focus(self, step: int) -> None:
        """← and → move between the buttons (an input line keeps its own ← and →, it handles them first)."""
        buttons = list(self.query(Button))
        if self.focused not in buttons:
            raise SkipAction()
        index = buttons.index(self.focused)
        buttons[max(0, min(len(buttons) - 1, index + step))].focus()

    def action_cancel(self) -> None:
        self.answer(self.cancel_id)

    def answer(self, button_id: str) -> None:
        raise NotImplementedError


class DialogButton(Button):
    """A dialog's button: the focused one is marked by ▶ ◀ beside its label as well as by colour, so that
    which button Enter presses is plain in any terminal (a plain tmux showed the focused one barely marked)."""

    def __init__(self, label: str, *, id: str, variant: ButtonVariant) -> None:
        super().__init__(f" {label} ", id=id, variant=variant, compact=True)
        self.plain_label = label

    def on_focus(self) -> None:
        self.label = f"▶{self.plain_label}◀"

    def on_blur(self) -> None:
        self.label = f" {self.plain_label} "


class MessageScreen(Dialog[None]):
    """One clear message and an OK button: how every error reaches the user (never a traceback)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter", "cancel", "确定")]
    body_id = "message"

    def __init__(self, message: str, *, title: str = "提示") -> None:
        super().__init__(message, [("ok", "确定")], cancel_id="ok", title=title)

    @property
    def message(self) -> str:
        return self.body

    def answer(self, button_id: str) -> None:
        self.dismiss(None)


class ConfirmScreen(Dialog[bool]):
    """A question with two answers. Escape means no, and so does Enter at first (the focus starts on no); Y
    means yes. The question ends by saying so, and ←/→ move between the buttons."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("y", "yes", show=False)]
    first_is_default = False

    def __init__(
        self, question: str, *, yes: str = "确定", no: str = "取消", title: str = "请确认", id: str | None = None
    ) -> None:
        keys = f"按 Y {yes}，Esc 或回车{no}。"
        super().__init__(f"{question}\n{keys}", [("yes", yes), ("no", no)], cancel_id="no", title=title, id=id)

    def action_yes(self) -> None:
        self.answer("yes")

    def first_focus(self) -> Widget:
        return self.query_one("#no", Button)

    def answer(self, button_id: str) -> None:
        self.dismiss(button_id == "yes")


def confirm_then(
    app: App[Any], question: str, then: Callable[[], object], *, yes: str, no: str = "取消", title: str = "请确认"
) -> None:
    """Ask `question` (ConfirmScreen); `then()` runs only when the answer is yes."""

    def answered(answer: bool | None) -> None:
        if answer:
            then()

    app.push_screen(ConfirmScreen(question, yes=yes, no=no, title=title), answered)


class ChoiceScreen(Dialog[str]):
    """A question with several answers (id, label); the first is the default. Escape picks `cancel`."""

    def __init__(self, question: str, choices: list[tuple[str, str]], *, cancel: str, title: str = "请选择") -> None:
        super().__init__(question, choices, cancel_id=cancel, title=title)

    def answer(self, button_id: str) -> None:
        self.dismiss(button_id)


DISCARD_QUESTION = "对话框中输入的内容还没有确认，关闭后不会保留。\n回车或 Esc 继续填写；要放弃，按 → 选“放弃”后回车。"
DISCARD_TITLE = "尚未确认的输入"


class DiscardQuestion(ChoiceScreen):
    """继续填写 or 放弃, asked by `close_or_ask`. Only ← and → move between the two: Tab then Enter is ordinary
    form-filling (Esc meant for an input method, then on to the next field), and it pressed 放弃, throwing away the
    words typed. Tab and Shift+Tab do nothing here."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "stay", show=False, priority=True),
        Binding("shift+tab", "stay", show=False, priority=True),
    ]

    def __init__(self) -> None:
        choices = [("keep", "继续填写"), ("discard", "放弃")]
        super().__init__(DISCARD_QUESTION, choices, cancel="keep", title=DISCARD_TITLE)

    def action_stay(self) -> None:
        """Tab and Shift+Tab: the focus stays on the answer chosen by ← or →."""


def close_or_ask(screen: Screen[Any], close: Callable[[], object]) -> None:
    """Esc in a dialog: `close()` at once when every line reads as it opened, else ask 继续填写 (the default,
    and Esc) or 放弃: Esc closed F3, a note or the new-draft form with the words typed in them, unasked. No letter
    answers the question: a writer typing on after an Esc meant for an input method must not discard by a Y."""
    if not any(line.typed for line in screen.query(PatchedInput)):
        close()
        return

    def answered(choice: str | None) -> None:
        if choice == "discard":
            close()

    screen.app.push_screen(DiscardQuestion(), answered)


class InputScreen(Dialog[str | None]):
    """Ask for one line (a file path). With `suffixes`, a folder tree under the line offers folders and such
    files to pick (a folder picked keeps the file name typed so far). Escape cancels; Enter in the line is OK."""

    body_id = "prompt"

    def __init__(
        self,
        prompt: str,
        *,
        value: str = "",
        title: str = "请输入",
        suffixes: Sequence[str] | None = None,
        given: str | None = None,
        keep: Callable[[str], Unconfirmed] | None = None,
    ) -> None:
        super().__init__(prompt, [("ok", "确定"), ("cancel", "取消")], cancel_id="cancel", title=title)
        self.value = value
        self.suffixes = suffixes
        self.given = given  # see PatchedInput.typed
        self.keep = keep  # words worth keeping when the window closes with the dialog open (a note), as what

    def extra(self) -> Sequence[Widget]:
        line = PatchedInput(self.value, given=self.given, id="answer", compact=True)
        if self.suffixes is None:
            return [line]
        start = Path(self.value).expanduser().parent if self.value else Path.cwd()
        return [line, FilePicker(start, self.suffixes, id="picker")]

    def on_directory_tree_file_selected(self, event: FilePicker.FileSelected) -> None:
        event.stop()
        line = self.query_one("#answer", Input)
        line.value = str(event.path)
        line.focus()

    def on_directory_tree_directory_selected(self, event: FilePicker.DirectorySelected) -> None:
        event.stop()
        line = self.query_one("#answer", Input)
        line.value = str(event.path / (Path(line.value.strip()).name or "草稿.json"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.answer("ok")

    def unconfirmed(self) -> Unconfirmed | None:
        """The words typed and not yet confirmed, for `keep` (see unconfirmed.py)."""
        line = self.query_one("#answer", PatchedInput)
        if self.keep is None or not line.typed or not line.value.strip():
            return None
        return self.keep(line.value)

    def action_cancel(self) -> None:
        close_or_ask(self, lambda: self.answer(self.cancel_id))

    def answer(self, button_id: str) -> None:
        text = self.query_one("#answer", Input).value.strip()
        self.dismiss(text or None if button_id == "ok" else None)

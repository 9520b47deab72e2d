"""Small modal dialogs: a message, a yes/no question, and one line of input. Each returns a typed result."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static


class MessageScreen(ModalScreen[None]):
    """One clear message and an OK button: how every error reaches the user (never a traceback)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter", "dismiss_ok", "确定")]

    def __init__(self, message: str, *, title: str = "提示") -> None:
        super().__init__(classes="dialog-screen")
        self.message = message
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(self.message, id="message", classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button("确定", id="ok", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_dismiss_ok(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A question with two answers. Escape means no."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "answer_no", "取消")]

    def __init__(self, question: str, *, yes: str = "确定", no: str = "取消", title: str = "请确认") -> None:
        super().__init__(classes="dialog-screen")
        self.question = question
        self.yes = yes
        self.no = no
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(self.question, id="question", classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, id="yes", variant="primary", compact=True)
                yield Button(self.no, id="no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer_no(self) -> None:
        self.dismiss(False)


class InputScreen(ModalScreen[str | None]):
    """Ask for one line (a file path). Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "取消")]

    def __init__(self, prompt: str, *, value: str = "", title: str = "请输入") -> None:
        super().__init__(classes="dialog-screen")
        self.prompt = prompt
        self.value = value
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(self.prompt, classes="dialog-body")
            yield Input(self.value, id="answer", compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button("确定", id="ok", variant="primary", compact=True)
                yield Button("取消", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#answer", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self.dismiss(self.query_one("#answer", Input).value.strip() or None)
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceScreen(ModalScreen[str]):
    """A question with several answers (id, label); the first is the default. Escape picks `cancel`."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "取消")]

    def __init__(self, question: str, choices: list[tuple[str, str]], *, cancel: str, title: str = "请选择") -> None:
        super().__init__(classes="dialog-screen")
        self.question = question
        self.choices = choices
        self.cancel = cancel
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(self.question, id="question", classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                for index, (choice_id, label) in enumerate(self.choices):
                    yield Button(label, id=choice_id, variant="primary" if index == 0 else "default", compact=True)

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id or self.cancel)

    def action_cancel(self) -> None:
        self.dismiss(self.cancel)

"""A form in a dialog: labelled one-line fields, Enter moving to the next field and submitting from the last,
one line for what is wrong, and the submit/cancel buttons. The new-draft and 个人信息 dialogs are both one."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import ClassVar, TypeVar

from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from appraisal.draft import YEAR_RULE, parse_year
from appraisal.tui.queued_keys import on_app_after_queued_keys
from appraisal.tui.screens.dialogs import FOCUS_KEYS, close_or_ask
from appraisal.tui.textual_compat.key_hold import hold_keys
from appraisal.tui.textual_compat.own_bindings import PatchedInput
from appraisal.tui.widgets.plain import Plain, PlainLabel

T = TypeVar("T")


@dataclass(frozen=True)
class FormField:
    """One labelled line. `year`: digits only, four at most. `given`: what the line held before any typing, when
    `value` is words kept from a closed window (see PatchedInput.typed)."""

    id: str
    label: str
    value: str = ""
    placeholder: str = ""
    year: bool = False
    given: str | None = None


def filled_in(fields: Iterable[FormField], kept: dict[str, str]) -> list[FormField]:
    """`fields` with the words kept from a closed window (`kept`, by field id) as their values, what each line held
    before kept as `given`."""
    return [replace(item, value=kept[item.id], given=item.value) if item.id in kept else item for item in fields]


class FormScreen(ModalScreen[T]):
    """Subclasses give the title, the fields and `submit`; `before`/`after` add widgets around the fields."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "取消"),
        # A priority binding runs before the app passes on the keys typed after Enter: the next field has the
        # focus before they arrive. Moved later (on Input.Submitted), a fast typist's next words went into the
        # field just left (单位 read 某市自然资源和规划局副局长).
        Binding("enter", "next_field", "下一项", show=False, priority=True),
        # Ctrl+S saves in Word: here it submits the form from any field (it did nothing, and the writer, thinking
        # the form saved, pressed Esc).
        Binding("ctrl+s", "submit_form", "保存", show=False),
        *FOCUS_KEYS,
    ]
    TITLE_TEXT = ""
    SUBMIT = ("ok", "确定")  # button id and label
    ID_PREFIX = ""  # before each field's id, for the Input's id
    SCROLLS = False  # a long form scrolls in a short terminal

    def __init__(self, *, read_only: bool = False) -> None:
        super().__init__(classes="dialog-screen")
        self.read_only = read_only
        self._submitting = False  # Enter on the last field: waiting for the fields to take the keys before it

    def fields(self) -> Sequence[FormField]:
        raise NotImplementedError

    def submit(self) -> None:
        raise NotImplementedError

    def before(self) -> Iterable[Widget]:
        return []

    def after(self) -> Iterable[Widget]:
        return []

    def compose(self) -> ComposeResult:
        self._fields = list(self.fields())
        container = VerticalScroll if self.SCROLLS else Vertical
        with container(classes="dialog form"):
            yield PlainLabel(self.TITLE_TEXT, classes="dialog-title")
            yield from self.before()
            for item in self._fields:
                with Horizontal(classes="field"):
                    yield PlainLabel(item.label)
                    yield PatchedInput(
                        item.value,
                        given=item.given,
                        id=self.ID_PREFIX + item.id,
                        placeholder=item.placeholder,
                        compact=True,
                        disabled=self.read_only,
                        type="integer" if item.year else "text",
                        max_length=4 if item.year else 0,  # 0: no limit
                    )
            yield Plain("", id="form-error", classes="form-error")
            yield from self.after()
            with Horizontal(classes="dialog-buttons"):
                if not self.read_only:
                    yield Button(self.SUBMIT[1], id=self.SUBMIT[0], variant="primary", compact=True)
                yield Button("取消", id="cancel", compact=True)

    def on_mount(self) -> None:
        if not self.read_only:
            self.field_input(self._fields[0].id).focus()

    def field_input(self, field_id: str) -> Input:
        return self.query_one(f"#{self.ID_PREFIX}{field_id}", Input)

    def typed(self) -> dict[str, str]:
        """The fields whose words were typed and not yet submitted, by field id."""
        lines = {item.id: self.field_input(item.id) for item in self._fields}
        return {key: line.value for key, line in lines.items() if isinstance(line, PatchedInput) and line.typed}

    def value(self, field_id: str) -> str:
        return self.field_input(field_id).value.strip()

    def say(self, problem: str, *, field_id: str | None = None) -> None:
        """What is wrong, on the form's error line; the focus goes to the field concerned."""
        self.query_one("#form-error", Static).update(problem)
        if field_id is not None:
            self.field_input(field_id).focus()

    def year(self, field_id: str) -> int | None:
        """The field's year, or None after saying what a year must be."""
        year = parse_year(self.value(field_id))
        if year is None:
            self.say(YEAR_RULE, field_id=field_id)
        return year

    def action_next_field(self) -> None:
        """Enter in a field: the next field (at once), or submit from the last. Elsewhere (a button, a list)
        Enter is that widget's own."""
        ids = [self.ID_PREFIX + item.id for item in self._fields]
        focused = self.focused
        current = focused.id if isinstance(focused, Input) else None
        if current not in ids:
            raise SkipAction()
        if current in ids[:-1]:
            self.set_focus(self.query_one(f"#{ids[ids.index(current) + 1]}", Input))
        else:
            self.submit_when_typed()

    def submit_when_typed(self) -> None:
        """Submit once every field has taken the keys typed before this Enter (queued_keys): submitted at once, a
        burst of Tab 某县财政局 Tab 副局长 Enter Enter made a draft with no 单位 or 职务. With nothing on its way to
        a field the form submits at once, inside the key; else from the app's queue, once the fields are through.
        Either way the keys typed after Enter wait for the screen the submission opens (key_hold)."""
        if self._submitting:
            return
        fields = [self.field_input(item.id) for item in self._fields]
        if not any(field.message_queue_size for field in fields):
            self.submit()
            return
        self._submitting = True
        hold_keys(self.app)
        on_app_after_queued_keys(fields, self._submit_now)

    def action_submit_form(self) -> None:
        if not self.read_only:
            self.submit_when_typed()

    def _submit_now(self) -> None:
        self._submitting = False
        self.submit()

    def on_patched_input_restricted(self, event: PatchedInput.Restricted) -> None:
        """Words typed into 考核年度 went nowhere, with at most a bell (a name typed one field too far, 副局长
        into the year): say what the field takes."""
        event.stop()
        if any(item.year and self.ID_PREFIX + item.id == event.line.id for item in self._fields):
            self.say(f"{YEAR_RULE}刚才输入的文字没有填进去。")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()  # Enter in a field is action_next_field's

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == self.SUBMIT[0]:
            self.submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        """Esc: closes at once unless a field was typed in (then asks first)."""
        close_or_ask(self, lambda: self.dismiss(None))

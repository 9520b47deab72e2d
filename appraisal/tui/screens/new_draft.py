"""The new-draft form: template, 姓名, 单位, 职务, 考核年度."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from appraisal.draft import YEAR_RULE, default_year, parse_year
from appraisal.templates import DEFAULT_TEMPLATE, list_templates
from appraisal.tui.widgets.plain import Plain, PlainLabel

FIELDS = [("name", "姓名", "如：张三"), ("unit", "单位", "如：某某区发展和改革局"), ("position", "职务", "如：副局长")]


@dataclass(frozen=True)
class NewDraftRequest:
    template: str
    name: str
    unit: str
    position: str
    year: int


class NewDraftScreen(ModalScreen[NewDraftRequest | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "取消")]
    # Below 30 rows the form is drawn closer together, so the start screen's hint above it
    # (what to press, where the drafts are kept) stays readable.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012 - Textual declares it without ClassVar

    def __init__(self) -> None:
        super().__init__(classes="dialog-screen")

    def compose(self) -> ComposeResult:
        templates, errors = list_templates()
        options = [(Text(t.name), t.id) for t in templates]  # a user's own template may have any name
        default = DEFAULT_TEMPLATE if any(t.id == DEFAULT_TEMPLATE for t in templates) else None
        with VerticalScroll(classes="dialog form"):
            yield PlainLabel("新建草稿", classes="dialog-title")
            with Horizontal(classes="field"):
                yield PlainLabel("模板")
                yield Select(
                    options, value=default or Select.NULL, allow_blank=default is None, id="template", compact=True
                )
            for field_id, label, hint in FIELDS:
                with Horizontal(classes="field"):
                    yield PlainLabel(label)
                    yield Input(id=field_id, placeholder=hint, compact=True)
            with Horizontal(classes="field"):
                yield PlainLabel("考核年度")
                yield Input(str(default_year()), id="year", type="integer", max_length=4, compact=True)
            yield Plain("", id="form-error", classes="form-error")
            if errors:
                yield Plain("\n".join(e.message for e in errors), classes="form-note")
            with Horizontal(classes="dialog-buttons"):
                yield Button("创建", id="create", variant="primary", compact=True)
                yield Button("取消", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def _value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value.strip()

    def _submit(self) -> None:
        error = self.query_one("#form-error", Static)
        template = self.query_one("#template", Select).value
        if not isinstance(template, str):
            error.update("请选择模板。")
            return
        year = parse_year(self._value("year"))
        if year is None:
            error.update(YEAR_RULE)
            self.query_one("#year", Input).focus()
            return
        self.dismiss(NewDraftRequest(template, self._value("name"), self._value("unit"), self._value("position"), year))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        order = ["name", "unit", "position", "year"]
        current = event.input.id or ""
        if current in order[:-1]:
            self.query_one(f"#{order[order.index(current) + 1]}", Input).focus()
        else:
            self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "create":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

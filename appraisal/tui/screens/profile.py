"""个人信息与标题: the writer's name, unit, position, 考核年度 and the report's title, editable at any time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from appraisal.draft import YEAR_RULE, Draft, parse_year
from appraisal.tui.widgets.plain import Plain, PlainLabel


@dataclass(frozen=True)
class ProfileChange:
    name: str
    unit: str
    position: str
    year: int
    title: str

    def apply(self, draft: Draft) -> bool:
        """Write the change into the draft; True when anything differs."""
        before = (draft.profile.name, draft.profile.unit, draft.profile.position, draft.profile.year, draft.title)
        draft.profile.name, draft.profile.unit, draft.profile.position = self.name, self.unit, self.position
        draft.profile.year, draft.title = self.year, self.title
        return before != (self.name, self.unit, self.position, self.year, self.title)


FIELDS = [("name", "姓名"), ("unit", "单位"), ("position", "职务"), ("year", "考核年度"), ("title", "标题")]


class ProfileScreen(ModalScreen[ProfileChange | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "取消")]

    def __init__(self, draft: Draft, *, read_only: bool = False) -> None:
        super().__init__(classes="dialog-screen")
        self.draft = draft
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        profile = self.draft.profile
        values = {
            "name": profile.name,
            "unit": profile.unit,
            "position": profile.position,
            "year": str(profile.year or ""),
            "title": self.draft.title,
        }
        with Vertical(classes="dialog form"):
            yield PlainLabel("个人信息与标题", classes="dialog-title")
            for field_id, label in FIELDS:
                with Horizontal(classes="field"):
                    yield PlainLabel(label)
                    yield Input(values[field_id], id=f"profile-{field_id}", compact=True, disabled=self.read_only)
            yield Plain("", id="form-error", classes="form-error")
            with Horizontal(classes="dialog-buttons"):
                if not self.read_only:
                    yield Button("保存", id="ok", variant="primary", compact=True)
                yield Button("取消", id="cancel", compact=True)

    def on_mount(self) -> None:
        if not self.read_only:
            self.query_one("#profile-name", Input).focus()

    def _value(self, field_id: str) -> str:
        return self.query_one(f"#profile-{field_id}", Input).value.strip()

    def _submit(self) -> None:
        year = parse_year(self._value("year"))
        if year is None:
            self.query_one("#form-error", Static).update(YEAR_RULE)
            self.query_one("#profile-year", Input).focus()
            return
        self.dismiss(
            ProfileChange(self._value("name"), self._value("unit"), self._value("position"), year, self._value("title"))
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        order = [f"profile-{field_id}" for field_id, _ in FIELDS]
        current = event.input.id or ""
        if current in order[:-1]:
            self.query_one(f"#{order[order.index(current) + 1]}", Input).focus()
        else:
            self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

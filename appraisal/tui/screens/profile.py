"""个人信息与标题: the writer's name, unit, position, 考核年度 and the report's title, editable at any time."""

from __future__ import annotations

from dataclasses import dataclass

from appraisal.draft import Draft
from appraisal.tui.screens.form import FormField, FormScreen


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


class ProfileScreen(FormScreen[ProfileChange | None]):
    TITLE_TEXT = "个人信息与标题"
    SUBMIT = ("ok", "保存")
    ID_PREFIX = "profile-"

    def __init__(self, draft: Draft, *, read_only: bool = False) -> None:
        super().__init__(read_only=read_only)
        self.draft = draft

    def fields(self) -> list[FormField]:
        profile = self.draft.profile
        return [
            FormField("name", "姓名", profile.name),
            FormField("unit", "单位", profile.unit),
            FormField("position", "职务", profile.position),
            FormField("year", "考核年度", str(profile.year or ""), year=True),
            FormField("title", "标题", self.draft.title),
        ]

    def submit(self) -> None:
        year = self.year("year")
        if year is not None:
            self.dismiss(
                ProfileChange(self.value("name"), self.value("unit"), self.value("position"), year, self.value("title"))
            )

"""个人信息与标题: the writer's name, unit, position, 考核年度, the report's title and its 落款日期 (taken from an
imported document; export prints it unless `--date` says otherwise; empty: the day of export), editable at any time.
While the title is still the one the template makes for the year (`2025年度个人总结`, `20**年度个人总结` when
the year is unknown), it follows the year typed; a title the writer wrote is never touched."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.widgets import Input

from appraisal.app.ui_state import Unconfirmed
from appraisal.draft import Draft, parse_year, signed_text
from appraisal.templates import Template
from appraisal.tui.screens.form import FormField, FormScreen, filled_in

PROFILE = "profile"  # the kind of words kept from this dialog (ui_state.Unconfirmed)
LABELS = {"name": "姓名", "unit": "单位", "position": "职务", "year": "考核年度", "title": "标题", "date": "落款日期"}


@dataclass(frozen=True)
class ProfileChange:
    name: str
    unit: str
    position: str
    year: int
    title: str
    signed: str = ""  # the 落款 date as written; "" for the day of export

    def apply(self, draft: Draft) -> bool:
        """Write the change into the draft; True when anything differs."""
        profile = draft.profile
        before = (profile.name, profile.unit, profile.position, profile.year, draft.title, profile.signed)
        profile.name, profile.unit, profile.position = self.name, self.unit, self.position
        profile.year, draft.title = self.year, self.title
        extra = profile.model_extra if profile.model_extra is not None else {}
        if self.signed:
            extra["date"] = self.signed
        else:
            extra.pop("date", None)
        return before != (self.name, self.unit, self.position, self.year, self.title, self.signed)


class ProfileScreen(FormScreen[ProfileChange | None]):
    TITLE_TEXT = "个人信息与标题"
    SUBMIT = ("ok", "保存")
    ID_PREFIX = "profile-"

    def __init__(
        self, draft: Draft, template: Template, *, read_only: bool = False, kept: dict[str, str] | None = None
    ) -> None:
        super().__init__(read_only=read_only)
        self.draft = draft
        self.template = template
        self.kept = kept or {}  # words typed when a window closed with this dialog open, by field id
        self._title_year = draft.profile.year  # the year whose template title the title field shows, if it does

    @on(Input.Changed, "#profile-year")
    def _year_typed(self, event: Input.Changed) -> None:
        year = parse_year(event.value)
        if year is None or year == self._title_year:
            return
        title = self.field_input("title")
        if title.value.strip() == self.template.default_title(self._title_year).strip():
            title.value = self.template.default_title(year)
            self._title_year = year

    def fields(self) -> list[FormField]:
        profile = self.draft.profile
        date_hint = "如 2026年12月20日或2026年12月；不填则为导出当天"
        saved = [
            FormField("name", LABELS["name"], profile.name),
            FormField("unit", LABELS["unit"], profile.unit),
            FormField("position", LABELS["position"], profile.position),
            FormField("year", LABELS["year"], str(profile.year or ""), year=True),
            FormField("title", LABELS["title"], self.draft.title),
            FormField("date", LABELS["date"], profile.signed, placeholder=date_hint),
        ]
        return filled_in(saved, self.kept)

    def unconfirmed(self) -> Unconfirmed | None:
        """What was typed and not saved, kept when the window closes with the dialog open (unconfirmed.py)."""
        typed = {} if self.read_only else self.typed()
        return Unconfirmed(PROFILE, typed) if typed else None

    def submit(self) -> None:
        year = self.year("year")
        if year is None:
            return
        signed = self.value("date")
        if signed and not signed_text(signed):
            self.say("落款日期应写明年、月，如 2026年12月20日或2026年12月；不填则为导出当天。", field_id="date")
            return
        change = ProfileChange(
            self.value("name"), self.value("unit"), self.value("position"), year, self.value("title"), signed
        )
        self.dismiss(change)

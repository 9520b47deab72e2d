"""The new-draft form: template, 姓名, 单位, 职务, 考核年度."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Select

from appraisal.app.ui_state import Unconfirmed, load_unconfirmed, save_unconfirmed
from appraisal.draft import default_year
from appraisal.templates import DEFAULT_TEMPLATE, list_templates
from appraisal.tui.screens.form import FormField, FormScreen, filled_in
from appraisal.tui.screens.unconfirmed import NEW_DRAFT, new_draft_key, tell_written_elsewhere
from appraisal.tui.widgets.plain import Plain, PlainLabel

FIELDS = [("name", "姓名", "如：张三"), ("unit", "单位", "如：某某区发展和改革局"), ("position", "职务", "如：副局长")]


@dataclass(frozen=True)
class NewDraftRequest:
    template: str
    name: str
    unit: str
    position: str
    year: int


class NewDraftScreen(FormScreen[NewDraftRequest | None]):
    TITLE_TEXT = "新建草稿"
    SUBMIT = ("create", "创建")
    SCROLLS = True
    # Below 30 rows the form is drawn closer together, so the start screen's hint above it
    # (what to press, where the drafts are kept) stays readable.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012 - Textual declares it without ClassVar

    def __init__(self) -> None:
        super().__init__()
        self.templates, self.template_errors = list_templates()
        # Words typed here when a window or browser tab closed with the form open: filled in again, once.
        kept = [item for item in load_unconfirmed(new_draft_key()) if item.kind == NEW_DRAFT]
        self.kept = kept[-1].values if kept else {}

    def fields(self) -> list[FormField]:
        year = str(default_year())
        saved = [
            *(FormField(field_id, label, placeholder=hint) for field_id, label, hint in FIELDS),
            FormField("year", "考核年度", year, year=True),
        ]
        return filled_in(saved, self.kept)

    def on_mount(self) -> None:
        said = []
        if self.kept:  # forgotten once they are on the screen (closing from here keeps them again, as typed)
            save_unconfirmed(new_draft_key(), [])
            said.append("上次关闭窗口时填写的内容已经填好，请核对后按“创建”。")
        lost = tell_written_elsewhere(new_draft_key())  # the words of a window closed on a full disk
        if lost is not None:
            said.append(lost)
        if said:
            self.say("".join(said))

    def unconfirmed(self) -> Unconfirmed | None:
        """The fields typed and not yet submitted, kept when the window closes with the form open."""
        typed = self.typed()
        return Unconfirmed(NEW_DRAFT, typed) if typed else None

    def before(self) -> list[Widget]:
        options = [(Text(t.name), t.id) for t in self.templates]  # a user's own template may have any name
        default = DEFAULT_TEMPLATE if any(t.id == DEFAULT_TEMPLATE for t in self.templates) else None
        choice = Select(options, value=default or Select.NULL, allow_blank=default is None, id="template", compact=True)
        return [Horizontal(PlainLabel("模板"), choice, classes="field")]

    def after(self) -> list[Widget]:
        if not self.template_errors:
            return []
        return [Plain("\n".join(e.message for e in self.template_errors), classes="form-note")]

    def submit(self) -> None:
        template = self.query_one("#template", Select).value
        if not isinstance(template, str):
            self.say("请选择模板。")
            return
        year = self.year("year")
        if year is not None:
            self.dismiss(
                NewDraftRequest(template, self.value("name"), self.value("unit"), self.value("position"), year)
            )

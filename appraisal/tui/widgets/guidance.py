"""The panel on the right: the section's guidance (Markdown), its findings, and last year's text.

The tabs are built after the editor's first frame: the user sees their text first. Until then the panel only
keeps what it was asked to show, and shows it once built. The guidance is drawn by Rich's Markdown renderer in
one widget: Textual's Markdown widget builds a widget for every paragraph and list item, which made showing a
section's guidance cost a quarter of a second.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from appraisal.tui.widgets.chinese_text import ChineseTextVisual
from appraisal.tui.widgets.material import MaterialPage
from appraisal.tui.widgets.plain import Plain

if TYPE_CHECKING:
    from appraisal.checks import Finding
    from appraisal.checks.positions import FindingGroup
    from appraisal.notes import Note
    from appraisal.plans import PlanItem


# What the 去年 tab says before the lookup of last year's draft has finished.
LOOKING = object()
LISTED_FINDINGS = 200
"""Findings listed in the 问题 tab at most (the rest counted in one line): a pasted document of 1.6 million 字 can
have 20,000, and listing them all took seconds on every pause in typing."""


def finding_prompt(found: Finding | FindingGroup, *, with_section: str = "") -> Text:
    """One finding (or identical ones of a paragraph) on one line: [section] 错误/提示 第n段第m字  message, with
    本段 8 处 for a group."""
    from appraisal.checks import Severity  # already loaded: it made the finding
    from appraisal.checks.positions import FindingGroup

    found = found if isinstance(found, FindingGroup) else FindingGroup((found,))
    finding = found.first
    style = "bold red" if finding.severity is Severity.ERROR else "yellow"
    label = finding.severity.label
    text = Text()
    if with_section:
        text.append(f"{with_section} ", style="bold")
    text.append(label, style=style)
    where = found.place("段" if finding.section else "")  # no section: the title, one line (第M字), as check says
    text.append(f" {where}  " if where else "  ", style="dim")
    count = found.count_words()
    text.append(f"{count}：{finding.message}" if count else finding.message)
    return text


# One name per page, the same at every width and the same as the key bar (F9 指导, F4 问题) and F1's help: names that
# changed with the width (写作指导 at 140 columns, 指导 at 100) read as different pages.
TABS = (("guide", "指导"), ("findings", "问题"), ("last-year", "去年"), ("material", "素材"))


class TabStrip(Widget, can_focus=True):
    """The row of tab names. ←/→ (when focused) or a click switches; posts `TabStrip.Changed`.

    One widget drawing one line: Textual's TabbedContent (tabs, underline, switcher, panes) cost more to build
    than the rest of the editor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "step(-1)", "上一页", show=False),
        Binding("right", "step(1)", "下一页", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"tab-strip--active", "tab-strip--inactive"}
    DEFAULT_CSS = """
    TabStrip {
        height: 1;
        width: 1fr;
        .tab-strip--active {
            color: $text;
            text-style: bold underline;
        }
        .tab-strip--inactive {
            color: $text-muted;
        }
        &:focus .tab-strip--active {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: bold;
        }
    }
    """

    active: reactive[int] = reactive(0)

    class Changed(Message):
        def __init__(self, strip: TabStrip, tab: str) -> None:
            super().__init__()
            self.strip = strip
            self.tab = tab

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.labels = [label for _, label in TABS]
        self._spans: list[tuple[int, int]] = []

    @property
    def tab(self) -> str:
        return TABS[self.active][0]

    def set_label(self, tab: str, label: str) -> None:
        self.labels[[key for key, _ in TABS].index(tab)] = label
        self.refresh()

    def render(self) -> Text:
        active = self.get_component_rich_style("tab-strip--active")
        inactive = self.get_component_rich_style("tab-strip--inactive")
        line = Text(no_wrap=True)
        spans = []
        for index, label in enumerate(self.labels):
            start = line.cell_len
            line.append(f" {label} ", style=active if index == self.active else inactive)
            spans.append((start, line.cell_len))
        self._spans = spans
        return line

    def watch_active(self) -> None:
        self.post_message(self.Changed(self, self.tab))

    def action_step(self, step: int) -> None:
        self.active = (self.active + step) % len(TABS)

    def on_click(self, event: events.Click) -> None:
        for index, (start, end) in enumerate(self._spans):
            if start <= event.x < end:
                event.stop()
                self.active = index
                return


class _GuidanceTabs(Vertical):
    """The tab strip and the four pages: 指导 / 问题 / 去年 / 素材 (only the chosen one is shown)."""

    def compose(self) -> ComposeResult:
        yield TabStrip(id="guidance-tabs")
        with VerticalScroll(id="tab-guide", classes="guidance-page"):
            yield Plain("", id="guide-text")
        with Vertical(id="tab-findings", classes="guidance-page"):
            yield OptionList(id="findings-list")
        with VerticalScroll(id="tab-last-year", classes="guidance-page"):
            yield Plain("", id="last-year-text")
        yield MaterialPage(id="tab-material", classes="guidance-page")

    def on_mount(self) -> None:
        self._show_page("guide")

    @on(TabStrip.Changed)
    def _changed(self, event: TabStrip.Changed) -> None:
        event.stop()
        self._show_page(event.tab)

    def _show_page(self, tab: str) -> None:
        for page in self.query(".guidance-page"):
            page.display = page.id == f"tab-{tab}"


class GuidancePanel(Vertical):
    """Guidance, findings (options: choosing one moves the cursor there) and last year's text, in tabs."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.findings: list[Finding] = []  # one per row of the findings list: the first of identical ones
        self.groups: list[FindingGroup] = []
        self._markdown = ""
        self._last_year: tuple[str, int | None] | object | None = LOOKING
        self._notes: tuple[list[Note], str] = ([], "")
        self._plans: list[PlanItem] | None = None
        self._plan_ticks: set[str] = set()
        self._tabs: _GuidanceTabs | None = None
        self._built = False

    @property
    def built(self) -> bool:
        """True once the tabs are there to draw into; before that, show_* only record what to show."""
        return self._built

    async def build(self) -> None:
        """Mount the tabs and show what was asked for so far. Called once, after the editor's first frame."""
        if self._tabs is not None:
            return
        self._tabs = _GuidanceTabs(id="guidance-body")
        await self.mount(self._tabs)
        with contextlib.suppress(NoMatches):  # the app was closed meanwhile
            self._show_guidance()
            self._show_findings()
            self._show_last_year()
            self._show_material()
            self._built = True

    def open_tab(self, tab: str) -> None:
        """Show one of the tabs (`guide`, `findings`, `last-year`); the findings list gets the focus when it has
        findings to choose from. Before the tabs are built this does nothing: they are built right after the
        editor's first frame (and `_tabs` is set before its mount has finished: F9 pressed then ended the app)."""
        if not self._built:
            return
        self.query_one("#guidance-tabs", TabStrip).active = [key for key, _ in TABS].index(tab)
        if tab == "findings" and self.findings:
            options = self.query_one("#findings-list", OptionList)
            options.focus()
            options.highlighted = 0
        if tab == "material" and self._notes[0] and not self._notes[1]:
            self.query_one("#tab-material", MaterialPage).focus_notes()

    def reopen(self) -> None:
        """The panel was just shown again (F9): its page is opened as by its own key, so the 素材 page's list
        has the focus and Enter inserts the highlighted 素材, as its heading says (typing still goes to the
        text: see typing_target)."""
        if self._built:
            self.open_tab(self.query_one("#guidance-tabs", TabStrip).tab)

    def show_guidance(self, markdown: str) -> None:
        self._markdown = markdown
        if self.built:
            with contextlib.suppress(NoMatches):  # the app is closing
                self._show_guidance()

    def show_findings(self, findings: Sequence[Finding]) -> None:
        if findings:
            from appraisal.checks.positions import group  # loads the checker: not before the first frame

            self.groups = group(findings)
        else:
            self.groups = []
        self.findings = [found.first for found in self.groups]
        if self.built:
            with contextlib.suppress(NoMatches):  # the app is closing
                self._show_findings()

    def show_last_year(self, text: str | None, year: int | None) -> None:
        """Last year's text of this section; `text` None when there is no such draft."""
        self._last_year = None if text is None else (text, year)
        if self.built:
            with contextlib.suppress(NoMatches):  # the app is closing
                self._show_last_year()

    def show_material(
        self,
        notes: Sequence[Note] | None = None,
        problem: str = "",
        plans: Sequence[PlanItem] | None = None,
        ticked: Collection[str] = (),
    ) -> None:
        """The 素材 page: this section's notes (or why they cannot be read) and, when given, last year's plans
        (those in `ticked` ticked)."""
        if notes is not None:
            self._notes = (list(notes), problem)
        if plans is not None:
            self._plans = list(plans)
            self._plan_ticks = set(ticked)
        if self.built:
            with contextlib.suppress(NoMatches):  # the app is closing
                self._show_material()

    # ------------------------------------------------------------ drawing (only once built)

    def _show_material(self) -> None:
        page = self.query_one("#tab-material", MaterialPage)
        page.show_notes(*self._notes)
        page.show_plans(self._plans, self._plan_ticks)

    def _show_guidance(self) -> None:
        from appraisal.tui.widgets.chinese_markdown import ChineseMarkdown  # not needed for the first frame

        guide = ChineseMarkdown(self._markdown) if self._markdown.strip() else Text("本栏暂无写作指导。", style="dim")
        self.query_one("#guide-text", Static).update(guide)
        self.query_one("#tab-guide", VerticalScroll).scroll_home(animate=False)

    def _show_findings(self) -> None:
        findings = self.findings
        options = self.query_one("#findings-list", OptionList)
        if not findings:
            none = Text("本栏暂未发现问题。光标仍在正文中，可接着写。", style="dim")  # Enter is the text's
            options.set_options([Option(none, disabled=True)])
        else:
            listed = self.groups[:LISTED_FINDINGS]
            shown = [Option(ChineseTextVisual(options, finding_prompt(g)), id=f"f{i}") for i, g in enumerate(listed)]
            if len(self.groups) > len(listed):
                more = sum(found.count for found in self.groups[len(listed) :])
                shown.append(Option(Text(f"另有 {more} 处问题未列出，请先处理以上问题。", style="dim"), disabled=True))
            options.set_options(shown)
            options.highlighted = 0  # however the list gets the focus (Tab, a click), Enter acts on the first
        total = sum(found.count for found in self.groups)
        label = f"问题 {total}" if findings else "问题"
        self.query_one("#guidance-tabs", TabStrip).set_label("findings", label)

    def _show_last_year(self) -> None:
        widget = self.query_one("#last-year-text", Static)
        value = self._last_year
        if value is LOOKING:
            widget.update(Text("正在查找上一年度的草稿……", style="dim"))
        elif not isinstance(value, tuple):
            widget.update(Text("没有找到上一年度同一模板的草稿。", style="dim"))
        elif not value[0].strip():
            widget.update(Text(f"{value[1]}年度的草稿中本栏为空。", style="dim"))
        else:
            widget.update(ChineseTextVisual(widget, Text(f"{value[1]}年度：\n\n", style="dim") + Text(value[0])))

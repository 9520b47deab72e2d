"""The panel on the right: the section's guidance (Markdown), its findings, and last year's text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.css.query import NoMatches
from textual.widgets import Markdown, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

SEVERITY_LABEL = {"error": "错误", "warning": "提示"}


def finding_prompt(finding: Any, *, with_section: str = "") -> Text:
    label = SEVERITY_LABEL.get(finding.severity, finding.severity)
    style = "bold red" if finding.severity == "error" else "yellow"
    text = Text()
    if with_section:
        text.append(f"{with_section} ", style="bold")
    text.append(label, style=style)
    text.append(f" 第{finding.line}行第{finding.column}字  ", style="dim")
    text.append(finding.message)
    return text


class GuidancePanel(Vertical):
    """Tabs: 写作指导 / 本栏问题 / 去年内容. Findings are options; choosing one moves the cursor there."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.findings: list[Any] = []

    def compose(self) -> ComposeResult:
        with TabbedContent(id="guidance-tabs", initial="tab-guide"):
            with TabPane("写作指导", id="tab-guide"):
                yield Markdown("", id="guide-text")
            with TabPane("本栏问题", id="tab-findings"):
                yield OptionList(id="findings-list")
            with TabPane("去年内容", id="tab-last-year"):
                yield Static("", id="last-year-text")

    def show_guidance(self, markdown: str) -> None:
        self.query_one("#guide-text", Markdown).update(markdown or "本栏暂无写作指导。")

    def show_findings(self, findings: Sequence[Any]) -> None:
        self.findings = list(findings)
        options = self.query_one("#findings-list", OptionList)
        if not findings:
            options.set_options([Option(Text("本栏暂未发现问题。", style="dim"), disabled=True)])
        else:
            options.set_options([Option(finding_prompt(f), id=f"f{i}") for i, f in enumerate(findings)])
        try:
            tab = self.query_one("#guidance-tabs", TabbedContent).get_tab("tab-findings")
        except NoMatches:  # not mounted yet
            return
        tab.label = f"本栏问题 {len(findings)}" if findings else "本栏问题"

    def show_last_year(self, text: str | None, year: int | None) -> None:
        widget = self.query_one("#last-year-text", Static)
        if text is None:
            widget.update(Text("没有找到上一年度同一模板的草稿。", style="dim"))
        elif not text.strip():
            widget.update(Text(f"{year}年度的草稿中本栏为空。", style="dim"))
        else:
            widget.update(Text(f"{year}年度：\n\n", style="dim") + Text(text))

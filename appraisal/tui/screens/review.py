"""Review: every finding in the draft. Choosing one goes to its section and position; fixes can be applied.

The whole draft is checked in a worker thread, on a copy (`LongJob`): the screen says it is checking meanwhile,
Esc goes back to the text at once, and the fix keys wait for the list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from appraisal.app.session import EditSession
from appraisal.checks import Finding, Severity
from appraisal.checks.positions import FindingGroup, group, is_positional
from appraisal.draft import Draft
from appraisal.service import Service
from appraisal.tui.background import CHECK_BUSY, CHECKING, LongJob, failure_sentence
from appraisal.tui.widgets.chinese_text import ChineseTextVisual
from appraisal.tui.widgets.guidance import finding_prompt
from appraisal.tui.widgets.key_bar import KeyBar
from appraisal.tui.widgets.plain import Plain
from appraisal.tui.widgets.section_list import fit_cells

UNDO_FIXES = "要撤销，请回到正文按 F7，恢复修正前的版本。"


class ReviewScreen(Screen[Finding | None]):
    """Returns the finding the user chose (None when they just go back)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "返回编辑"),
        Binding("f", "fix_all", "修正全部可修正项"),
        Binding("x", "fix_selected", "修正所选"),
    ]

    def __init__(
        self,
        session: EditSession,
        service: Service,
        last_year: Draft | None = None,
        *,
        save: Callable[[], bool],
    ) -> None:
        super().__init__()
        self.session = session
        self.save = save  # the editor's one save path (SaveController), which says why it failed
        self.service = service
        self.last_year = last_year  # last year's draft, for copied-from-last-year
        self.findings: list[Finding] = []
        self.groups: list[FindingGroup] = []  # one per row: identical findings of a paragraph together
        self.rows: list[Finding] = []  # the first of each group: where a row jumps to
        self.checking: LongJob[list[Finding]] = LongJob(self, "review-check", CHECK_BUSY)

    def compose(self) -> ComposeResult:
        yield Plain("", id="review-summary")
        yield OptionList(id="review-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_findings()
        self.query_one("#review-list", OptionList).focus()

    def refresh_findings(self) -> None:
        """Check the whole draft in a worker, on a copy taken now; the list is filled when it is done."""
        summary = self.query_one("#review-summary", Static)
        summary.update(Text.assemble(("审阅全文  ", "bold"), CHECKING))
        draft, template, last_year = self.session.draft.model_copy(deep=True), self.session.template, self.last_year
        check = self.service.check_draft
        self.checking.start(lambda: check(draft, template, last_year), self._checked, self._check_failed)

    def _check_failed(self, error: Exception) -> None:
        sentence = failure_sentence(error, "检查全文", "草稿未受影响", "checking the draft for the review failed")
        self.query_one("#review-summary", Static).update(Text.assemble(("审阅全文  ", "bold"), sentence))

    def _checked(self, found: list[Finding]) -> None:
        template = self.session.template
        order = {sid: i for i, sid in enumerate(template.text_section_ids())}
        self.findings = sorted(found, key=lambda f: (order.get(f.section or "", -1), f.line, f.column))
        errors = sum(1 for f in self.findings if f.severity is Severity.ERROR)
        fixable = sum(1 for f in self.findings if f.fix is not None)
        summary = Text("审阅全文  ", style="bold")
        if not self.findings:
            summary.append("全文未发现问题。", style="green")
        else:
            summary.append(f"共{len(self.findings)}处：错误{errors}处，提示{len(self.findings) - errors}处")
            summary.append(f"，其中{fixable}处可自动修正（按F）" if fixable else "")
            summary.append("。选中一条按回车即可跳到原文。")
        self.query_one("#review-summary", Static).update(summary)
        options = self.query_one("#review-list", OptionList)
        titles = {s.id: s.title for s in template.text_sections()}
        prompts = []
        self.groups = groups = group(self.findings)
        self.rows = [entry.first for entry in groups]
        for index, entry in enumerate(groups):
            finding = entry.first
            whole = "标题" if finding.section is None and is_positional(finding) else "全文"  # as `check` says
            title = fit_cells(titles.get(finding.section or "", whole), 16)
            prompt = finding_prompt(entry, with_section=title)
            if finding.fix is not None:
                prompt.append("  可修正", style="cyan")
            prompts.append(Option(ChineseTextVisual(options, prompt), id=f"f{index}"))
        before = options.highlighted  # after a fix: the row that took the fixed one's place, as a list of tasks
        options.set_options(prompts)
        if prompts:
            options.highlighted = 0 if before is None else min(before, len(prompts) - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.rows):
            self.dismiss(self.rows[event.option_index])

    def _after_fix(self, count: int) -> None:
        if count:
            self.session.mark_changed()
            self.save()
            # One Ctrl+Z in the editor cannot take back fixes made in several sections it does not show: the
            # version saved before them is in F7's history, and the notice says so (Ctrl+Z said nothing of it).
            self.notify(f"已修正 {count} 处。{UNDO_FIXES}", timeout=6)
        else:
            self.notify("没有可以自动修正的问题。", timeout=4)
        self.refresh_findings()

    def _read_only(self) -> bool:
        if self.session.read_only:
            self.notify("此草稿以只读方式打开，不能修改。", severity="warning", timeout=4)
        return self.session.read_only

    def action_fix_all(self) -> None:
        if self.checking.refuse_if_running() or self._read_only():
            return
        self._after_fix(self.service.fix_draft(self.session.draft, self.session.template))

    def action_fix_selected(self) -> None:
        index = self.query_one("#review-list", OptionList).highlighted
        if self.checking.refuse_if_running() or index is None or not 0 <= index < len(self.rows) or self._read_only():
            return
        finding = self.rows[index]
        if finding.fix is None or not finding.section:
            self.notify("这一条不能自动修正，请在原文中修改。", timeout=4)
            return
        before = self.session.text(finding.section)
        after = self.service.apply_fixes(before, list(self.groups[index].findings))
        self.session.set_text(finding.section, after)
        self._after_fix(self.groups[index].count if after != before else 0)

    def action_back(self) -> None:
        self.dismiss(None)

"""Drafting help on the current section (Ctrl+T): choose a task, see exactly what will be sent, send it (the answer
streams in; Esc cancels), then read the proposal with every fact the user never gave highlighted as 未经核实 and
the checker's findings under it. Enter accepts it: the editor replaces the section's text (Ctrl+Z undoes it, and it
is saved as a new revision); Esc leaves the text as it was. Without `[assist]` in config.toml it only says how to
configure it; nothing is ever sent before the user presses Enter on what will be sent."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from appraisal.errors import AppraisalError
from appraisal.tui.widgets.chinese_text import ChineseTextVisual
from appraisal.tui.widgets.plain import Plain, PlainLabel

if TYPE_CHECKING:
    from appraisal.assist import AssistRequest
    from appraisal.draft import Draft
    from appraisal.service import AssistProposal, Service
    from appraisal.templates import Template

log = logging.getLogger(__name__)

TASKS = [
    ("polish", "润色：理顺语句，统一用语，不改事实"),
    ("expand", "扩写：把已有事实的做法和成效写具体"),
    ("condense", "压缩：保留要点和数字，删去套话"),
    ("from-notes", "据素材起草：只用本栏素材中的事实"),
]


class _Cancelled(Exception):
    """Raised in the sending thread at the next piece of the answer once the user pressed Esc."""


class AssistScreen(ModalScreen[str | None]):
    """Returns the accepted proposal's text, or None (cancelled, refused, failed, or not accepted)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "取消"),
        Binding("enter", "go_on", "继续", show=False),
    ]
    DEFAULT_CSS = """
    AssistScreen .assist-dialog { width: 90; height: 90%; }
    AssistScreen #assist-tasks { height: auto; margin: 1 0; }
    AssistScreen #assist-scroll { height: 1fr; margin: 1 0; }
    AssistScreen #assist-status { color: $text-muted; margin-bottom: 1; }
    """

    class Piece(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Done(Message):
        def __init__(self, proposal: AssistProposal | None, error: str) -> None:
            super().__init__()
            self.proposal = proposal
            self.error = error

    def __init__(self, service: Service, draft: Draft, template: Template, section_id: str) -> None:
        super().__init__(classes="dialog-screen")
        self.service = service
        self.draft = draft
        self.template = template
        self.section_id = section_id
        self.stage = "task"  # task → confirm → sending → proposal, or error
        self.request: AssistRequest | None = None
        self.proposal: AssistProposal | None = None
        self.streamed = ""
        self._cancelled = False

    def compose(self) -> ComposeResult:
        title = self.template.section(self.section_id).title
        with Vertical(classes="dialog assist-dialog"):
            yield PlainLabel(f"写作助手 · {title}", classes="dialog-title")
            yield OptionList(*(Option(label, id=task) for task, label in TASKS), id="assist-tasks")
            with VerticalScroll(id="assist-scroll"):
                yield Plain("", id="assist-body")
            yield Plain("选择要做的事，回车确定；Esc 关闭。", id="assist-status")

    def on_mount(self) -> None:
        self.query_one("#assist-scroll").display = False
        self.query_one("#assist-tasks", OptionList).focus()

    def _show(self, body: Text | str, status: str) -> None:
        widget = self.query_one("#assist-body", Plain)
        widget.update(ChineseTextVisual(widget, body if isinstance(body, Text) else Text(body)))
        self.query_one("#assist-status", Plain).update(status)

    # ------------------------------------------------------------ task → what will be sent

    @on(OptionList.OptionSelected, "#assist-tasks")
    def _task_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one("#assist-tasks").display = False
        scroll = self.query_one("#assist-scroll", VerticalScroll)
        scroll.display = True
        scroll.focus()
        try:
            self.request = self.service.assist_request(
                self.draft, self.template, self.section_id, event.option.id or ""
            )
        except AppraisalError as exc:
            self.stage = "error"
            self._show(exc.message, "未发送任何内容。按 Esc 关闭。")
            return
        config = self.service.settings.assist
        where = f"{config.base_url}（模型 {config.model}）" if config else ""
        self.stage = "confirm"
        self._show(
            f"将发送给 {where} 的内容如下，草稿的其他部分不会发送：\n\n{self.request.shown()}",
            "回车发送；Esc 取消，不发送任何内容。",
        )

    # ------------------------------------------------------------ sending

    def action_go_on(self) -> None:
        if self.stage == "confirm" and self.request is not None:
            self.stage = "sending"
            self._show("", "正在等待模型答复……按 Esc 取消。")
            self._send(self.request)
        elif self.stage == "proposal" and self.proposal is not None:
            self.dismiss(self.proposal.text)

    @work(thread=True, group="assist", exit_on_error=False)
    def _send(self, request: AssistRequest) -> None:
        """In a thread: the answer's pieces and the outcome go back as messages (never touching widgets). No
        failure here may end the app: an unexpected one is logged (the log never holds the key) and said in one
        sentence."""

        def piece(text: str) -> None:
            if self._cancelled:
                raise _Cancelled
            self.post_message(self.Piece(text))

        try:
            proposal = self.service.assist(self.draft, self.template, request, piece)
        except _Cancelled:
            return
        except AppraisalError as exc:
            self.post_message(self.Done(None, exc.message))
            return
        except Exception:
            log.exception("drafting help failed")
            self.post_message(self.Done(None, "写作助手出现意外错误，未取得答复，详情已记入日志。"))
            return
        self.post_message(self.Done(proposal, ""))

    @on(Piece)
    def _piece(self, event: Piece) -> None:
        if self.stage != "sending":
            return
        self.streamed += event.text
        self._show(self.streamed, "模型正在答复……按 Esc 取消。")
        self.query_one("#assist-scroll", VerticalScroll).scroll_end(animate=False)

    @on(Done)
    def _done(self, event: Done) -> None:
        if self.stage != "sending":
            return
        if event.proposal is None:
            self.stage = "error"
            self._show(event.error, "草稿未作改动。按 Esc 关闭。")
            return
        self.stage = "proposal"
        self.proposal = event.proposal
        self._show(proposal_text(event.proposal), "回车采用（替换本栏原文，Ctrl+Z 可撤销）；Esc 放弃，原文不变。")
        self.query_one("#assist-scroll", VerticalScroll).scroll_home(animate=False)

    def action_cancel(self) -> None:
        self._cancelled = True
        self.dismiss(None)


def proposal_text(proposal: AssistProposal) -> Text:
    """The proposal with its unverified facts highlighted, then the list of them and the checker's findings."""
    lines = proposal.text.split("\n")
    text = Text()
    for number, line in enumerate(lines, start=1):
        shown = Text(line)
        for fact in proposal.unverified:
            if fact.line == number:
                shown.stylize("bold reverse red", fact.column - 1, fact.end_column - 1)
        text.append_text(shown)
        text.append("\n")
    if proposal.unverified:
        text.append(
            f"\n未经核实 {len(proposal.unverified)} 处（原文和素材中都没有，请核对或删去）：\n", style="bold red"
        )
        for fact in proposal.unverified:
            text.append(f"  {fact.kind}：{fact.text}\n")
    else:
        text.append("\n建议中的数字、日期、单位、人名和提法都能在原文或素材中找到。\n", style="green")
    if proposal.findings:
        text.append(f"\n检查发现 {len(proposal.findings)} 处：\n", style="bold")
        for finding in proposal.findings:
            text.append(f"  {finding.severity.label} {finding.message}\n")
    diff = proposal.diff()
    if diff:
        text.append("\n与现文比较（- 现文，+ 建议）：\n", style="bold")
        for line in diff:
            text.append(
                line + "\n", style="red" if line.startswith("-") else "green" if line.startswith("+") else "dim"
            )
    return text

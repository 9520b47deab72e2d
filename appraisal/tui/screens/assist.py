"""Drafting help on the current section (Ctrl+T): choose a task, see exactly what will be sent, send it (the answer
streams in; Esc cancels), then read the proposal with every fact the user never gave highlighted as 未经核实, the
facts of the original it drops named first, and the checker's findings under it. Enter accepts it (Y when it drops
facts of the original, so a habitual Enter cannot lose them): the editor replaces the section's text (Ctrl+Z undoes
it, and it is saved as a new revision) and the unverified facts stay flagged; Esc leaves the text as it was. When
the section holds adopted facts not yet confirmed, one more task lists them: Enter on one confirms it. Without
`[assist]` in config.toml it only says how to configure it; nothing is ever sent before the user presses Enter on
what will be sent. The dialog leaves the editor's status line and key bar in view."""

from __future__ import annotations

import logging
from dataclasses import dataclass
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

from appraisal.draft import fact_label
from appraisal.errors import AppraisalError
from appraisal.tui.widgets.chinese_text import ChineseTextVisual
from appraisal.tui.widgets.plain import Plain, PlainLabel

if TYPE_CHECKING:
    from appraisal.assist import AssistRequest
    from appraisal.assist.proposal import AssistProposal
    from appraisal.draft import Draft
    from appraisal.service import Service
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


@dataclass(frozen=True)
class Accepted:
    """The user accepted this proposal for the section."""

    proposal: AssistProposal


@dataclass(frozen=True)
class Confirmed:
    """The user vouched for these adopted facts of the section."""

    texts: tuple[str, ...]


class AssistScreen(ModalScreen[Accepted | Confirmed | None]):
    """Returns what the user decided: a proposal accepted, facts confirmed, or None (cancelled, refused, failed,
    or not accepted)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "取消"),
        Binding("enter", "go_on", "继续", show=False),
        Binding("y,Y", "accept_anyway", "仍然采用", show=False),
    ]
    # `!important`: the app's stylesheet (`.dialog-screen`, `.dialog`) outranks a screen's DEFAULT_CSS. The
    # dialog's margin keeps the editor's status line (top row) and key bar (bottom row) in view (padding on the
    # screen would shift the editor drawn beneath it); the task list is as tall as it needs, and once there is text
    # to read the dialog takes every row between them.
    DEFAULT_CSS = """
    AssistScreen { align: center top !important; }
    AssistScreen .assist-dialog { width: 90; margin: 1 0 !important; max-height: 1fr !important; }
    AssistScreen .assist-dialog.tall { height: 1fr !important; }
    AssistScreen #assist-tasks { height: auto; margin: 1 0; }
    AssistScreen #assist-facts { height: 1fr; margin: 1 0; }
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
        self.stage = "task"  # task → confirm → sending → proposal, or error; task → verify
        self.pending = service.pending_facts(draft, section_id)
        self.confirmed: list[str] = []
        self.request: AssistRequest | None = None
        self.proposal: AssistProposal | None = None
        self.streamed = ""
        self._cancelled = False

    def compose(self) -> ComposeResult:
        title = self.template.section(self.section_id).title
        with Vertical(classes="dialog assist-dialog"):
            yield PlainLabel(f"写作助手 · {title}", classes="dialog-title")
            tasks = [Option(label, id=task) for task, label in TASKS]
            if self.pending:
                tasks.append(Option(f"核实：逐一确认写作助手加入的 {len(self.pending)} 处未经核实的内容", id="verify"))
            yield OptionList(*tasks, id="assist-tasks")
            yield OptionList(id="assist-facts")
            with VerticalScroll(id="assist-scroll"):
                yield Plain("", id="assist-body")
            yield Plain("选择要做的事，回车确定；Esc 关闭。", id="assist-status")

    def on_mount(self) -> None:
        self.query_one("#assist-scroll").display = False
        self.query_one("#assist-facts").display = False
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
        if event.option.id == "verify":
            self._verify()
            return
        self.query_one(".assist-dialog").add_class("tall")
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
        where = self.service.assist_destination()
        self.stage = "confirm"
        self._show(
            f"将发送给 {where}的内容如下，草稿的其他部分不会发送：\n\n{self.request.shown()}",
            "回车发送；Esc 取消，不发送任何内容。",
        )

    # ------------------------------------------------------------ sending

    def action_go_on(self) -> None:
        if self.stage == "confirm" and self.request is not None:
            self.stage = "sending"
            self._show("", "正在等待模型答复……按 Esc 取消。")
            self._send(self.request)
        elif self.stage == "proposal" and self.proposal is not None:
            if self.proposal.dropped:
                self.notify("这份建议删去了原文中的事实（见上）：确要采用请按 Y，放弃请按 Esc。", severity="warning")
                return
            self.dismiss(Accepted(self.proposal))

    def action_accept_anyway(self) -> None:
        if self.stage == "proposal" and self.proposal is not None:
            self.dismiss(Accepted(self.proposal))

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
        status = (
            f"建议删去了原文中的 {len(event.proposal.dropped)} 处事实（见上）。按 Y 仍然采用；Esc 放弃，原文不变。"
            if event.proposal.dropped
            else "回车采用（替换本栏原文，Ctrl+Z 可撤销）；Esc 放弃，原文不变。"
        )
        self._show(proposal_text(event.proposal), status)
        self.query_one("#assist-scroll", VerticalScroll).scroll_home(animate=False)

    def action_cancel(self) -> None:
        self._cancelled = True
        self.dismiss(Confirmed(tuple(self.confirmed)) if self.confirmed else None)

    # ------------------------------------------------------------ confirming adopted facts

    def _verify(self) -> None:
        self.stage = "verify"
        facts = self.query_one("#assist-facts", OptionList)
        text = self.draft.sections.get(self.section_id, "")
        for number, fact in enumerate(self.pending):
            facts.add_option(Option(_in_context(fact.kind, fact.text, text), id=str(number)))
        self.query_one(".assist-dialog").add_class("tall")
        facts.display = True
        facts.highlighted = 0
        facts.focus()
        self.query_one("#assist-status", Plain).update(
            "以下内容在原文和素材中都没有。核对无误的，移到该条按回车确认；Esc 结束。"
        )

    @on(OptionList.OptionSelected, "#assist-facts")
    def _fact_confirmed(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        fact = self.pending[int(event.option.id or 0)]
        self.confirmed.append(fact.text)
        facts = self.query_one("#assist-facts", OptionList)
        facts.remove_option(event.option.id or "")
        left = len(self.pending) - len(self.confirmed)
        if not left:
            self.dismiss(Confirmed(tuple(self.confirmed)))
            return
        self.query_one("#assist-status", Plain).update(
            f"已确认 {len(self.confirmed)} 处，还有 {left} 处；核对无误的按回车确认；Esc 结束。"
        )


def _word(char: str) -> bool:
    return (char.isascii() and char.isalnum()) or char in ".%"


def _in_context(kind: str, fact: str, text: str, around: int = 8) -> str:
    """`数字“35亿元”：…带动投资35亿元。2026年…`: the fact and the words around its first place in the text."""
    where = text.find(fact)
    if where < 0:
        return fact_label(kind, fact)
    start, end = max(0, where - around), min(len(text), where + len(fact) + around)
    while start > 0 and _word(text[start - 1]) and _word(text[start]):  # never half a number: 026年
        start -= 1
    while end < len(text) and _word(text[end - 1]) and _word(text[end]):
        end += 1
    before = ("…" if start else "") + text[start:where]
    after = text[where + len(fact) : end] + ("…" if end < len(text) else "")
    return f"{fact_label(kind, fact)}：{before}{fact}{after}".replace("\n", " ")


def proposal_text(proposal: AssistProposal) -> Text:
    """The proposal with its unverified facts highlighted, then the list of them and the checker's findings."""
    lines = proposal.text.split("\n")
    text = Text()
    if proposal.dropped:
        lost = "、".join(fact_label(u.kind, u.text) for u in proposal.dropped)
        text.append(f"注意：建议删去了原文中的 {len(proposal.dropped)} 处事实：{lost}。\n\n", style="bold red")
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

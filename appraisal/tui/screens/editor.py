"""The editor: section list on the left, the current section's text in the middle, guidance on the right.

Never losing text is the first duty here. The editor's text is copied into the draft on every change; the draft is
saved a short moment after typing stops, at least every `autosave_max` seconds while typing goes on, on every
section change and on quit. A failed save keeps everything in memory, says why once, and is retried.
Validation never blocks anything: the user can move to any section at any time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.text_area import Selection

from appraisal.app.session import EditSession
from appraisal.app.tui_settings import TuiSettings
from appraisal.app.ui_state import (
    Position,
    load_places,
    load_plan_ticks,
    load_position,
    save_plan_ticks,
    save_position,
)
from appraisal.draft import Draft
from appraisal.errors import AppraisalError
from appraisal.tui import palette
from appraisal.tui.jump_cue import jump_cue
from appraisal.tui.screens import editor_dialogs
from appraisal.tui.screens.editor_dialogs import READ_ONLY_MESSAGE
from appraisal.tui.screens.save_controller import SaveController, SaveHooks
from appraisal.tui.widgets.guidance import GuidancePanel
from appraisal.tui.widgets.key_bar import KeyBar
from appraisal.tui.widgets.material import MaterialPage, PlanChecklist, as_sentence
from appraisal.tui.widgets.plain import Plain
from appraisal.tui.widgets.section_editor import SectionEditor
from appraisal.tui.widgets.section_list import SectionList
from appraisal.tui.widgets.status_bar import SectionHeading, StatusBar

if TYPE_CHECKING:
    from appraisal.checks import Finding
    from appraisal.service import Service
    from appraisal.templates import Template

log = logging.getLogger(__name__)

NARROW_WIDTH = 100  # below this many columns the guidance panel is hidden unless asked for (F9, F4)
WIDE_WIDTH = 120  # from NARROW_WIDTH to this, the side panels are narrower ("medium"), to leave room for the text
UNMATCHED_MESSAGE = "本草稿有导入时未能归入栏目的文字，按 Ctrl+P 选“未归类内容…”可查看并移入栏目。"


LastYearLookup = Callable[[str, int | None, str, Path | None], Draft | None]


class IdleFindings(Message):
    """Posted by the worker that runs the dictionary rules once typing stops: their findings for each section it
    checked, with the text they were found in (a section typed in since then waits for the next run)."""

    def __init__(self, found: dict[str, tuple[str, list[Finding]]]) -> None:
        super().__init__()
        self.found = found


class LastYearFound(Message):
    """Posted by the worker that looks for last year's draft (workers never touch widgets themselves)."""

    def __init__(self, draft: Draft | None, lookup: int) -> None:
        super().__init__()
        self.draft = draft
        self.lookup = lookup  # which lookup this answers: the profile may have changed since it started


class EditorScreen(Screen[None]):
    """Edits one session. Tells the app it has been mounted (`Opened`), so that the work deferred past the first
    frame starts once that frame is on the terminal; owns its own dialogs; never imports the app."""

    class Opened(Message):
        """Posted once mounted: the app calls `after_first_frame` when the first frame has been drawn."""

        def __init__(self, editor: EditorScreen) -> None:
            super().__init__()
            self.editor = editor

    # Most important first: the key bar shows them in this order and, at 80 columns, only the first few.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f3", "edit_profile", "个人信息"),
        Binding("f5", "review", "审阅"),
        Binding("f6", "export", "导出"),
        Binding("f7", "history", "历史"),
        Binding("f9", "toggle_guidance", "指导"),
        Binding("f4", "show_findings", "问题"),
        Binding("f8", "external_editor", "外部编辑"),
        Binding("f2", "focus_sections", "栏目"),
        Binding("ctrl+s", "save", "保存"),
        # Section changes are priority bindings: the app acts on them before it passes on the keys typed after
        # them. Otherwise, while the app is busy, those keys reach the text area first and go into the old section.
        Binding("alt+down", "next_section", "下一栏", priority=True),
        Binding("alt+up", "previous_section", "上一栏", priority=True),
        Binding("ctrl+pagedown", "next_section", "下一栏", show=False, priority=True),
        Binding("ctrl+pageup", "previous_section", "上一栏", show=False, priority=True),
        Binding("ctrl+o", "close_draft", "其他草稿"),
        Binding("ctrl+g", "move_block", "移到其他栏目"),
        Binding("escape", "back_to_text", "回到正文", show=False),
        Binding("ctrl+n", "add_note", "记素材", show=False),
        Binding("ctrl+t", "assist", "写作助手", show=False),
    ]
    PALETTE: ClassVar[dict[str, tuple[str, str]]] = {
        "save": ("保存", "立即保存草稿"),
        "save_as": ("另存为…", "把草稿保存为另一个文件"),
        "next_section": ("下一栏", "转到下一个栏目"),
        "previous_section": ("上一栏", "转到上一个栏目"),
        "focus_sections": ("栏目列表", "把焦点移到左侧栏目列表"),
        "edit_profile": ("个人信息与标题", "修改姓名、单位、职务、考核年度和标题"),
        "review": ("审阅全文", "查看全文的检查结果并逐条定位"),
        "export": ("导出", "导出为 Word、纯文本、Markdown 或 HTML"),
        "history": ("历史版本", "查看、预览并恢复以前的版本"),
        "external_editor": ("用外部编辑器编辑本栏", "用 $EDITOR 编辑本栏，适合输入法出问题时"),
        "toggle_guidance": ("显示或隐藏写作指导", "切换右侧的指导面板"),
        "show_findings": ("本栏问题", "显示本栏的检查结果，回车跳到原文"),
        "close_draft": ("打开其他草稿", "保存并回到开始页"),
        "move_block": ("移到其他栏目…", "把光标所在段落（或选中的几段）移到另一个栏目的末尾"),
        "assist": ("写作助手", "请自行配置的模型润色、扩写、压缩本栏或据素材起草（先显示要发送的内容）"),
        "take_unmatched": ("未归类内容…", "查看导入时未能归入栏目的文字，移入本栏"),
        "add_note": ("记一条素材", "把一件事记入本栏的全年素材（素材页中回车插入到光标处）"),
    }

    def __init__(self, session: EditSession, settings: TuiSettings, service: Callable[[], Service]) -> None:
        super().__init__()
        self.session = session
        self.settings = settings
        self.service = service  # asked for once the first frame is drawn (loading the checker takes a while)
        self.saving = SaveController(
            session,
            settings,
            SaveHooks(
                sync=self._sync,
                check=lambda: self.check_section(self.current_id),
                saved_by_timer=self.remember_position,
                show_failure=self._show_save_failure,
                notify_failure=lambda sentence: self.notify(sentence, title="未能保存", severity="error", timeout=8),
                refresh=self.refresh_status,
                set_timer=self.set_timer,
            ),
        )
        self.findings: dict[str, list[Finding]] = {}
        self._fast: dict[str, list[Finding]] = {}  # the fast rules' findings, checked on the UI thread
        self._idle: dict[str, tuple[str, list[Finding]]] = {}  # the dictionary rules': (the text checked, findings)
        self.current_id = session.template.text_section_ids()[0]
        self.last_year: Draft | None = None  # looked up in a worker after the first frame
        self.started = False  # True once the work deferred past the first frame is done (findings, tabs, last year)
        self._last_year_known = False
        self._lookups = 0
        self._session_closed = False
        self._last_synced: str | None = None
        self._told_read_only = -1e9

    # ------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        # Kept as an attribute, not queried: on_unmount must still reach the text after the widgets are gone.
        self._editor = SectionEditor(id="editor", cursor_blink=self.settings.cursor_blink)
        yield StatusBar(id="status")
        yield Plain("", id="save-error")
        with Horizontal(id="editor-main"):
            yield SectionList(self.session.template, id="sections")
            with Vertical(id="editor-column"):
                yield SectionHeading(id="section-heading")
                yield self._editor
            yield GuidancePanel(id="guidance")
        yield KeyBar()

    @property
    def editor(self) -> SectionEditor:
        return self._editor

    @property
    def section_list(self) -> SectionList:
        return self.query_one("#sections", SectionList)

    @property
    def guidance(self) -> GuidancePanel:
        return self.query_one("#guidance", GuidancePanel)

    def on_mount(self) -> None:
        """The first frame shows the text as soon as possible: the section list with its lengths, and the
        section where the user left off. The checker's findings, the guidance tabs and last year's draft follow
        right after it is drawn."""
        self._set_width_classes(self.app.size.width)
        self.section_list.build(self.session.draft, self.findings)
        position = load_position(self.session.path)
        self.editor.places.update(load_places(self.session.path))
        ids = self.session.template.text_section_ids()
        if position is not None and position.section in ids:
            self.go_to(position.section, (position.row, position.column), save=False)
        else:
            self.go_to(ids[0], save=False)
        if self.session.draft.unmatched.strip():
            self.notify(UNMATCHED_MESSAGE, timeout=8)
        self.post_message(self.Opened(self))

    async def after_first_frame(self) -> None:
        if self._session_closed:
            return
        self._look_up_last_year()  # reads files in its thread meanwhile
        self._show_notes(self.current_id)
        with self.app.batch_update():  # one frame for all of it
            self.recheck_all()
            await self.guidance.build()
        self.started = self._last_year_known

    def _look_up_last_year(self) -> None:
        """Reading every draft in the data dir is done in a worker thread, given plain values, not the draft."""
        draft = self.session.draft
        self._lookups += 1
        find = self.service().last_year_draft  # the service is loaded here, in the UI thread, not in the worker
        self._find_last_year(
            find, draft.template, draft.profile.year, draft.profile.name, self.session.path, self._lookups
        )

    @work(thread=True, group="last-year")
    def _find_last_year(
        self, find: LastYearLookup, template: str, year: int | None, name: str, path: Path, lookup: int
    ) -> None:
        self.post_message(LastYearFound(find(template, year, name, path), lookup))

    @on(LastYearFound)
    def _last_year_found(self, event: LastYearFound) -> None:
        if event.lookup != self._lookups or self._session_closed or not self.is_attached:
            return  # an older lookup, for the profile as it was; or the editor is closing
        self.last_year = event.draft
        self._last_year_known = True
        self._show_last_year(self.current_id)
        plans = self.service().last_year_plans(event.draft, self.session.template)
        self.guidance.show_material(plans=plans, ticked=load_plan_ticks(self.session.path))
        if event.draft is not None:
            self.recheck_all()  # copied-from-last-year can now compare
        self.started = self.guidance.built

    def _show_last_year(self, section_id: str) -> None:
        if self.last_year is None:
            self.guidance.show_last_year(None, None)
        else:
            self.guidance.show_last_year(self.last_year.sections.get(section_id, ""), self.last_year.profile.year)

    def _show_notes(self, section_id: str) -> None:
        """This section's notes on the 素材 page; a notes file that cannot be read is said there, not raised."""
        try:
            self.guidance.show_material(self.service().section_notes(self.session.draft, section_id))
        except AppraisalError as exc:
            self.guidance.show_material([], exc.message)

    @on(PlanChecklist.Ticked)
    def _plans_ticked(self, event: PlanChecklist.Ticked) -> None:
        """The ticks are kept with the draft's place (ui_state), not in the draft: ticking is not an edit."""
        event.stop()
        save_plan_ticks(self.session.path, event.ticked)

    @on(MaterialPage.InsertNote)
    def _insert_note(self, event: MaterialPage.InsertNote) -> None:
        """A note chosen on the 素材 page goes in at the cursor, as if typed (saved and checked the same way)."""
        event.stop()
        if self.session.read_only:
            self.notify(READ_ONLY_MESSAGE, severity="warning", timeout=5)
            return
        row, column = self.editor.selection.start
        self.editor.insert(as_sentence(event.text, self.editor.document.get_line(row)[:column]))
        self.editor.focus()

    def action_assist(self) -> None:
        """Drafting help on this section; an accepted proposal replaces its text as one edit (Ctrl+Z undoes it)
        and is saved at once, as a new revision."""
        from appraisal.tui.screens.assist import Accepted, AssistScreen, Confirmed

        if self.session.read_only:
            self.notify(READ_ONLY_MESSAGE, severity="warning", timeout=5)
            return
        self._sync()
        section_id = self.current_id

        def decided(outcome: Accepted | Confirmed | None) -> None:
            if outcome is None or section_id != self.current_id:
                return
            if isinstance(outcome, Accepted):
                self.editor.replace(outcome.proposal.text, (0, 0), self.editor.document.end)
                self.editor.focus()
                self._sync()
                self.service().adopt_proposal(self.session.draft, outcome.proposal)
            else:
                self.service().confirm_facts(self.session.draft, section_id, outcome.texts)
                self.notify(f"已确认 {len(outcome.texts)} 处内容无误，不再提示。", timeout=3)
            self.session.mark_changed()
            self.save_now()
            self.check_section(section_id)

        screen = AssistScreen(self.service(), self.session.draft, self.session.template, section_id)
        self.app.push_screen(screen, decided)

    def action_add_note(self) -> None:
        editor_dialogs.add_note(self)

    def on_resize(self, event: Resize) -> None:
        self._set_width_classes(event.size.width)

    def _set_width_classes(self, width: int) -> None:
        self.set_class(width < NARROW_WIDTH, "narrow")
        self.set_class(NARROW_WIDTH <= width < WIDE_WIDTH, "medium")

    # ------------------------------------------------------------ moving between sections

    def go_to(self, section_id: str, location: tuple[int, int] | None = None, *, save: bool = True) -> None:
        """Show another section. Saves first; never refuses, whatever state the current section is in."""
        self._sync()
        if save:
            self.save_now()
        if self.saving.take_check():  # the section being left gets its pending check now, not never
            self.check_section(self.current_id)
        template = self.session.template
        self.current_id = section_id
        self._show_in_editor(section_id)
        if location is not None:
            self._place_cursor(location)
        placed = template.placed(section_id)
        section = placed.section
        limits = f"{section.min_chars}–{section.max_chars}" if section.max_chars else f"≥{section.min_chars}"
        self.query_one("#section-heading", SectionHeading).show(
            parent=placed.parent.title if placed.parent is not None else None,
            title=section.title,
            required=section.required,
            limits=limits,
        )
        self.guidance.show_guidance(template.guidance(section_id))
        self._show_findings_here()
        if self._last_year_known:  # until last year's draft has been looked up, the tab says it is looking
            self._show_last_year(section_id)
        if self.guidance.built:  # before that, after_first_frame shows them (the service is not loaded yet)
            self._show_notes(section_id)
        self.section_list.select_section(section_id)
        self.editor.focus()
        self.refresh_status()
        if save:
            self.remember_position()  # so even a killed session reopens on this section

    def _show_in_editor(self, section_id: str) -> None:
        text = self.session.text(section_id)
        self._last_synced = text
        self.editor.show_section(section_id, text, read_only=self.session.read_only)

    def _place_cursor(self, location: tuple[int, int], end_column: int | None = None) -> None:
        document = self.editor.document
        row = max(0, min(location[0], document.line_count - 1))
        line = document.get_line(row)
        column = max(0, min(location[1], len(line)))
        if end_column is not None and end_column > column:
            self.editor.selection = Selection((row, column), (row, min(end_column, len(line))))
        else:
            self.editor.move_cursor((row, column))
        self.editor.scroll_cursor_visible(center=True)

    def jump_to_finding(self, finding: Finding) -> None:
        """Show the finding's section with the cursor on it (line and column are 1-based, in code points).
        A finding about the title or the profile (no section) opens the 个人信息 dialog instead; one saying that
        a check could not run has nowhere to go and is shown again."""
        from appraisal.checks import CHECK_FAILED, RULES

        section_id = finding.section
        if finding.rule == CHECK_FAILED:
            self.notify(finding.message, severity="error", timeout=8)
            return
        if section_id is None:
            self.action_edit_profile()
            return
        if section_id not in self.session.template.text_section_ids():
            return
        if section_id != self.current_id:
            self.go_to(section_id)
        # A finding that marks where something is to be written (the unit whose number is missing): the cursor goes
        # in front of the marked text, selecting nothing, so typing the number does not replace the unit.
        rule = RULES.get(finding.rule)
        gap = rule is not None and rule.marks_gap
        end_column = None if gap else finding.end_column - 1
        self._place_cursor((finding.line - 1, finding.column - 1), end_column=end_column)
        self.editor.focus()
        row = self.editor.cursor_location[0]
        cue = jump_cue(self.editor.document.get_line(row), finding.column - 1, finding.end_column - 1, gap=gap)
        if cue is not None:
            self.notify(cue, timeout=5)

    def _neighbour(self, step: int) -> str:
        ids = self.session.template.text_section_ids()
        index = ids.index(self.current_id) + step
        return ids[max(0, min(index, len(ids) - 1))]

    def action_next_section(self) -> None:
        self._after_typed_keys(1)

    def action_previous_section(self) -> None:
        self._after_typed_keys(-1)

    def _after_typed_keys(self, step: int) -> None:
        """Change section once the keys typed before the change are in the text. The binding is a priority one,
        so the app acts on it before passing on the keys typed after it; but keys typed before it may still be
        waiting in the text area's queue. The change is queued behind them there: each key lands in its own
        section, whatever the app was busy with."""
        self.editor.call_later(lambda: self.go_to(self._neighbour(step)))

    def typing_target(self) -> Widget | None:
        """Keys typed in the section list, the tabs, the findings or the 素材 lists go into the text (typing_target):
        a writer who pressed F4 and typed on would otherwise lose every 字."""
        return None if self.focused is self.editor or self._session_closed else self.editor

    def action_back_to_text(self) -> None:
        """Esc, from the section list, the tabs or the findings: back to typing (dialogs have their own Esc)."""
        self.editor.focus()

    def action_focus_sections(self) -> None:
        self.section_list.focus()

    @on(OptionList.OptionSelected, "#sections")
    def _section_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id
        if option_id and not option_id.startswith("group:") and option_id != self.current_id:
            self.go_to(option_id)
        else:
            self.editor.focus()

    @on(OptionList.OptionSelected, "#findings-list")
    def _finding_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        if 0 <= index < len(self.guidance.findings):
            self.jump_to_finding(self.guidance.findings[index])

    # ------------------------------------------------------------ typing, checking, saving

    def _sync(self) -> bool:
        """Copy the editor's text into the draft under the section the editor holds."""
        if self._session_closed or self.editor.section_id is None:
            return False
        text = self.editor.text
        if text == self._last_synced:
            return False  # the editor has not changed: never overwrite newer text (fixes, a restore) with it
        self._last_synced = text
        return self.session.set_text(self.editor.section_id, text)

    @on(SectionEditor.ReadOnlyKey)
    def _typed_while_read_only(self, event: SectionEditor.ReadOnlyKey) -> None:
        """Keys do nothing in a read-only draft: say why, once in a while rather than once per key."""
        event.stop()
        now = self.settings.monotonic()
        if now - self._told_read_only > 10:
            self._told_read_only = now
            self.notify(READ_ONLY_MESSAGE, severity="warning", timeout=5)

    @on(TextArea.Changed, "#editor")
    def _text_changed(self, event: TextArea.Changed) -> None:
        """Runs on every key, so it does as little as possible: note the time and make sure one save timer
        and one check timer are pending. Counts and findings are redrawn when typing pauses."""
        was_dirty = self.session.dirty
        if not self._sync():
            return
        self.saving.changed()
        if not was_dirty:
            self.refresh_status()  # "未保存" shows at the first key

    def run_due(self) -> None:
        """Check and save if the autosaver says it is time (tests call it after moving their fake clock)."""
        self.saving.run_due()

    def save_now(self) -> bool:
        """Save if anything changed (SaveController: on failure the text stays here and one sentence says why)."""
        return self.saving.save_now()

    def _show_save_failure(self, sentence: str | None) -> None:
        """The save error line under the status bar: the failure's sentence, or nothing once a save succeeds."""
        self.set_class(sentence is not None, "save-failed")
        self.query_one("#save-error", Static).update(Text(sentence or ""))

    def _check_all(self) -> dict[str, list[Finding]]:
        """The whole draft's findings by section (the user's disabled rules left out by the service). A check
        that could not run is listed in every section, as `check_section` lists it in the one it checks."""
        from appraisal.checks import CHECK_FAILED
        from appraisal.service import TYPING

        found = self.service().check_draft(self.session.draft, self.session.template, self.last_year, TYPING)
        failed = [f for f in found if f.rule == CHECK_FAILED]
        by_section: dict[str, list[Finding]] = {sid: list(failed) for sid in self.session.template.text_section_ids()}
        for finding in found:
            if finding.rule != CHECK_FAILED:
                by_section.setdefault(finding.section or "", []).append(finding)
        return by_section

    def check_section(self, section_id: str) -> None:
        """The fast rules now, on the UI thread; the dictionary rules in a worker, merged when they are done."""
        from appraisal.service import TYPING

        self._fast[section_id] = self.service().check_section(
            self.session.draft, self.session.template, section_id, self.last_year, TYPING
        )
        self._show_section_findings(section_id)
        self._check_when_idle([section_id])

    def recheck_all(self) -> None:
        self._fast = self._check_all()
        for section_id in self.session.template.text_section_ids():
            self._merge(section_id)
            self._update_list_entry(section_id)
        self._show_findings_here()
        self._check_when_idle(self.session.template.text_section_ids())

    def _merge(self, section_id: str) -> None:
        """The section's findings: the fast rules' and, if its text has not changed since, the dictionary rules'."""
        fast = self._fast.get(section_id, [])
        checked, idle = self._idle.get(section_id, ("", []))
        if idle and checked == self.session.text(section_id):
            fast = sorted([*fast, *idle], key=lambda f: (f.line, f.column, f.end_column))
        self.findings[section_id] = fast  # in place: the section list keeps a reference to the dict

    def _show_section_findings(self, section_id: str) -> None:
        self._merge(section_id)
        self._update_list_entry(section_id)
        if section_id == self.current_id:
            self._show_findings_here()

    def _check_when_idle(self, section_ids: list[str]) -> None:
        """Run the dictionary rules (≤ 100 ms for 3,000 字, the dictionary loaded on first use) off the UI thread,
        on a copy of the draft taken now."""
        draft = self.session.draft.model_copy(deep=True)
        self._run_idle_rules(self.service(), draft, self.session.template, tuple(section_ids))

    @work(thread=True, exclusive=True, group="idle-check")
    def _run_idle_rules(self, service: Service, draft: Draft, template: Template, section_ids: tuple[str, ...]) -> None:
        from appraisal.service import WHEN_IDLE

        found = {
            sid: (draft.sections.get(sid, ""), service.check_section(draft, template, sid, None, WHEN_IDLE))
            for sid in section_ids
        }
        self.post_message(IdleFindings(found))

    @on(IdleFindings)
    def _idle_found(self, event: IdleFindings) -> None:
        if self._session_closed or not self.is_attached:
            return
        self._idle.update(event.found)
        for section_id in event.found:
            self._show_section_findings(section_id)

    def _show_findings_here(self) -> None:
        """The current section's findings: listed in the panel, counted in the heading above the text."""
        found = self.findings.get(self.current_id, [])
        self.guidance.show_findings(found)
        self.query_one("#section-heading", SectionHeading).show_findings(len(found))

    def _update_list_entry(self, section_id: str) -> None:
        self.section_list.update_section(section_id, self.session.text(section_id), self.findings.get(section_id, []))

    def refresh_status(self) -> None:
        session = self.session
        self.query_one("#status", StatusBar).show(
            draft_name=f"{session.draft.profile.name or '（未署名）'}·{session.draft.title}",
            total=session.draft.total_chars(),
            limit=session.template.max_chars,
            save_label=session.save_label(),
        )
        # The current section's count changes on every key: cheap to redraw only that entry.
        self._update_list_entry(self.current_id)

    def action_save(self) -> None:
        editor_dialogs.save(self)

    def offer_conflict_choices(self) -> None:
        editor_dialogs.offer_conflict_choices(self)

    def save_here(self) -> None:
        editor_dialogs.save_here(self)

    def action_save_as(self) -> None:
        editor_dialogs.save_as(self)

    # ------------------------------------------------------------ other screens

    def reload_from_session(self) -> None:
        """After fixes or a restore: show the draft's text again and check everything."""
        row, column = self.editor.cursor_location
        self._show_in_editor(self.current_id)
        self._place_cursor((row, column))
        self.recheck_all()
        self.refresh_status()

    def action_review(self) -> None:
        editor_dialogs.review(self)

    def action_export(self) -> None:
        editor_dialogs.export(self)

    def action_history(self) -> None:
        editor_dialogs.history(self)

    def action_edit_profile(self) -> None:
        editor_dialogs.edit_profile(self)

    def action_toggle_guidance(self) -> None:
        if self.has_class("narrow"):
            self.toggle_class("show-guidance")
        else:
            self.toggle_class("hide-guidance")
        hidden = self.has_class("hide-guidance") or (self.has_class("narrow") and not self.has_class("show-guidance"))
        if hidden and self.focused is not None and self.guidance in self.focused.ancestors:
            self.editor.focus()  # the focus hidden with the panel would leave the arrows nowhere to go
        elif not hidden:
            self.guidance.reopen()

    def action_show_findings(self) -> None:
        """The section's findings in one key, also at 80 columns where the panel is hidden: Enter on one goes
        to it in the text."""
        if self.has_class("narrow"):
            self.add_class("show-guidance")
        else:
            self.remove_class("hide-guidance")
        self.guidance.open_tab("findings")

    def action_external_editor(self) -> None:
        editor_dialogs.external_editor(self)

    def action_move_block(self) -> None:
        editor_dialogs.move_block(self)

    def action_take_unmatched(self) -> None:
        editor_dialogs.take_unmatched(self)

    def _move_lines(self, source: str, start: int, end: int, target: str) -> None:
        editor_dialogs.move_lines(self, source, start, end, target)

    def action_close_draft(self) -> None:
        """Back to the start screen, to open another draft."""

        def leave() -> None:
            self.dismiss(None)

        if self.finish():
            self.close_session()
            leave()
        else:
            self.ask_about_unsaved(then=leave)

    def ask_about_unsaved(self, then: Callable[[], None]) -> None:
        editor_dialogs.ask_about_unsaved(self, then)

    # ------------------------------------------------------------ leaving

    def remember_position(self) -> None:
        row, column = self.editor.cursor_location
        save_position(self.session.path, Position(self.current_id, row, column), self.editor.places)

    def finish(self) -> bool:
        """Save and remember where the user was. False when the text could not be saved."""
        if self._session_closed:
            return True
        ok = self.save_now()
        self.saving.stop()
        self.remember_position()
        return ok

    def close_session(self) -> None:
        if not self._session_closed:
            self.saving.stop()
            self.saving.closed = True
            self._session_closed = True
            self.session.close()

    def rescue(self) -> tuple[EditSession, Path | None]:
        """The app is ending on an error: take the editor's text if the widget can still give it, save it or
        write a recovery copy, and release the lock. The session and where its text is now."""
        try:
            self._sync()
        except Exception:  # a broken widget must not stop the rescue of the draft: what was synced is saved
            log.exception("the editor's text could not be read while rescuing the draft")
        where = self.session.rescue()
        self.close_session()
        return self.session, where

    def on_unmount(self) -> None:
        # Last chance (the app is closing for another reason): save what we can, release the lock.
        if not self._session_closed:
            self._sync()
            self.session.save()
            self.close_session()

    def commands(self) -> Iterator[SystemCommand]:
        """The palette's commands: the table's, with the keys from BINDINGS, and one per section."""
        yield from palette.commands(self, self.PALETTE)
        for section in self.session.template.text_sections():
            yield SystemCommand(f"转到：{section.title}", "跳到这个栏目", partial(self.go_to, section.id))

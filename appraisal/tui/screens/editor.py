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

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.events import Resize
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList, TextArea

from appraisal.app.session import EditSession
from appraisal.app.tui_settings import TuiSettings
from appraisal.app.ui_state import Position, load_places, load_position, save_plan_ticks, save_position
from appraisal.tui import palette
from appraisal.tui.background import EXPORT_BUSY, LongJob
from appraisal.tui.screens import editor_dialogs, editor_keys
from appraisal.tui.screens import editor_navigation as navigation
from appraisal.tui.screens import editor_status as status
from appraisal.tui.screens.editor_findings import EditorFindings, IdleFindings, WholeFindings
from appraisal.tui.screens.editor_side import LastYear, LastYearFound, insert_note, show_notes
from appraisal.tui.screens.save_controller import SaveController, SaveHooks
from appraisal.tui.widgets.guidance import GuidancePanel
from appraisal.tui.widgets.key_bar import KeyBar
from appraisal.tui.widgets.material import MaterialPage, PlanChecklist
from appraisal.tui.widgets.plain import Plain
from appraisal.tui.widgets.section_editor import SectionEditor
from appraisal.tui.widgets.section_list import SectionList
from appraisal.tui.widgets.status_bar import SectionHeading, StatusBar

if TYPE_CHECKING:
    from appraisal.checks import Finding
    from appraisal.draft import Draft
    from appraisal.service import ExportResult, Service
    from appraisal.tui.screens.export import ExportFailure


NARROW_WIDTH = 100  # below this many columns the guidance panel is hidden unless asked for (F9, F4)
WIDE_WIDTH = 120  # from NARROW_WIDTH to this, the side panels are narrower ("medium"), to leave room for the text
UNMATCHED_MESSAGE = "本草稿有导入时未能归入栏目的文字，按 Ctrl+P 选“未归类内容…”可查看并移入栏目。"


log = logging.getLogger(__name__)


class EditorScreen(Screen[None]):
    """Edits one session. Tells the app it has been mounted (`Opened`), so that the work deferred past the first
    frame starts once that frame is on the terminal; owns its own dialogs; never imports the app."""

    class Opened(Message):
        """Posted once mounted: the app calls `after_first_frame` when the first frame has been drawn."""

        def __init__(self, editor: EditorScreen) -> None:
            super().__init__()
            self.editor = editor

    # The text has the focus from the first frame: focusing the section list first (Textual's default, the first
    # focusable widget) and then the text restyled the screen twice before it was first drawn.
    AUTO_FOCUS = "#editor"

    BINDINGS: ClassVar[list[BindingType]] = editor_keys.BINDINGS
    PALETTE: ClassVar[dict[str, tuple[str, str]]] = editor_keys.PALETTE

    def __init__(self, session: EditSession, settings: TuiSettings, service: Callable[[], Service]) -> None:
        super().__init__()
        self.session = session
        self.settings = settings
        self.service = service  # asked for once the first frame is drawn (loading the checker takes a while)
        self.saving = SaveController(
            session,
            settings,
            SaveHooks(
                sync=self.sync,
                check=lambda: self.check_section(self.current_id),
                remember_position=self.remember_position,
                show_failure=partial(status.show_save_failure, self),
                notify_failure=lambda sentence: self.notify(sentence, title="未能保存", severity="error", timeout=8),
                refresh=self.refresh_status,
                set_timer=self.set_timer,
            ),
        )
        self.checks = EditorFindings(self)
        self.last_year_lookup = LastYear(self)  # looked up in a worker after the first frame
        self.exporting: LongJob[ExportResult] = LongJob(self, "export", EXPORT_BUSY)  # files written in a worker
        self.export_failure: ExportFailure | None = None  # F6 reopens on its folder, saying why
        self.current_id = session.template.text_section_ids()[0]
        self.last_synced: str | None = None  # the text last copied into the draft
        self._told_read_only = -1e9

    # ------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        # The width classes before the widgets: set in on_mount, at 80 or 100–119 columns they restyled every widget
        # once more before the first frame.
        self._set_width_classes(self.app.size.width)
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

    @property
    def started(self) -> bool:
        """The work deferred past the first frame is done: the tabs built, last year's draft looked up, the whole
        draft checked (and so again after a profile change). False until the screen is mounted (asked before it was
        composed, it raised NoMatches: benchmarks/run.py's key-press row ended the app so)."""
        lookup = self.last_year_lookup
        return (
            self.is_mounted
            and self.guidance.built
            and lookup.known
            and not lookup.lookups.pending
            and not self.checks.whole.pending
        )

    @property
    def findings(self) -> dict[str, list[Finding]]:
        """Each section's findings (EditorFindings keeps them)."""
        return self.checks.by_section

    @property
    def live(self) -> bool:
        """Still editing: not closing (the save controller has not closed the session) and still on the app. A
        worker's answer that comes later is dropped."""
        return not self.saving.closed and self.is_attached

    @property
    def last_year(self) -> Draft | None:
        """Last year's draft, once looked up (None until then, or when there is none)."""
        return self.last_year_lookup.draft

    def on_mount(self) -> None:
        """The first frame shows the text as soon as possible: the section list with its lengths, and the
        section where the user left off. The checker's findings, the guidance tabs and last year's draft follow
        right after it is drawn. The app may be closing meanwhile (a test's Pilot leaving at once, Ctrl+Q in the
        first instant): the widgets are gone then, and there is nothing to show. Caught, not avoided by an early
        return: the text area (held, not queried) has the writer's section and cursor by then, and closing saves
        that place; returning early saved the first section's start instead."""
        try:
            self._show_first()
        except NoMatches:
            if self.is_attached and self.app.is_running:
                raise
            log.info("the app closed while the editor was opening")

    def _show_first(self) -> None:
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
        if self.saving.closed:
            return
        self.last_year_lookup.look_up()  # reads files in its thread; the whole draft is checked once it answers
        show_notes(self, self.current_id)
        with self.app.batch_update():  # one frame for all of it
            await self.guidance.build()
        from appraisal.tui.screens import recovery_offer, unconfirmed

        # A recovery copy written when the draft could not be saved, then words typed in a dialog when the window
        # last closed: each offered back, one question after the other.
        recovery_offer.offer(self, then=lambda: unconfirmed.offer(self))

    @on(LastYearFound)
    def _last_year_found(self, event: LastYearFound) -> None:
        if self.live:
            self.last_year_lookup.found(event)

    @on(PlanChecklist.Ticked)
    def _plans_ticked(self, event: PlanChecklist.Ticked) -> None:
        """The ticks are kept with the draft's place (ui_state), not in the draft: ticking is not an edit."""
        event.stop()
        save_plan_ticks(self.session.path, event.ticked)

    @on(MaterialPage.InsertNote)
    def _insert_note(self, event: MaterialPage.InsertNote) -> None:
        event.stop()
        insert_note(self, event.text)

    def action_assist(self) -> None:
        editor_dialogs.assist(self)

    def action_add_note(self) -> None:
        editor_dialogs.add_note(self)

    def on_resize(self, event: Resize) -> None:
        self._set_width_classes(event.size.width)

    def _set_width_classes(self, width: int) -> None:
        self.set_class(width < NARROW_WIDTH, "narrow")
        self.set_class(NARROW_WIDTH <= width < WIDE_WIDTH, "medium")

    # ------------------------------------------------------------ moving between sections

    def go_to(self, section_id: str, location: tuple[int, int] | None = None, *, save: bool = True) -> None:
        navigation.go_to(self, section_id, location, save=save)

    def jump_to_finding(self, finding: Finding) -> None:
        navigation.jump_to_finding(self, finding)

    def action_next_section(self) -> None:
        navigation.after_typed_keys(self, 1)

    def action_previous_section(self) -> None:
        navigation.after_typed_keys(self, -1)

    def typing_target(self) -> Widget | None:
        """Keys typed in the section list, the tabs, the findings or the 素材 lists go into the text (typing_target):
        a writer who pressed F4 and typed on would otherwise lose every 字."""
        return None if self.focused is self.editor or self.saving.closed else self.editor

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

    def sync(self) -> bool:
        """Copy the editor's text into the draft under the section the editor holds."""
        if self.saving.closed or self.editor.section_id is None:
            return False
        text = self.editor.text
        if text == self.last_synced:
            return False  # the editor has not changed: never overwrite newer text (fixes, a restore) with it
        self.last_synced = text
        return self.session.set_text(self.editor.section_id, text)

    @on(SectionEditor.ReadOnlyKey)
    def _typed_while_read_only(self, event: SectionEditor.ReadOnlyKey) -> None:
        """Keys do nothing in a read-only draft: say why, once in a while rather than once per key."""
        event.stop()
        now = self.settings.monotonic()
        if now - self._told_read_only > 10:
            self._told_read_only = now
            self.notify(status.read_only_message(self.session.path), severity="warning", timeout=5)

    @on(TextArea.Changed, "#editor")
    def _text_changed(self, event: TextArea.Changed) -> None:
        """Runs on every key, so it does as little as possible: note the time and make sure one save timer
        and one check timer are pending. Counts and findings are redrawn when typing pauses."""
        was_dirty = self.session.dirty
        if not self.sync():
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

    def check_section(self, section_id: str) -> None:
        self.checks.check_section(section_id)

    def recheck_all(self) -> None:
        self.checks.recheck_all()

    @on(IdleFindings)
    def _idle_found(self, event: IdleFindings) -> None:
        if self.live:
            self.checks.idle_found(event.found)

    @on(WholeFindings)
    def _whole_found(self, event: WholeFindings) -> None:
        if self.live:
            self.checks.whole_found(event)

    def refresh_status(self) -> None:
        status.refresh_status(self)

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
        navigation.show_in_editor(self, self.current_id)
        navigation.place_cursor(self, (row, column))
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

    def action_find(self) -> None:
        editor_dialogs.find(self)

    def action_take_unmatched(self) -> None:
        editor_dialogs.take_unmatched(self)

    def action_close_draft(self) -> None:
        """Back to the start screen, to open another draft."""

        def leave() -> None:
            self.dismiss(None)

        if self.exporting.refuse_if_running():  # the files are being written: their result is told in this screen
            return
        if self.finish():
            self.close_session()
            leave()
        else:
            self.ask_about_unsaved(then=leave)

    def ask_about_unsaved(self, then: Callable[[], None]) -> None:
        editor_dialogs.ask_about_unsaved(self, then)

    # ------------------------------------------------------------ leaving (SaveController does the work)

    def remember_position(self) -> None:
        if self.session.read_only:  # a second window's view: the writer's place (one per draft) is the writer's
            return
        row, column = self.editor.cursor_location
        save_position(self.session.path, Position(self.current_id, row, column), self.editor.places)

    def finish(self) -> bool:
        """Save and remember where the user was. False when the text could not be saved."""
        return self.saving.finish()

    def close_session(self) -> None:
        self.saving.close()

    def rescue(self) -> tuple[EditSession, Path | None]:
        """The app is ending on an error: save the text or write a recovery copy. The session and where its text
        is now."""
        return self.session, self.saving.rescue()

    def on_unmount(self) -> None:
        self.saving.last_chance()

    def commands(self) -> Iterator[SystemCommand]:
        """The palette's commands: the table's, with the keys from BINDINGS, and one per section."""
        yield from palette.commands(self, self.PALETTE)
        for section in self.session.template.text_sections():
            yield SystemCommand(f"转到：{section.title}", "跳到这个栏目", partial(self.go_to, section.id))

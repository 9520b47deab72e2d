"""What the editor's side panel shows beside the text besides guidance and findings: last year's draft (the 去年
tab, and last year's plans on the 素材 page) and this section's notes (素材, which Enter inserts at the cursor).

Last year's draft is looked up in a worker thread after the first frame (it reads every draft in the data
folder), given plain values, never the draft; the answer comes back as a message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from appraisal.app.ui_state import load_plan_ticks
from appraisal.draft import Draft
from appraisal.errors import AppraisalError
from appraisal.tui.background import Runs
from appraisal.tui.screens.editor_status import READ_ONLY_MESSAGE
from appraisal.tui.widgets.material import as_sentence, runs_on

if TYPE_CHECKING:
    from appraisal.tui.screens.editor import EditorScreen

log = logging.getLogger(__name__)

NOTE_RUNS_ON = "素材已插入在光标处。光标前的句子没有结束，原文未作改动，请检查衔接处（如需句号请自行补上）。"

LastYearLookup = Callable[[str, int | None, str, Path | None], Draft | None]


class LastYearFound(Message):
    """Posted by the worker that looks for last year's draft (workers never touch widgets themselves)."""

    def __init__(self, draft: Draft | None, lookup: int) -> None:
        super().__init__()
        self.draft = draft
        self.lookup = lookup  # which lookup this answers: the profile may have changed since it started


class LastYear:
    """Last year's draft for one editor screen: looked up (again after the profile changed), then shown; each
    answer has the whole draft checked, once, with it (the opening check and the profile's wait for it)."""

    def __init__(self, editor: EditorScreen) -> None:
        self.editor = editor
        self.draft: Draft | None = None
        self.known = False  # until it has been looked up, the 去年 tab says it is looking
        self.lookups = Runs()  # a newer lookup (after the profile changed) makes the answers of older ones stale

    def look_up(self) -> None:
        """Start a lookup in a worker thread; the service is loaded here, in the UI thread, not in the worker."""
        editor = self.editor
        draft = editor.session.draft
        find: LastYearLookup = editor.service().last_year_draft
        template, year, name, path, lookup = (
            draft.template,
            draft.profile.year,
            draft.profile.name,
            editor.session.path,
            self.lookups.start(),
        )

        def find_in_thread() -> None:
            try:
                found = find(template, year, name, path)
            except Exception:  # looking is a help, never a reason to stop: as if there were none
                log.exception("looking for last year's draft failed")
                found = None
            editor.post_message(LastYearFound(found, lookup))

        editor.run_worker(find_in_thread, thread=True, group="last-year")

    def found(self, event: LastYearFound) -> None:
        editor = self.editor
        if not self.lookups.take(event.lookup, newest_only=True):
            return  # an older lookup, for the profile as it was
        self.draft = event.draft
        self.known = True
        self.show(editor.current_id)
        plans = editor.service().last_year_plans(event.draft, editor.session.template)
        editor.guidance.show_material(plans=plans, ticked=load_plan_ticks(editor.session.path))
        editor.recheck_all()  # with last year's draft known, copied-from-last-year can compare

    def show(self, section_id: str) -> None:
        guidance = self.editor.guidance
        if self.draft is None:
            guidance.show_last_year(None, None)
        else:
            guidance.show_last_year(self.draft.sections.get(section_id, ""), self.draft.profile.year)


def insert_note(editor: EditorScreen, text: str) -> None:
    """A note chosen on the 素材 page goes in at the cursor, as if typed (saved and checked the same way)."""
    if editor.session.read_only:
        editor.notify(READ_ONLY_MESSAGE, severity="warning", timeout=5)
        return
    area = editor.editor
    row, column = area.selection.start
    area.insert(as_sentence(text))
    area.focus()
    if runs_on(area.document.get_line(row)[:column]):
        editor.notify(NOTE_RUNS_ON, timeout=6)


def show_notes(editor: EditorScreen, section_id: str) -> None:
    """This section's notes on the 素材 page; a notes file that cannot be read is said there, not raised."""
    try:
        editor.guidance.show_material(editor.service().section_notes(editor.session.draft, section_id))
    except AppraisalError as exc:
        editor.guidance.show_material([], exc.message)

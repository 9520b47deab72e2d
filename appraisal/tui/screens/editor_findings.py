"""The editor's findings: what the checker says about each section, shown in the section list, the heading above
the text and the 问题 tab.

Two tiers make them. The fast rules run on the UI thread on every pause in typing (one section, a few ms; a section
of `text.counting.LONG` characters or more — a pasted document — is checked in a worker instead, one run at a time:
0.6 s at 100,000 字, 6 s at 1.6 million, which froze typing after every pause). The whole draft (after it opens and
when the profile changes — each once last year's draft is looked up — or after other changes than typing: a restore,
fixes, a moved block) is checked in a worker thread on a copy, fast rules first, then the dictionary rules (≤ 100 ms
for 3,000 字, the dictionary loaded on first use), which also run in a worker after each pause. Findings from a
worker count only for a section whose text is still the one they were found in: what was typed meanwhile keeps its
own.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from textual.message import Message

from appraisal.text.counting import LONG
from appraisal.tui.background import LongJob, Runs
from appraisal.tui.widgets.status_bar import SectionHeading

if TYPE_CHECKING:
    from appraisal.checks import Finding
    from appraisal.draft import Draft
    from appraisal.service import Service
    from appraisal.templates import Template
    from appraisal.tui.screens.editor import EditorScreen


class IdleFindings(Message):
    """Posted by the worker that runs the dictionary rules once typing stops: their findings for each section it
    checked, with the text they were found in (a section typed in since then waits for the next run)."""

    def __init__(self, found: dict[str, tuple[str, list[Finding]]]) -> None:
        super().__init__()
        self.found = found


log = logging.getLogger(__name__)


def texts_copy(draft: Draft) -> Draft:
    """What the dictionary rules read of the draft (its title, the sections' texts, the profile's year), copied
    for a worker: the UI changes the sections dict and the profile in place. The facts adopted from drafting help
    are left out (no rule of that tier reads them); the rest is strings, never changed in place."""
    return draft.model_copy(
        update={"sections": dict(draft.sections), "profile": draft.profile.model_copy(), "unverified": {}}
    )


class WholeFindings(Message):
    """Posted by the worker that checks the whole draft with the fast rules: the findings by section, and the
    text each section had in the copy it checked."""

    def __init__(self, found: dict[str, list[Finding]], texts: dict[str, str], run: int) -> None:
        super().__init__()
        self.found = found
        self.texts = texts
        self.run = run  # which check this answers: a newer one may have started since


class EditorFindings:
    """Keeps the findings by section for one editor screen and shows them; the screen routes `IdleFindings` here."""

    def __init__(self, editor: EditorScreen) -> None:
        self.editor = editor
        self.by_section: dict[str, list[Finding]] = {}  # changed in place: the section list keeps a reference
        self.fast: dict[str, list[Finding]] = {}  # the fast rules' findings, checked on the UI thread
        self.idle: dict[str, tuple[str, list[Finding]]] = {}  # the dictionary rules': (the text checked, findings)
        self.whole = Runs()  # the whole-draft checks: an older one's findings are dropped once a newer one's came
        # A big section's fast rules, in a worker; never refused: a section asked for meanwhile waits its turn.
        self.big: LongJob[list[Finding]] = LongJob(editor, "big-section-check", busy_sentence=None)
        self.big_waiting: list[str] = []  # big sections asked for meanwhile, checked when that run ends

    @staticmethod
    def check_all(
        service: Service, draft: Draft, template: Template, last_year: Draft | None
    ) -> dict[str, list[Finding]]:
        """The whole draft's findings by section (the user's disabled rules left out by the service). A check
        that could not run is listed in every section, as `check_section` lists it in the one it checks."""
        from appraisal.checks import CHECK_FAILED
        from appraisal.service import TYPING

        found = service.check_draft(draft, template, last_year, TYPING)
        failed = [f for f in found if f.rule == CHECK_FAILED]
        by_section: dict[str, list[Finding]] = {sid: list(failed) for sid in template.text_section_ids()}
        for finding in found:
            if finding.rule != CHECK_FAILED:
                by_section.setdefault(finding.section or "", []).append(finding)
        return by_section

    def check_section(self, section_id: str) -> None:
        """The fast rules now, on the UI thread (in a worker for a big section); the dictionary rules in a worker,
        merged when they are done."""
        from appraisal.service import TYPING

        editor = self.editor
        session = editor.session
        if len(session.text(section_id)) >= LONG:
            self._check_big(section_id)
            return
        self.fast[section_id] = editor.service().check_section(
            session.draft, session.template, section_id, editor.last_year, TYPING
        )
        self.show_section(section_id)
        self.check_when_idle([section_id])

    def _check_big(self, section_id: str) -> None:
        """The fast rules on a big section, in a worker on a copy taken now; while one runs, the next waits (a
        thread cannot be stopped: runs started on every pause would pile up)."""
        if self.big.running:
            if section_id not in self.big_waiting:
                self.big_waiting.append(section_id)
            return
        from appraisal.service import TYPING

        editor = self.editor
        draft = editor.session.draft.model_copy(deep=True)
        service, template, last_year = editor.service(), editor.session.template, editor.last_year
        text = draft.sections.get(section_id, "")

        def failed(error: Exception) -> None:
            # A rule's bug is a finding already (check-failed); this is the checker's own.
            log.error("checking a big section failed", exc_info=error)
            self._big_found(section_id, text, None)

        self.big.start(
            lambda: service.check_section(draft, template, section_id, last_year, TYPING),
            lambda found: self._big_found(section_id, text, found),
            failed,
        )

    def _big_found(self, section_id: str, text: str, found: list[Finding] | None) -> None:
        """A big section's fast findings (None: the checker itself failed, the findings shown stay), if its text is
        still the one checked; then the next waiting section."""
        if not self.editor.live:
            return
        if found is not None and text == self.editor.session.text(section_id):
            self.fast[section_id] = found
            self.show_section(section_id)
            self.check_when_idle([section_id])
        if self.big_waiting:
            self._check_big(self.big_waiting.pop(0))

    def recheck_all(self) -> None:
        """Check the whole draft in a worker, on a copy taken now (a newer check replaces one still going)."""
        editor = self.editor
        draft = editor.session.draft.model_copy(deep=True)
        service, template, last_year = editor.service(), editor.session.template, editor.last_year
        run = self.whole.start()
        editor.run_worker(
            lambda: self._check_whole(service, draft, template, last_year, run),
            thread=True,
            exclusive=True,
            group="whole-check",
            exit_on_error=False,
        )

    def _check_whole(
        self, service: Service, draft: Draft, template: Template, last_year: Draft | None, run: int
    ) -> None:
        """In the worker thread: the fast rules over the copy, handed over at once; then the dictionary rules."""
        section_ids = tuple(template.text_section_ids())
        try:
            found = self.check_all(service, draft, template, last_year)
        except Exception:  # a rule's bug is a finding already (check-failed); this is the checker's own
            log.exception("checking the whole draft failed")
            self.editor.post_message(WholeFindings({}, {}, run))
            return
        texts = {sid: draft.sections.get(sid, "") for sid in found}
        self.editor.post_message(WholeFindings(found, texts, run))
        self._run_idle_rules(service, draft, template, section_ids)  # logs its own failures

    def whole_found(self, event: WholeFindings) -> None:
        """The whole draft's fast findings, for each section still as it was checked; typed-in sections keep
        the findings of their own last check (and get the next one when typing pauses)."""
        if not self.whole.take(event.run):
            return  # an older check than one already shown
        session = self.editor.session
        for section_id, found in event.found.items():
            if event.texts.get(section_id) == session.text(section_id):
                self.fast[section_id] = found
        for section_id in session.template.text_section_ids():
            self.merge(section_id)
            self.update_list_entry(section_id)
        self.show_here()

    def merge(self, section_id: str) -> None:
        """The section's findings: the fast rules' and, if its text has not changed since, the dictionary rules'."""
        fast = self.fast.get(section_id, [])
        checked, idle = self.idle.get(section_id, ("", []))
        if idle and checked == self.editor.session.text(section_id):
            fast = sorted([*fast, *idle], key=lambda f: (f.line, f.column, f.end_column))
        self.by_section[section_id] = fast

    def show_section(self, section_id: str) -> None:
        self.merge(section_id)
        self.update_list_entry(section_id)
        if section_id == self.editor.current_id:
            self.show_here()

    def check_when_idle(self, section_ids: list[str]) -> None:
        """Run the dictionary rules off the UI thread, on a copy of the texts taken now; a newer run replaces an
        older one still going."""
        editor = self.editor
        draft = texts_copy(editor.session.draft)
        service, template, ids = editor.service(), editor.session.template, tuple(section_ids)
        editor.run_worker(
            lambda: self._run_idle_rules(service, draft, template, ids),
            thread=True,
            exclusive=True,
            group="idle-check",
        )

    def _run_idle_rules(self, service: Service, draft: Draft, template: Template, section_ids: tuple[str, ...]) -> None:
        """In the worker thread: reads only its own copy, and hands the findings to the UI thread as a message."""
        from appraisal.service import WHEN_IDLE

        try:
            found = {
                sid: (draft.sections.get(sid, ""), service.check_section(draft, template, sid, None, WHEN_IDLE))
                for sid in section_ids
            }
        except Exception:  # a rule's bug is a finding already (check-failed); this is the checker's own
            log.exception("the dictionary rules failed")  # the fast rules' findings stay; the app goes on
            return
        self.editor.post_message(IdleFindings(found))

    def idle_found(self, found: dict[str, tuple[str, list[Finding]]]) -> None:
        session = self.editor.session
        fresh = {sid: entry for sid, entry in found.items() if entry[0] == session.text(sid)}
        self.idle.update(fresh)  # an older run that ends after a newer one never replaces the newer findings
        for section_id in found:
            self.show_section(section_id)

    def show_here(self) -> None:
        """The current section's findings: listed in the panel, counted in the heading above the text."""
        editor = self.editor
        found = self.by_section.get(editor.current_id, [])
        editor.guidance.show_findings(found)
        editor.query_one("#section-heading", SectionHeading).show_findings(len(found))

    def update_list_entry(self, section_id: str) -> None:
        text = self.editor.session.text(section_id)
        self.editor.section_list.update_section(section_id, text, self.by_section.get(section_id, []))

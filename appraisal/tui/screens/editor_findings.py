"""The editor's findings: what the checker says about each section, shown in the section list, the heading above
the text and the 问题 tab.

Two tiers make them. The fast rules run on the UI thread, on every pause in typing (one section) and after a
change to the whole draft (every section). The dictionary rules (≤ 100 ms for 3,000 字, the dictionary loaded on
first use) run in a worker thread on a copy of the draft; their findings count only while the section's text is
still the one they checked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

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


class EditorFindings:
    """Keeps the findings by section for one editor screen and shows them; the screen routes `IdleFindings` here."""

    def __init__(self, editor: EditorScreen) -> None:
        self.editor = editor
        self.by_section: dict[str, list[Finding]] = {}  # changed in place: the section list keeps a reference
        self.fast: dict[str, list[Finding]] = {}  # the fast rules' findings, checked on the UI thread
        self.idle: dict[str, tuple[str, list[Finding]]] = {}  # the dictionary rules': (the text checked, findings)

    def check_all(self) -> dict[str, list[Finding]]:
        """The whole draft's findings by section (the user's disabled rules left out by the service). A check
        that could not run is listed in every section, as `check_section` lists it in the one it checks."""
        from appraisal.checks import CHECK_FAILED
        from appraisal.service import TYPING

        editor = self.editor
        session = editor.session
        found = editor.service().check_draft(session.draft, session.template, editor.last_year, TYPING)
        failed = [f for f in found if f.rule == CHECK_FAILED]
        by_section: dict[str, list[Finding]] = {sid: list(failed) for sid in session.template.text_section_ids()}
        for finding in found:
            if finding.rule != CHECK_FAILED:
                by_section.setdefault(finding.section or "", []).append(finding)
        return by_section

    def check_section(self, section_id: str) -> None:
        """The fast rules now, on the UI thread; the dictionary rules in a worker, merged when they are done."""
        from appraisal.service import TYPING

        editor = self.editor
        session = editor.session
        self.fast[section_id] = editor.service().check_section(
            session.draft, session.template, section_id, editor.last_year, TYPING
        )
        self.show_section(section_id)
        self.check_when_idle([section_id])

    def recheck_all(self) -> None:
        self.fast = self.check_all()
        section_ids = self.editor.session.template.text_section_ids()
        for section_id in section_ids:
            self.merge(section_id)
            self.update_list_entry(section_id)
        self.show_here()
        self.check_when_idle(section_ids)

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
        """Run the dictionary rules off the UI thread, on a copy of the draft taken now; a newer run replaces an
        older one still going."""
        editor = self.editor
        draft = editor.session.draft.model_copy(deep=True)
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

        found = {
            sid: (draft.sections.get(sid, ""), service.check_section(draft, template, sid, None, WHEN_IDLE))
            for sid in section_ids
        }
        self.editor.post_message(IdleFindings(found))

    def idle_found(self, found: dict[str, tuple[str, list[Finding]]]) -> None:
        self.idle.update(found)
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

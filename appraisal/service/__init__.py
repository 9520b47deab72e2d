"""The application layer: what both faces (the command line and the Textual app) ask of the core.

The user's `config.toml` is read here, once, by `Settings.load()`; a `Service` holds those settings and passes
them down, so no module below this one reads the file and the two faces can never disagree about it::

    service = Service(Settings.load())            # once, at start-up (an AppraisalError if the file is bad)
    findings = service.check_draft(draft, template)            # whole draft: the review, `appraisal check`
    findings = service.check_section(draft, template, "law")   # one section, as the user types
    count = service.fix_draft(draft, template)                 # safe fixes, in place; the caller saves
    result = service.export(draft, template, [ExportTarget("docx", folder=Path("."))], strict=True)
    rows = service.list_drafts()                               # the start screen and `appraisal list`
    last = service.last_year_draft(draft.template, 2026, "张三", path)

Findings are `appraisal.checks.Finding` (severity a `Severity`); a rule that raises shows up as a
`check-failed` error finding, never as silence. Every error meant for the user is an `AppraisalError`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from appraisal.checks import (
    ALL_TIERS,
    CheckOptions,
    Finding,
    Severity,
    Tier,
    apply_fixes,
    check_draft,
    check_section,
    fix_draft,
)
from appraisal.checks.documents import DocumentCheck, check_document, write_fixed_copy
from appraisal.draft import AdoptedFact, Draft
from appraisal.errors import AppraisalError
from appraisal.templates import Template, list_templates, load_template

if TYPE_CHECKING:  # each loaded where it is used: `appraisal check` needs none of them (nor, for a document, the
    # drafts and their store, ~10 ms of every check: imported by the methods that read or write drafts)
    from appraisal.assist import AssistRequest
    from appraisal.assist.proposal import AssistProposal
    from appraisal.export import ExportOptions
    from appraisal.notes import Note
    from appraisal.plans import PlanItem
    from appraisal.review import Review

from appraisal.service.results import (
    AssistNotConfigured,
    DocumentFix,
    DraftCheck,
    DraftSummary,
    ExportFailed,
    ExportResult,
    ExportTarget,
    StrictExportRefused,
)
from appraisal.service.settings import TYPING, WHEN_IDLE, Settings

__all__ = [
    "TYPING",
    "WHEN_IDLE",
    "AssistNotConfigured",
    "DocumentFix",
    "DraftCheck",
    "DraftSummary",
    "ExportFailed",
    "ExportResult",
    "ExportTarget",
    "Service",
    "Settings",
    "StrictExportRefused",
]


# ---------------------------------------------------------------- the operations


@dataclass
class Service:
    """The operations both faces call, with the user's settings applied. Cheap to build; holds no files open."""

    settings: Settings = field(default_factory=Settings)
    # The last `errors` answer and what it was found in: the export dialog lists the errors, then the export
    # checks the same text again before writing it. Kept as one tuple, so a worker thread reads it whole.
    _errors_kept: tuple[tuple[dict[str, Any], Template, CheckOptions], list[Finding]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    # -- checking

    def check_draft(
        self, draft: Draft, template: Template, last_year: Draft | None = None, tiers: frozenset[Tier] = ALL_TIERS
    ) -> list[Finding]:
        """Every finding in the draft, in document order, the user's disabled rules left out. `last_year`
        (`last_year_draft`) lets `copied-from-last-year` compare. `tiers`: the editor asks for the fast rules on
        the UI thread and for the idle ones (the dictionary rules) in a worker."""
        return check_draft(draft, template, self.settings.checks, last_year, tiers)

    def check_section(
        self,
        draft: Draft,
        template: Template,
        section_id: str,
        last_year: Draft | None = None,
        tiers: frozenset[Tier] = ALL_TIERS,
    ) -> list[Finding]:
        """The findings in one section (rules about the whole draft left out); the fast tier is fast enough for
        every pause in typing."""
        return check_section(draft, template, section_id, self.settings.checks, last_year, tiers)

    def errors(self, draft: Draft, template: Template) -> list[Finding]:
        """The findings that are errors: what `strict` export refuses and the export dialog lists. Checked again
        unless the last answer was for the very same draft (everything a rule reads: text, profile, title,
        adopted facts; not when it was saved), template and checker settings."""
        # Python objects, not JSON: a draft read from a damaged file can hold lone surrogates, which JSON refuses
        key = (draft.model_dump(exclude={"updated", "revision"}), template, self.settings.checks)
        kept = self._errors_kept
        if kept is not None and kept[0] == key:
            return list(kept[1])
        found = [f for f in self.check_draft(draft, template) if f.severity is Severity.ERROR]
        self._errors_kept = (key, found)
        return list(found)

    def check_draft_file(self, path: Path, *, fix: bool = False) -> DraftCheck:
        """Load and check a saved draft. With `fix`, the safe fixes are applied under the draft's lock and saved
        as a new revision (an AppraisalError when the draft is open elsewhere); the findings are those left."""
        from appraisal.store import OpenDraft, load_draft

        if not fix:
            draft = load_draft(path)
            template = load_template(draft.template)
            return DraftCheck(path, draft, template, self.check_draft(draft, template, self._last_year(draft, path)))
        opened = OpenDraft(path)
        try:
            template = load_template(opened.draft.template)
            count = self.fix_draft(opened.draft, template)
            if count:
                opened.save()
            last_year = self._last_year(opened.draft, path)
            return DraftCheck(path, opened.draft, template, self.check_draft(opened.draft, template, last_year), count)
        finally:
            opened.close()

    def check_document(self, path: Path, template: str | None = None) -> DocumentCheck:
        """Import and check a .txt/.md/.docx document (written to `template`, else the one recognised); positions
        point into the file."""
        return check_document(path, self.settings.checks, template)

    def review(
        self,
        folders: Sequence[Path],
        template: str | None = None,
        year: int | None = None,
        *,
        jobs: int | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> Review:
        """Every report under `folders` checked as `check_document` does, with the user's checker settings, one
        row each with a verdict, and the passages reports share (`appraisal.review`). Only reads the reports."""
        from appraisal.review import ReviewSettings, review

        settings = ReviewSettings(template, year, self.settings.checks)
        return review(folders, settings, jobs=jobs, progress=progress)

    # -- fixing

    def fix_draft(self, draft: Draft, template: Template) -> int:
        """Apply every safe fix in place (the user's disabled rules excepted); the number applied. Not saved."""
        return fix_draft(draft, template, self.settings.checks)

    @staticmethod
    def apply_fixes(text: str, findings: Sequence[Finding]) -> str:
        """`text` (one section) with the fixes of `findings` applied, e.g. one finding the user picked."""
        return apply_fixes(text, findings)

    def fix_document(self, path: Path, template: str | None = None) -> DocumentFix:
        """Write the document with its safe fixes applied next to it (`总结.txt` → `总结.fixed.txt`, the original
        untouched) and check the copy."""
        checked = self.check_document(path, template)
        copy, count = write_fixed_copy(checked)
        if not count:
            return DocumentFix(path, None, 0, checked)
        return DocumentFix(path, copy, count, self.check_document(copy, template))

    # -- exporting

    def export_options(self, *, run_in: bool | None = None, date: dt.date | None = None) -> ExportOptions:
        """The caller's choices, else the user's settings (the template decides what neither says)."""
        from appraisal.export import ExportOptions

        return ExportOptions(run_in_headings=self.settings.run_in_headings if run_in is None else run_in, date=date)

    def export(
        self,
        draft: Draft,
        template: Template,
        targets: Sequence[ExportTarget],
        *,
        strict: bool = False,
        run_in: bool | None = None,
        date: dt.date | None = None,
    ) -> ExportResult:
        """Write each target in order. With `strict`, a draft with errors raises StrictExportRefused before
        anything is written; otherwise the errors come back with the files. A file that cannot be written raises
        ExportFailed naming the ones already written."""
        from appraisal.export import export_to

        draft.fit_to(template)
        errors = self.errors(draft, template)
        if strict and errors:
            raise StrictExportRefused(errors)
        options = self.export_options(run_in=run_in, date=date)
        written: list[Path] = []
        for target in targets:
            try:
                path = export_to(
                    draft,
                    template,
                    target.fmt,
                    folder=target.folder,
                    path=target.path,
                    overwrite=target.overwrite,
                    options=options,
                )
            except AppraisalError as exc:
                raise ExportFailed(exc.message, written) from exc
            written.append(path)
        return ExportResult(written, errors)

    # -- drafts

    @staticmethod
    def open_draft(ref: str) -> tuple[Path, Draft, Template]:
        """A draft named by path, file name, id or writer's name, loaded with its template (fitted to it)."""
        from appraisal.app import drafts

        path = drafts.find(ref)
        draft, template = drafts.load_fitted(path)
        return path, draft, template

    @staticmethod
    def template_problems() -> list[str]:
        """Why each template that cannot be loaded cannot (one sentence each, naming its file)."""
        return [error.message for error in list_templates()[1]]

    @staticmethod
    def list_drafts() -> list[DraftSummary]:
        """The drafts in the data dir, most recently saved first; unreadable ones say why."""
        from appraisal.store import draft_files, load_draft

        rows: list[DraftSummary] = []
        templates: dict[str, Template | None] = {}
        for path in draft_files():
            try:
                saved = dt.datetime.fromtimestamp(path.stat().st_mtime)
            except OSError:
                continue  # deleted since it was listed
            try:
                draft = load_draft(path)
            except AppraisalError as exc:
                rows.append(DraftSummary(path, saved, problem=exc.message))
                continue
            if draft.template not in templates:
                try:
                    templates[draft.template] = load_template(draft.template)
                except AppraisalError:
                    templates[draft.template] = None
            rows.append(DraftSummary(path, saved, draft, templates[draft.template]))
        return rows

    # -- notes and drafting help

    @staticmethod
    def section_notes(draft: Draft, section_id: str) -> list[Note]:
        """The notes of the draft's year placed in this section (of this template), by date."""
        from appraisal.notes import load_notes

        if draft.profile.year is None:
            return []
        return [n for n in load_notes(draft.profile.year).by_date(section_id) if n.template in (None, draft.template)]

    @staticmethod
    def add_section_note(draft: Draft, section_id: str, text: str) -> Note:
        """A note put under this section of the draft's template, in the draft's year (else this year's) notes:
        dated by the date it starts with (2026年3月5日, 3月5日, 2026-03-05, 3.5 …: `notes.typed_date`), else today."""
        from appraisal.notes import NewNote, add_notes, typed_date

        today = dt.date.today()
        year = draft.profile.year or today.year
        date, text = typed_date(text, year)
        (note,) = add_notes(year, [NewNote(text, date or today, section_id, draft.template)])
        return note

    def assist_request(self, draft: Draft, template: Template, section_id: str, task: str) -> AssistRequest:
        """What would be sent for `task` on one section, for the user to see first. Refuses (AppraisalError) when
        drafting help is not configured, and when any of it is marked 秘密/机密/绝密/内部."""
        from appraisal.assist import build_request, secret_marks
        from appraisal.assist.key import api_key

        if self.settings.assist is None:
            raise AssistNotConfigured
        api_key(self.settings.assist)  # a missing or unusable key is said before anything is shown
        section = template.named_section(section_id)  # its id or its Chinese name
        if section.is_group:
            parts = "、".join(f"{c.id}（{c.title}）" for c in section.children)
            raise AppraisalError(f"“{section.title}”由几项组成，请指定其中一项：{parts}。")
        section_id = section.id
        notes = self.section_notes(draft, section_id) if task in ("expand", "from-notes") else []
        lines = [f"{n.date.isoformat()} {n.text}" if n.date else n.text for n in notes]
        request = build_request(task, template, section_id, draft.sections.get(section_id, ""), lines)
        labelled = [
            ("栏目原文", request.current),
            *((f"素材第{n.id}条", n.text) for n in notes),
            ("栏目名称", request.section_title),
            ("栏目的撰写要求", request.guidance),
        ]
        marks = secret_marks(labelled) or secret_marks([("发送的内容", request.sent_text())])
        if marks:
            found = "、".join(f"{m.where}中的“{m.marking}”" for m in marks[:3])
            raise AppraisalError(
                f"{found}表明内容标有密级或属内部材料，按规定不得发给模型，未发送任何内容；请删去涉密内容后再试。"
            )
        return request

    def assist_destination(self) -> str:
        """Where a request goes, as the user is told before sending: the endpoint, the model, and the proxy when
        one is used (never for a model on this machine)."""
        from appraisal.assist.connection import route

        config = self.settings.assist
        if config is None:
            raise AssistNotConfigured
        try:
            proxy = route(f"{config.base_url}/chat/completions").describe()
        except ValueError:
            proxy = ""
        return f"{config.base_url}（模型 {config.model}{'，经代理 ' + proxy if proxy else ''}）"

    def assist(
        self,
        draft: Draft,
        template: Template,
        request: AssistRequest,
        on_text: Callable[[str], None] = lambda _text: None,
    ) -> AssistProposal:
        """Send the request and return the answer as a proposal: its unverified facts flagged, the checker run on
        it. Nothing in the draft changes; an AssistError says in one sentence why there is no answer."""
        from appraisal.assist import unverified
        from appraisal.assist.client import chat

        if self.settings.assist is None:
            raise AssistNotConfigured
        answer = chat(self.settings.assist, request.payload_messages(), on_text)
        text = _clean_answer(answer, request.section_title)
        if not text:
            raise AppraisalError("模型没有给出任何内容，草稿未作改动。")
        sources = [request.current, *request.notes, draft.title, str(draft.profile.year or "")]
        trial = draft.model_copy(deep=True)
        trial.sections[request.section_id] = text
        findings = self.check_section(trial, template, request.section_id)
        from appraisal.assist.verify import carried, dropped

        adopted = [(f.kind, f.text) for f in draft.unverified.get(request.section_id, [])]
        flagged = carried(text, adopted, unverified(text, sources))
        from appraisal.assist.proposal import AssistProposal

        return AssistProposal(request, text, flagged, findings, dropped(request.current, text))

    @staticmethod
    def adopt_proposal(draft: Draft, proposal: AssistProposal) -> None:
        """The editor took `proposal` into its section: its unverified facts are recorded to stay flagged."""
        from appraisal.assist.adopted import adopt

        adopt(draft, proposal.request.section_id, ((u.kind, u.text) for u in proposal.unverified))

    @staticmethod
    def pending_facts(draft: Draft, section_id: str) -> list[AdoptedFact]:
        """The facts adopted from the drafting help into this section and not yet confirmed."""
        from appraisal.assist.adopted import pending

        return pending(draft, section_id)

    @staticmethod
    def confirm_facts(draft: Draft, section_id: str, texts: Collection[str] | None = None) -> list[AdoptedFact]:
        """The writer vouches for these adopted facts (all of the section's when None); the draft is not saved."""
        from appraisal.assist.adopted import confirm

        return confirm(draft, section_id, texts)

    def _last_year(self, draft: Draft, path: Path | None) -> Draft | None:
        return self.last_year_draft(draft.template, draft.profile.year, draft.profile.name, path)

    @staticmethod
    def last_year_plans(last_year: Draft | None, template: Template) -> list[PlanItem]:
        """Last year's 下一步打算 / 努力方向 / 急需提高的能力, one item each: a checklist beside this year's text."""
        from appraisal.plans import plan_items

        return plan_items(last_year, template) if last_year is not None else []

    @staticmethod
    def last_year_draft(template: str, year: int | None, name: str, path: Path | None) -> Draft | None:
        """Last year's draft of `template` (the writer `name`'s preferred), for the 去年 tab. Reads every draft in
        the data dir, so the editor calls it from a worker thread: it takes plain values, not the draft itself."""
        if year is None:
            return None
        from appraisal.store import draft_files, load_draft

        here = path.resolve() if path else None
        candidates: list[Draft] = []
        for other in draft_files():
            if here is not None and other.resolve() == here:
                continue
            with contextlib.suppress(AppraisalError, OSError):  # an unreadable draft is simply not last year's
                loaded = load_draft(other)
                if loaded.template == template and loaded.profile.year == year - 1:
                    candidates.append(loaded)
        if not candidates:
            return None
        same_name = [c for c in candidates if c.profile.name and c.profile.name == name]
        return (same_name or candidates)[0]


def _clean_answer(answer: str, title: str) -> str:
    """The model's answer as section text: without a Markdown fence or a first line that only repeats the title."""
    lines = [line.rstrip() for line in answer.strip().split("\n")]
    if lines and lines[0].startswith("```"):
        lines = lines[1:]
    if lines and lines[-1].startswith("```"):
        lines = lines[:-1]
    if lines and lines[0].strip("#*：: ").strip() == title:
        lines = lines[1:]
    return "\n".join(line for line in lines if line.strip()).strip()

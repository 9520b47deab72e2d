"""Drafting help on a draft file (`appraisal assist`): the proposal the user was shown is kept beside the draft
(`appraisal.assist.kept`) and written later exactly as shown, never a new answer, and only while the section
still holds the text it was made for; adopted facts the writer vouches for are confirmed in the file. Each write
is a new revision under the draft's lock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from pathlib import Path

from appraisal.assist.adopted import adopt, confirm
from appraisal.assist.kept import KeptProposal, forget_proposal, keep_proposal, load_proposal
from appraisal.assist.proposal import AssistProposal
from appraisal.draft import AdoptedFact
from appraisal.errors import AppraisalError
from appraisal.store import OpenDraft
from appraisal.templates import Template


def keep(path: Path, proposal: AssistProposal) -> None:
    """Keep the proposal the user was shown beside the draft, for `apply_kept`."""
    request = proposal.request
    made = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    facts = tuple((u.kind, u.text) for u in proposal.unverified)
    lost = tuple((u.kind, u.text) for u in proposal.dropped)
    keep_proposal(
        path, KeptProposal(request.section_id, request.task, request.current, proposal.text, facts, lost, made)
    )


def kept(path: Path, template: Template, section_id: str) -> KeptProposal:
    """The proposal last shown for this section (an AppraisalError saying how to get one when none is kept)."""
    found = load_proposal(path, section_id)
    if found is None:
        title = template.section(section_id).title
        raise AppraisalError(
            f"“{title}”没有保存的建议，未作改动；请先不加 --apply 运行一次，看过建议后再加 --apply 采用。"
        )
    return found


def apply_kept(path: Path, template: Template, proposal: KeptProposal) -> int:
    """Write the proposal the user was shown into the draft as a new revision (the revision number), never a new
    answer; its unverified facts stay flagged (`unverified-fact`) until confirmed. Refuses when the section changed
    since the proposal was made, so nobody's later text is overwritten."""
    opened = OpenDraft(path)
    try:
        if opened.draft.sections.get(proposal.section_id, "") != proposal.current:
            title = template.section(proposal.section_id).title
            raise AppraisalError(f"“{title}”在生成建议之后已被修改，建议未写入草稿；请重新生成建议，看过后再采用。")
        opened.draft.sections[proposal.section_id] = proposal.text
        adopt(opened.draft, proposal.section_id, proposal.unverified)
        opened.save()
        revision = opened.draft.revision
    finally:
        opened.close()
    forget_proposal(path, proposal.section_id)
    return revision


def confirm_in_file(path: Path, section_id: str, texts: Collection[str] | None = None) -> list[AdoptedFact]:
    """The writer vouches for these adopted facts of the draft at `path` (all of the section's when None): saved as
    a new revision when anything was confirmed."""
    opened = OpenDraft(path)
    try:
        confirmed = confirm(opened.draft, section_id, texts)
        if confirmed:
            opened.save()
        return confirmed
    finally:
        opened.close()

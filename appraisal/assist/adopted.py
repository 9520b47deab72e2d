"""The facts a writer adopted from the drafting help without their being in the section or its notes: kept in the
draft (`Draft.unverified`) so that the checker flags them (`unverified-fact`) wherever they still stand, until the
writer confirms them or edits them away. Kept in the draft, not beside it, so a copy, a saved-as file or an older
revision carries its own flags."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from appraisal.draft import AdoptedFact, Draft


def adopt(draft: Draft, section_id: str, facts: Iterable[tuple[str, str]]) -> None:
    """Record `facts` ((kind, text) pairs) as adopted into the section; those already recorded are kept, those
    whose text the section no longer holds are dropped."""
    text = draft.sections.get(section_id, "")
    known = {(f.kind, f.text) for f in draft.unverified.get(section_id, [])}
    merged = [
        *draft.unverified.get(section_id, []),
        *(AdoptedFact(kind=k, text=t) for k, t in facts if (k, t) not in known),
    ]
    seen: set[str] = set()
    kept = []
    for fact in merged:
        if fact.text in text and fact.text not in seen:
            seen.add(fact.text)
            kept.append(fact)
    if kept:
        draft.unverified[section_id] = kept
    else:
        draft.unverified.pop(section_id, None)


def pending(draft: Draft, section_id: str) -> list[AdoptedFact]:
    """The section's adopted facts still standing in its text and not yet confirmed."""
    text = draft.sections.get(section_id, "")
    return [f for f in draft.unverified.get(section_id, []) if f.text in text]


def confirm(draft: Draft, section_id: str, texts: Collection[str] | None = None) -> list[AdoptedFact]:
    """The writer vouches for `texts` (all of the section's, when None): they are flagged no more. Returns the
    facts confirmed; facts no longer in the text are forgotten at the same time."""
    still = pending(draft, section_id)
    confirmed = [f for f in still if texts is None or f.text in texts]
    left = [f for f in still if f not in confirmed]
    if left:
        draft.unverified[section_id] = left
    else:
        draft.unverified.pop(section_id, None)
    return confirmed

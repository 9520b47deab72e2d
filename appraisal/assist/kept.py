"""The proposal the user was shown, kept beside the draft (`.<draft file name>.assist`), so that
`appraisal assist … --apply` writes exactly that text, never a new answer, and only while the section still
holds the text the proposal was made for.

One proposal per section, the latest. Kept apart from the draft file: a proposal is not an edit and must not
become a revision. A kept file that cannot be read counts as no proposal: the user is told to make a new one, and
nothing of theirs is at stake in it.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from appraisal.errors import AppraisalError
from appraisal.fileio import atomic_write_text, fit_name, read_regular_file

MAX_KEPT_BYTES = 16 * 1024 * 1024  # a few proposals of at most 2 MB each


@dataclass(frozen=True)
class KeptProposal:
    """What the user saw: the task, the section's text it was made for, the proposed text, the facts in it that
    the sources lack, the original's facts it drops (each as (kind, text)), and when it was made."""

    section_id: str
    task: str
    current: str
    text: str
    unverified: tuple[tuple[str, str], ...]
    dropped: tuple[tuple[str, str], ...]
    made: str


def kept_path(draft_path: Path) -> Path:
    return draft_path.with_name(f".{fit_name(draft_path.name, '.', '.assist')}.assist")


def _read(draft_path: Path) -> dict[str, object]:
    try:
        data = json.loads(read_regular_file(kept_path(draft_path), "读取写作助手的建议", MAX_KEPT_BYTES))
    except (OSError, ValueError, AppraisalError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def _pairs(value: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list):
        return ()
    return tuple((str(p[0]), str(p[1])) for p in value if isinstance(p, list) and len(p) == 2)


def load_proposal(draft_path: Path, section_id: str) -> KeptProposal | None:
    """The proposal last shown for this section of the draft, if one is kept and readable."""
    entry = _read(draft_path).get(section_id)
    if not isinstance(entry, dict):
        return None
    fields = ("task", "current", "text", "made")
    if not all(isinstance(entry.get(name), str) for name in fields):
        return None
    return KeptProposal(
        section_id,
        entry["task"],
        entry["current"],
        entry["text"],
        _pairs(entry.get("unverified")),
        _pairs(entry.get("dropped")),
        entry["made"],
    )


def keep_proposal(draft_path: Path, proposal: KeptProposal) -> None:
    """Keep `proposal` as the one for its section (0600, written atomically)."""
    data = _read(draft_path)
    entry = asdict(proposal)
    del entry["section_id"]
    data[proposal.section_id] = entry
    atomic_write_text(kept_path(draft_path), json.dumps(data, ensure_ascii=False, indent=1))


def forget_proposal(draft_path: Path, section_id: str) -> None:
    """Once applied, a proposal is not kept to be applied again. Best effort: a stale one is refused anyway,
    since the section no longer holds the text it was made for."""
    data = _read(draft_path)
    if data.pop(section_id, None) is None:
        return
    with contextlib.suppress(AppraisalError, OSError):
        if data:
            atomic_write_text(kept_path(draft_path), json.dumps(data, ensure_ascii=False, indent=1))
        else:
            kept_path(draft_path).unlink(missing_ok=True)

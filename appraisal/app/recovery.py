"""Recovery copies: where the text goes when a draft cannot be saved as the app ends (a full or read-only disk,
then a closed window, `kill`, a crash), and finding them again when the draft opens. The sentence saying where the
copy is was printed to a terminal that was already gone (SIGHUP) or lost in the scrollback; the next open showed
the draft's older text and said nothing, so the writer took the newer words for lost.

A copy is the whole draft (the same id) in `<draft name>.恢复-<time>.json`, next to the draft, else in the home
folder, else the temp folder. One is offered when it is newer than the draft file and not already answered."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path

from appraisal.draft import Draft
from appraisal.errors import AppraisalError
from appraisal.fileio import fit_name

MARK = ".恢复-"
_STAMP = "%Y%m%d-%H%M%S"
_SUFFIX_SHAPE = f"{MARK}00000000-000000.json"  # every stamp is as long: the shortened name is the same for all


def recovery_name(draft_path: Path, when: dt.datetime) -> str:
    stamp = when.strftime(_STAMP)
    return f"{fit_name(draft_path.stem, _SUFFIX_SHAPE)}{MARK}{stamp}.json"


def recovery_folders(draft_path: Path) -> tuple[Path, ...]:
    """Where a copy is written, in order of preference."""
    return (draft_path.parent, Path.home(), Path(tempfile.gettempdir()))


@dataclass(frozen=True)
class Recovery:
    path: Path
    draft: Draft
    written: dt.datetime  # the copy's file time, local


def recoveries(draft_path: Path, draft: Draft, answered: set[str]) -> list[Recovery]:
    """The copies of this draft (same id) written after the draft file was last saved, newest first, leaving out
    the paths in `answered`. Never raises: a copy that cannot be read is not offered."""
    import glob  # here: importing it compiles patterns, which opening a draft or `check` need not pay for

    from appraisal.store import load_draft

    try:
        saved = draft_path.stat().st_mtime
    except OSError:
        return []
    prefix = glob.escape(fit_name(draft_path.stem, _SUFFIX_SHAPE) + MARK)
    found: dict[Path, Recovery] = {}
    for folder in recovery_folders(draft_path):
        for candidate in folder.glob(f"{prefix}*.json"):
            try:
                written = candidate.stat().st_mtime
                if written <= saved or str(candidate) in answered or candidate in found:
                    continue
                copy = load_draft(candidate)
            except (AppraisalError, OSError, ValueError):
                continue
            if copy.id == draft.id:
                found[candidate] = Recovery(candidate, copy, dt.datetime.fromtimestamp(written))
    return sorted(found.values(), key=lambda item: item.written, reverse=True)


def take_text(draft: Draft, copy: Draft) -> None:
    """Put the copy's words (sections, title, profile, unsorted paragraphs) into `draft`; the caller saves it as a
    new revision, so the words it held stay in the history."""
    draft.sections = dict(copy.sections)
    draft.title = copy.title
    draft.profile = copy.profile
    draft.unmatched = copy.unmatched

"""Where the user was in each draft (section, line, column), so reopening a draft resumes there; the folder it
was last exported to; which of last year's plans the user has ticked as answered; words typed in a dialog (个人信息,
a note) and not yet confirmed when the window or browser tab closed, offered back when the draft opens again.

Kept apart from the draft file: moving around or ticking a checklist is not an edit and must not create revisions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from appraisal import paths
from appraisal.errors import AppraisalError
from appraisal.fileio import atomic_write_text, read_regular_file

STATE_FILE = "ui-state.json"
KEEP = 50


@dataclass(frozen=True)
class Position:
    section: str
    row: int = 0
    column: int = 0


def _state_path() -> Path:
    return paths.data_dir() / STATE_FILE


def _read() -> dict[str, dict[str, object]]:
    try:
        data = json.loads(read_regular_file(_state_path(), "读取编辑位置").decode("utf-8"))
    except (OSError, ValueError, AppraisalError):  # missing, not a regular file, damaged: start afresh
        return {}
    return data if isinstance(data, dict) else {}


def load_position(draft_path: Path) -> Position | None:
    entry = _read().get(str(draft_path.resolve()))
    if not isinstance(entry, dict):
        return None
    try:
        return Position(str(entry["section"]), int(entry.get("row", 0)), int(entry.get("column", 0)))  # type: ignore[call-overload]
    except (KeyError, TypeError, ValueError):
        return None


def save_position(draft_path: Path, position: Position, places: dict[str, tuple[int, int]] | None = None) -> None:
    """Best effort: losing the cursor position is harmless, failing a quit over it is not. `places`: where the
    cursor was in other sections (entering one again puts it back there), kept beside those saved before."""
    entry = _read().get(str(draft_path.resolve()))
    known = entry.get("places") if isinstance(entry, dict) else None
    merged = {**(known if isinstance(known, dict) else {}), **{k: list(v) for k, v in (places or {}).items()}}
    merged[position.section] = [position.row, position.column]
    _update(
        draft_path,
        {"section": position.section, "row": position.row, "column": position.column, "places": merged},
    )


def load_places(draft_path: Path) -> dict[str, tuple[int, int]]:
    """Where the cursor was in each section of the draft when the user last left it."""
    entry = _read().get(str(draft_path.resolve()))
    known = entry.get("places") if isinstance(entry, dict) else None
    places: dict[str, tuple[int, int]] = {}
    for section, place in (known if isinstance(known, dict) else {}).items():
        if isinstance(place, list) and len(place) == 2 and all(isinstance(n, int) and n >= 0 for n in place):
            places[str(section)] = (place[0], place[1])
    return places


def load_export_folder(draft_path: Path) -> Path | None:
    """The folder this draft was last exported to, so the export dialog offers it again."""
    entry = _read().get(str(draft_path.resolve()))
    folder = entry.get("export_folder") if isinstance(entry, dict) else None
    return Path(folder) if isinstance(folder, str) and folder else None


def save_export_folder(draft_path: Path, folder: Path) -> None:
    _update(draft_path, {"export_folder": str(folder)})


def load_plan_ticks(draft_path: Path) -> set[str]:
    """The plans of last year (their words) the user ticked on this draft's 素材 page."""
    entry = _read().get(str(draft_path.resolve()))
    ticked = entry.get("plan_ticks") if isinstance(entry, dict) else None
    return {text for text in ticked if isinstance(text, str)} if isinstance(ticked, list) else set()


def save_plan_ticks(draft_path: Path, ticked: set[str]) -> None:
    _update(draft_path, {"plan_ticks": sorted(ticked)})


@dataclass(frozen=True)
class Unconfirmed:
    """Words typed in a dialog that was still open when the app ended without asking (a browser tab closed, the
    terminal window closed): `kind` names the dialog ("profile", "note"), `values` its fields as typed."""

    kind: str
    values: dict[str, str]


def load_unconfirmed(draft_path: Path) -> list[Unconfirmed]:
    entry = _read().get(str(draft_path.resolve()))
    kept = entry.get("unconfirmed") if isinstance(entry, dict) else None
    found: list[Unconfirmed] = []
    for item in kept if isinstance(kept, list) else []:
        kind = item.get("kind") if isinstance(item, dict) else None
        values = item.get("values") if isinstance(item, dict) else None
        if isinstance(kind, str) and isinstance(values, dict):
            found.append(Unconfirmed(kind, {str(k): v for k, v in values.items() if isinstance(v, str)}))
    return found


def save_unconfirmed(draft_path: Path, kept: list[Unconfirmed]) -> bool:
    """Keep these (replacing any kept before); an empty list forgets them. Best effort, as everything here: the
    draft itself is saved apart from this. False when they could not be written (a full or read-only disk)."""
    return _update(draft_path, {"unconfirmed": [{"kind": item.kind, "values": item.values} for item in kept]})


def load_answered_recoveries(draft_path: Path) -> set[str]:
    """The recovery copies of this draft (paths) the writer has already answered: used or not wanted."""
    entry = _read().get(str(draft_path.resolve()))
    answered = entry.get("recoveries_answered") if isinstance(entry, dict) else None
    return {item for item in answered if isinstance(item, str)} if isinstance(answered, list) else set()


def save_answered_recovery(draft_path: Path, copy: Path) -> None:
    _update(draft_path, {"recoveries_answered": sorted({*load_answered_recoveries(draft_path), str(copy)})})


def _update(draft_path: Path, values: dict[str, object]) -> bool:
    """Change some of a draft's entry (the most recent entry moves last; the oldest beyond KEEP go). Best
    effort, as everything here: False when the file could not be written."""
    data = _read()
    key = str(draft_path.resolve())
    entry = data.pop(key, None)
    data[key] = {**(entry if isinstance(entry, dict) else {}), **values}
    while len(data) > KEEP:
        data.pop(next(iter(data)))
    try:
        atomic_write_text(_state_path(), json.dumps(data, ensure_ascii=False, indent=1))
    except (AppraisalError, OSError):
        return False
    return True

"""The store's own errors: each one tells the caller what was refused and why, so the faces can say it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from appraisal.errors import AppraisalError

if TYPE_CHECKING:
    from appraisal.store.history import HistoryEntry


class DraftUnreadableError(AppraisalError):
    """The file exists but is not a draft we can read; it must never be overwritten."""

    def __init__(self, message: str, path: Path, good_revision: HistoryEntry | None) -> None:
        super().__init__(message)
        self.path = path
        self.good_revision = good_revision


class DraftChangedOnDiskError(AppraisalError):
    """Someone else wrote the file since we loaded it: saving would silently overwrite their text."""

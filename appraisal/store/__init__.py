"""Where drafts live and how they are kept safe: atomic saves, history, one lock per draft, migration.

A draft at `<dir>/<name>.json` keeps its history in `<dir>/.appraisal-history/<name>/<draft id>/` and its lock in
`<dir>/.<name>.lock`, so a draft the user keeps anywhere carries its safety net with it.

One module per concern: `codec` (bytes ↔ Draft, migration, caps), `history` (revisions kept and pruned), `files`
(load and save one file), `restore` (an earlier revision back), `lock` (one editor per draft), `open_draft` (a draft
being edited), `catalog` (the drafts folder). This package's public names are re-exported here.
"""

from appraisal.store.catalog import create_draft, draft_files, most_recent_draft, new_draft_path, resolve_draft
from appraisal.store.codec import MAX_DRAFT_BYTES, MAX_NESTING, MAX_SECTION_CHARS, MIGRATIONS, dump_draft
from appraisal.store.errors import DraftChangedOnDiskError, DraftUnreadableError
from appraisal.store.files import DRAFT_SUFFIX, SET_ASIDE_MARK, load_draft, save_draft
from appraisal.store.history import (
    HISTORY_DIR,
    HISTORY_MAX,
    HISTORY_RECENT,
    HistoryEntry,
    history_dir,
    history_to_keep,
    list_history,
    newest_good_revision,
)
from appraisal.store.lock import (
    LOCK_MAX_BYTES,
    PID_REUSE_SLACK,
    DraftFolderReadOnlyError,
    DraftLock,
    DraftLockedError,
    LockInfo,
    lock_path,
    read_lock,
)
from appraisal.store.open_draft import OpenDraft
from appraisal.store.restore import Restored, restore_revision, set_aside_files

__all__ = [
    "DRAFT_SUFFIX",
    "HISTORY_DIR",
    "HISTORY_MAX",
    "HISTORY_RECENT",
    "LOCK_MAX_BYTES",
    "MAX_DRAFT_BYTES",
    "MAX_NESTING",
    "MAX_SECTION_CHARS",
    "MIGRATIONS",
    "PID_REUSE_SLACK",
    "SET_ASIDE_MARK",
    "DraftChangedOnDiskError",
    "DraftFolderReadOnlyError",
    "DraftLock",
    "DraftLockedError",
    "DraftUnreadableError",
    "HistoryEntry",
    "LockInfo",
    "OpenDraft",
    "Restored",
    "create_draft",
    "draft_files",
    "dump_draft",
    "history_dir",
    "history_to_keep",
    "list_history",
    "load_draft",
    "lock_path",
    "most_recent_draft",
    "new_draft_path",
    "newest_good_revision",
    "read_lock",
    "resolve_draft",
    "restore_revision",
    "save_draft",
    "set_aside_files",
]

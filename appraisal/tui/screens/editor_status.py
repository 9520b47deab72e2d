"""The editor's lines of state: the status bar (which draft, 字数, saved or not), the save error line under it, and
the heading above the text (which section, required or not, its length limits); and the sentence said when a key
would change a read-only draft."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from appraisal.tui.widgets.status_bar import SectionHeading, StatusBar

if TYPE_CHECKING:
    from appraisal.tui.screens.editor import EditorScreen

READ_ONLY_MESSAGE = "此草稿以只读方式打开，不能修改或保存，如需修改请用“另存为”保存一份副本。"
# Read-only because another window had it, which has closed it since: a copy would leave the draft behind.
REOPEN_MESSAGE = "另一窗口已关闭这份草稿：按 Ctrl+O 回到开始页，重新打开即可修改。"


def read_only_message(path: Path) -> str:
    """What to say to keys typed in a read-only draft: to reopen it once no one holds it (and its folder can be
    written), else to save a copy."""
    from appraisal.app.drafts import lock_holder

    free = lock_holder(path) is None and os.access(path.parent, os.W_OK)
    return REOPEN_MESSAGE if free else READ_ONLY_MESSAGE


def refresh_status(editor: EditorScreen) -> None:
    """The status bar, and the current section's entry in the list (its count changes on every key: cheap to
    redraw only that entry)."""
    session = editor.session
    editor.query_one("#status", StatusBar).show(
        draft_name=f"{session.draft.profile.name or '（未署名）'}·{session.draft.title}",
        total=session.draft.total_chars(),
        limit=session.template.max_chars,
        save_label=session.save_label(),
    )
    editor.checks.update_list_entry(editor.current_id)


def show_save_failure(editor: EditorScreen, sentence: str | None) -> None:
    """The save error line under the status bar: the failure's sentence, or nothing once a save succeeds."""
    editor.set_class(sentence is not None, "save-failed")
    editor.query_one("#save-error", Static).update(Text(sentence or ""))


def show_heading(editor: EditorScreen, section_id: str) -> None:
    """The line above the text: the section's group, title, whether it is required, and its length limits."""
    placed = editor.session.template.placed(section_id)
    section = placed.section
    limits = f"{section.min_chars}–{section.max_chars}" if section.max_chars else f"≥{section.min_chars}"
    editor.query_one("#section-heading", SectionHeading).show(
        parent=placed.parent.title if placed.parent is not None else None,
        title=section.title,
        required=section.required,
        limits=limits,
    )

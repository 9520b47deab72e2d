"""When a draft opens and a recovery copy of it is newer than the draft file (app/recovery.py): say where it is,
how many 字 it holds against the draft, and offer to take its words into the draft as a new revision (the draft's
words stay in the history, F7). 以后再说 (Esc) asks again next time; 不用了 does not. The copy file is never
deleted."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from appraisal.app.recovery import Recovery, recoveries, take_text
from appraisal.app.ui_state import load_answered_recoveries, save_answered_recovery
from appraisal.tui.screens.lazy_dialogs import dialogs

if TYPE_CHECKING:
    from appraisal.tui.screens.editor import EditorScreen


def offer(editor: EditorScreen, then: Callable[[], None]) -> None:
    """Ask about the newest unanswered copy, if any; `then` once answered (or at once when there is none)."""
    session = editor.session
    if session.read_only:
        then()
        return
    found = recoveries(session.path, session.draft, load_answered_recoveries(session.path))
    if not found:
        then()
        return
    copy = found[0]

    def answered(choice: str | None) -> None:
        if choice == "use":
            _use(editor, copy)
        if choice in ("use", "drop"):
            save_answered_recovery(session.path, copy.path)
        then()

    choices = [("use", "用恢复副本"), ("later", "以后再说"), ("drop", "不用了")]
    question = dialogs.ChoiceScreen(_question(editor, copy), choices, cancel="later", title="恢复副本")
    editor.app.push_screen(question, answered)


def _question(editor: EditorScreen, copy: Recovery) -> str:
    when = f"{copy.written.month}月{copy.written.day}日 {copy.written:%H:%M}"
    return (
        f"上次关闭时这份草稿未能保存，当时的文字已另存为恢复副本（{when}，全文 {copy.draft.total_chars()} 字；"
        f"草稿现在 {editor.session.draft.total_chars()} 字）：\n{copy.path}\n"
        "选“用恢复副本”把草稿换成副本中的文字，草稿现在的文字留在历史版本中（F7）；副本文件不会删除。"
    )


def _use(editor: EditorScreen, copy: Recovery) -> None:
    take_text(editor.session.draft, copy.draft)
    editor.session.mark_changed()
    editor.save_now()
    editor.reload_from_session()
    editor.notify(f"已用恢复副本中的文字（{copy.draft.total_chars()} 字），原来的文字在历史版本中（F7）。", timeout=8)

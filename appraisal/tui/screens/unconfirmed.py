"""Words typed in a dialog and not yet confirmed when the app ends without asking: a browser tab closed (the
tab cannot ask first, as Ctrl+Q does), the terminal window closed (SIGHUP), `kill`, a crash. They are kept beside
the draft's place (ui_state, never in the draft: they were not confirmed) and offered back when the draft opens
again: 继续填写 opens the dialog with them in its fields, 不要了 forgets them, 以后再说 (Esc) asks next time.

A dialog takes part with an `unconfirmed()` method returning a `ui_state.Unconfirmed` (or None when nothing was
typed): 个人信息 (F3), a note (Ctrl+N) and the new-draft form (filled in again the next time it opens)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.css.query import NoMatches
from textual.screen import Screen

from appraisal import paths
from appraisal.app.ui_state import Unconfirmed, load_unconfirmed, save_unconfirmed
from appraisal.tui.screens.lazy_dialogs import dialogs

if TYPE_CHECKING:
    from appraisal.tui.screens.editor import EditorScreen

log = logging.getLogger(__name__)

NOTE = "note"
NEW_DRAFT = "new-draft"
SHOWN_CHARACTERS = 60  # of each kept line in the question


@runtime_checkable
class KeepsUnconfirmed(Protocol):
    def unconfirmed(self) -> Unconfirmed | None: ...


def note_kept(section_id: str, text: str) -> Unconfirmed:
    return Unconfirmed(NOTE, {"section": section_id, "text": text})


def keep(stack: Iterable[Screen[object]], editor_type: type[EditorScreen]) -> int:
    """Keep the unconfirmed words of every dialog in `stack` with the draft of the editor under it (read-only
    views keep nothing); the new-draft form's, which has no draft yet, under NEW_DRAFT. The number of dialogs
    kept. Called while the app ends: nothing here may raise."""
    found: dict[Path, list[Unconfirmed]] = {}
    editor: EditorScreen | None = None
    for screen in stack:
        if isinstance(screen, editor_type):
            editor = screen
        elif isinstance(screen, KeepsUnconfirmed):
            try:
                item = screen.unconfirmed()
            except NoMatches:  # not composed yet, or already taken apart
                continue
            if item is not None and item.kind == NEW_DRAFT:
                found.setdefault(new_draft_key(), []).append(item)
            elif item is not None and editor is not None and not editor.session.read_only:
                found.setdefault(editor.session.path, []).append(item)
    for path, items in found.items():
        save_unconfirmed(path, [*load_unconfirmed(path), *items])
        log.info("kept %d unconfirmed dialog(s) for %s", len(items), path)
    return sum(len(items) for items in found.values())


def new_draft_key() -> Path:
    """Where the new-draft form's words are kept (ui_state keys its entries by a draft's path; there is none)."""
    return paths.data_dir() / "新建草稿"


def offer(editor: EditorScreen) -> None:
    """When the draft opens: the first words kept from a closed window, and what to do with them."""
    if editor.session.read_only:
        return
    path = editor.session.path
    kept = load_unconfirmed(path)
    known = [item for item in kept if _describe(editor, item) is not None]
    if not known:
        if kept:
            save_unconfirmed(path, [])
        return
    item = known[0]

    def answered(choice: str | None) -> None:
        if choice in (None, "later"):
            return
        save_unconfirmed(path, known[1:])
        if choice == "resume":
            _resume(editor, item)
        else:
            offer(editor)

    choices = [("resume", "继续填写"), ("drop", "不要了"), ("later", "以后再说")]
    question = _describe(editor, item) or ""
    editor.app.push_screen(dialogs.ChoiceScreen(question, choices, cancel="later", title="上次未确认的输入"), answered)


def _describe(editor: EditorScreen, item: Unconfirmed) -> str | None:
    """The question about `item`, or None for words of a kind this version does not know."""
    from appraisal.tui.screens.profile import LABELS, PROFILE

    if item.kind == PROFILE and item.values:
        lines = [f"{LABELS.get(key, key)}：{_short(value)}" for key, value in item.values.items()]
        return (
            "上次关闭窗口时，“个人信息与标题”中输入的以下内容还没有保存：\n"
            + "\n".join(lines)
            + "\n选“继续填写”打开个人信息，这些内容已填好，按“保存”后生效。"
        )
    if item.kind == NOTE and item.values.get("text", "").strip():
        sections = editor.session.template.text_section_ids()
        section = item.values.get("section", "")
        title = editor.session.template.section(section).title if section in sections else "当前栏目"
        return (
            f"上次关闭窗口时，记入“{title}”的一条素材还没有确认：\n{_short(item.values['text'])}\n"
            "选“继续填写”打开记素材，文字已填好，按“确定”后记入。"
        )
    return None


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_CHARACTERS else text[:SHOWN_CHARACTERS] + "……"


def _resume(editor: EditorScreen, item: Unconfirmed) -> None:
    from appraisal.tui.screens import editor_dialogs
    from appraisal.tui.screens.profile import PROFILE

    if item.kind == PROFILE:
        editor_dialogs.edit_profile(editor, kept=item.values)
    else:
        editor_dialogs.add_note(editor, item.values.get("section"), kept=item.values.get("text", ""))

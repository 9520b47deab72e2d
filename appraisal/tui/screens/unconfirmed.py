"""Words typed in a dialog and not yet confirmed when the app ends without asking: a browser tab closed (the
tab cannot ask first, as Ctrl+Q does), the terminal window closed (SIGHUP), `kill`, a crash. They are kept beside
the draft's place (ui_state, never in the draft: they were not confirmed) and offered back when the draft opens
again: 继续填写 opens the dialog with them in its fields, 不要了 forgets them, 以后再说 (Esc) asks next time.

A dialog takes part with an `unconfirmed()` method returning a `ui_state.Unconfirmed` (or None when nothing was
typed): 个人信息 (F3), a note (Ctrl+N) and the new-draft form (filled in again the next time it opens)."""

from __future__ import annotations

import datetime as dt
import glob
import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.css.query import NoMatches
from textual.screen import Screen

from appraisal import paths
from appraisal.app.recovery import recovery_folders
from appraisal.app.ui_state import (
    Unconfirmed,
    load_answered_recoveries,
    load_unconfirmed,
    save_answered_recovery,
    save_unconfirmed,
)
from appraisal.errors import AppraisalError
from appraisal.fileio import atomic_write_text, fit_name
from appraisal.tui.screens.lazy_dialogs import dialogs

if TYPE_CHECKING:
    from appraisal.tui.screens.editor import EditorScreen

log = logging.getLogger(__name__)

NOTE = "note"
NEW_DRAFT = "new-draft"
SHOWN_CHARACTERS = 60  # of each kept line in the question
# <draft name>.未确认的输入-<time>-<process>.txt: the words, when the data folder is full. The process id makes the
# name one window's own: two windows closed in the same second wrote one file, the second over the first.
ELSEWHERE_MARK = ".未确认的输入-"
_ELSEWHERE_SHAPE = f"{ELSEWHERE_MARK}00000000-000000-0000000-0.txt"


@runtime_checkable
class KeepsUnconfirmed(Protocol):
    def unconfirmed(self) -> Unconfirmed | None: ...


def note_kept(section_id: str, text: str) -> Unconfirmed:
    return Unconfirmed(NOTE, {"section": section_id, "text": text})


def keep(stack: Iterable[Screen[object]], editor_type: type[EditorScreen]) -> list[Path]:
    """Keep the unconfirmed words of every dialog in `stack` with the draft of the editor under it (read-only
    views keep nothing); the new-draft form's, which has no draft yet, under NEW_DRAFT. Where the data folder
    cannot be written (a full disk), in a text file elsewhere: those files are returned. Called while the app
    ends."""
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
    elsewhere: list[Path] = []
    for path, items in found.items():
        if save_unconfirmed(path, [*load_unconfirmed(path), *items]):
            log.info("kept %d unconfirmed dialog(s) for %s", len(items), path)
            continue
        where = _write_elsewhere(path, items)
        if where is None:
            log.error("the words typed in %d dialog(s) for %s could not be kept anywhere", len(items), path)
        else:
            log.warning("the data folder could not be written: the words typed in a dialog went to %s", where)
            elsewhere.append(where)
    return elsewhere


def _elsewhere_prefix(path: Path) -> str:
    return fit_name(path.stem, _ELSEWHERE_SHAPE) + ELSEWHERE_MARK


def _write_elsewhere(path: Path, items: list[Unconfirmed]) -> Path | None:
    """The data folder cannot be written (a full or read-only disk): the words as a plain text file where a
    recovery copy would go (beside the draft, else the home folder, else the temp folder); None if nowhere."""
    from appraisal.tui.screens.profile import LABELS

    whose = "新建草稿表单中填写" if path == new_draft_key() else f"对话框中输入（草稿 {path}）"
    parts = [f"关闭窗口时{whose}、尚未确认的内容。数据目录无法写入，未能保留在数据目录中，另存在这里。"]
    for item in items:
        heading = {NOTE: "一条素材", NEW_DRAFT: "新建草稿"}.get(item.kind, "个人信息与标题")
        lines = [item.values.get("text", "")] if item.kind == NOTE else []
        lines += [f"{LABELS.get(key, key)}：{value}" for key, value in item.values.items() if item.kind != NOTE]
        parts.append("\n".join([heading, *lines]))
    stem = f"{_elsewhere_prefix(path)}{dt.datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}"
    for folder in recovery_folders(path):
        target = _unused(folder, stem)
        try:
            atomic_write_text(target, "\n\n".join(parts) + "\n")
        except (AppraisalError, OSError):
            continue
        return target
    return None


def _unused(folder: Path, stem: str) -> Path:
    """`stem`.txt in `folder`, or `stem`-2.txt … when a file has that name already (a process id used again): never
    the name of a file that is there."""
    target, number = folder / f"{stem}.txt", 1
    while target.exists():
        number += 1
        target = folder / f"{stem}-{number}.txt"
    return target


def written_elsewhere(path: Path) -> list[Path]:
    """The files the words typed in a dialog went to, for this draft (or `new_draft_key()`), not yet told of."""
    told = load_answered_recoveries(path)
    prefix = glob.escape(_elsewhere_prefix(path))
    found = {file for folder in recovery_folders(path) for file in folder.glob(f"{prefix}*.txt")}
    return sorted(file for file in found if str(file) not in told)


def new_draft_key() -> Path:
    """Where the new-draft form's words are kept (ui_state keys its entries by a draft's path; there is none)."""
    return paths.data_dir() / "新建草稿"


def tell_written_elsewhere(*keys: Path) -> str | None:
    """What to say of the files `written_elsewhere` finds for `keys`, marked as told; None when there are none."""
    lost = {file: key for key in keys for file in written_elsewhere(key)}
    for file, key in lost.items():
        save_answered_recovery(key, file)
    if not lost:
        return None
    return (
        "上次关闭窗口时，对话框中输入、尚未确认的内容未能保留在数据目录中（数据目录所在磁盘已满或不可写），"
        f"已另存为文本文件 {'、'.join(map(str, lost))}，可打开复制使用。"
    )


def offer(editor: EditorScreen, *, told: bool = False) -> None:
    """When the draft opens: where the words went when the data folder was full (once), then the first words
    kept from a closed window, and what to do with them."""
    if editor.session.read_only:
        return
    path = editor.session.path
    # This draft's dialogs, and the new-draft form's (told here too: the form may not be opened again).
    said = None if told else tell_written_elsewhere(path, new_draft_key())
    if said is not None:
        title = "上次未确认的输入"
        editor.app.push_screen(dialogs.MessageScreen(said, title=title), lambda _: offer(editor, told=True))
        return
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

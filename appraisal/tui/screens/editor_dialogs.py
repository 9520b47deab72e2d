"""What the editor's keys open (review, export, history, 个人信息, the external editor, moving paragraphs, a note,
drafting help; save-as, and what to do when a save failed or the draft file changed on disk), each a function of
the editor screen: it saves first where the dialog reads the saved draft, pushes the dialog, and acts on what the
dialog returns. The screen keeps one line per action (layout and routing); these hold the work. The dialog screens
are imported where they are opened (the small ones through `lazy_dialogs`): opening a draft does not need them
before its first frame."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from appraisal.app.session import SaveConflict
from appraisal.errors import AppraisalError
from appraisal.tui.external import edit_text, suspended
from appraisal.tui.screens.editor_side import show_notes
from appraisal.tui.screens.editor_status import READ_ONLY_MESSAGE
from appraisal.tui.screens.lazy_dialogs import dialogs

if TYPE_CHECKING:
    from appraisal.checks import Finding
    from appraisal.tui.screens.editor import EditorScreen

# In a browser tab (appraisal serve) there is no terminal to hand over: an editor program would read the tab's
# input pipe and write into its screen, and the tab would hang.
IN_BROWSER_EDITOR_MESSAGE = "浏览器中不能打开外部编辑器，请直接在网页中输入或粘贴，浏览器里的输入法可以正常使用。"


def review(editor: EditorScreen) -> None:
    from appraisal.tui.screens.review import ReviewScreen

    editor.sync()
    editor.save_now()

    def done(finding: Finding | None) -> None:
        editor.reload_from_session()
        editor.save_now()
        if finding is not None:
            editor.jump_to_finding(finding)

    screen = ReviewScreen(editor.session, editor.service(), editor.last_year, save=editor.save_now)
    editor.app.push_screen(screen, done)


def export(editor: EditorScreen) -> None:
    """The export dialog, then the export in a worker (one at a time: F6 during one is refused)."""
    from appraisal.tui.screens.export import ExportRequest, ExportScreen, export_in_background

    if editor.exporting.refuse_if_running():
        return
    editor.sync()
    editor.save_now()

    def chosen(request: ExportRequest | None) -> None:
        if request is not None:
            export_in_background(editor, request)

    folder, failure = editor.settings.export_folder, editor.export_failure
    editor.app.push_screen(ExportScreen(editor.session, editor.service(), folder, failure), chosen)


def history(editor: EditorScreen) -> None:
    from appraisal.tui.screens.history import HistoryScreen

    editor.sync()
    editor.save_now()

    def chosen(revision: int | None) -> None:
        if revision is None:
            return
        try:
            editor.session.restore(revision)
        except AppraisalError as exc:
            editor.app.push_screen(dialogs.MessageScreen(exc.message, title="未能恢复"))
            return
        editor.reload_from_session()
        editor.notify(f"已恢复第 {revision} 版（保存为第 {editor.session.draft.revision} 版）。", timeout=5)

    editor.app.push_screen(HistoryScreen(editor.session), chosen)


def edit_profile(editor: EditorScreen, kept: dict[str, str] | None = None) -> None:
    """个人信息 (F3); `kept`: words typed there when a window closed, shown in their fields again."""
    from appraisal.tui.screens.profile import ProfileChange, ProfileScreen

    def changed(change: ProfileChange | None) -> None:
        if change is not None and change.apply(editor.session.draft):
            editor.session.mark_changed()
            editor.save_now()
            editor.go_to(editor.current_id, save=False)
            # The year or the name may have changed: look for last year's draft again; its answer has the whole
            # draft checked. Not looked up yet: the lookup after the first frame is still to come and does both.
            if editor.last_year_lookup.lookups.started:
                editor.last_year_lookup.look_up()

    session = editor.session
    screen = ProfileScreen(session.draft, session.template, read_only=session.read_only, kept=kept)
    editor.app.push_screen(screen, changed)


def external_editor(editor: EditorScreen) -> None:
    """Edit this section in $EDITOR: the fallback when the input method misbehaves in the terminal."""
    if editor.session.read_only:
        editor.app.push_screen(dialogs.MessageScreen(READ_ONLY_MESSAGE))
        return
    if editor.app.is_web:
        editor.app.push_screen(dialogs.MessageScreen(IN_BROWSER_EDITOR_MESSAGE, title="外部编辑器"))
        return
    editor.sync()
    editor.save_now()
    section_id = editor.current_id
    try:
        edited = edit_text(editor.session.text(section_id), partial(suspended, editor.app))
    except AppraisalError as exc:
        editor.app.push_screen(dialogs.MessageScreen(exc.message, title="外部编辑器"))
        return
    finally:
        editor.app.refresh()
    if edited != editor.session.text(section_id):
        document_end = editor.editor.document.end
        editor.editor.replace(edited, (0, 0), document_end)  # an edit, so Ctrl+Z can undo it
        editor.sync()
        editor.save_now()
        editor.check_section(section_id)


def move_block(editor: EditorScreen) -> None:
    """Move the cursor's paragraph, or the selected ones, to the end of another section: one action for a
    block an import put in the wrong place."""
    from appraisal.tui.screens.move_block import MoveBlockScreen, block_rows

    if editor.session.read_only:
        editor.notify(READ_ONLY_MESSAGE, severity="warning", timeout=5)
        return
    editor.sync()
    source = editor.current_id
    start, end = block_rows(editor.editor.selection)
    block = "\n".join(editor.session.text(source).split("\n")[start:end])
    if not block.strip():
        editor.notify("光标所在的段落没有文字，请把光标放在要移动的段落中，或选中要移动的几段。", timeout=5)
        return

    def chosen(target: str | None) -> None:
        if target is not None:
            move_lines(editor, source, start, end, target)

    editor.app.push_screen(MoveBlockScreen(editor.session.template, source, block), chosen)


def find(editor: EditorScreen) -> None:
    """查找: list the places of a word in the whole draft (the selected words to begin with) and show the one
    chosen, selected, in its section."""
    from appraisal.tui.screens.editor_navigation import place_cursor
    from appraisal.tui.screens.find import FindScreen, Place

    editor.sync()
    selected = editor.editor.selected_text
    word = selected if selected and "\n" not in selected else ""

    def chosen(place: Place | None) -> None:
        if place is None:
            return
        if place.section != editor.current_id:
            editor.go_to(place.section)
        place_cursor(editor, (place.row, place.start), end_column=place.end)
        editor.editor.focus()

    editor.app.push_screen(FindScreen(editor.session.draft, editor.session.template, word), chosen)


def take_unmatched(editor: EditorScreen) -> None:
    """Text an import could not place is kept in the draft's 未归类内容, which has no box of its own: list
    its lines and move the chosen one (or all) to the end of this section."""
    from appraisal.tui.screens.move_block import UnmatchedScreen

    if editor.session.read_only:
        editor.notify(READ_ONLY_MESSAGE, severity="warning", timeout=5)
        return
    if not editor.session.draft.unmatched.strip():
        editor.notify("草稿中没有未归类的内容。", timeout=4)
        return
    editor.sync()
    target = editor.current_id

    def chosen(rows: tuple[int, int] | None) -> None:
        if rows is not None:
            move_lines(editor, "unmatched", *rows, target)

    title = editor.session.template.section(target).title
    editor.app.push_screen(UnmatchedScreen(editor.session.draft.unmatched, title), chosen)


def move_lines(editor: EditorScreen, source: str, start: int, end: int, target: str) -> None:
    """Move lines between fields of the draft and save that as a new revision (F7 can bring the old back).
    The editor's undo history starts afresh, as after review fixes, so Ctrl+Z cannot bring the lines back
    beside their copy."""
    editor.session.draft.move_lines(source, start, end, target)
    editor.session.mark_changed()
    editor.save_now()
    editor.reload_from_session()
    title = editor.session.template.section(target).title
    editor.notify(f"已移到「{title}」末尾，可按 F7 在历史版本中找回移动前的内容。", timeout=5)


def add_note(editor: EditorScreen, section_id: str | None = None, kept: str = "") -> None:
    """Ask for a note and keep it under this section (dated by a date it starts with, else today); the 素材 page
    then shows it. `kept`: a note typed when a window closed with this dialog open, under `section_id`."""
    from appraisal.tui.screens.unconfirmed import note_kept

    if section_id is None or section_id not in editor.session.template.text_section_ids():
        section_id = editor.current_id

    def add(text: str | None) -> None:
        if not text:
            return
        try:
            note = editor.service().add_section_note(editor.session.draft, section_id, text)
        except AppraisalError as exc:
            editor.notify(exc.message, severity="error", timeout=8)
            return
        when = f"，日期 {note.date.month}月{note.date.day}日" if note.date else ""
        editor.notify(f"已记入{editor.session.draft.profile.year or ''}年度素材第{note.id}条{when}。", timeout=3)
        if section_id == editor.current_id:
            show_notes(editor, section_id)
            editor.guidance.open_tab("material")

    title = editor.session.template.section(section_id).title
    question = f"记入“{title}”的素材（可在开头写日期，如 3月5日；不写则记为今天）："
    keep = partial(note_kept, section_id)
    editor.app.push_screen(dialogs.InputScreen(question, title="记素材", value=kept, given="", keep=keep), add)


def assist(editor: EditorScreen) -> None:
    """Drafting help on this section; an accepted proposal replaces its text as one edit (Ctrl+Z undoes it)
    and is saved at once, as a new revision."""
    from appraisal.tui.screens.assist import Accepted, AssistScreen, Confirmed

    if editor.session.read_only:
        editor.notify(READ_ONLY_MESSAGE, severity="warning", timeout=5)
        return
    editor.sync()
    section_id = editor.current_id

    def decided(outcome: Accepted | Confirmed | None) -> None:
        if outcome is None or section_id != editor.current_id:
            return
        if isinstance(outcome, Accepted):
            editor.editor.replace(outcome.proposal.text, (0, 0), editor.editor.document.end)
            editor.editor.focus()
            editor.sync()
            editor.service().adopt_proposal(editor.session.draft, outcome.proposal)
        else:
            editor.service().confirm_facts(editor.session.draft, section_id, outcome.texts)
            editor.notify(f"已确认 {len(outcome.texts)} 处内容无误，不再提示。", timeout=3)
        editor.session.mark_changed()
        editor.save_now()
        editor.check_section(section_id)

    screen = AssistScreen(editor.service(), editor.session.draft, editor.session.template, section_id)
    editor.app.push_screen(screen, decided)


def save(editor: EditorScreen) -> None:
    if editor.session.read_only:
        editor.notify(READ_ONLY_MESSAGE, severity="warning", timeout=5)
        return
    if editor.session.conflict is not None:
        editor.offer_conflict_choices()
        return
    editor.sync()
    editor.session.mark_changed()  # an explicit save always writes, so the user sees a fresh time
    if editor.save_now():
        editor.notify(f"已保存到 {editor.session.path}", timeout=3)
    elif editor.session.conflict is not None:
        editor.offer_conflict_choices()


def offer_conflict_choices(editor: EditorScreen) -> None:
    """The draft file was deleted or rewritten by another program: save it again where it was (only when
    it is gone: never over someone else's file), save it under a new name, or go on writing for now."""
    session = editor.session
    if session.conflict is SaveConflict.DELETED:
        question = f"草稿 {session.path} 已被其他程序删除，您写的文字都还在编辑器中。"
        choices = [("save-here", "在原处重新保存"), ("save-as", "另存为"), ("back", "返回编辑")]
    else:
        question = f"草稿 {session.path} 已被其他程序修改，为免覆盖对方的内容，请把您的文字另存为新文件。"
        choices = [("save-as", "另存为"), ("back", "返回编辑")]

    def answer(choice: str | None) -> None:
        if choice == "save-here":
            editor.save_here()
        elif choice == "save-as":
            editor.action_save_as()

    editor.app.push_screen(dialogs.ChoiceScreen(question, choices, cancel="back", title="草稿文件有变化"), answer)


def save_here(editor: EditorScreen) -> None:
    editor.sync()
    try:
        editor.session.save_here()
    except AppraisalError as exc:
        editor.app.push_screen(dialogs.MessageScreen(exc.message, title="未能保存"))
        editor.save_now()  # shows the new state (the file is someone else's now)
        return
    editor.saving.saved_elsewhere()
    editor.refresh_status()
    editor.notify(f"已重新保存到 {editor.session.path}", timeout=4)


def save_as(editor: EditorScreen) -> None:
    def chosen(answer: str | None) -> None:
        if not answer:
            return
        target = Path(answer).expanduser()
        if not target.is_absolute():  # a bare name goes beside the draft, not into whatever folder we run in
            target = editor.session.path.parent / target
        if target.suffix.lower() != ".json":
            target = target.with_suffix(".json")
        try:
            editor.sync()
            editor.session.save_as(target)
        except AppraisalError as exc:
            editor.app.push_screen(dialogs.MessageScreen(exc.message, title="另存失败"))
            return
        editor.saving.saved_elsewhere()
        editor.editor.read_only = editor.session.read_only  # a read-only draft saved as a copy: the copy is ours
        editor.refresh_status()
        editor.notify(f"已另存为 {target}", timeout=4)

    suggestion = editor.session.path.with_name(editor.session.path.stem + "-副本.json")
    editor.app.push_screen(
        dialogs.InputScreen(
            "另存为（草稿文件路径，可输入或在下面选择文件夹）：",
            value=str(suggestion),
            title="另存为",
            suffixes=[".json"],
        ),
        chosen,
    )


def ask_about_unsaved(editor: EditorScreen, then: Callable[[], None]) -> None:
    """The last save failed: never drop the text silently. Offer save-as, going back, or leaving anyway."""
    error = editor.session.error or "保存失败。"
    choices = [("save-as", "另存为"), ("back", "返回编辑"), ("discard", "放弃修改并离开")]
    if editor.session.conflict is SaveConflict.DELETED:  # nothing there to overwrite: it may go back where it was
        choices.insert(0, ("save-here", "在原处重新保存"))

    def answer(choice: str | None) -> None:
        if choice == "save-here":
            editor.save_here()
        elif choice == "save-as":
            editor.action_save_as()
        elif choice == "discard":
            editor.close_session()
            then()

    editor.app.push_screen(
        dialogs.ChoiceScreen(
            f"最近的修改未能保存：{error}\n可以另存为新文件，或返回继续编辑。",
            choices,
            cancel="back",
            title="未能保存",
        ),
        answer,
    )

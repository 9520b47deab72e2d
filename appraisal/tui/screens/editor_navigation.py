"""Moving about the editor: to another section (saving first, never refused), to a place in the text, to a
finding. Each is a function of the editor screen; the screen keeps one line per key."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets.text_area import Selection

from appraisal.tui.jump_cue import jump_cue
from appraisal.tui.queued_keys import after_queued_keys
from appraisal.tui.screens.editor_side import show_notes
from appraisal.tui.screens.editor_status import show_heading

if TYPE_CHECKING:
    from appraisal.checks import Finding
    from appraisal.tui.screens.editor import EditorScreen


def go_to(editor: EditorScreen, section_id: str, location: tuple[int, int] | None = None, *, save: bool = True) -> None:
    """Show another section. Saves first; never refuses, whatever state the current section is in."""
    editor.sync()
    if save:
        editor.save_now()
    if editor.saving.take_check():  # the section being left gets its pending check now, not never
        editor.check_section(editor.current_id)
    editor.current_id = section_id
    show_in_editor(editor, section_id)
    if location is not None:
        place_cursor(editor, location)
    show_heading(editor, section_id)
    editor.guidance.show_guidance(editor.session.template.guidance(section_id))
    editor.checks.show_here()
    if editor.last_year_lookup.known:  # until last year's draft has been looked up, the tab says it is looking
        editor.last_year_lookup.show(section_id)
    if editor.guidance.built:  # before that, after_first_frame shows them (the service is not loaded yet)
        show_notes(editor, section_id)
    editor.section_list.select_section(section_id)
    editor.editor.focus()
    editor.refresh_status()
    if save:
        editor.remember_position()  # so even a killed session reopens on this section


def show_in_editor(editor: EditorScreen, section_id: str) -> None:
    """The section's text from the draft into the text area (remembered as synced: it is the draft's already)."""
    text = editor.session.text(section_id)
    editor.last_synced = text
    editor.editor.show_section(section_id, text, read_only=editor.session.read_only)


def place_cursor(editor: EditorScreen, location: tuple[int, int], end_column: int | None = None) -> None:
    """The cursor at (row, column), or a selection up to `end_column`, kept inside the text and scrolled into
    the middle of the view."""
    area = editor.editor
    document = area.document
    row = max(0, min(location[0], document.line_count - 1))
    line = document.get_line(row)
    column = max(0, min(location[1], len(line)))
    if end_column is not None and end_column > column:
        area.selection = Selection((row, column), (row, min(end_column, len(line))))
    else:
        area.move_cursor((row, column))
    area.scroll_cursor_visible(center=True)


def jump_to_finding(editor: EditorScreen, finding: Finding) -> None:
    """Show the finding's section with the cursor on it (line and column are 1-based, in code points).
    A finding about the title or the profile (no section) opens the 个人信息 dialog instead; one saying that
    a check could not run has nowhere to go and is shown again."""
    from appraisal.checks import CHECK_FAILED, RULES

    section_id = finding.section
    if finding.rule == CHECK_FAILED:
        editor.notify(finding.message, severity="error", timeout=8)
        return
    if section_id is None:
        editor.action_edit_profile()
        return
    if section_id not in editor.session.template.text_section_ids():
        return
    if section_id != editor.current_id:
        editor.go_to(section_id)
    # A finding that marks where something is to be written (the unit whose number is missing): the cursor goes
    # in front of the marked text, selecting nothing, so typing the number does not replace the unit.
    rule = RULES.get(finding.rule)
    gap = rule is not None and rule.marks_gap
    end_column = None if gap else finding.end_column - 1
    place_cursor(editor, (finding.line - 1, finding.column - 1), end_column=end_column)
    area = editor.editor
    area.focus()
    row = area.cursor_location[0]
    cue = jump_cue(area.document.get_line(row), finding.column - 1, finding.end_column - 1, gap=gap)
    if cue is not None:
        editor.notify(cue, timeout=5)


def neighbour(editor: EditorScreen, step: int) -> str:
    """The section `step` places away from the current one (the first or last when that runs past the end)."""
    ids = editor.session.template.text_section_ids()
    index = ids.index(editor.current_id) + step
    return ids[max(0, min(index, len(ids) - 1))]


def after_typed_keys(editor: EditorScreen, step: int) -> None:
    """Change section once the keys typed before the change are in the text, and before those typed after it
    (queued_keys): each key lands in its own section, whatever the app was busy with."""
    after_queued_keys(editor.editor, lambda: editor.go_to(neighbour(editor, step)))

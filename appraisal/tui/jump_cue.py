"""What a jump to a finding tells the writer about the next keys. Every jump says the same kind of thing: what is
selected is replaced by what is typed; where nothing is selected (a missing figure: the number goes between the
words and the unit), typing goes in at the cursor, and the cue names the two neighbours. A writer taught by a
placeholder jump ("XX" selected, typing replaces it) otherwise types the whole phrase at a missing figure and
doubles it (完成投资完成投资23.6亿元亿元)."""

from __future__ import annotations

from appraisal.text.quotes import quoted

NEIGHBOUR = 4  # 字 shown on each side of the cursor


def jump_cue(line: str, column: int, end_column: int, *, gap: bool) -> str | None:
    """The cue for a jump to `line[column:end_column]` (0-based); `gap`: the finding marks where something is
    missing, the cursor goes in front of the marked text. None when the finding marks no text (a whole section)."""
    marked = line[column:end_column]
    if not marked.strip():
        return None
    if gap:
        before = line[max(0, column - NEIGHBOUR) : column].strip()
        if not before:
            return f"光标在{quoted(marked)}之前，请在此处补写，不必重打后面的文字。"
        return f"光标在{quoted(before)}和{quoted(marked)}之间，请在此处补写，不必重打前后的文字。"
    return f"已选中{quoted(marked)}，直接输入即替换选中的文字。"

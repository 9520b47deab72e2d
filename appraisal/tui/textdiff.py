"""What restoring a revision would change, section by section: the text taken out and the text put back, each
marked so it reads without colour too (［-删去的］ ［+恢复的］)."""

from __future__ import annotations

from difflib import SequenceMatcher

from rich.text import Text

from appraisal.draft import count_zi

CHAR_LIMIT = 20_000  # longer sections are compared line by line: character by character would take seconds


def _pieces(now: str, then: str) -> list[tuple[str, str]]:
    """(kind, text) in reading order: kind is "same", "removed" (in `now`, not in `then`) or "added"."""
    if len(now) + len(then) > CHAR_LIMIT:
        a, b = now.splitlines(keepends=True), then.splitlines(keepends=True)
    else:
        a, b = list(now), list(then)
    pieces: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            pieces.append(("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("removed", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(("added", "".join(b[j1:j2])))
    return pieces


def change_summary(pieces: list[tuple[str, str]]) -> str:
    """恢复后增加 N 字，删去 M 字 — or, where no 字 changes (字 do not count punctuation and spaces), what did:
    `增加 0 字，删去 0 字` read as if nothing would change."""
    added = sum(count_zi(piece) for kind, piece in pieces if kind == "added")
    removed = sum(count_zi(piece) for kind, piece in pieces if kind == "removed")
    if added or removed:
        return f"恢复后增加 {added} 字，删去 {removed} 字"
    places, inside = 0, False  # a run of removed and added pieces is one place (，→。)
    for kind, piece in pieces:
        changed = kind != "same" and bool(piece.strip())
        places += changed and not inside
        inside = kind != "same"
    return f"恢复后只改动 {places} 处标点" if places else "恢复后只改动空格或换行"


def section_change(title: str, now: str, then: str) -> Text:
    """One section: its title, how many 字 restoring adds and removes, and the text with the changes marked."""
    text = Text()
    text.append(title, style="bold")
    if now == then:
        text.append("（无变化）\n", style="dim")
        return text
    pieces = _pieces(now, then)
    text.append(f"（{change_summary(pieces)}）\n", style="dim")
    for kind, piece in pieces:
        if kind == "same":
            text.append(piece)
        elif kind == "removed":
            text.append(f"［-{piece}］", style="red strike")
        else:
            text.append(f"［+{piece}］", style="green underline")
    text.append("\n")
    return text

"""A document's bytes with some of its characters replaced, everything else as it was.

Text files keep their encoding, byte-order mark and line ends; a Word file changes only inside the text runs the
edits touch, so every format and style stays. The file is read again and must still be the document that was
read, or nothing is produced.
"""

from __future__ import annotations

from collections.abc import Iterable

from appraisal import edits as editing
from appraisal.edits import Edit
from appraisal.errors import AppraisalError
from appraisal.importing import word
from appraisal.importing.reader import CHECKING, Document, read_bytes, split_with_ends


def writable(document: Document, edit: Edit) -> bool:
    """Whether `edited_copy` can make the edit: anywhere in a text file; in a Word file only inside text runs (not
    Word's own number, a tab, a break, nor a text box whose two copies already differ)."""
    return document.kind != "docx" or word.in_text_runs(document.pieces[edit.line - 1], edit)


def edited_copy(document: Document, edits: Iterable[Edit], verb: str = CHECKING) -> tuple[bytes, int]:
    """The file of `document` with `edits` applied (see `appraisal.edits.plan`), and how many were applied.

    Raises AppraisalError when the file changed since it was read (`verb` says what the user was doing)."""
    assert document.path is not None, "only a document read from a file can be copied"
    path = document.path
    raw = read_bytes(path, verb)
    changed = AppraisalError(f"{path} 在{verb}过程中被修改，未生成修正后的副本，请重新{verb}。")
    if document.kind == "docx":
        wordfile = word.WordFile(path, raw, verb)
        if wordfile.lines() != document.lines:
            raise changed
        planned = editing.plan(edits, document.lines, lambda e: writable(document, e))
        for number, line_edits in planned.items():
            wordfile.rewrite(number - 1, line_edits)
        return wordfile.to_bytes(), sum(len(e) for e in planned.values())
    try:
        text = raw[len(document.bom) :].decode(document.encoding)
    except UnicodeDecodeError as exc:
        raise changed from exc
    lines, ends = split_with_ends(text)
    if not raw.startswith(document.bom) or lines != document.lines:
        raise changed
    planned = editing.plan(edits, lines)
    for number, line_edits in planned.items():
        lines[number - 1] = editing.splice(lines[number - 1], line_edits)
    out = "".join(line + end for line, end in zip(lines, ends, strict=True))
    return document.bom + out.encode(document.encoding), sum(len(e) for e in planned.values())

"""Plain text to paste into the 登记表 box.

Layout: the title on the first line, one blank line, then every heading and paragraph on its own line, each
indented with two ideographic spaces (`　　`, U+3000 ×2) as in a 公文 — headings are indented like the body
(GB/T 9704). No blank lines between paragraphs: the 登记表 box is small and the indent already marks them.
Level-2 headings run into their paragraph when that is switched on. The 落款 (unit, name, date, as the template lays it
out) follows after one blank line, pushed right as in the Word file, so that a re-import finds who wrote it; when
pasting into a 登记表, which has its own signature box, leave those last lines out.

Encoding: UTF-8 with a byte-order mark and Windows line ends (CRLF). Many offices still open .txt files in the old
Windows Notepad, which without a BOM may read UTF-8 as GBK (garbled Chinese) and without CRLF shows the whole file
on one line; WPS, Word, modern Notepad and the Linux editors on 统信UOS / 麒麟 accept either, and none of them pastes
the BOM along with the text. `appraisal import` reads the file back (it accepts the BOM and CRLF).
"""

from __future__ import annotations

from appraisal.draft import Draft
from appraisal.export import ExportOptions
from appraisal.export.outline import Heading, Outline, build_outline, signature_indents, zi_width
from appraisal.templates import Template

INDENT = "\u3000\u3000"
NEWLINE = "\r\n"
BOM = "\ufeff"


LINE_ZI = 28  # 字 a line, as on a GB/T 9704 page: the 落款 is placed as in the Word file
SIGNATURE_RIGHT_ZI = 4


def signature_text(outline: Outline) -> list[str]:
    """The 落款 lines, pushed right with full-width spaces: the date 4 字 from the end of a 28-字 line, the unit
    and name centred over it, as in the Word file."""
    lines = outline.signature_lines
    padded = []
    for line, right in zip(lines, signature_indents(lines, SIGNATURE_RIGHT_ZI), strict=True):
        left = max(0.0, LINE_ZI - right - zi_width(line))
        # Full-width spaces only, to the nearest 字 (half a 字 of ASCII spaces mixed in read as a slip).
        padded.append("\u3000" * int(left + 0.5) + line)
    return padded


def to_text(outline: Outline) -> str:
    """The outline as lines of text (with `\n`; the file gets CRLF)."""
    body = [INDENT + (block.label if isinstance(block, Heading) else block.full_text) for block in outline.blocks]
    lines = [outline.title, "", *body] if body else [outline.title]
    return "\n".join([*lines, "", *signature_text(outline)]) + "\n"


def render(draft: Draft, template: Template, options: ExportOptions) -> bytes:
    """The file's bytes (see `appraisal.export.FORMATS`)."""
    text = to_text(build_outline(draft, template, options))
    return (BOM + text.replace("\n", NEWLINE)).encode("utf-8")

"""Markdown export: the layout `appraisal import` reads back into exactly the same section texts.

The layout, line by line (UTF-8, no BOM, `\n` line ends, one `\n` at the end of the file):

    # 2026年度个人总结            ← the title
                                  ← blank lines separate every block
    开头语的第一段……              ← text before the first heading belongs to `intro` (heading = false)

    ## 一、品行修养               ← level 1: `##`, the exporter's number, the template title
    第一段……                      ← each line of section text is one paragraph, written verbatim

    ## 三、四项主要工作实绩       ← a group heading, no text of its own
    ### （一）服务中心实绩        ← level 2: `###`; level 3 `####` with `1.`, level 4 `#####` with `（1）`
    ……
    ---                           ← only before a section without heading that follows headed ones (结束语)
    特此报告，请予评议。

Decisions: headings are always on their own line here, even when Word and plain text run level-2 headings into the
paragraph — Markdown is the structured, round-trip format. The title and the paragraphs escape only what a Markdown
viewer would read as markup (`appraisal.markdown_escapes`: `**` shows as two stars, `1. ` as a number, `<b>` as
text), so the file reads as typed in a text editor and in a viewer; importing it takes the escapes out again and gives
back the very same characters. The HTML export escapes all ASCII punctuation for its renderer instead
(`to_markdown(..., for_renderer=True)`). The 落款 ends the file, one paragraph a line (unit, name, date, as in the Word
file); the importer reads it back as the 落款.
"""

from __future__ import annotations

import dataclasses

from appraisal.draft import Draft
from appraisal.export import ExportOptions
from appraisal.export.outline import Heading, Outline, Paragraph, build_outline
from appraisal.markdown_escapes import escape_heading, escape_paragraph
from appraisal.templates import Template
from appraisal.text.lazy_regex import lazy_compile

THEMATIC_BREAK = "---"
_ASCII_PUNCTUATION = lazy_compile(r"""([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")
_TRAILING_PUNCTUATION = lazy_compile(r"[\W_]+$")


def escape(text: str) -> str:
    """Backslash-escape every ASCII punctuation character: CommonMark then prints each one literally."""
    return _ASCII_PUNCTUATION.sub(r"\\\1", text)


def heading_marks(level: int) -> str:
    """`##` for level 1: the single `#` is the document title."""
    return "#" * (level + 1)


def _run_in(lead: Heading) -> str:
    """`**（一）服务中心实绩**。` — strong emphasis around the heading.

    The closing `**` must follow a letter, not punctuation, or CommonMark does not close it before CJK text; so any
    punctuation at the end of the label stays outside the emphasis.
    """
    label = lead.run_in_label
    match = _TRAILING_PUNCTUATION.search(label)
    core, tail = (label[: match.start()], match.group()) if match else (label, "")
    return f"**{escape(core)}**{escape(tail)}"


def to_markdown(outline: Outline, *, for_renderer: bool = False) -> str:
    """The outline as Markdown: for the .md file (escaped where a viewer would read markup), or with all ASCII
    punctuation escaped (and run-in headings) for the HTML renderer."""
    text = escape if for_renderer else escape_paragraph
    blocks: list[str] = [f"# {escape(outline.title) if for_renderer else escape_heading(outline.title)}"]
    current_section = ""
    for block in outline.blocks:
        entering = block.section_id != current_section
        current_section = block.section_id
        if (
            not for_renderer
            and entering
            and isinstance(block, Paragraph)
            and block.section_id in outline.trailing_unheaded
        ):
            blocks.append(THEMATIC_BREAK)
        if isinstance(block, Heading):
            label = escape(block.label) if for_renderer else block.label  # the template's words, or the user's heading
            blocks.append(f"{heading_marks(block.level)} {label}")
        elif block.lead is not None and for_renderer:
            blocks.append(_run_in(block.lead) + text(block.text))
        else:
            blocks.append(text(block.full_text))
    if not for_renderer:  # the HTML page lays out its own 落款
        blocks.extend(escape_paragraph(line) for line in outline.signature_lines)
    return "\n\n".join(blocks) + "\n"


def render(draft: Draft, template: Template, options: ExportOptions) -> bytes:
    """The file's bytes (see `appraisal.export.FORMATS`)."""
    outline = build_outline(draft, template, dataclasses.replace(options, run_in_headings=False))
    return to_markdown(outline).encode("utf-8")

"""The file formats the program reads and writes, each listed once: the CLI, the TUI and the importer and exporter
are all built from these tables. Kept free of heavy imports, since the command line's help is built from it.
"""

from __future__ import annotations

from typing import NamedTuple

# ---------------------------------------------------------------- documents read (import, check)

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
DOCX_SUFFIXES = frozenset({".docx", ".docm", ".dotx", ".dotm"})
OLD_WORD_SUFFIXES = frozenset({".doc", ".wps", ".dot", ".wpt"})  # recognised only to say how to convert them
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | DOCX_SUFFIXES | OLD_WORD_SUFFIXES


# ---------------------------------------------------------------- export formats (written)


class ExportFormat(NamedTuple):
    """One export format: the `--to` choices and help, the `-o` suffix map, the export dialog's list and the file
    names are all built from these records. `module` is the module under `appraisal.export` that renders it."""

    name: str  # the --to value, e.g. "docx"
    suffix: str  # the file suffix, e.g. ".docx"
    label: str  # shown to the user, e.g. "Word 文档"
    module: str
    aliases: tuple[str, ...] = ()  # other names a user may type for it, e.g. "word"
    other_suffixes: tuple[str, ...] = ()  # other suffixes that mean it in `-o`, e.g. ".htm"


EXPORT_FORMATS = (
    ExportFormat("docx", ".docx", "Word 文档", "docx", aliases=("word",)),
    ExportFormat("txt", ".txt", "纯文本（粘贴到登记表）", "text", aliases=("text",)),
    ExportFormat("md", ".md", "Markdown", "markdown", aliases=("markdown",), other_suffixes=(".markdown",)),
    ExportFormat("html", ".html", "网页（可打印）", "html", aliases=("htm",), other_suffixes=(".htm",)),
)

FORMATS: dict[str, ExportFormat] = {fmt.name: fmt for fmt in EXPORT_FORMATS}
"""The export formats by name, in the order they are offered."""

SUFFIX_FORMATS: dict[str, str] = {
    suffix: fmt.name for fmt in EXPORT_FORMATS for suffix in (fmt.suffix, *fmt.other_suffixes)
}
"""File suffix → export format name: `-o 总结.md` chooses Markdown."""

_NAMES: dict[str, str] = {alias: fmt.name for fmt in EXPORT_FORMATS for alias in (fmt.name, *fmt.aliases)}


def format_named(text: str) -> str | None:
    """The export format a user means by `DOCX`, `.docx` or `word`; None when it is none of them."""
    return _NAMES.get(text.strip().lower().lstrip("."))

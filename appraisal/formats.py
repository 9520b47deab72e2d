"""The document suffixes the program reads, by kind: one list for importing and for `appraisal check`."""

from __future__ import annotations

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
DOCX_SUFFIXES = frozenset({".docx", ".docm", ".dotx", ".dotm"})
OLD_WORD_SUFFIXES = frozenset({".doc", ".wps", ".dot", ".wpt"})  # recognised only to say how to convert them
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | DOCX_SUFFIXES | OLD_WORD_SUFFIXES

"""Text basics shared by the checker, the importer, the CLI and the TUI: character classes, line breaking.

Pure Python (and Rich's cell widths): no Textual, no I/O.
"""

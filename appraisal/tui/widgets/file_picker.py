"""A folder tree to pick a file with the arrow keys, beside the typed path (Textual's DirectoryTree, showing
folders and the files a dialog can use; hidden files and folders left out)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.widgets import DirectoryTree


class FilePicker(DirectoryTree):
    """Folders, and files whose suffix is one of `suffixes`. A folder that cannot be read is simply left out."""

    def __init__(self, root: Path, suffixes: Iterable[str], *, id: str | None = None) -> None:
        super().__init__(root, id=id, classes="file-picker")
        self.suffixes = frozenset(s.lower() for s in suffixes)

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        shown = []
        for path in paths:
            if path.name.startswith("."):
                continue
            try:
                if path.is_dir() or path.suffix.lower() in self.suffixes:
                    shown.append(path)
            except OSError:  # no permission to look at it: not something the user can pick anyway
                continue
        return shown

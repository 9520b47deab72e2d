"""The one-line bar above the editor: which draft, which section, 字数, and whether the text is saved."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class StatusBar(Static):
    def show(self, *, draft_name: str, total: int, limit: int | None, save_label: str) -> None:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(draft_name, style="bold")
        text.append(f"  全文 {total}" + (f"/{limit}" if limit else "") + " 字  ", style="dim")
        style = {"未保存": "yellow", "保存失败": "bold red", "只读": "bold magenta"}.get(save_label, "green")
        text.append(save_label, style=style)
        self.update(text)

"""Quoting the writer's words in a message: “…”, with their own double quotes turned single inside (GB/T 15834
4.4.3: a quotation inside a quotation takes single quotes), so `增强“四个意识”` is said as “增强‘四个意识’”, not
as “增强“四个意识””."""

from __future__ import annotations

_INNER = str.maketrans({"“": "‘", "”": "’"})


def quoted(words: str) -> str:
    """`words` in double quotes, their own double quotes made single."""
    return f"“{words.translate(_INNER)}”"

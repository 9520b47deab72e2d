"""A list of names in a sentence: `品行修养、理论学习`, or, when a name holds a 、 of its own
(`有潜在、长远效应基础工作实绩`), each name in corner brackets (`「品行修养」「有潜在、长远效应基础工作实绩」`), so that
no reader takes one name for two."""

from __future__ import annotations

from collections.abc import Iterable


def name_list(names: Iterable[str]) -> str:
    """The names joined with 、, or each in 「」 when any of them holds a 、."""
    names = list(names)
    if any("、" in name for name in names):
        return "".join(f"「{name}」" for name in names)
    return "、".join(names)

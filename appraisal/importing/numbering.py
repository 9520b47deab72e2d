"""Word's automatic list numbers: the `一、` `（一）` `1.` `1.2` Word draws before a numbered paragraph, which is not
in the paragraph's text.

Read from the numbering part (`numbering.xml`) as Word counts (ECMA-376 §17.9): a paragraph is numbered by its own
`w:numPr` or its style's (through `w:basedOn`); `w:numId` names a list instance (`w:num`), which points to an
abstract definition (`w:abstractNum`, maybe through a numbering style's `w:numStyleLink`) holding nine levels
(`w:lvl`: `w:start`, `w:numFmt`, `w:lvlText` such as `%1、` or `%1.%2`, `w:lvlRestart`, `w:isLgl`, `w:suff`).
Instances of one definition share its counters, as in Word: an instance's `w:lvlOverride/w:startOverride` restarts
the level where the instance is first used. A level restarts after any shallower level is used, unless its
`w:lvlRestart` says otherwise (0: never). Bullets have no number and give no text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from appraisal.importing.number_formats import LONGEST_NUMBER, format_number
from appraisal.importing.wordml import switched_on
from appraisal.importing.wordml import w as _w

LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")
# A number ending in a digit, a letter or 一 is followed by a space; one ending in ①, 、 or ） needs none, nor one
# ending in `.` or `)` unless the paragraph starts with a figure or a Latin letter (`1. 3月`, not `1.3月`).
_WORD_CATEGORIES = {"Nd", "Lu", "Ll", "Lo"}
# Word keeps a list's start within 0…32767 and draws at most 31 characters of number (MS-OI29500 §2.1.283): a
# file asking for more (`w:start="2000000000"` in letters would be 77 million characters a paragraph) is held
# to that.
MOST_START = 32767
_STYLE_LINK_DEPTH = 4  # numStyleLink → style → num → abstractNum, followed at most this many times


def _value(node: Any, tag: str) -> str | None:
    """The `w:val` of the child `tag` of `node`; None when either is missing."""
    if node is None:
        return None
    child = node.find(_w(tag))
    return child.get(_w("val")) if child is not None else None


def _int(text: str | None, default: int | None = None) -> int | None:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _start(text: str | None, default: int | None = None) -> int | None:
    """A start value (`w:start`, `w:startOverride`) held to what Word can show: 0…`MOST_START`."""
    value = _int(text, default)
    return None if value is None else min(max(value, 0), MOST_START)


@dataclass(frozen=True)
class Level:
    """One level of a list: how its number is written and when it starts again."""

    start: int = 0  # no `w:start`: 0 (ECMA-376 §17.9.25; LibreOffice shows `0.`; WPS and Word write it)
    number_format: str = "decimal"
    text: str = ""  # lvlText: `%1、`, `（%1）`, `%1.%2`
    restart: int | None = None  # lvlRestart: restart after a use of this level (1-based) or shallower; 0 never
    legal: bool = False  # isLgl: every number in Arabic digits
    suffix: str = "tab"  # what follows the number: tab, space or nothing
    style: str | None = None  # the paragraph style this level is linked to


def _level(node: Any, base: Level | None = None) -> Level:
    """A `w:lvl` read, each element it lacks taken from `base` (the abstract level it overrides)."""
    base = base or Level()
    legal = node.find(_w("isLgl"))
    return Level(
        start=_start(_value(node, "start"), base.start) or 0,
        number_format=_value(node, "numFmt") or base.number_format,
        text=(_value(node, "lvlText") or "")[: 2 * LONGEST_NUMBER]  # room for the %N the numbers replace
        if node.find(_w("lvlText")) is not None
        else base.text,
        restart=_int(_value(node, "lvlRestart"), base.restart),
        legal=switched_on(legal) if legal is not None else base.legal,
        suffix=_value(node, "suff") or base.suffix,
        style=_value(node, "pStyle") or base.style,
    )


@dataclass
class _Instance:
    """A `w:num`: its definition's id, its own levels where it overrides them, and its start overrides."""

    abstract: str
    levels: dict[int, Any] = field(default_factory=dict)  # ilvl → the overriding `w:lvl` element
    starts: dict[int, int] = field(default_factory=dict)  # ilvl → startOverride


@dataclass(frozen=True)
class StyleNumbering:
    """A paragraph style's numbering: its list instance and level (None: the level linked to the style, else 0)."""

    num_id: str
    level: int | None


class Numbering:
    """The numbering part read, with the counters of a walk through the document's paragraphs in order."""

    def __init__(self, root: Any | None) -> None:
        self._abstract: dict[str, tuple[Level, ...]] = {}
        self._style_link: dict[str, str] = {}  # abstractNum id → the numbering style it takes its levels from
        self._instances: dict[str, _Instance] = {}
        if root is not None:
            self._read(root)
        self._counters: dict[str, list[int | None]] = {}
        self._used: set[tuple[str, int]] = set()  # (numId, ilvl) already numbered once
        self._resolved: dict[str, tuple[str, tuple[Level, ...]] | None] = {}
        self.style_numbering: dict[str, StyleNumbering] = {}  # filled by the reader of the styles part

    def _read(self, root: Any) -> None:
        for node in root.iter(_w("abstractNum")):
            key = node.get(_w("abstractNumId"))
            if key is None:
                continue
            levels = [Level() for _ in range(LEVELS)]
            for lvl in node.iter(_w("lvl")):
                ilvl = _int(lvl.get(_w("ilvl")))
                if ilvl is not None and 0 <= ilvl < LEVELS:
                    levels[ilvl] = _level(lvl)
            self._abstract.setdefault(key, tuple(levels))
            link = _value(node, "numStyleLink")
            if link:
                self._style_link[key] = link
        for node in root.iter(_w("num")):
            num_id, abstract = node.get(_w("numId")), _value(node, "abstractNumId")
            if num_id is None or abstract is None:
                continue
            instance = _Instance(abstract)
            for override in node.iter(_w("lvlOverride")):
                ilvl = _int(override.get(_w("ilvl")))
                if ilvl is None or not 0 <= ilvl < LEVELS:
                    continue
                start = _start(_value(override, "startOverride"))
                if start is not None:
                    instance.starts[ilvl] = start
                lvl = override.find(_w("lvl"))
                if lvl is not None:
                    instance.levels[ilvl] = lvl
            self._instances.setdefault(num_id, instance)

    def _definition(self, num_id: str) -> tuple[str, tuple[Level, ...]] | None:
        """The abstract definition a list instance counts with (its id, its levels with the instance's overrides),
        following a numbering style's link; None when the instance or its definition is missing."""
        if num_id in self._resolved:
            return self._resolved[num_id]
        found: tuple[str, tuple[Level, ...]] | None = None
        instance = self._instances.get(num_id)
        if instance is not None:
            abstract = instance.abstract
            for _ in range(_STYLE_LINK_DEPTH):
                link = self._style_link.get(abstract)
                linked = self.style_numbering.get(link) if link else None
                target = self._instances.get(linked.num_id) if linked else None
                if target is None or target.abstract == abstract:
                    break
                abstract = target.abstract
            levels = self._abstract.get(abstract)
            if levels is not None:
                own = list(levels)
                for ilvl, node in instance.levels.items():
                    own[ilvl] = _level(node, levels[ilvl])
                found = (abstract, tuple(own))
        self._resolved[num_id] = found
        return found

    def level_for_style(self, num_id: str, style: str | None) -> int:
        """The level of the list linked to the paragraph style `style` (`w:pStyle` in a `w:lvl`), else 0."""
        definition = self._definition(num_id)
        if definition is not None and style:
            for ilvl, level in enumerate(definition[1]):
                if level.style == style:
                    return ilvl
        return 0

    def next_label(self, num_id: str, ilvl: int, following: str = "") -> str:
        """Count the next paragraph numbered by instance `num_id` at level `ilvl`, and return the number Word draws
        before it (with the space that follows a bare number, or a number run into the paragraph's own figures:
        `following` is its text); "" for a bullet, no number, or an unknown list."""
        definition = self._definition(num_id)
        if definition is None:
            return ""
        abstract, levels = definition
        counters = self._counters.setdefault(abstract, [None] * LEVELS)
        start_override = self._instances[num_id].starts.get(ilvl)
        if start_override is not None and (num_id, ilvl) not in self._used:
            counters[ilvl] = start_override
        else:
            current = counters[ilvl]
            counters[ilvl] = levels[ilvl].start if current is None else current + 1
        self._used.add((num_id, ilvl))
        for deeper in range(ilvl + 1, LEVELS):
            restart = levels[deeper].restart
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        return _label(levels, counters, ilvl, following)


def _label(levels: tuple[Level, ...], counters: list[int | None], ilvl: int, following: str = "") -> str:
    """The level's text with each `%N` replaced by level N's count in its format (Arabic when the level is legal);
    a level not used yet counts as its start."""
    level = levels[ilvl]
    if level.number_format == "bullet" or not level.text:
        return ""

    def number(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        value = counters[index]
        value = levels[index].start if value is None else value
        number_format = "decimal" if level.legal and levels[index].number_format != "none" else None
        return format_number(value, number_format or levels[index].number_format)

    text = _PLACEHOLDER.sub(number, level.text)[:LONGEST_NUMBER]
    if not text.strip():
        return ""
    if level.suffix == "nothing":
        return text
    if unicodedata.category(text[-1]) in _WORD_CATEGORIES:
        # Word's tab or space after a bare number: `1 总体情况`, `第一章　总则`, not `1总体情况`
        text += " " if text[-1].isascii() else "\u3000"
    elif text[-1].isascii() and _runs_into(following):
        # `1.` then `3月5日…`: Word's tab keeps them apart; without it the draft would say `1.3月5日`
        text += " "
    return text


def _runs_into(following: str) -> bool:
    """Whether `following` starts with a figure or a Latin letter, which an ASCII number before it would run into."""
    first = following[:1]
    return bool(first) and (unicodedata.category(first) == "Nd" or (first.isascii() and first.isalpha()))

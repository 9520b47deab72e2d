"""What a Word file's styles and numbering say about its paragraphs: which are headings (Word's heading styles, an
outline level) and which are numbered, at what level, with the number Word draws (`appraisal.importing.numbering`).

A styles or numbering part that is missing or unreadable leaves headings to be found by their text alone and
paragraphs unnumbered; one too big to read refuses the file (TooBig goes up).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from appraisal.importing.numbering import LEVELS, Numbering, StyleNumbering
from appraisal.importing.package import Package, Part, TooBig
from appraisal.importing.wordml import switched_on
from appraisal.importing.wordml import w as _w
from appraisal.text.lazy_regex import lazy_compile

_STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
_NUMBERING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_HEADING_STYLE = lazy_compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_BASED_ON_DEPTH = 16  # a chain of w:basedOn longer than this is a loop


@dataclass
class WordStyles:
    """The styles part and numbering part of one document, read."""

    headings: dict[str, int]  # paragraph style id → heading level (1-based)
    numbering: Numbering
    default_style: str | None  # the paragraph style of a paragraph that names none
    hidden: dict[str, bool] = field(default_factory=dict)  # style id → its text hidden (`w:vanish`), where it says

    def _style(self, paragraph: Any) -> tuple[Any, str | None]:
        """The paragraph's properties (`w:pPr`, None when it has none) and its paragraph style: the one it names,
        else the document's default."""
        ppr = paragraph.find(_w("pPr"))
        style_el = ppr.find(_w("pStyle")) if ppr is not None else None
        return ppr, (style_el.get(_w("val")) or None) if style_el is not None else self.default_style

    def run_hider(self, paragraph: Any) -> Callable[[Any], bool]:
        """Whether a run (`w:r`) of the paragraph is hidden text, which Word neither shows nor prints: by its own
        `w:vanish` (or `w:specVanish`), else its character style's, else the paragraph style's."""
        _ppr, style = self._style(paragraph)
        by_paragraph = self.hidden.get(style, False) if style else False

        def hides(run: Any) -> bool:
            rpr = run.find(_w("rPr"))
            if rpr is None:
                return by_paragraph
            own = _vanish(rpr)
            if own is not None:
                return own
            rstyle = rpr.find(_w("rStyle"))
            by_style = self.hidden.get(rstyle.get(_w("val")) or "") if rstyle is not None else None
            return by_paragraph if by_style is None else by_style

        return hides

    def outline_level(self, paragraph: Any) -> int | None:
        """The heading level (1-based) Word gives the paragraph: its own outline level, else its style's."""
        ppr = paragraph.find(_w("pPr"))
        if ppr is None:
            return None
        outline_el = ppr.find(_w("outlineLvl"))
        if outline_el is not None:
            value = outline_el.get(_w("val")) or ""
            return int(value) + 1 if value.isdigit() and int(value) < LEVELS else None
        style_el = ppr.find(_w("pStyle"))
        if style_el is None:
            return None
        return self.headings.get(style_el.get(_w("val")) or "")

    def number(self, paragraph: Any, text: str = "") -> tuple[int, str] | None:
        """The level (0-based) at which Word numbers the paragraph and the number it draws ("" for a bullet or a
        list the numbering part does not define), counting it: call once per paragraph, in document order; `text`
        is the paragraph's own text. None when the paragraph is not numbered (no `w:numPr` of its own or its
        style's, or `w:numId` 0)."""
        ppr, style = self._style(paragraph)
        own = ppr.find(_w("numPr")) if ppr is not None else None
        inherited = self.numbering.style_numbering.get(style) if style else None
        own_id, own_level = _num_pr(own)
        num_id = own_id if own_id is not None else (inherited.num_id if inherited else None)
        if num_id is None or num_id == "0":
            return None
        if own_level is not None:
            level = own_level
        elif inherited is not None and inherited.level is not None:
            level = inherited.level
        else:
            level = self.numbering.level_for_style(num_id, style)
        return level, self.numbering.next_label(num_id, level, text)


def read_styles(package: Package, part: Part, parse_xml: Any) -> WordStyles:
    """The heading styles, the numbering and each style's numbering (through `w:basedOn`) of the main part."""
    numbering = Numbering(_related_root(package, part, _NUMBERING_REL, parse_xml))
    root = _related_root(package, part, _STYLES_REL, parse_xml)
    if root is None:
        return WordStyles({}, numbering, None)
    headings: dict[str, int] = {}
    vanish: dict[str, bool] = {}
    own: dict[str, tuple[str | None, int | None]] = {}
    based_on: dict[str, str] = {}
    default_style = None
    for style in root.iter(_w("style")):
        style_id = style.get(_w("styleId"))
        if not style_id:
            continue
        if style.get(_w("type")) == "paragraph" and style.get(_w("default")) in ("1", "true", "on"):
            default_style = style_id
        parent = style.find(_w("basedOn"))
        if parent is not None and parent.get(_w("val")):
            based_on[style_id] = parent.get(_w("val")) or ""
        ppr = style.find(_w("pPr"))
        num_pr = ppr.find(_w("numPr")) if ppr is not None else None
        if num_pr is not None:
            own[style_id] = _num_pr(num_pr)
        level = _style_heading_level(style)
        if level is not None:
            headings[style_id] = level
        rpr = style.find(_w("rPr"))
        hidden = _vanish(rpr) if rpr is not None else None
        if hidden is not None:
            vanish[style_id] = hidden
    for style_id in {*own, *based_on}:
        found = _inherited(style_id, own, based_on)
        if found is not None:
            numbering.style_numbering[style_id] = found
    return WordStyles(headings, numbering, default_style, _hidden_styles(vanish, based_on))


def _vanish(rpr: Any) -> bool | None:
    """Whether run properties hide the text (`w:vanish`, `w:specVanish`); None when they do not say."""
    found = [node for node in (rpr.find(_w("vanish")), rpr.find(_w("specVanish"))) if node is not None]
    return any(switched_on(node) for node in found) if found else None


def _chain(style_id: str, based_on: dict[str, str]) -> Iterator[str]:
    """The style and those it is based on (`w:basedOn`), nearest first; a chain longer than `_BASED_ON_DEPTH` is
    a loop and is cut there."""
    current: str | None = style_id
    for _ in range(_BASED_ON_DEPTH):
        if current is None:
            return
        yield current
        current = based_on.get(current)


def _hidden_styles(vanish: dict[str, bool], based_on: dict[str, str]) -> dict[str, bool]:
    """Each style's hidden text, from its own `w:vanish` or the nearest along its `w:basedOn` chain."""
    hidden: dict[str, bool] = {}
    for style_id in {*vanish, *based_on}:
        found = next((vanish[s] for s in _chain(style_id, based_on) if s in vanish), None)
        if found is not None:
            hidden[style_id] = found
    return hidden


def _inherited(
    style_id: str, own: dict[str, tuple[str | None, int | None]], based_on: dict[str, str]
) -> StyleNumbering | None:
    """A style's numbering: the nearest `w:numId` and `w:ilvl` along its `w:basedOn` chain; None when none, or when
    the nearest `w:numId` is 0 (numbering switched off)."""
    num_id: str | None = None
    level: int | None = None
    for current in _chain(style_id, based_on):
        found_id, found_level = own.get(current, (None, None))
        num_id = num_id if num_id is not None else found_id
        level = level if level is not None else found_level
        if num_id is not None and level is not None:
            break
    if num_id is None or num_id == "0":
        return None
    return StyleNumbering(num_id, level)


def _num_pr(num_pr: Any) -> tuple[str | None, int | None]:
    """The `w:numId` and `w:ilvl` of a `w:numPr` (None where absent; a level out of range reads as 0)."""
    if num_pr is None:
        return None, None
    num_el, level_el = num_pr.find(_w("numId")), num_pr.find(_w("ilvl"))
    num_id = num_el.get(_w("val")) if num_el is not None else None
    value = level_el.get(_w("val")) if level_el is not None else None
    if value is None:
        return num_id, None
    return num_id, int(value) if value.isdigit() and int(value) < LEVELS else 0


def _related_root(package: Package, part: Part, relationship: str, parse_xml: Any) -> Any | None:
    """The part related to `part` by `relationship`, parsed; None when it is missing or unreadable."""
    try:
        related = package.related(part, relationship)
    except TooBig:
        raise
    except Exception:
        return None
    if related is None:
        return None
    try:
        return parse_xml(related.blob)
    except Exception:
        return None


def _style_heading_level(style: Any) -> int | None:
    """A heading style's level (1-based): by its name ("heading 1", "标题 1"), else by its outline level."""
    name_el = style.find(_w("name"))
    name = (name_el.get(_w("val")) if name_el is not None else "") or ""
    match = _HEADING_STYLE.match(name.strip())
    if match:
        return int(match.group(1))
    outline_el = style.find(f"{_w('pPr')}/{_w('outlineLvl')}")
    value = outline_el.get(_w("val")) if outline_el is not None else None
    return int(value) + 1 if value is not None and value.isdigit() and int(value) < LEVELS else None

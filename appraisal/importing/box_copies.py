"""A text box is written twice in a .docx: a drawing (`mc:Choice`, which Word 2010 and later read) and its copy for
older programs (`mc:Fallback`, a VML shape, which Word 2007 and some WPS versions read). The importer reads the
drawing's paragraphs; a fix written into them must be written into the copy too, or the two would show different
text. Each paragraph of a drawing's text box has its copy at the same place among the fallback's paragraphs.
"""

from __future__ import annotations

from typing import Any

from appraisal.importing.wordml import MC_NS
from appraisal.importing.wordml import w as _w

_CHOICE, _FALLBACK, _ALTERNATE = f"{{{MC_NS}}}Choice", f"{{{MC_NS}}}Fallback", f"{{{MC_NS}}}AlternateContent"
_P = _w("p")

NO_COPY = None
"""A paragraph with no fallback copy to keep in step: not in a drawing, or a drawing without a fallback."""


class MissingCopy:
    """A paragraph in a drawing whose fallback has no paragraph at its place: the two are already out of step."""


MISSING = MissingCopy()


class FallbackCopies:
    """Finds paragraphs' copies, reading each drawing's paragraphs once."""

    def __init__(self) -> None:
        self._places: dict[Any, tuple[dict[Any, int], list[Any]]] = {}  # choice → (its paragraphs' places, copies)

    def copy_of(self, paragraph: Any) -> Any:
        """The paragraph's copy in the fallback: a `w:p`, `NO_COPY`, or `MISSING`."""
        choice = paragraph.getparent()
        while choice is not None and choice.tag != _CHOICE:
            choice = choice.getparent()
        if choice is None:
            return NO_COPY
        alternate = choice.getparent()
        fallback = alternate.find(_FALLBACK) if alternate is not None and alternate.tag == _ALTERNATE else None
        if fallback is None:
            return NO_COPY
        if choice not in self._places:
            self._places[choice] = ({p: i for i, p in enumerate(choice.iter(_P))}, list(fallback.iter(_P)))
        places, copies = self._places[choice]
        place = places.get(paragraph)
        return copies[place] if place is not None and place < len(copies) else MISSING

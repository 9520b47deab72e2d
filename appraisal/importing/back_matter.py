"""What comes after the report's body: where the report ends (after the table cell holding it, when it is written
into a 登记表), the 落款 (name, unit, date: the appraisal year its date gives) and the closing formulae before it
(特此报告, 谢谢), which belong to a trailing heading-less section (结束语) when the template has one."""

from __future__ import annotations

from appraisal.importing import signature
from appraisal.importing.candidates import Candidate, HeadingSearch
from appraisal.importing.placed import Placed, closing_section, fits
from appraisal.importing.units import Unit
from appraisal.text.lazy_regex import lazy_compile

_CLOSING = lazy_compile(r"特此|请予|请审议|请评议|批评指正|不妥之处|以上(?:述职|报告|是我|汇报|总结)|谢谢")


class BackMatter:
    """The end of the report, its 落款 and closing formulae, in one document."""

    def __init__(self, search: HeadingSearch) -> None:
        self.document = search.document
        self.template = search.template
        self.units = search.units

    def report_end(self, headings: list[Candidate]) -> int:
        """Where the report ends: after the table cell holding its last heading (a 登记表), else at the end."""
        cells = self.document.cells
        if not headings or not cells:
            return len(self.units)
        end = headings[-1].index
        cell = cells.get(self.units[end].line)
        if cell is None:
            return len(self.units)
        while end < len(self.units) and cells.get(self.units[end].line) == cell:
            end += 1
        return end

    def signature(self, units: list[Unit], earliest: int, end: int) -> tuple[int, int | None]:
        """Where the 落款 before `end` starts (`end` when there is none) and the appraisal year its date gives."""
        units = units[:end]
        n = len(units)
        if n == 0 or n - 1 < earliest:
            return n, None
        last = units[-1].text
        dated = signature.signature_with_date(last)
        if dated is None:
            return (n - 1 if _undated_signature(last) else n), None
        start = n - 1
        if not any(f.name == "name" for f in dated[0]):  # a date alone: the name and unit may stand above it
            while start - 1 >= earliest and start > n - 3 and signature.signature_fields(units[start - 1].text):
                start -= 1
        return start, dated[1]

    def take_signature(self, state: Placed, unit: Unit) -> None:
        dated = signature.signature_with_date(unit.text)
        found = dated[0] if dated else signature.signature_fields(unit.text)
        if found is None or not fits(found, unit, state.profile):
            state.put("unmatched", unit)  # not understood, or a second, different name: kept for the user to see
            return
        state.record(unit, found)

    def closing_from(self, state: Placed, tail_from: int, last_heading: int) -> int:
        """Where the closing formulae (特此报告, 谢谢) before the 落款 start: they belong to a trailing
        heading-less section (结束语), if the template has one."""
        closing_from = tail_from
        if closing_section(self.template) is None:
            return closing_from
        while (
            closing_from > last_heading + 1
            and closing_from - 1 not in state.consumed
            and _is_closing(self.units[closing_from - 1].text)
        ):
            closing_from -= 1
        return closing_from


def _undated_signature(text: str) -> bool:
    """A 落款 without a date: a name with a unit, or labelled (`述职人：张三`)."""
    fields = signature.signature_fields(text)
    if fields is None or "name" not in [f.name for f in fields]:
        return False
    return len(fields) > 1 or bool(signature.labelled_fields(text))


def _is_closing(text: str) -> bool:
    return len(text) <= 80 and bool(_CLOSING.search(text))

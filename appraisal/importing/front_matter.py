"""What comes before the report's body: the form a report may be written into (a 登记表's cells: 姓名, 单位 …),
the title (over one or two lines, run into the salutation or not, starting with a year or its placeholder), the
labelled particulars under it (`姓名：张三　单位：…`) and the salutation. The title's year is the appraisal year."""

from __future__ import annotations

from appraisal.importing import signature
from appraisal.importing.candidates import HeadingSearch
from appraisal.importing.headings import LineShape, has_sentence_punctuation
from appraisal.importing.placed import Placed, fits
from appraisal.importing.result import Span
from appraisal.importing.units import MARKDOWN_HEADING, SALUTATION, THEMATIC_BREAK, TITLE_MAX_CHARS
from appraisal.text.lazy_regex import lazy_compile

_TITLE_WORDS = lazy_compile(r"总结|述职|述廉|报告|自评|考核|鉴定|小结|计划|汇报|材料|讲话|发言|讲稿|致辞")
_YEAR_START = lazy_compile(r"(?:\d{4}|\d{2}[*＊xX×]{2}|[*＊xX×]{4})\s*年")
_SALUTATION_LINE = lazy_compile(SALUTATION)
_SUBTITLE = lazy_compile(r"(?:——|—|--)\s*[^-—\s]")  # `——在…会议上`; a `---` rule is no subtitle


class FrontMatter:
    """The form, the title, the particulars and the salutation of one document."""

    def __init__(self, search: HeadingSearch) -> None:
        self.document = search.document
        self.units = search.units
        self.shapes = search.shapes

    def take_form(self, state: Placed, first_heading: int, report_end: int) -> None:
        """A report written into a 登记表: the form's cells before it fill the profile or stay unmatched, and
        what follows the cell holding the report (评语, 签字) is not the report."""
        form = self._form_cells(first_heading)
        self._take_form_cells(state, form)
        state.consumed.update(form)
        for i in range(report_end, len(self.units)):
            state.put("unmatched", self.units[i])

    def take_title(self, state: Placed, first_heading: int) -> int | None:
        """The first line before the first heading, when it reads like a title; its unit index. The title's
        year is the appraisal year."""
        first = next((i for i in range(first_heading) if i not in state.consumed), None)
        if first is None:
            return None
        unit = self.units[first]
        title_start = self._title_start(first)
        if title_start is None:
            return None
        state.consumed.add(first)
        if title_start:
            state.structure.append(Span(unit.line, unit.start, unit.start + title_start, "marker"))
        state.put("title", unit, title_start)
        state.title_year = signature.year_in_title(unit.text)
        second = first + 1
        if second < first_heading and second not in state.consumed and self.title_goes_on(first, second):
            state.consumed.add(second)
            state.put("title", self.units[second])
            if state.title_year is None:
                state.title_year = signature.year_in_title(self.units[second].text)
            return second
        return first

    def title_goes_on(self, first: int, second: int) -> bool:
        """A title over two lines: a subtitle (`——在…会议上`), or the kind of report on the second line after the
        unit or person on the first (`某某局副局长张三` / `2025年度述职报告`)."""
        text = self.units[second].text
        if len(text) > TITLE_MAX_CHARS or has_sentence_punctuation(text) or _SALUTATION_LINE.match(text):
            return False
        line_shape = self.shapes[second]
        if line_shape is not None and line_shape.numbered and not line_shape.markdown:
            return False
        if signature.labelled_fields(text) is not None or signature.date_line(text) is not None:
            return False
        if _SUBTITLE.match(text):
            return True
        return bool(_TITLE_WORDS.search(text)) and not _TITLE_WORDS.search(self.units[first].text)

    def take_particulars(self, state: Placed, title_index: int | None, end: int) -> None:
        """Labelled particulars right under the title (`姓名：张三　单位：…`), or a bare 单位 and name line."""
        i = 0 if title_index is None else title_index + 1
        while i < end and i not in state.consumed:
            unit = self.units[i]
            found = signature.labelled_fields(unit.text)
            if found is None and title_index is not None and i == title_index + 1:
                found = signature.signature_fields(unit.text)
                if found is not None and [f.name for f in found] == ["unit"]:
                    found = None
            if found is None or not fits(found, unit, state.profile):
                break
            state.record(unit, found)
            state.consumed.add(i)
            i += 1

    def _title_start(self, first: int) -> int | None:
        """Where the title starts in the first unit (after a Markdown `#`), or None when it is not a title."""
        unit, line_shape = self.units[first], self.shapes[first]
        text = unit.text
        marker = MARKDOWN_HEADING.match(text)
        if marker and marker.group().strip() == "#" and marker.end() < len(text):
            return marker.end()
        if line_shape is None or not self._title_shaped(text, line_shape):
            return None
        return 0 if self._reads_as_title(first) else None

    def _title_shaped(self, text: str, line_shape: LineShape) -> bool:
        """Short, not ending as a sentence or a clause, not a Markdown file's `---`, and not numbered."""
        if len(text) > 40 or text[-1] in "。；;，,！!？?：:":
            return False
        if self.document.kind == "md" and THEMATIC_BREAK.fullmatch(text):
            return False  # `---` is a rule between parts, not a title
        # `20**年工作总结` starts with a year (or its placeholder), not with a number
        return not line_shape.numbered or line_shape.markdown or _YEAR_START.match(text) is not None

    def _reads_as_title(self, first: int) -> bool:
        """The words of a title (总结, 述职报告, a year), a title going on to the next line, or a short line standing
        alone at the top."""
        unit = self.units[first]
        text = unit.text
        if _TITLE_WORDS.search(text) or signature.year_in_title(text):
            return True
        if first + 1 < len(self.units) and self.title_goes_on(first, first + 1):
            return True  # the unit or person on this line, the kind of report on the next
        # A short line standing alone at the top (the exporters write the title, then a blank line).
        lines = self.document.lines
        alone = unit.line < len(lines) and not lines[unit.line].strip() and "\n" not in lines[unit.line - 1]
        return alone and not has_sentence_punctuation(text)

    def _form_cells(self, first_heading: int) -> list[int]:
        """Units in table cells before the report's first heading, outside the cell holding it: the form around
        a report written into a 登记表 (姓名, 单位, 性别 …), not its opening."""
        cells = self.document.cells
        if not cells or first_heading >= len(self.units):
            return []
        report_cell = cells.get(self.units[first_heading].line)
        found = []
        for i in range(first_heading):
            cell = cells.get(self.units[i].line)
            if cell is None and report_cell is None:
                break  # the report is not written into a form: a table after its first paragraph is body text
            if cell is not None and cell != report_cell:
                found.append(i)
        return found

    def _take_form_cells(self, state: Placed, form: list[int]) -> None:
        """`姓名 | 张三` in neighbouring cells of a row, or `姓名：张三` in one, fill the profile; the rest of the
        form is kept in `unmatched`."""
        cells = self.document.cells
        taken: set[int] = set()
        for position, i in enumerate(form):
            if i in taken:
                continue
            unit = self.units[i]
            label = signature.cell_label(unit.text)
            if label is not None and position + 1 < len(form) and form[position + 1] == i + 1:
                value = self.units[i + 1]
                here, there = cells[unit.line], cells[value.line]
                found = [signature.Field(label, 0, len(value.text))]
                neighbours = here[0] == there[0] and here[1] + 1 == there[1]
                if neighbours and signature.plausible(label, value.text) and fits(found, value, state.profile):
                    state.structure.append(Span(unit.line, unit.start, unit.start + len(unit.text), "label"))
                    state.record(value, found)
                    taken.update((i, i + 1))
                    continue
            labelled = signature.labelled_fields(unit.text)
            if labelled is not None and fits(labelled, unit, state.profile):
                state.record(unit, labelled)
            else:
                state.put("unmatched", unit)
            taken.add(i)

    def take_salutation(self, state: Placed, title_index: int | None) -> None:
        """`尊敬的各位领导：` right after the title: kept in the opening text, and said in the summary."""
        after_title = 0 if title_index is None else title_index + 1
        salutation = _SALUTATION_LINE.match(self.units[after_title].text) if after_title < len(self.units) else None
        if salutation is not None:
            state.salutation = salutation.group()

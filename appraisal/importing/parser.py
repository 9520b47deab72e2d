"""Documents (.txt, .md, .docx) → drafts (SPEC §4). Nothing the user wrote is ever dropped.

The document is cut into units (the non-blank lines, without their indentation). Units that look like headings of
the template — numbered or not, reworded, mis-numbered, or running into their first paragraph — become candidates;
the candidates that follow the template's order best are taken as headings (a weighted longest increasing
subsequence), plus the exact, well-formatted ones out of order. Everything else is body text of the section above
it. The title line, labelled particulars (`姓名：…`) and the 落款 at the end go to the title and the profile.

`ImportResult.origin` says where every line of the draft came from, `ImportResult.structure` what the other
characters were (heading, Markdown marker, label, profile value): together they account for every character.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from appraisal.draft import Draft, Profile, count_zi
from appraisal.importing import signature
from appraisal.importing.headings import (
    MAX_TITLE_CHARS,
    FormMatcher,
    LineShape,
    TitleIndex,
    has_sentence_punctuation,
    marker_number,
    normalise,
    numbered_shape,
    shape,
)
from appraisal.importing.reader import IMPORTING, Document, read_document
from appraisal.importing.recognise import Evidence, Recognition, recognise
from appraisal.importing.result import ImportResult, Source, Span
from appraisal.markdown_escapes import file_column, unescape
from appraisal.templates import DEFAULT_TEMPLATE, Section, Template, list_templates, load_template

# How similar (0–1) a heading's words must be to a section title or alias, by how the line looks.
MARKED_THRESHOLD = 0.75  # numbered, Markdown `#`, or a Word heading style; the whole line
INLINE_THRESHOLD = 0.85  # numbered, with the body running on after the title
UNNUMBERED_THRESHOLD = 0.85  # a short line on its own
UNNUMBERED_MAX_CHARS = 25

_TITLE_WORDS = re.compile(r"总结|述职|述廉|报告|自评|考核|鉴定|小结|计划|汇报|材料|讲话|发言|讲稿|致辞")
_YEAR_START = re.compile(r"(?:\d{4}|\d{2}[*＊xX×]{2}|[*＊xX×]{4})\s*年")
_CLOSING = re.compile(r"特此|请予|请审议|请评议|批评指正|不妥之处|以上(?:述职|报告|是我|汇报|总结)|谢谢")
_SUBPOINT_VERBS = re.compile(
    r"^(?:加强|强化|坚持|抓好|抓实|推进|推动|提升|提高|注重|做好|落实|深化|严守|筑牢|狠抓|扎实|持续|不断|全面|积极|"
    r"认真|切实|始终|着力|聚焦|突出|立足|围绕|完善|健全|优化|创新|服务|履行|带头|主动)"
)
# A sentence (or a title and a space), then `二、` on the same line: a heading run on after it.
_RUN_ON_HEADING = re.compile(
    r"(?:[。！？；!?;：:][ \t\u3000]*|(?<=[\u4e00-\u9fff）)”])[ \t\u3000]+)(?=[一二三四五六七八九十]{1,3}、)"
)
# A title run into the salutation: `…述职报告尊敬的各位领导：本人于三月…`.
_SALUTATION = r"(?:尊敬的[^：:。，,\n]{1,24}|各位(?:领导|代表|委员|同事|同志|党员)[^：:。\n]{0,24}|同志们|领导们)[：:]"
_TITLE_THEN_SALUTATION = re.compile(rf"(?:报告|总结|计划|汇报|材料|小结)(?={_SALUTATION})")
_SALUTATION_LINE = re.compile(_SALUTATION)
_SUBTITLE = re.compile(r"(?:——|—|--)\s*[^-—\s]")  # `——在…会议上`; a `---` rule is no subtitle
_TITLE_MAX_CHARS = 40
_RUN_IN_ENDS = set("。：:．；;")  # a run-in heading ends so (`一、把学习当作第一需要。…`); a sentence's clause with ，
_MARKER_START = set("#一二三四五六七八九十第（(0123456789０１２３４５６７８９①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳、，,*_")
_MARKDOWN_HEADING = re.compile(r"#{1,6}[ \t]+")  # CommonMark: `#` then a space; `#1号楼` is text
_THEMATIC_BREAK = re.compile(r"(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}")


@dataclass(frozen=True)
class Unit:
    """A non-blank stretch of a document line, without the white space around it."""

    line: int
    start: int
    text: str


@dataclass
class Candidate:
    index: int  # unit index
    section: Section
    score: float
    shape: LineShape
    inline: bool
    strong: bool  # Markdown heading or Word heading style
    weight: float = 0.0


def units_of(document: Document) -> list[Unit]:
    """The document's non-blank stretches: its lines (and the lines inside a Word paragraph), each cut again
    before a top-level numbered heading that follows a sentence on the same line (text copied from a PDF or a
    web page often has no line ends: `…汇报如下。一、基本概况…`)."""
    units: list[Unit] = []
    for number, line in enumerate(document.lines, start=1):
        position = 0
        for piece in line.split("\n") if "\n" in line else (line,):
            cuts = [0, *(m.end() for m in _RUN_ON_HEADING.finditer(piece)), len(piece)]
            title = _TITLE_THEN_SALUTATION.search(piece, 0, _TITLE_MAX_CHARS + 8)
            if title is not None:
                cuts = sorted({*cuts, title.end()})
            for start, end in itertools.pairwise(cuts):
                part = piece[start:end]
                left = part.lstrip()
                text = left.rstrip()
                if text:
                    units.append(Unit(number, position + start + len(part) - len(left), text))
            position += len(piece) + 1
    return units


def import_document(path: Path, template_id: str | None = None, verb: str = IMPORTING) -> ImportResult:
    """Read and parse a file: the draft is not saved (see `appraisal.commands.import_`)."""
    return parse_document(read_document(Path(path), verb), template_id)


def parse_document(document: Document, template_id: str | None = None) -> ImportResult:
    """Split a document into the sections of a template (the best-matching one when none is given). No I/O
    except loading templates. A template given by the user goes through the very same search as a recognised
    one: the choice is fixed, nothing else changes."""
    units = units_of(document)
    shapes = [_heading_shape(unit, document) for unit in units]
    given = load_template(template_id) if template_id is not None else None
    templates, _errors = list_templates()
    if given is not None and all(template.id != given.id for template in templates):
        templates.append(given)
    if not templates:
        templates = [load_template(DEFAULT_TEMPLATE)]
    matcher = FormMatcher.for_templates(templates)
    parsers = {template.id: _Parser(document, template, units, shapes, matcher) for template in templates}
    evidence = []
    for template in templates:
        headings = parsers[template.id].select_headings()
        coverage = parsers[template.id].coverage(headings)
        evidence.append(Evidence(template, len(headings), sum(c.score for c in headings), coverage))
    head = [unit.text for unit in units[:2] if len(unit.text) <= 60]
    body = "\n".join(unit.text for unit in units)
    recognition = recognise(evidence, "".join(head) or body[:60], body[:600], body)
    if given is not None:
        return parsers[given.id].run(chosen=False, recognition=recognition.given(given))
    return parsers[recognition.template.id].run(chosen=True, recognition=recognition)


def _heading_shape(unit: Unit, document: Document) -> LineShape | None:
    """The unit taken apart as a possible heading; None when it cannot be one (a long or punctuated line with no
    numbering, Markdown or Word heading style) — most lines of a report, skipped before any title matching."""
    text = unit.text
    if (
        text[0] not in _MARKER_START
        and unit.line not in document.outline
        and (len(text) > 3 * UNNUMBERED_MAX_CHARS or has_sentence_punctuation(text))
    ):
        return None
    line_shape = shape(text) or numbered_shape(text)
    if line_shape is None or line_shape.numbered or unit.line in document.outline:
        return line_shape
    if len(normalise(text)) > UNNUMBERED_MAX_CHARS or has_sentence_punctuation(text):
        return None
    return line_shape


@dataclass
class _State:
    """What one parse has placed so far: the pieces of each field, the characters that are structure, the notes
    for the user, the profile and year found, the units already taken, and the section the body goes to."""

    fields: dict[str, list[tuple[Unit, int, int]]] = field(default_factory=dict)  # field → (unit, start, end)
    structure: list[Span] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    profile: dict[str, str] = field(default_factory=dict)
    consumed: set[int] = field(default_factory=set)
    title_year: int | None = None  # the year the title names
    signed_year: int | None = None  # the appraisal year the 落款's date gives
    current: str = "unmatched"
    group_lead: tuple[Section, str] | None = None  # a group heading just seen, and the child its text goes to
    lead_chars: int = 0  # 字 put there before the group's first sub-heading

    sources: dict[str, list[Source]] = field(default_factory=dict)
    top_number: int = 0  # the number of the last top-level heading (三、 → 3)
    salutation: str = ""  # `尊敬的各位领导：`, when the document opens with one (it stays in the opening text)
    free_current: bool = False  # whether the current section was opened by such a line, not by a template heading

    def put(self, target: str, unit: Unit, start: int = 0, end: int | None = None) -> None:
        self.fields.setdefault(target, []).append((unit, start, len(unit.text) if end is None else end))

    def source(self, section: str, line: int, heading: str, reason: str) -> None:
        self.sources.setdefault(section, []).append(Source(line, heading, reason))

    def next_top(self, line_shape: LineShape, text: str, top: str) -> bool:
        """Whether a line numbered in the top-level style continues the top-level numbering (一、 after none,
        三、 after 二、): a list restarting at 一、 inside a section is not a new top-level heading."""
        number = marker_number(text[: line_shape.fragment_start])
        return number is not None and number == self.top_number + 1

    def count_top(self, line_shape: LineShape, text: str, top: str) -> None:
        if line_shape.style == top:
            number = marker_number(text[: line_shape.fragment_start])
            if number is not None:
                self.top_number = number

    def end_group_lead(self, template: Template) -> None:
        """Text between a group heading and its first sub-heading went to the first child: say so."""
        if self.group_lead is not None and self.lead_chars:
            self.notes.append(_group_lead_note(self.group_lead, self.lead_chars, template))
        self.group_lead, self.lead_chars = None, 0


class _Parser:
    """One document against one template."""

    def __init__(
        self,
        document: Document,
        template: Template,
        units: list[Unit],
        shapes: list[LineShape | None],
        matcher: FormMatcher | None = None,
    ) -> None:
        self.document = document
        self.template = template
        self.units = units
        self.shapes = shapes
        self.index = TitleIndex(template, matcher)
        self.first_child: dict[str, str] = {}
        for placed in template.walk():
            if placed.section.is_group:
                self.first_child[placed.section.id] = _first_text_section(placed.section).id
        self._selected: list[Candidate] | None = None
        self.dominant: dict[int, str] = {}
        self.top_outline = 9  # the document's top Word heading level and Markdown heading level (9: none)
        self.top_markdown = 9

    # ------------------------------------------------------------ headings

    def candidates(self) -> list[Candidate]:
        found: list[Candidate] = []
        for i, (unit, line_shape) in enumerate(zip(self.units, self.shapes, strict=True)):
            if line_shape is None:
                continue
            candidate = self._candidate(i, unit, line_shape)
            if candidate is not None:
                found.append(candidate)
        return found

    def _candidate(self, i: int, unit: Unit, line_shape: LineShape) -> Candidate | None:
        match = self.index.match(line_shape.fragment)
        enough = INLINE_THRESHOLD if line_shape.inline(unit.text) else MARKED_THRESHOLD
        if (match is None or match.score < enough) and line_shape.numbered:
            run_on = self._run_on(unit, line_shape)
            if run_on is not None:
                return run_on if run_on.index == i else Candidate(i, run_on.section, 1.0, run_on.shape, True, False)
        if match is None:
            return None
        score = match.score
        if score < 1.0 and _SUBPOINT_VERBS.match(normalise(line_shape.fragment)):
            score *= 0.85  # "1. 加强政治理论学习" is a point inside a section, not its heading
        inline = line_shape.inline(unit.text)
        strong = line_shape.markdown or unit.line in self.document.outline
        if not match.section.heading and (score < 1.0 or inline):
            return None  # 开头语 / 结束语 only by their exact name on a line of their own
        if inline:
            if not line_shape.numbered or score < INLINE_THRESHOLD:
                return None
        elif line_shape.numbered or strong:
            if score < MARKED_THRESHOLD:
                return None
        else:
            if (
                score < UNNUMBERED_THRESHOLD
                or len(normalise(unit.text)) > UNNUMBERED_MAX_CHARS
                or has_sentence_punctuation(unit.text)
            ):
                return None
        return Candidate(i, match.section, score, line_shape, inline, strong)

    def _run_on(self, unit: Unit, line_shape: LineShape) -> Candidate | None:
        """A numbered heading run into its body without a separator (`（二）分管工作实绩二是…`): a title or alias
        of the template at the start of the words, cut off there."""
        found = self.index.prefix(unit.text[line_shape.fragment_start :])
        if found is None:
            return None
        section, length = found
        end = line_shape.fragment_start + length
        rest = unit.text[end:]
        if not has_sentence_punctuation(rest) or rest[0] in "和及与的、":
            return None  # `存在不足和努力方向`: the title goes on, it is not a body run on after it
        cut = LineShape(line_shape.style, unit.text[line_shape.fragment_start : end], line_shape.fragment_start, end)
        return Candidate(-1, section, 1.0, cut, True, False)

    def select_headings(self) -> list[Candidate]:
        """The candidates taken as headings, in document order."""
        if self._selected is not None:
            return self._selected
        candidates = self.candidates()
        dominant = self._dominant_styles(candidates)
        self.dominant = dominant
        for c in candidates:
            level = self.index.level[c.section.id]
            c.weight = (
                c.score
                + (0.3 if dominant.get(level) == c.shape.style else 0.0)
                + (0.0 if c.inline else 0.2)
                + (0.2 if c.strong else 0.0)
            )
        chosen = self._in_order(candidates)
        taken = {c.section.id for c in chosen}
        chosen_indexes = {c.index for c in chosen}
        for c in candidates:  # sections out of the template's order, when unmistakable
            if (
                c.index not in chosen_indexes
                and c.section.id not in taken
                and c.score == 1.0
                and not c.inline
                and (c.strong or (c.shape.numbered and dominant.get(self.index.level[c.section.id]) == c.shape.style))
            ):
                chosen.append(c)
                taken.add(c.section.id)
        chosen.sort(key=lambda c: c.index)
        self._selected = chosen
        return chosen

    def _dominant_styles(self, candidates: list[Candidate]) -> dict[int, str]:
        """The numbering style each template level uses in this document, judged from exact matches."""
        counts: dict[int, Counter[str]] = {}
        for c in candidates:
            if c.score == 1.0:
                counts.setdefault(self.index.level[c.section.id], Counter())[c.shape.style] += 1
        return {level: counter.most_common(1)[0][0] for level, counter in counts.items()}

    def _in_order(self, candidates: list[Candidate]) -> list[Candidate]:
        """Weighted longest subsequence of candidates whose sections strictly follow the template's order."""
        size = len(self.index.order)
        best: list[tuple[float, int]] = [(0.0, -1)] * size  # per template position: best chain total, its end
        previous: list[int] = []
        totals: list[float] = []
        for ci, c in enumerate(candidates):
            k = self.index.order[c.section.id]
            base, link = 0.0, -1
            for j in range(k):
                if best[j][0] > base:
                    base, link = best[j]
            total = base + c.weight
            previous.append(link)
            totals.append(total)
            if total > best[k][0]:
                best[k] = (total, ci)
        end = max(range(size), key=lambda k: best[k][0], default=0) if size else 0
        chain: list[Candidate] = []
        ci = best[end][1] if size else -1
        while ci >= 0:
            chain.append(candidates[ci])
            ci = previous[ci]
        chain.reverse()
        return chain

    def coverage(self, headings: list[Candidate]) -> float:
        headed = {p.section.id for p in self.template.walk() if p.section.heading}
        return len({c.section.id for c in headings} & headed) / max(1, len(headed))

    # ------------------------------------------------------------ the whole document

    def run(self, *, chosen: bool, recognition: Recognition | None = None) -> ImportResult:
        """Every unit placed: the form around a report, the title, the particulars, the 落款, then the body
        section by section."""
        headings = self.select_headings()
        state = _State()
        first_heading = headings[0].index if headings else len(self.units)
        last_heading = headings[-1].index if headings else -1
        self._take_form(state, first_heading, self._report_end(headings))
        title_index = self._take_title(state, first_heading)
        earliest = max(last_heading, -1 if title_index is None else title_index) + 1
        report_end = self._report_end(headings)
        tail_from, tail_year = self._signature(self.units, earliest, report_end)
        self._take_particulars(state, title_index, min(first_heading, tail_from))
        for i in range(tail_from, report_end):
            self._take_signature(state, self.units[i])
        state.signed_year = tail_year
        after_title = 0 if title_index is None else title_index + 1
        salutation = _SALUTATION_LINE.match(self.units[after_title].text) if after_title < len(self.units) else None
        if salutation is not None:
            state.salutation = salutation.group()
        closing_from = self._closing_from(state, tail_from, last_heading)
        outline = self.document.outline
        self.top_outline = min(
            (outline.get(u.line, 9) for i, u in enumerate(self.units) if i not in state.consumed), default=9
        )
        self.top_markdown = self._top_markdown(title_index)
        self._take_body(state, {c.index: c for c in headings}, tail_from, closing_from, last_heading)
        self._body_without_headings(state)
        return self._result(state, headings, chosen, recognition)

    def _top_markdown(self, title_index: int | None) -> int:
        """The level of the document's top Markdown headings (`##` under a `#` title); 9 when it has none."""
        levels = [self._markdown_level(i) for i in range(len(self.units)) if i != title_index]
        return min(levels, default=9)

    def _markdown_level(self, i: int) -> int:
        """A Markdown heading's level (`## ` → 2: CommonMark, `#` then a space; `#1号楼` is text); 9 for none."""
        if self.document.kind != "md":
            return 9
        marker = _MARKDOWN_HEADING.match(self.units[i].text)
        return len(marker.group().strip()) if marker is not None else 9

    def _body_without_headings(self, state: _State) -> None:
        """No heading at all: a short text is the opening; a long one is the report's body, not its opening
        (which is what comes before the first heading), and goes to the template's main section."""
        if any(source for key, source in state.sources.items() if key != self._intro_id()):
            return
        intro = self._intro_section()
        where = intro.id if intro is not None else "unmatched"
        pieces = state.fields.get(where, [])
        chars = sum(count_zi(unit.text[start:end]) for unit, start, end in pieces)
        main = self.template.main_section
        if main and intro is not None and chars > (intro.max_chars or 0):
            state.fields.setdefault(main, []).extend(pieces)
            del state.fields[where]
            state.notes.append(
                f"文中没有找到标题，{chars} 字的正文已全部放入主体栏目「{self._title_of(main)}」，"
                "请对照模板拆分到各栏目。"
            )
        elif pieces:
            state.notes.append(
                f"文中没有找到模板的栏目标题，正文已全部放入「{self._title_of(where)}」，请对照模板拆分到各栏目。"
            )

    def _take_form(self, state: _State, first_heading: int, report_end: int) -> None:
        """A report written into a 登记表: the form's cells before it fill the profile or stay unmatched, and
        what follows the cell holding the report (评语, 签字) is not the report."""
        form = self._form_cells(first_heading)
        self._take_form_cells(state, form)
        state.consumed.update(form)
        for i in range(report_end, len(self.units)):
            state.put("unmatched", self.units[i])

    def _take_title(self, state: _State, first_heading: int) -> int | None:
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
        if second < first_heading and second not in state.consumed and self._title_goes_on(first, second):
            state.consumed.add(second)
            state.put("title", self.units[second])
            if state.title_year is None:
                state.title_year = signature.year_in_title(self.units[second].text)
            return second
        return first

    def _title_goes_on(self, first: int, second: int) -> bool:
        """A title over two lines: a subtitle (`——在…会议上`), or the kind of report on the second line after the
        unit or person on the first (`某某局副局长张三` / `2025年度述职报告`)."""
        text = self.units[second].text
        if len(text) > _TITLE_MAX_CHARS or has_sentence_punctuation(text) or _SALUTATION_LINE.match(text):
            return False
        line_shape = self.shapes[second]
        if line_shape is not None and line_shape.numbered and not line_shape.markdown:
            return False
        if signature.labelled_fields(text) is not None or signature.date_line(text) is not None:
            return False
        if _SUBTITLE.match(text):
            return True
        return bool(_TITLE_WORDS.search(text)) and not _TITLE_WORDS.search(self.units[first].text)

    def _take_particulars(self, state: _State, title_index: int | None, end: int) -> None:
        """Labelled particulars right under the title (`姓名：张三　单位：…`), or a bare 单位 and name line."""
        i = 0 if title_index is None else title_index + 1
        while i < end and i not in state.consumed:
            unit = self.units[i]
            found = signature.labelled_fields(unit.text)
            if found is None and title_index is not None and i == title_index + 1:
                found = signature.signature_fields(unit.text)
                if found is not None and [f.name for f in found] == ["unit"]:
                    found = None
            if found is None or not _fits(found, unit, state.profile):
                break
            self._record_fields(state, unit, found)
            state.consumed.add(i)
            i += 1

    def _closing_from(self, state: _State, tail_from: int, last_heading: int) -> int:
        """Where the closing formulae (特此报告, 谢谢) before the 落款 start: they belong to a trailing
        heading-less section (结束语), if the template has one."""
        closing_from = tail_from
        if self._closing_section() is None:
            return closing_from
        while (
            closing_from > last_heading + 1
            and closing_from - 1 not in state.consumed
            and _is_closing(self.units[closing_from - 1].text)
        ):
            closing_from -= 1
        return closing_from

    def _take_body(
        self, state: _State, heading_at: dict[int, Candidate], end: int, closing_from: int, last_heading: int
    ) -> None:
        """Everything not yet placed before `end`: each heading opens its section, other units go to the
        section open at the time (the intro before the first heading, the closing section after `closing_from`)."""
        intro = self._intro_section()
        closing = self._closing_section()
        state.current = intro.id if intro is not None else "unmatched"
        markdown = self.document.kind == "md"
        for i in range(end):
            if i in state.consumed:
                continue
            unit = self.units[i]
            candidate = heading_at.get(i)
            if candidate is not None:
                self._open_section(state, unit, candidate)
                continue
            placed = self._place_free_heading(state, i) if closing is None or i < closing_from else None
            if markdown and _THEMATIC_BREAK.fullmatch(unit.text):
                # `---`: formatting; after the last heading it opens the heading-less closing section (结束语).
                state.structure.append(Span(unit.line, unit.start, unit.start + len(unit.text), "marker"))
                if closing is not None and i > last_heading:
                    closing_from = min(closing_from, i + 1)
                continue
            target = closing.id if closing is not None and i >= closing_from else state.current
            if placed:  # a free-form heading: its number is structure (the exporter numbers the section)
                state.structure.append(Span(unit.line, unit.start, unit.start + placed, "marker"))
                state.put(target, unit, placed)
                continue
            self._take_body_unit(state, i, target, markdown, placed=placed is not None)
        state.end_group_lead(self.template)

    def _open_section(self, state: _State, unit: Unit, candidate: Candidate) -> None:
        """A heading: its characters are structure; a group heading opens its first child section; an inline
        heading's body goes to the section it opens."""
        state.end_group_lead(self.template)
        state.free_current = False
        section = candidate.section
        end = candidate.shape.body_start
        state.structure.append(Span(unit.line, unit.start, unit.start + end, "heading", section.id))
        if section.is_group:
            state.current = self.first_child[section.id]
            state.group_lead = (section, state.current)
        else:
            state.current = section.id
        state.count_top(candidate.shape, unit.text, self._top_style())
        how = "与栏目名称相符" if candidate.score == 1.0 else "与栏目名称相近"
        state.source(state.current, unit.line, unit.text[:end], how)
        if candidate.inline:
            state.put(state.current, unit, end)
            state.lead_chars += count_zi(unit.text[end:]) if state.group_lead else 0

    def _take_body_unit(self, state: _State, i: int, target: str, markdown: bool, *, placed: bool) -> None:
        """A unit of body text; a Markdown heading or a numbered line that names no section (and was not
        `placed` by its words) is kept as text, and the user is told."""
        unit = self.units[i]
        marker = _MARKDOWN_HEADING.match(unit.text) if markdown else None
        if marker is not None and marker.end() < len(unit.text):
            state.structure.append(Span(unit.line, unit.start, unit.start + marker.end(), "marker"))
            state.notes.append(
                f"第 {unit.line} 行的标题“{unit.text[marker.end() :]}”不是模板中的栏目，"
                f"已作为正文保留在「{self._title_of(target)}」中。"
            )
            state.put(target, unit, marker.end())
        else:
            if not placed and self._looks_like_top_heading(i):
                state.notes.append(
                    f"第 {unit.line} 行“{unit.text}”像是标题，但未能对应到模板的栏目，"
                    f"已作为正文保留在「{self._title_of(target)}」中。"
                )
            state.put(target, unit)
        if state.group_lead is not None:
            state.lead_chars += count_zi(unit.text)

    def _top_style(self) -> str:
        """The numbering of this document's top-level headings (一、 by default)."""
        style = self.dominant.get(1)
        return style if style is not None and style != "none" else "cn"

    def _own_heading(self, state: _State, i: int) -> str | None:
        """How a unit is one of the document's own top-level headings: "word" (a Word heading style at the
        document's top outline level), "markdown" (a `##` at its top Markdown level), "numbered" (continuing the
        top-level numbering, 三、 after 二、); None when it is not one."""
        unit, line_shape = self.units[i], self.shapes[i]
        if self.document.outline.get(unit.line) == self.top_outline:
            return "word"
        if self.top_markdown < 9 and self._markdown_level(i) == self.top_markdown:
            return "markdown"
        top = self._top_style()
        if line_shape is not None and line_shape.style == top and state.next_top(line_shape, unit.text, top):
            return "numbered"
        return None

    def _place_free_heading(self, state: _State, i: int) -> int | None:
        """A heading of the writer's own that names no section (`三、扭住项目建设这个牛鼻子`, a Word heading
        `春季`, `## 成果亮点`): it opens the section its words are about (学习 → 理论学习), else the template's main
        section — never the opening, which is what comes before the first heading. A numbered paragraph right
        after the opening goes to the main section too. The line stays body text; for a heading, without its
        number, which the exporter would print again (`一、述德` over `一、把学习…`).
        None when the line was not placed so, else where its text starts (after a heading's number, or 0)."""
        line_shape = self.shapes[i]
        unit = self.units[i]
        how = self._own_heading(state, i)
        if how is None:
            return None
        if line_shape is None:
            fragment = unit.text
        else:  # a Word or Markdown heading is a heading whole (`## 五、2024 规划`), a numbered line up to its cut
            fragment = line_shape.fragment if how == "numbered" else unit.text[line_shape.fragment_start :]
        if how == "numbered" and line_shape is not None:
            end = line_shape.fragment_start + len(line_shape.fragment)
            heading_like = len(normalise(line_shape.fragment)) <= MAX_TITLE_CHARS and (
                not line_shape.inline(unit.text) or unit.text[end : end + 1] in _RUN_IN_ENDS
            )
        else:
            heading_like = True
        placed = self._by_keyword(fragment) if heading_like else None
        main = self.template.main_section
        if placed is not None:
            section, reason = placed
        elif main and state.current == self._intro_id() and not heading_like:
            section, reason = main, "开头之后的编号内容，归入主体栏目"
        elif main and heading_like:
            # `二、扭住项目建设这个牛鼻子`: a heading that names no section is about the work.
            section, reason = main, "标题未提及其他栏目，归入主体栏目"
        else:
            return None
        if line_shape is not None:
            state.count_top(line_shape, unit.text, self._top_style())
        state.free_current = True
        # A section's own title repeated in the text (`五、党建工作` under `四、党建工作`) stays whole, for
        # `heading-in-text` to show; the writer's own heading loses only its number.
        match = self.index.match(fragment)
        names_a_section = match is not None and match.score >= MARKED_THRESHOLD
        start = line_shape.fragment_start if line_shape is not None else 0
        keep_from = start if heading_like and not names_a_section else 0
        if state.current == section:
            return keep_from
        state.end_group_lead(self.template)
        state.current = section
        state.source(section, unit.line, unit.text if heading_like else _preview(unit.text), reason)
        return keep_from

    def _by_keyword(self, fragment: str) -> tuple[str, str] | None:
        """The section whose keyword comes first in the fragment (学习 → 理论学习), with the reason."""
        best: tuple[int, int, str, str] | None = None
        for placed in self.template.walk():
            section = placed.section
            for word in section.keywords:
                at = fragment.find(word)
                if at >= 0 and (best is None or (at, -len(word)) < (best[0], best[1])):
                    target = self.first_child.get(section.id, section.id)
                    best = (at, -len(word), target, word)
        if best is None:
            return None
        return best[2], f"按“{best[3]}”一词归入"

    def _intro_id(self) -> str:
        intro = self._intro_section()
        return intro.id if intro is not None else "unmatched"

    def _looks_like_top_heading(self, i: int) -> bool:
        """A line numbered like the document's top-level headings (`八、其他工作`) that names no section."""
        line_shape = self.shapes[i]
        style = self.dominant.get(1)
        return (
            line_shape is not None
            and style is not None
            and style != "none"
            and line_shape.style == style
            and not line_shape.inline(self.units[i].text)
        )

    def _title_start(self, first: int) -> int | None:
        """Where the title starts in the first unit (after a Markdown `#`), or None when it is not a title."""
        unit, line_shape = self.units[first], self.shapes[first]
        text = unit.text
        marker = _MARKDOWN_HEADING.match(text)
        if marker and marker.group().strip() == "#" and marker.end() < len(text):
            return marker.end()
        if len(text) > 40 or text[-1] in "。；;，,！!？?：:" or line_shape is None:
            return None
        if self.document.kind == "md" and _THEMATIC_BREAK.fullmatch(text):
            return None  # `---` is a rule between parts, not a title
        if line_shape.numbered and not line_shape.markdown and not _YEAR_START.match(text):
            return None  # `20**年工作总结` starts with a year (or its placeholder), not with a number
        if _TITLE_WORDS.search(text) or signature.year_in_title(text):
            return 0
        if first + 1 < len(self.units) and self._title_goes_on(first, first + 1):
            return 0  # the unit or person on this line, the kind of report on the next
        # A short line standing alone at the top (the exporters write the title, then a blank line).
        lines = self.document.lines
        alone = unit.line < len(lines) and not lines[unit.line].strip() and "\n" not in lines[unit.line - 1]
        return 0 if alone and not has_sentence_punctuation(text) else None

    def _report_end(self, headings: list[Candidate]) -> int:
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

    def _take_form_cells(self, state: _State, form: list[int]) -> None:
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
                if neighbours and signature.plausible(label, value.text) and _fits(found, value, state.profile):
                    state.structure.append(Span(unit.line, unit.start, unit.start + len(unit.text), "label"))
                    self._record_fields(state, value, found)
                    taken.update((i, i + 1))
                    continue
            labelled = signature.labelled_fields(unit.text)
            if labelled is not None and _fits(labelled, unit, state.profile):
                self._record_fields(state, unit, labelled)
            else:
                state.put("unmatched", unit)
            taken.add(i)

    def _signature(self, units: list[Unit], earliest: int, end: int) -> tuple[int, int | None]:
        """Where the 落款 before `end` starts (`end` when there is none) and the appraisal year its date gives."""
        units = units[:end]
        n = len(units)
        if n == 0 or n - 1 < earliest:
            return n, None
        last = units[-1].text
        dated = signature.signature_with_date(last)
        if dated is None:
            fields = signature.signature_fields(last)
            names = [f.name for f in fields or []]
            if fields is not None and "name" in names and (len(fields) > 1 or signature.labelled_fields(last)):
                return n - 1, None
            return n, None
        start = n - 1
        if not any(f.name == "name" for f in dated[0]):
            while start - 1 >= earliest and start > n - 3 and signature.signature_fields(units[start - 1].text):
                start -= 1
        return start, dated[1]

    def _take_signature(self, state: _State, unit: Unit) -> None:
        dated = signature.signature_with_date(unit.text)
        found = dated[0] if dated else signature.signature_fields(unit.text)
        if found is None or not _fits(found, unit, state.profile):
            state.put("unmatched", unit)  # not understood, or a second, different name: kept for the user to see
            return
        self._record_fields(state, unit, found)

    def _record_fields(self, state: _State, unit: Unit, found: list[signature.Field]) -> None:
        """Profile values found in a unit: the values fill the profile, the labels between them are structure."""
        covered = 0
        for f in sorted(found, key=lambda f: f.start):
            if f.start > covered and unit.text[covered : f.start].strip():
                state.structure.append(Span(unit.line, unit.start + covered, unit.start + f.start, "label"))
            state.profile.setdefault(f.name, unit.text[f.start : f.end])
            state.structure.append(Span(unit.line, unit.start + f.start, unit.start + f.end, f"profile.{f.name}"))
            covered = f.end

    def _intro_section(self) -> Section | None:
        sections = self.template.text_sections()
        if sections and not sections[0].heading:
            return sections[0]
        return None

    def _closing_section(self) -> Section | None:
        sections = self.template.text_sections()
        if len(sections) > 1 and not sections[-1].heading:
            return sections[-1]
        return None

    def _title_of(self, target: str) -> str:
        if target == "unmatched":
            return "未归类内容"
        return self.template.section(target).title

    def _result(
        self, state: _State, headings: list[Candidate], chosen: bool, recognition: Recognition | None
    ) -> ImportResult:
        """The draft from the placed pieces, and where each of its lines came from."""
        texts: dict[str, str] = {}
        origin: dict[str, list[tuple[int, int]]] = {}
        escapes: dict[str, list[tuple[int, ...]]] = {}
        markdown = self.document.kind == "md"
        for key, pieces in state.fields.items():
            pieces.sort(key=lambda piece: (piece[0].line, piece[0].start + piece[1]))
            lines: list[str] = []
            where: list[tuple[int, int]] = []
            escaped: list[tuple[int, ...]] = []
            for unit, start, end in pieces:
                piece = unit.text[start:end]
                left = piece.lstrip()
                text = left.rstrip()
                if text:
                    column = unit.start + start + len(piece) - len(left)
                    # A Markdown file's backslash escapes (`\*\*`) are markup: the draft gets the characters.
                    text, positions = unescape(text) if markdown else (text, ())
                    for position in positions:
                        backslash = column + file_column(position, positions)
                        state.structure.append(Span(unit.line, backslash, backslash + 1, "escape"))
                    lines.append(text)
                    where.append((unit.line, column))
                    escaped.append(positions)
            if lines:
                texts[key] = "\n".join(lines)
                origin[key] = where
                if any(escaped):
                    escapes[key] = escaped
        body = [text for key, text in texts.items() if key != "title"]
        named = _document_year(state, body)
        found = state.title_year if state.title_year is not None else state.signed_year
        found = found if found is not None else named if named is not None else _year_mentioned_most(body)
        # The year comes from the document or stays empty for the user to fill in: today's year would put a
        # 2015 report under 2026 without a word.
        year = found
        if year is None:
            state.notes.append("文中没有找到考核年度，草稿中的考核年度暂空，请在编辑时填写。")
        profile = state.profile
        extra = {"date": profile["date"]} if "date" in profile else {}
        draft = Draft(
            template=self.template.id,
            profile=Profile(
                name=profile.get("name", ""),
                unit=profile.get("unit", ""),
                position=profile.get("position", ""),
                year=year,
                **extra,
            ),
            title=texts.pop("title", "") or self.template.default_title(year),
            sections={section_id: "" for section_id in self.template.text_section_ids()},
            unmatched=texts.pop("unmatched", ""),
        )
        for key, text in texts.items():
            draft.sections[key] = text
        return ImportResult(
            draft=draft,
            template=self.template,
            document=self.document,
            origin=origin,
            escapes=escapes,
            matched_template_score=self.coverage(headings),
            structure=state.structure,
            notes=state.notes,
            template_chosen=chosen,
            document_year=named,
            confident=recognition.confident if recognition is not None else True,
            reasons=list(recognition.reasons) if recognition is not None else [],
            fits_no_template=recognition.fits_none if recognition is not None else False,
            sources=state.sources,
            salutation=state.salutation,
        )


def _document_year(state: _State, texts: list[str]) -> int | None:
    """The year the document is about: from its title, else the 年度 it names most, else its dated 落款."""
    if state.title_year is not None:
        return state.title_year
    counts = Counter(year for text in texts for year in signature.years_named(text))
    if counts:
        return counts.most_common(1)[0][0]
    return state.signed_year


def _year_mentioned_most(texts: list[str]) -> int | None:
    """The last resort for the appraisal year: the year the text names most (`2023年`); of two named as often,
    the earlier — a report reviews one year and plans the next."""
    years = Counter(year for text in texts for year in signature.years_mentioned(text))
    if not years:
        return None
    return min(years, key=lambda year: (-years[year], year))


def _fits(found: list[signature.Field], unit: Unit, profile: dict[str, str]) -> bool:
    """Particulars that agree with those already found: the same name in the 落款 as in the form is the name;
    a second, different name stays text the user sees."""
    names = [f.name for f in found]
    if len(set(names)) != len(names):
        return False
    return all(profile.get(f.name, unit.text[f.start : f.end]) == unit.text[f.start : f.end] for f in found)


def _first_text_section(section: Section) -> Section:
    while section.children:
        section = section.children[0]
    return section


def _preview(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[:limit] + "……"


def _is_closing(text: str) -> bool:
    return len(text) <= 80 and bool(_CLOSING.search(text))


def _group_lead_note(group_lead: tuple[Section, str], chars: int, template: Template) -> str:
    group, child = group_lead
    return (
        f"「{group.title}」标题下、第一个小标题之前的 {chars} 字已放在「{template.section(child).title}」的开头，"
        "请核对。"
    )

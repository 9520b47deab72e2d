"""The body, section by section: each heading found opens its section; a heading of the writer's own that names
no section (numbered, a Word heading style, a Markdown `##`) opens the section its words are about, else the
template's main section — never the opening, which is what comes before the first heading; other units go to the
section open at the time. A long text without any heading is body, not opening."""

from __future__ import annotations

from appraisal.draft import count_zi
from appraisal.importing.candidates import MARKED_THRESHOLD, Candidate, HeadingSearch
from appraisal.importing.headings import MAX_TITLE_CHARS, LineShape, normalise
from appraisal.importing.placed import Placed, closing_section, opening_section
from appraisal.importing.result import Span
from appraisal.importing.units import MARKDOWN_HEADING, THEMATIC_BREAK, Unit
from appraisal.templates import Section

_SENTENCE_ENDS = set("。；;！!？?，,、")
_BY_NAME = ("与栏目名称相符", "与栏目名称相近")  # the reasons `_open_section` gives a template heading: exact, near
_RUN_IN_ENDS = set("。：:．；;")  # a run-in heading ends so (`一、把学习当作第一需要。…`); a sentence's clause with ，


class Placement:
    """Puts one document's body into one template's sections."""

    def __init__(self, search: HeadingSearch) -> None:
        self.search = search
        self.document = search.document
        self.template = search.template
        self.units = search.units
        self.shapes = search.shapes
        self.index = search.index
        self.first_child: dict[str, str] = {}  # a group section → the section its text goes to
        for placed in self.template.walk():
            if placed.section.is_group:
                self.first_child[placed.section.id] = _first_text_section(placed.section).id
        self.top_outline = 9  # the document's top Word heading level and Markdown heading level (9: none)
        self.top_markdown = 9
        self.top_numbered = 9  # the level at which Word's numbering numbers the writer's own headings (9: none)

    def find_top_levels(self, state: Placed, title_index: int | None) -> None:
        """The levels of the document's own top headings, the units already taken (title, form) left out."""
        outline = self.document.outline
        self.top_outline = min(
            (outline.get(u.line, 9) for i, u in enumerate(self.units) if i not in state.consumed), default=9
        )
        levels = [self._markdown_level(i) for i in range(len(self.units)) if i != title_index]
        self.top_markdown = min(levels, default=9)
        numbered = self.document.numbered
        # Word's numbering makes the writer's own headings when nothing else does (no heading style, no Markdown
        # heading, no template heading, no number the text can read: a bullet, 甲、 I. A., an undefined list).
        if numbered and self.top_outline == self.top_markdown == 9 and 1 not in self.search.dominant:
            unread = [
                numbered.get(u.line, 9)
                for i, (u, line_shape) in enumerate(zip(self.units, self.shapes, strict=True))
                if i not in state.consumed and (line_shape is None or not line_shape.numbered)
            ]
            top = min(unread, default=9)
            if unread.count(top) > 1 and self.search.own_style() is None:
                self.top_numbered = top

    def _markdown_level(self, i: int) -> int:
        """A Markdown heading's level (`## ` → 2: CommonMark, `#` then a space; `#1号楼` is text); 9 for none."""
        if self.document.kind != "md":
            return 9
        marker = MARKDOWN_HEADING.match(self.units[i].text)
        return len(marker.group().strip()) if marker is not None else 9

    def take_body(
        self, state: Placed, heading_at: dict[int, Candidate], end: int, closing_from: int, last_heading: int
    ) -> None:
        """Everything not yet placed before `end`: each heading opens its section, other units go to the
        section open at the time (the intro before the first heading, the closing section after `closing_from`)."""
        intro = opening_section(self.template)
        closing = closing_section(self.template)
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
            if markdown and THEMATIC_BREAK.fullmatch(unit.text):
                # `---`: formatting; after the last heading it opens the heading-less closing section (结束语).
                state.structure.append(Span(unit.line, unit.start, unit.start + len(unit.text), "marker"))
                if closing is not None and i > last_heading:
                    closing_from = min(closing_from, i + 1)
                continue
            target = closing.id if closing is not None and i >= closing_from else state.current
            self._take_body_unit(state, i, target, markdown, placed=placed)
        state.end_group_lead(self.template)

    def body_without_headings(self, state: Placed, *, no_report: bool = False) -> None:
        """No heading at all: a short text is the opening; a long one is the report's body, not its opening
        (which is what comes before the first heading), and goes to the template's main section — as does any
        text of a kind no template is for (`no_report`: a speech, a news story), however short."""
        if any(source for key, source in state.sources.items() if key != self._intro_id()):
            return
        intro = opening_section(self.template)
        where = intro.id if intro is not None else "unmatched"
        pieces = state.fields.get(where, [])
        chars = sum(count_zi(unit.text[start:end]) for unit, start, end in pieces)
        main = self.template.main_section
        if main and intro is not None and pieces and (no_report or chars > (intro.max_chars or 0)):
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

    def _open_section(self, state: Placed, unit: Unit, candidate: Candidate) -> None:
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
        state.count_top(candidate.shape, unit.text, self.search.top_style())
        how = _BY_NAME[0] if candidate.score == 1.0 else _BY_NAME[1]
        state.source(state.current, unit.line, unit.text[:end], how)
        state.heading_only = not candidate.inline
        if candidate.inline:
            state.put(state.current, unit, end)
            state.lead_chars += count_zi(unit.text[end:]) if state.group_lead else 0

    def _take_body_unit(self, state: Placed, i: int, target: str, markdown: bool, *, placed: int | None) -> None:
        """A unit of body text. A heading of the writer's own `placed` by its words (`_place_free_heading`: where
        its text starts) loses its number, which is structure (the exporter numbers the section). A Markdown
        heading or a numbered line that names no section (and was not placed) is kept as text, and the user is
        told."""
        unit = self.units[i]
        if placed:
            state.structure.append(Span(unit.line, unit.start, unit.start + placed, "marker"))
            state.put(target, unit, placed)
            return
        if placed is None:  # a point (placed at 0) keeps the heading's points going
            state.heading_only = False
        marker = MARKDOWN_HEADING.match(unit.text) if markdown else None
        if marker is not None and marker.end() < len(unit.text):
            state.structure.append(Span(unit.line, unit.start, unit.start + marker.end(), "marker"))
            state.notes.append(
                f"第 {unit.line} 行的标题“{unit.text[marker.end() :]}”不是模板中的栏目，"
                f"已作为正文保留在「{self._title_of(target)}」中。"
            )
            state.put(target, unit, marker.end())
        else:
            if placed is None and self._looks_like_top_heading(i):
                state.notes.append(
                    f"第 {unit.line} 行“{unit.text}”像是标题，但未能对应到模板的栏目，"
                    f"已作为正文保留在「{self._title_of(target)}」中。"
                )
            state.put(target, unit)
        if state.group_lead is not None:
            state.lead_chars += count_zi(unit.text)

    def _own_heading(self, state: Placed, i: int) -> str | None:
        """How a unit is one of the document's own top-level headings: "word" (a Word heading style at the
        document's top outline level), "markdown" (a `##` at its top Markdown level), "numbered" (continuing the
        top-level numbering, 三、 after 二、); None when it is not one."""
        unit, line_shape = self.units[i], self.shapes[i]
        if self.document.outline.get(unit.line) == self.top_outline:
            return "word"
        if self.top_markdown < 9 and self._markdown_level(i) == self.top_markdown:
            return "markdown"
        top = self.search.top_style()
        if line_shape is not None and line_shape.style == top and state.next_top(line_shape, unit.text, top):
            return "numbered"
        # Numbered by Word with a number the text cannot read; points come one after another, a heading has text
        # before and after it.
        unread = line_shape is None or not line_shape.numbered
        if unread and self._word_numbered(i) and _reads_as_heading(unit.text):
            return None if self._word_numbered(i - 1) or self._word_numbered(i + 1) else "word"
        return None

    def _word_numbered(self, i: int) -> bool:
        """Whether unit `i` is numbered by Word at the level of the writer's own headings (`find_top_levels`)."""
        if self.top_numbered == 9 or not 0 <= i < len(self.units):
            return False
        return self.document.numbered.get(self.units[i].line) == self.top_numbered

    def _place_free_heading(self, state: Placed, i: int) -> int | None:
        """A heading of the writer's own that names no section (`三、扭住项目建设这个牛鼻子`, a Word heading
        `春季`, `## 成果亮点`): it opens the section its words are about (学习 → 理论学习), else the template's main
        section — never the opening, which is what comes before the first heading. A numbered paragraph right
        after the opening goes to the main section too. The line stays body text; for a heading, without its
        number, which the exporter would print again (`一、述德` over `一、把学习…`).
        None when the line was not placed so, else where its text starts (after a heading's number, or 0)."""
        how = self._own_heading(state, i)
        if how is None:
            return None
        unit, line_shape = self.units[i], self.shapes[i]
        if how == "numbered" and state.heading_only and not _reads_as_heading(unit.text):
            # `3.不足和打算` then `4.调查研究还不够深入。`: a numbered sentence under a heading with nothing but
            # such points under it yet is the heading's point, not a heading of its own (Word's List Number numbers
            # both alike); it still counts, so `6.抓实党建` after the points `4.` `5.` is the next heading.
            if line_shape is not None:
                state.count_top(line_shape, unit.text, self.search.top_style())
            return 0
        fragment, heading_like = _own_words(unit, line_shape, numbered=how == "numbered")
        opened = self._free_section(state, fragment, heading_like)
        if opened is None:
            return None
        section, reason = opened
        if line_shape is not None:
            state.count_top(line_shape, unit.text, self.search.top_style())
        state.free_current = True
        state.heading_only = heading_like and (line_shape is None or not line_shape.inline(unit.text))
        if heading_like:
            state.own_headings += 1
        if state.current != section:
            state.end_group_lead(self.template)
            state.current = section
            state.source(section, unit.line, unit.text if heading_like else _preview(unit.text), reason)
        elif heading_like:  # every heading of the writer's own is listed in the summary, as it is counted
            state.source(section, unit.line, unit.text, reason)
        start = self._text_start(state, fragment, line_shape, heading_like)
        if how == "word" and heading_like and line_shape is not None and start == line_shape.fragment_start:
            start = max(start, self._label_end(unit))
        return start

    def _label_end(self, unit: Unit) -> int:
        """Where the number Word draws before a paragraph (`甲、` `IV.`: the text cannot read them) ends, with the
        spaces after it; 0 when it draws none there."""
        label = self.document.labels.get(unit.line, "")
        if not label or unit.start != 0 or not unit.text.startswith(label):
            return 0
        return len(label) + len(unit.text[len(label) :]) - len(unit.text[len(label) :].lstrip())

    def _free_section(self, state: Placed, fragment: str, heading_like: bool) -> tuple[str, str] | None:
        """The section a line of the writer's own opens, and why: the one a heading's words are about, else the
        main section — for a heading, or a numbered paragraph right after the opening; None when neither."""
        placed = self._by_keyword(fragment) if heading_like else None
        main = self.template.main_section
        if placed is not None or not main:
            return placed
        if heading_like:  # `二、扭住项目建设这个牛鼻子`: a heading that names no section is about the work.
            return main, "标题未提及其他栏目，归入主体栏目"
        if state.current == self._intro_id():
            return main, "开头之后的编号内容，归入主体栏目"
        return None

    def _text_start(self, state: Placed, fragment: str, line_shape: LineShape | None, heading_like: bool) -> int:
        """Where a placed line's text starts: after the number of the writer's own heading. A section's own title
        repeated in the text (`五、党建工作` under `四、党建工作`: its heading already found) stays whole, for
        `heading-in-text` to show; a first `三、工作方面。…` loses its number as `一、品行方面。…` does."""
        if not heading_like or line_shape is None:
            return 0
        match = self.index.match(fragment)
        repeated = match is not None and match.score >= MARKED_THRESHOLD and self._heading_found(state, match.section)
        return 0 if repeated else line_shape.fragment_start

    @staticmethod
    def _heading_found(state: Placed, section: Section) -> bool:
        """Whether a heading naming the section (or one of its parts) was taken as its heading already."""
        return any(
            key == section.id or key.startswith(f"{section.id}.")
            for key, sources in state.sources.items()
            for source in sources
            if source.reason in _BY_NAME
        )

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
        intro = opening_section(self.template)
        return intro.id if intro is not None else "unmatched"

    def _looks_like_top_heading(self, i: int) -> bool:
        """A line numbered like the document's top-level headings (`八、其他工作`) that names no section."""
        line_shape = self.shapes[i]
        style = self.search.dominant.get(1)
        return (
            line_shape is not None
            and style is not None
            and style != "none"
            and line_shape.style == style
            and not line_shape.inline(self.units[i].text)
        )

    def _title_of(self, target: str) -> str:
        if target == "unmatched":
            return "未归类内容"
        return self.template.section(target).title


def _reads_as_heading(text: str) -> bool:
    """Short and not ending as a sentence or a clause does."""
    return len(normalise(text)) <= MAX_TITLE_CHARS and text[-1] not in _SENTENCE_ENDS


def _own_words(unit: Unit, line_shape: LineShape | None, *, numbered: bool) -> tuple[str, bool]:
    """The words of a line taken for a heading of the writer's own, and whether they read as a heading: a Word or
    Markdown heading is one whole (`## 五、2024 规划`); a numbered line up to its cut when that is short and the
    line ends there or runs on after 。 or ：, or whole when it is a heading in two parts."""
    if line_shape is None:
        return unit.text, True
    whole = unit.text[line_shape.fragment_start :]
    if not numbered:
        return whole, True
    end = line_shape.fragment_start + len(line_shape.fragment)
    heading_like = len(normalise(line_shape.fragment)) <= MAX_TITLE_CHARS and (
        not line_shape.inline(unit.text) or unit.text[end : end + 1] in _RUN_IN_ENDS
    )
    if not heading_like and _two_part_heading(whole):
        return whole, True  # `一、坚持学习，不断提高政治水平和业务素质`
    return line_shape.fragment, heading_like


def _two_part_heading(text: str) -> bool:
    """A heading in two parts on a line of its own (`坚持学习，不断提高政治水平`): short, no sentence in it and
    none ending it — a sentence that runs on (`全年完成投资3.5亿元。`) is body text."""
    return (
        len(normalise(text)) <= MAX_TITLE_CHARS
        and text.rstrip()[-1] not in _SENTENCE_ENDS
        and not any(mark in text for mark in "。；;！!？?")
    )


def _first_text_section(section: Section) -> Section:
    while section.children:
        section = section.children[0]
    return section


def _preview(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[:limit] + "……"

"""The headings of one template in one document: the units whose words name its sections (numbered or not,
reworded, mis-numbered, or running into their first paragraph), and of those the ones taken as headings — the
candidates that follow the template's order best (a weighted longest increasing subsequence), plus the exact,
well-formatted ones out of order. The same search serves recognising the template and placing the text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from appraisal.importing.document import Document
from appraisal.importing.headings import (
    MAX_TITLE_CHARS,
    FormMatcher,
    LineShape,
    TitleIndex,
    has_sentence_punctuation,
    marker_number,
    normalise,
)
from appraisal.importing.units import UNNUMBERED_MAX_CHARS, Unit
from appraisal.templates import Section, Template
from appraisal.text.lazy_regex import lazy_compile

# How similar (0–1) a heading's words must be to a section title or alias, by how the line looks.
MARKED_THRESHOLD = 0.75  # numbered, Markdown `#`, or a Word heading style; the whole line
INLINE_THRESHOLD = 0.85  # numbered, with the body running on after the title
UNNUMBERED_THRESHOLD = 0.85  # a short line on its own

# A document's first line naming its kind (`2026年度工作总结`, `20**年述职报告`, `工作总结`) is its title, even when
# the words match a section's alias (工作总结): the title and its year are kept, never taken for a heading.
_DOCUMENT_TITLE = lazy_compile(
    r"(?:\d{4}|\d{2}[*＊xX×]{2}|[*＊xX×]{4}|[〇零○一二三四五六七八九]{4})\s*年度?[^，,。；;：:]{0,30}"
    r"(?:总结|小结|述职|述廉|报告|汇报|计划)|[^，,。；;：:]{0,30}(?:总结|小结|报告|汇报)"
)

_SENTENCE_ENDS = set("。；;！!？?，,、")
_RUN_IN_ENDS = set("。：:．")
_SUBPOINT_VERBS = lazy_compile(
    r"^(?:加强|强化|坚持|抓好|抓实|推进|推动|提升|提高|注重|做好|落实|深化|严守|筑牢|狠抓|扎实|持续|不断|全面|积极|"
    r"认真|切实|始终|着力|聚焦|突出|立足|围绕|完善|健全|优化|创新|服务|履行|带头|主动)"
)


@dataclass
class Candidate:
    index: int  # unit index
    section: Section
    score: float
    shape: LineShape
    inline: bool
    strong: bool  # Markdown heading or Word heading style
    weight: float = 0.0


class HeadingSearch:
    """One document's units against one template's sections."""

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
        self._selected: list[Candidate] | None = None
        self.dominant: dict[int, str] = {}  # template level → the numbering style its headings use here
        self._own_style: str | None = None  # the numbering of the writer's own top headings (`top_style`)

    def candidates(self) -> list[Candidate]:
        found: list[Candidate] = []
        for i, (unit, line_shape) in enumerate(zip(self.units, self.shapes, strict=True)):
            if line_shape is None or (i == 0 and self._document_title(line_shape)):
                continue
            candidate = self._candidate(i, unit, line_shape)
            if candidate is not None:
                found.append(candidate)
        return found

    def _document_title(self, line_shape: LineShape) -> bool:
        """The document's first unit is its title when it names a kind of report (a year before it, or 总结,
        报告 … at its end), is not numbered (a Markdown `#` title aside) and more follows."""
        plain = line_shape.style in ("none", "md1")
        return plain and len(self.units) > 1 and _DOCUMENT_TITLE.fullmatch(line_shape.fragment) is not None

    def _candidate(self, i: int, unit: Unit, line_shape: LineShape) -> Candidate | None:
        """Unit `i` as the heading of a section, if its words name one closely enough for how the line looks."""
        match = self.index.match(line_shape.fragment)
        enough = INLINE_THRESHOLD if line_shape.inline(unit.text) else MARKED_THRESHOLD
        if (match is None or match.score < enough) and line_shape.numbered:
            run_on = self._run_on(i, unit, line_shape)
            if run_on is not None:
                return run_on
        if match is None:
            return None
        score = _discounted(match.score, line_shape.fragment)
        strong = line_shape.markdown or unit.line in self.document.outline
        candidate = Candidate(i, match.section, score, line_shape, line_shape.inline(unit.text), strong)
        return candidate if _heading_like(candidate, unit.text) else None

    def _run_on(self, i: int, unit: Unit, line_shape: LineShape) -> Candidate | None:
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
        return Candidate(i, section, 1.0, cut, True, False)

    def select_headings(self) -> list[Candidate]:
        """The candidates taken as headings, in document order: those that follow the template's order best, and
        sections out of its order when unmistakable."""
        if self._selected is not None:
            return self._selected
        candidates = self.candidates()
        self.dominant = self._dominant_styles(candidates)
        for c in candidates:
            c.weight = self._weight(c)
        chosen = self._in_order(candidates)
        taken = {c.section.id for c in chosen}
        chosen_indexes = {c.index for c in chosen}
        for c in candidates:
            if c.index not in chosen_indexes and c.section.id not in taken and self._unmistakable(c):
                chosen.append(c)
                taken.add(c.section.id)
        chosen.sort(key=lambda c: c.index)
        self._selected = chosen
        return chosen

    def _in_dominant_style(self, c: Candidate) -> bool:
        return self.dominant.get(self.index.level[c.section.id]) == c.shape.style

    def _weight(self, c: Candidate) -> float:
        """The candidate's score, raised when it is numbered as its level's headings are here, when it stands on
        a line of its own, and when it is styled as a heading."""
        return (
            c.score
            + (0.3 if self._in_dominant_style(c) else 0.0)
            + (0.0 if c.inline else 0.2)
            + (0.2 if c.strong else 0.0)
        )

    def _unmistakable(self, c: Candidate) -> bool:
        """A section's exact name on a line of its own, styled as a heading or numbered as its level's are here."""
        return c.score == 1.0 and not c.inline and (c.strong or (c.shape.numbered and self._in_dominant_style(c)))

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

    def top_style(self) -> str:
        """The numbering of this document's top-level headings: that of the template's top-level headings found
        here; when none was found, that of the writer's own (`1.加强学习提升素质` … `2.扭住…`); else 一、."""
        style = self.dominant.get(1)
        if style is None:
            return self.own_style() or "cn"
        return style if style != "none" else "cn"

    def own_style(self) -> str | None:
        """The numbering of the writer's own top headings read from the text (`_own_top_style`); None when the
        document has Markdown `#` or Word heading styles (they make the headings) or no such numbering."""
        if self._own_style is None:
            styled = self.document.outline or any(s is not None and s.markdown for s in self.shapes)
            self._own_style = (None if styled else _own_top_style(self.units, self.shapes)) or ""
        return self._own_style or None


def _discounted(score: float, fragment: str) -> float:
    """ "1. 加强政治理论学习" is a point inside a section, not its heading: a near match opening with such a verb
    counts less."""
    if score < 1.0 and _SUBPOINT_VERBS.match(normalise(fragment)):
        return score * 0.85
    return score


def _heading_like(candidate: Candidate, text: str) -> bool:
    """Whether words this close to a section title are its heading, by how the line `text` looks: numbered with its
    body running on, numbered or styled as a heading (Markdown, Word), or a short line of its own with no sentence
    punctuation."""
    score, shape = candidate.score, candidate.shape
    if not candidate.section.heading and (score < 1.0 or candidate.inline):
        return False  # 开头语 / 结束语 only by their exact name on a line of their own
    if candidate.inline:
        return shape.numbered and score >= INLINE_THRESHOLD
    if shape.numbered or candidate.strong:
        return score >= MARKED_THRESHOLD
    return (
        score >= UNNUMBERED_THRESHOLD
        and len(normalise(text)) <= UNNUMBERED_MAX_CHARS
        and not has_sentence_punctuation(text)
    )


def _own_top_style(units: list[Unit], shapes: list[LineShape | None]) -> str | None:
    """The numbering style of a document's own top-level headings, none naming a section: of the lines that read as
    headings, the style numbering one of them 1 first and another 2 later (`一、` before the points `1.` `2.` under
    it); None when no style does."""
    first_one: dict[str, int] = {}
    styles: list[tuple[int, str]] = []
    for i, (unit, line_shape) in enumerate(zip(units, shapes, strict=True)):
        if line_shape is None or line_shape.style in ("none", "bare") or line_shape.markdown:
            continue
        if not _reads_as_own_heading(unit.text, line_shape):
            continue
        number = marker_number(unit.text[: line_shape.fragment_start])
        if number == 1:
            first_one.setdefault(line_shape.style, i)
        elif number == 2 and line_shape.style in first_one:
            styles.append((first_one[line_shape.style], line_shape.style))
    return min(styles)[1] if styles else None


def _reads_as_own_heading(text: str, line_shape: LineShape) -> bool:
    """A numbered line that reads as a heading: short words with no sentence in them and none ending them
    (`一、加强领导,精心组织`), or a short heading run into its body after 。 or ：(`1.学习方面。认真学习…`)."""
    words = text[line_shape.fragment_start :].rstrip()
    if len(normalise(words)) <= MAX_TITLE_CHARS and words[-1] not in _SENTENCE_ENDS:
        return not any(mark in words for mark in "。；;！!？?")
    end = line_shape.fragment_start + len(line_shape.fragment)
    return line_shape.inline(text) and text[end : end + 1] in _RUN_IN_ENDS

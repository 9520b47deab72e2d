"""Last year's plans: what the writer said last year they would do next (下一步打算, 努力方向, 急需提高的能力), as a
checklist to hold this year's text against. The sections are found by the words of their titles, so a user's
template with a 下步打算 section gets its checklist too."""

from __future__ import annotations

from dataclasses import dataclass

from appraisal.draft import Draft, count_zi
from appraisal.templates import Template
from appraisal.text.lazy_regex import lazy_compile

PLAN_TITLE_WORDS = ("打算", "方向", "安排", "计划", "提高", "思路")
MIN_ITEM_ZI = 6
_ITEM_END = lazy_compile(r"(?<=[。！？；!?;])|\n")
_MARKER = lazy_compile(
    r"^\s*(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d{1,2}[.、．]|[-*•·])\s*"
)


@dataclass(frozen=True)
class PlanItem:
    """One thing last year's draft said would be done: the section it was in, and the words."""

    section: str
    section_title: str
    text: str


def plan_sections(template: Template) -> list[str]:
    """The ids of the template's sections that hold plans (their title names 打算, 方向, 提高…)."""
    return [s.id for s in template.text_sections() if any(word in s.title for word in PLAN_TITLE_WORDS)]


def plan_items(last_year: Draft, template: Template) -> list[PlanItem]:
    """Last year's plans, one sentence or numbered point each, in the order written; a lead-in line is left out."""
    items: list[PlanItem] = []
    for section_id in plan_sections(template):
        title = template.section(section_id).title
        for piece in _ITEM_END.split(last_year.sections.get(section_id, "")):
            text = _MARKER.sub("", piece, count=1).strip()
            if count_zi(text) >= MIN_ITEM_ZI and not text.endswith(("：", ":")):  # not a lead-in (`做好以下工作：`)
                items.append(PlanItem(section_id, title, text))
    return items

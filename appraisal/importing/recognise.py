"""Which template a document was written to: from its title, its headings and its voice, with how sure we are.

Each template names the words its titles use (`title_words`: 述职述廉, 工作报告 …) and whether it is written for a
person or a unit (`voice`). The title counts most, then the section headings found, then the body's voice
(本人、我 or 我们、全局); the reasons are kept in Chinese for the import summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from appraisal.templates import DEFAULT_TEMPLATE, Template

TITLE_WEIGHT = 2.0
COVERAGE_WEIGHT = 4.0
LEAD_WEIGHT = 1.0
VOICE_WEIGHT = 1.0
SURE_MARGIN = 1.0
"""The best template must lead the next by this much (and have its title word or two headings) to be sure."""

_PERSONAL = re.compile(r"本人|我(?![们局镇乡市县区院委所校厅部])")
_COLLECTIVE = re.compile(r"我们|我[局镇乡市县区院委所校厅部]|全[局镇乡市县区省]")
_LEAD_CHARS = 400


@dataclass(frozen=True)
class Evidence:
    """What one template found in the document: its headings (count and summed similarity)."""

    template: Template
    headings: int
    heading_score: float
    coverage: float  # share (0–1) of the template's headed sections found


@dataclass(frozen=True)
class Recognition:
    template: Template
    confident: bool
    reasons: tuple[str, ...]


def _longest_word(template: Template, text: str) -> str:
    return max((word for word in template.title_words if word in text), key=len, default="")


def voice_of(text: str) -> str:
    """ "collective" when the text speaks for a unit (我们、全局) more than for a person (本人、我), else "personal"."""
    return "collective" if len(_COLLECTIVE.findall(text)) > len(_PERSONAL.findall(text)) else "personal"


def recognise(evidence: list[Evidence], title: str, lead: str, body: str) -> Recognition:
    """The template the document most likely follows. `title`: its first line or two; `lead`: the opening text;
    `body`: all of it (for the voice)."""
    title_words = {e.template.id: _longest_word(e.template, title) for e in evidence}
    lead_words = {e.template.id: _longest_word(e.template, lead[:_LEAD_CHARS]) for e in evidence}
    longest_title = max((len(w) for w in title_words.values()), default=0)
    longest_lead = max((len(w) for w in lead_words.values()), default=0)
    voice = voice_of(body)
    scores: dict[str, float] = {}
    for e in evidence:
        tid = e.template.id
        score = e.heading_score + COVERAGE_WEIGHT * e.coverage
        if longest_title and len(title_words[tid]) == longest_title:
            score += TITLE_WEIGHT
        elif longest_lead and len(lead_words[tid]) == longest_lead:
            score += LEAD_WEIGHT
        if e.template.voice == voice:
            score += VOICE_WEIGHT
        scores[tid] = score
    ranked = sorted(
        evidence,
        key=lambda e: (scores[e.template.id], e.headings, e.template.id == DEFAULT_TEMPLATE),
        reverse=True,
    )
    best = ranked[0]
    margin = scores[best.template.id] - (scores[ranked[1].template.id] if len(ranked) > 1 else 0.0)
    tid = best.template.id
    titled = bool(longest_title) and len(title_words[tid]) == longest_title
    led = bool(longest_lead) and len(lead_words[tid]) == longest_lead
    confident = margin >= SURE_MARGIN and (titled or led or best.headings >= 2)
    reasons: list[str] = []
    if titled:
        reasons.append(f"标题含“{title_words[tid]}”")
    elif led:
        reasons.append(f"开头提到“{lead_words[tid]}”")
    if best.headings:
        reasons.append(f"找到 {best.headings} 个该模板的栏目标题")
    reasons.append("正文以单位口吻（我们、全局等）叙述" if voice == "collective" else "正文以个人口吻（本人、我）叙述")
    if not confident and len(ranked) > 1:
        reasons.append(f"与「{ranked[1].template.name}」难以区分")
    return Recognition(best.template, confident, tuple(reasons))

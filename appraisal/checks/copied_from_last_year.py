"""`copied-from-last-year`: a section whose text is nearly last year's (at least 70% of its sentences unchanged),
the classic report that changed only the year. Needs last year's draft of the same person and template, which the
application layer finds and passes in the check Context (`last_year`); without it the rule says nothing.

Sentences are those `duplicate-sentence` compares (8 字 or more, spaces ignored), with every year written in digits
made the same, so that `2025年` → `2026年` alone does not count as a change.
"""

from __future__ import annotations

from collections.abc import Iterable

from appraisal.checks.base import WARNING, Context, Field, Finding, Rule
from appraisal.checks.duplicate_sentence import sentences
from appraisal.draft import Draft
from appraisal.text.lazy_regex import lazy_compile

SHARE = 0.7
MIN_SENTENCES = 2  # one stock sentence (`现将本人一年来的工作总结如下`) copied is not a copied section
_YEAR = lazy_compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _keys(text: str) -> list[str]:
    return [_YEAR.sub("#", key) for line in text.split("\n") for _start, _end, key in sentences(line)]


def comparable(draft: Draft, last_year: Draft | None) -> bool:
    """Last year's draft is one to compare with: the same template, and the same person when both are named."""
    if last_year is None or last_year.template != draft.template:
        return False
    name, last_name = draft.profile.name.strip(), last_year.profile.name.strip()
    return not (name and last_name and name != last_name)


class CopiedFromLastYear(Rule):
    name = "copied-from-last-year"
    title = "照抄去年"
    severity = WARNING
    family = "repetition"
    description = "栏目内容与去年的总结几乎相同（七成以上的句子未改）。"
    fields = frozenset({"section"})
    positional = False
    for_documents = False

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        last_year = ctx.last_year
        if item.section is None or last_year is None or not comparable(ctx.draft, last_year):
            return
        now = _keys(item.text)
        if len(now) < MIN_SENTENCES:
            return
        before = set(_keys(last_year.sections.get(item.section.id, "")))
        same = sum(key in before for key in now)
        if same >= SHARE * len(now):
            yield self.finding(
                item,
                1,
                1,
                1,
                f"“{item.section.title}”与去年的总结几乎相同：{len(now)} 句中有 {same} 句未改，"
                "请写出今年的新工作、新成效。",
            )

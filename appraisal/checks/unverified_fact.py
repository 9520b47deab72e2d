"""`unverified-fact`: a figure, date, name, organisation or quoted phrase that entered a section from the drafting
help (SPEC §8) and that neither the section nor its notes held. The draft keeps them (`Draft.unverified`) when
the writer adopts a proposal; each place the text still stands is flagged until the writer confirms it (Ctrl+T in
the editor, `appraisal assist --confirm`) or edits it away."""

from __future__ import annotations

from collections.abc import Iterable

from appraisal.checks.base import WARNING, Context, Field, Finding, Rule
from appraisal.draft import fact_label


class UnverifiedFact(Rule):
    name = "unverified-fact"
    title = "未经核实的内容"
    severity = WARNING
    family = "facts"
    description = "写作助手加入、原文和素材中都没有、本人尚未确认的数字、日期、单位、人名或提法。"
    fields = frozenset({"section"})
    for_documents = False

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        if item.section is None:
            return
        for fact in ctx.draft.unverified.get(item.section.id, ()):
            message = (
                f"{fact_label(fact.kind or '内容', fact.text)}由写作助手加入，原文和素材中都没有，请核对；"
                "无误可在写作助手（Ctrl+T）中确认。"
            )
            for index, line in enumerate(item.lines):
                start = line.find(fact.text)
                while start >= 0:
                    yield self.finding(item, index + 1, start + 1, start + len(fact.text) + 1, message)
                    start = line.find(fact.text, start + len(fact.text))

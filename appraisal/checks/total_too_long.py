"""`total-too-long`: the report is longer than the template's total (counted as `length` counts)."""

from __future__ import annotations

from collections.abc import Iterable

from appraisal.checks.base import WARNING, Context, Finding, Rule


class TotalTooLong(Rule):
    name = "total-too-long"
    title = "全文字数"
    severity = WARNING
    family = "length"
    description = "全文字数超过模板规定的总字数。"
    whole_draft = True
    positional = False
    about_sections = True

    def check_draft(self, ctx: Context) -> Iterable[Finding]:
        limit = ctx.template.max_chars
        if limit is None:
            return
        total = sum(f.zi for f in ctx.section_fields.values())
        if total > limit:
            yield self.finding(None, 1, 1, 1, f"全文共 {total} 字，超过了 {limit} 字的上限，请适当精简。")

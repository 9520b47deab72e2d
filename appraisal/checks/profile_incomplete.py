"""`profile-incomplete`: the draft does not say who wrote it, where, or for which year.

Only drafts have a profile: a document's particulars are whatever its text says, so documents are not checked.
"""

from __future__ import annotations

from collections.abc import Iterable

from appraisal.checks.base import ERROR, Context, Finding, Rule


class ProfileIncomplete(Rule):
    name = "profile-incomplete"
    title = "基本信息"
    severity = ERROR
    family = "completeness"
    description = "草稿的姓名、单位或考核年度没有填写。"
    whole_draft = True
    positional = False
    for_documents = False

    def check_draft(self, ctx: Context) -> Iterable[Finding]:
        profile = ctx.draft.profile
        missing = [
            label
            for label, value in (("姓名", profile.name), ("单位", profile.unit), ("考核年度", profile.year))
            if value is None or (isinstance(value, str) and not value.strip())
        ]
        if missing:
            yield self.finding(None, 1, 1, 1, f"草稿尚未填写{'、'.join(missing)}。")

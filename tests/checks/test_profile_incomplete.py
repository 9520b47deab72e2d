"""`profile-incomplete`: name, unit or year missing from a draft's profile (documents are not checked)."""

from __future__ import annotations

from appraisal.checks import check_draft

from .marks import findings, full_draft, template


def test_profile_incomplete() -> None:
    draft = full_draft()
    draft.profile.name = ""
    draft.profile.unit = "  "
    draft.profile.year = None
    found = [f for f in check_draft(draft, template()) if f.rule == "profile-incomplete"]
    assert [(f.section, f.line, f.column, f.severity) for f in found] == [(None, 1, 1, "error")]
    assert found[0].message == "草稿尚未填写姓名、单位、考核年度。"
    draft.profile.name, draft.profile.unit, draft.profile.year = "周明远", "某区商务局", 2025
    draft.profile.position = ""  # the position is not required
    assert findings(draft, "profile-incomplete") == []

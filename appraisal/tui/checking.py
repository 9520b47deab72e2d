"""The checker as the UI sees it: `appraisal.checks` when installed, else the length rules only.

The checker is built in parallel with the UI; until it lands this module reports empty and too-short or
too-long sections itself, with the same Finding fields, so every screen works either way.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from appraisal.checks.base import CheckOptions
from appraisal.draft import Draft, SectionState, count_zi, section_state
from appraisal.templates import Template


@dataclass(frozen=True)
class BasicFinding:
    rule: str
    severity: str
    section: str | None
    line: int
    column: int
    end_column: int
    message: str
    fix: Any = None


CONTRACT = ("check_section", "check_draft", "apply_fixes", "fix_draft")


def _checks() -> Any | None:
    """The checker module when it is installed and complete; None otherwise."""
    try:
        module = importlib.import_module("appraisal.checks")
    except ImportError:
        return None
    return module if all(hasattr(module, name) for name in CONTRACT) else None


def _length_findings(draft: Draft, template: Template, section_id: str) -> list[Any]:
    section = template.section(section_id)
    text = draft.sections.get(section_id, "")
    state = section_state(section, text)
    if state is SectionState.EMPTY and section.required:
        return [BasicFinding("section-empty", "error", section_id, 1, 1, 1, f"“{section.title}”尚未填写。")]
    if state is SectionState.SHORT:
        message = f"“{section.title}”只有 {count_zi(text)} 字，建议不少于 {section.min_chars} 字。"
        return [BasicFinding("section-too-short", "warning", section_id, 1, 1, 1, message)]
    if state is SectionState.LONG:
        message = f"“{section.title}”有 {count_zi(text)} 字，建议不超过 {section.max_chars} 字。"
        return [BasicFinding("section-too-long", "warning", section_id, 1, 1, 1, message)]
    return []


def check_section(draft: Draft, template: Template, section_id: str) -> list[Any]:
    checks = _checks()
    if checks is not None:
        try:
            return list(checks.check_section(draft, template, section_id))
        except Exception:  # a checker bug must never stop the user from writing: fall back to lengths
            pass
    return _length_findings(draft, template, section_id)


def check_draft(draft: Draft, template: Template, disabled: tuple[str, ...] = ()) -> list[Any]:
    checks = _checks()
    if checks is not None:
        try:
            return list(checks.check_draft(draft, template, CheckOptions(disabled=frozenset(disabled))))
        except Exception:  # as above: the editor keeps working with the length rules
            pass
    found: list[Any] = []
    for section_id in template.text_section_ids():
        found.extend(f for f in _length_findings(draft, template, section_id) if f.rule not in disabled)
    return found


def fixable(findings: list[Any]) -> list[Any]:
    return [f for f in findings if getattr(f, "fix", None)]


def fix_draft(draft: Draft, template: Template, disabled: tuple[str, ...] = ()) -> int:
    """Apply every safe fix in place (rules the user switched off excepted); the number of fixes applied."""
    checks = _checks()
    if checks is None:
        return 0
    try:
        return int(checks.fix_draft(draft, template, CheckOptions(disabled=frozenset(disabled))))
    except TypeError:  # an older checker without `disabled`
        return int(checks.fix_draft(draft, template))


def apply_fixes(text: str, findings: list[Any]) -> str:
    checks = _checks()
    if checks is None:
        return text
    return str(checks.apply_fixes(text, findings))


def disabled_rules() -> tuple[str, ...]:
    """Rules the user switched off in config.toml; none when the file is unreadable (the CLI reports that)."""
    from appraisal.config import load_config
    from appraisal.errors import AppraisalError

    try:
        return tuple(load_config().checks.disabled)
    except AppraisalError:
        return ()

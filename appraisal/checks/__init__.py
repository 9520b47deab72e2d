"""The checker (SPEC §3): rules that find the mistakes that get a report sent back, and the safe fixes.

`check_draft` checks a whole draft; `check_section` one section, fast enough to run on every pause in typing;
`apply_fixes` / `fix_draft` apply the fixes rules attach to their findings. Documents (.txt, .md, .docx) are
checked through `appraisal.checks.documents`, which imports them first and maps positions back into the file.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from appraisal import edits
from appraisal.checks.base import ERROR, WARNING, Context, Field, Finding, Rule
from appraisal.checks.registry import RULES
from appraisal.draft import Draft
from appraisal.edits import Edit
from appraisal.templates import Template

__all__ = [
    "ERROR",
    "RULES",
    "WARNING",
    "Context",
    "Field",
    "Finding",
    "Rule",
    "apply_fixes",
    "check_context",
    "check_draft",
    "check_section",
    "fix_draft",
    "run_rules",
]


def run_rules(ctx: Context, *, disabled: Collection[str] = ()) -> list[tuple[Field | None, Finding]]:
    """Every rule on every field of `ctx`: each finding with the field it is in (None for whole-draft rules),
    sorted by document order (findings without a section first)."""
    found: list[tuple[Field | None, Finding]] = []
    for name, rule in RULES.items():
        if name in disabled or (ctx.document and not rule.for_documents):
            continue
        if rule.whole_draft:
            found.extend((None, f) for f in rule.check_draft(ctx))
            continue
        for item in ctx.fields:
            if rule.applies_to(item):
                found.extend((item, f) for f in rule.check_field(item, ctx))
    order = {id(item): index for index, item in enumerate(ctx.fields)}

    def key(pair: tuple[Field | None, Finding]) -> tuple[int, int, int, int]:
        item, f = pair
        return (-1 if item is None else order[id(item)], f.line, f.column, f.end_column)

    return sorted(found, key=key)


def check_context(ctx: Context, *, disabled: Collection[str] = ()) -> list[Finding]:
    """Every rule on every field of `ctx`, in document order."""
    return [f for _item, f in run_rules(ctx, disabled=disabled)]


def check_draft(draft: Draft, template: Template, *, disabled: Collection[str] = ()) -> list[Finding]:
    """All findings in the draft, in document order; rules named in `disabled` are skipped."""
    return check_context(Context(draft, template), disabled=disabled)


def check_section(draft: Draft, template: Template, section_id: str) -> list[Finding]:
    """The findings in one section (rules about the whole draft left out), as the user types."""
    ctx = Context(draft, template)
    item = ctx.section_fields[section_id]
    found: list[Finding] = []
    for rule in RULES.values():
        if not rule.whole_draft and rule.applies_to(item):
            found.extend(rule.check_field(item, ctx))
    return sorted(found, key=lambda f: (f.line, f.column, f.end_column))


def apply_fixes(text: str, findings: Iterable[Finding]) -> str:
    """`text` (one section) with the fixes of `findings` applied; a fix overlapping one already applied is skipped."""
    return edits.apply(text, (Edit(f.line, f.column, f.end_column, f.fix) for f in findings if f.fix is not None))[0]


def fix_draft(draft: Draft, template: Template, *, disabled: Collection[str] = ()) -> int:
    """Apply every safe fix in place; the number of fixes applied."""
    rules = [r for r in RULES.values() if r.fixable and not r.whole_draft and r.name not in disabled]
    if not rules:
        return 0
    ctx = Context(draft, template)
    count = 0
    for item in ctx.fields:
        if item.section is None and item.key != "title":
            continue
        fixes = [f for rule in rules if rule.applies_to(item) for f in rule.check_field(item, ctx) if f.fix is not None]
        if not fixes:
            continue
        fixed = apply_fixes(item.text, fixes)
        if fixed == item.text:
            continue
        if item.section is None:
            draft.title = fixed
        else:
            draft.sections[item.section.id] = fixed
        count += len(fixes)
    return count

"""The checker (SPEC §3): rules that find the mistakes that get a report sent back, and the safe fixes.

`check_draft` checks a whole draft; `check_section` one section, fast enough to run on every pause in typing;
`apply_fixes` / `fix_draft` apply the fixes rules attach to their findings. Documents (.txt, .md, .docx) are
checked through `appraisal.checks.documents`, which imports them first and maps positions back into the file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from functools import partial

from appraisal import edits
from appraisal.checks import user_words
from appraisal.checks.base import (
    DEFAULT_OPTIONS,
    ERROR,
    WARNING,
    CheckOptions,
    Context,
    Field,
    Finding,
    Rule,
    Severity,
)
from appraisal.checks.registry import RULES
from appraisal.draft import Draft
from appraisal.edits import Edit
from appraisal.templates import Template

__all__ = [
    "CHECK_FAILED",
    "DEFAULT_OPTIONS",
    "ERROR",
    "RULES",
    "WARNING",
    "CheckOptions",
    "Context",
    "Field",
    "Finding",
    "Rule",
    "Severity",
    "apply_fixes",
    "check_context",
    "check_draft",
    "check_section",
    "fix_draft",
    "run_rules",
]

log = logging.getLogger(__name__)

CHECK_FAILED = "check-failed"
"""The rule name of the finding that stands for a rule that raised: the user is told the check is incomplete."""


class _Guard:
    """Runs rules so that one that raises is never hidden and never stops the others: its exception is logged and
    the run reports one `check-failed` error for it (`failures`), however many fields it failed on."""

    def __init__(self) -> None:
        self.failed: dict[str, Finding] = {}

    def run(self, rule: Rule, call: Callable[[], Iterable[Finding]]) -> list[Finding]:
        if rule.name in self.failed:
            return []
        try:
            return list(call())
        except Exception:  # a rule bug: logged, and shown to the user as a finding (never swallowed)
            log.exception("check rule %s failed", rule.name)
            title = rule.title or rule.name
            message = f"“{title}”检查未能运行，检查结果可能不完整，请把此情况告知开发者。"
            self.failed[rule.name] = Finding(CHECK_FAILED, Severity.ERROR, None, 1, 1, 1, message)
            return []

    @property
    def failures(self) -> list[Finding]:
        return list(self.failed.values())


def _allowed(item: Field, ctx: Context, findings: list[Finding]) -> list[Finding]:
    """`findings` without those whose flagged text lies inside one of the user's allowed words."""
    if not ctx.options.allowed_words or not findings:
        return findings
    return user_words.unflagged(item, ctx.options.allowed_words, findings)


def _active(ctx: Context, options: CheckOptions) -> list[Rule]:
    return [
        rule
        for name, rule in RULES.items()
        if name not in options.disabled and not (ctx.document and not rule.for_documents)
    ]


def run_rules(ctx: Context) -> list[tuple[Field | None, Finding]]:
    """Every rule on every field of `ctx` (with the options it carries): each finding with the field it is in (None
    for whole-draft rules and for a rule that failed), sorted by document order (findings without a field first)."""
    guard = _Guard()
    found: list[tuple[Field | None, Finding]] = []
    for rule in _active(ctx, ctx.options):
        if rule.whole_draft:
            found.extend((None, f) for f in guard.run(rule, partial(rule.check_draft, ctx)))
            continue
        for item in ctx.fields:
            if rule.applies_to(item):
                found.extend(
                    (item, f) for f in _allowed(item, ctx, guard.run(rule, partial(rule.check_field, item, ctx)))
                )
    order = {id(item): index for index, item in enumerate(ctx.fields)}

    def key(pair: tuple[Field | None, Finding]) -> tuple[int, int, int, int]:
        item, f = pair
        return (-1 if item is None else order[id(item)], f.line, f.column, f.end_column)

    return [(None, f) for f in guard.failures] + sorted(found, key=key)


def check_context(ctx: Context) -> list[Finding]:
    """Every rule on every field of `ctx`, in document order."""
    return [f for _item, f in run_rules(ctx)]


def check_draft(
    draft: Draft, template: Template, options: CheckOptions = DEFAULT_OPTIONS, last_year: Draft | None = None
) -> list[Finding]:
    """All findings in the draft, in document order; rules the options switch off are skipped. `last_year`: the
    writer's draft of the year before, when known (`copied-from-last-year`)."""
    return check_context(Context(draft, template, options=options, last_year=last_year))


def check_section(
    draft: Draft,
    template: Template,
    section_id: str,
    options: CheckOptions = DEFAULT_OPTIONS,
    last_year: Draft | None = None,
) -> list[Finding]:
    """The findings in one section (rules about the whole draft left out), as the user types."""
    ctx = Context(draft, template, options=options, last_year=last_year)
    item = ctx.section_fields[section_id]
    guard = _Guard()
    found: list[Finding] = []
    for rule in _active(ctx, options):
        if not rule.whole_draft and rule.applies_to(item):
            found.extend(_allowed(item, ctx, guard.run(rule, partial(rule.check_field, item, ctx))))
    return guard.failures + sorted(found, key=lambda f: (f.line, f.column, f.end_column))


def apply_fixes(text: str, findings: Iterable[Finding]) -> str:
    """`text` (one section) with the fixes of `findings` applied; a fix overlapping one already applied is skipped."""
    return edits.apply(text, (Edit(f.line, f.column, f.end_column, f.fix) for f in findings if f.fix is not None))[0]


def fix_draft(draft: Draft, template: Template, options: CheckOptions = DEFAULT_OPTIONS) -> int:
    """Apply every safe fix in place; the number of fixes applied. A rule that raises contributes no fixes (it is
    logged here, and the check that follows reports it)."""
    ctx = Context(draft, template, options=options)
    rules = [r for r in _active(ctx, options) if r.fixable and not r.whole_draft]
    if not rules:
        return 0
    guard = _Guard()
    count = 0
    for item in ctx.fields:
        if item.section is None and item.key != "title":
            continue
        fixes = [
            f
            for rule in rules
            if rule.applies_to(item)
            for f in _allowed(item, ctx, guard.run(rule, partial(rule.check_field, item, ctx)))
            if f.fix is not None
        ]
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

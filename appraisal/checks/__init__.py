"""The checker (SPEC §3): rules that find the mistakes that get a report sent back, and the safe fixes.

`check_draft` checks a whole draft; `check_section` one section, fast enough to run on every pause in typing;
`apply_fixes` / `fix_draft` apply the fixes rules attach to their findings. Documents (.txt, .md, .docx) are
checked through `appraisal.checks.documents`, which imports them first and maps positions back into the file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import partial

from appraisal import edits
from appraisal.checks import user_word
from appraisal.checks.base import (
    ALL_TIERS,
    DEFAULT_OPTIONS,
    ERROR,
    FAST,
    IDLE,
    WARNING,
    CheckOptions,
    Context,
    Field,
    Finding,
    Rule,
    Severity,
    Tier,
)
from appraisal.checks.registry import RULES
from appraisal.draft import Draft
from appraisal.edits import Edit
from appraisal.templates import Template

__all__ = [
    "ALL_TIERS",
    "CHECK_FAILED",
    "DEFAULT_OPTIONS",
    "ERROR",
    "FAST",
    "IDLE",
    "RULES",
    "WARNING",
    "CheckOptions",
    "Context",
    "Field",
    "Finding",
    "Rule",
    "Severity",
    "Tier",
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
    return user_word.unflagged(item, ctx.options.allowed_words, findings)


def _active(ctx: Context, tiers: frozenset[Tier]) -> list[Rule]:
    """The rules to run on `ctx`: those the options leave on, of the tiers asked for, fit for a document."""
    return [
        rule
        for name, rule in RULES.items()
        if name not in ctx.options.disabled and rule.tier in tiers and not (ctx.document and not rule.for_documents)
    ]


def _run(
    ctx: Context, rules: Iterable[Rule], fields: Sequence[Field], guard: _Guard
) -> Iterator[tuple[Field | None, Finding]]:
    """The one loop every check and fix goes through: each rule on each of `fields` it applies to (a whole-draft
    rule once, on the draft), the user's allowed words taken out; each finding with its field (None: whole draft)."""
    for rule in rules:
        if rule.whole_draft:
            yield from ((None, f) for f in guard.run(rule, partial(rule.check_draft, ctx)))
            continue
        for item in fields:
            if rule.applies_to(item):
                found = guard.run(rule, partial(rule.check_field, item, ctx))
                yield from ((item, with_paragraph(item, f)) for f in _allowed(item, ctx, found))


def with_paragraph(item: Field, finding: Finding) -> Finding:
    """`finding` with its paragraph as a person counts them (the blank lines before it skipped)."""
    number = item.paragraph_numbers[min(max(0, finding.line - 1), len(item.lines))]
    return finding if number == finding.line else replace(finding, paragraph=number)


def run_rules(ctx: Context, tiers: frozenset[Tier] = ALL_TIERS) -> list[tuple[Field | None, Finding]]:
    """Every rule of `tiers` on every field of `ctx` (with the options it carries): each finding with the field it
    is in (None for whole-draft rules and for a rule that failed), sorted by document order (findings without a
    field first)."""
    guard = _Guard()
    found = list(_run(ctx, _active(ctx, tiers), ctx.fields, guard))
    order = {id(item): index for index, item in enumerate(ctx.fields)}

    def key(pair: tuple[Field | None, Finding]) -> tuple[int, int, int, int]:
        item, f = pair
        return (-1 if item is None else order[id(item)], f.line, f.column, f.end_column)

    return [(None, f) for f in guard.failures] + sorted(found, key=key)


def check_context(ctx: Context, tiers: frozenset[Tier] = ALL_TIERS) -> list[Finding]:
    """Every rule of `tiers` on every field of `ctx`, in document order."""
    return [f for _item, f in run_rules(ctx, tiers)]


def check_draft(
    draft: Draft,
    template: Template,
    options: CheckOptions = DEFAULT_OPTIONS,
    last_year: Draft | None = None,
    tiers: frozenset[Tier] = ALL_TIERS,
) -> list[Finding]:
    """All findings in the draft, in document order; rules the options switch off are skipped. `last_year`: the
    writer's draft of the year before, when known (`copied-from-last-year`)."""
    return check_context(Context(draft, template, options=options, last_year=last_year), tiers)


def check_section(
    draft: Draft,
    template: Template,
    section_id: str,
    options: CheckOptions = DEFAULT_OPTIONS,
    last_year: Draft | None = None,
    tiers: frozenset[Tier] = ALL_TIERS,
) -> list[Finding]:
    """The findings in one section (rules about the whole draft left out) of the rules of `tiers`: as the user
    types, the fast tier; once typing stops, the idle one."""
    ctx = Context(draft, template, options=options, last_year=last_year)
    rules = [rule for rule in _active(ctx, tiers) if not rule.whole_draft]
    guard = _Guard()
    found = [f for _item, f in _run(ctx, rules, [ctx.section_fields[section_id]], guard)]
    return guard.failures + sorted(found, key=lambda f: (f.line, f.column, f.end_column))


def apply_fixes(text: str, findings: Iterable[Finding]) -> str:
    """`text` (one section) with the fixes of `findings` applied; a fix overlapping one already applied is skipped."""
    return edits.apply(text, (Edit(f.line, f.column, f.end_column, f.fix) for f in findings if f.fix is not None))[0]


def fix_draft(draft: Draft, template: Template, options: CheckOptions = DEFAULT_OPTIONS) -> int:
    """Apply every safe fix in place (those of the rules with `fix_all`); the number of fixes applied. A rule that
    raises contributes no fixes (it is logged here, and the check that follows reports it)."""
    ctx = Context(draft, template, options=options)
    rules = [r for r in _active(ctx, ALL_TIERS) if r.fixable and r.fix_all and not r.whole_draft]
    fields = [item for item in ctx.fields if item.section is not None or item.key == "title"]
    fixes: dict[int, list[Finding]] = {}
    for item, f in _run(ctx, rules, fields, _Guard()):
        if item is not None and f.fix is not None:
            fixes.setdefault(id(item), []).append(f)
    count = 0
    for item in fields:
        mine = fixes.get(id(item), [])
        fixed = apply_fixes(item.text, mine) if mine else item.text
        if fixed == item.text:
            continue
        if item.section is None:
            draft.title = fixed
        else:
            draft.sections[item.section.id] = fixed
        count += len(mine)
    return count

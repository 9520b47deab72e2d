"""The dictionary rules (typo-in-context, de-di-de, repeated-word) read the same lines: each line is split into words
once per check run, and the findings are those of rules that each split it themselves."""

from __future__ import annotations

from collections import Counter

import pytest

from appraisal.checks import IDLE, check_section
from appraisal.checks.de_di_de import slips
from appraisal.checks.language import Language, Splits, Token, language
from appraisal.checks.repeated_word import repeats
from appraisal.checks.typo_in_context import suspects

from .marks import draft_with, template

TEXT = "我们一定要认真的落实各项政策。进一步进一步落实全面从严治党主体责任。全面惯彻落实各项工作部署要求。"
RUNS = [run for run in TEXT.split("。") if run]


def test_each_line_is_split_once_per_check_run(monkeypatch: pytest.MonkeyPatch) -> None:
    assert all(len(run) > 9 for run in RUNS)  # longer than any window a rule splits on its own
    split = Counter[str]()
    segment = Language.segment

    def counting(self: Language, text: str) -> list[Token]:
        split[text] += 1
        return segment(self, text)

    monkeypatch.setattr(Language, "segment", counting)
    draft = draft_with("results.service", TEXT)
    findings = check_section(draft, template(), "results.service", tiers=frozenset({IDLE}))
    assert {f.rule for f in findings} >= {"typo-in-context", "de-di-de", "repeated-word"}
    assert [split[run] for run in RUNS] == [1] * len(RUNS)  # three rules, one split each


def test_the_shared_splits_give_what_each_rule_finds_alone() -> None:
    model = language()
    shared: Splits = {}
    alone = ([s.start for s in suspects(TEXT, model)], list(slips(TEXT, model)), list(repeats(TEXT, model)))
    assert all(alone)  # each rule finds something in TEXT, so the comparison says something
    for _ in ("first with the splits kept", "then from the kept splits"):
        kept = ([s.start for s in suspects(TEXT, model, "", shared)], list(slips(TEXT, model, shared)))
        assert (*kept, list(repeats(TEXT, model, shared))) == alone
    assert len(shared) == 1

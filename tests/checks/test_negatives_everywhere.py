"""Every hard negative in the checker's data (`appraisal/checks/data/*.toml`: the correct sentence each entry keeps
beside its example) is correct text, so no content rule may report anything in it — not only the rule the entry
belongs to. Each list's own tests run only its rule; this one runs them all, which is how a user's text meets them
(`持之以恒纠治“四风”` was a political-term negative and a typo-in-context finding)."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest

from appraisal.checks import check_section

from .marks import draft_with, template

SECTION = "results.service"
# What a single short line in a full section may rightly set off: the section's length, and a year other than the
# report's (the 提法 lists' negatives speak of the year their entry changed, 2019年…, and are checked in that year by
# their own tests).
NOT_CONTENT = frozenset({"section-too-short", "section-too-long", "total-too-long", "year-mismatch"})


def _negatives(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            if key in ("negative", "negatives"):
                yield from [inner] if isinstance(inner, str) else [s for s in inner if isinstance(s, str)]
            else:
                yield from _negatives(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _negatives(inner)


def negatives() -> list[tuple[str, str]]:
    data = resources.files("appraisal.checks").joinpath("data")
    found: dict[str, str] = {}
    for path in sorted(data.iterdir(), key=lambda p: p.name):
        if path.name.endswith(".toml"):
            for sentence in _negatives(tomllib.loads(path.read_text(encoding="utf-8"))):
                found.setdefault(sentence, path.name)
    return sorted((name, sentence) for sentence, name in found.items())


NEGATIVES = negatives()


def test_the_data_has_negatives() -> None:
    assert len(NEGATIVES) >= 400
    assert {name for name, _ in NEGATIVES} >= {"typo.toml", "wording.toml", "collocation.toml", "political_terms.toml"}


@pytest.mark.parametrize(("name", "sentence"), NEGATIVES, ids=[f"{n}:{s[:12]}" for n, s in NEGATIVES])
def test_no_rule_reports_a_hard_negative(name: str, sentence: str) -> None:
    draft = draft_with(SECTION, sentence)
    found = [
        (f.rule, sentence[f.column - 1 : f.end_column - 1], f.message)
        for f in check_section(draft, template(), SECTION)
        if f.rule not in NOT_CONTENT
    ]
    assert found == []

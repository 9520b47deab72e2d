"""`Context.shared`: a part of the work several rules need is made once per check run, whatever it is (None too:
`number-usage` keeps "no range mark yet"), and a new run makes it again."""

from __future__ import annotations

from appraisal.checks.base import Context

from .marks import draft_with, template


def test_a_shared_part_is_made_once_per_context_even_when_it_is_none() -> None:
    made: list[str] = []

    def make() -> None:
        made.append("made")

    ctx = Context(draft_with("law", "严格依法履职。"), template())
    assert ctx.shared("nothing", make) is None
    assert ctx.shared("nothing", make) is None
    assert made == ["made"]
    again = Context(draft_with("law", "严格依法履职。"), template())
    again.shared("nothing", make)
    assert made == ["made", "made"]

"""A model's answer for one section, as the user reviews it before accepting it."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from appraisal.assist.prompt import AssistRequest
from appraisal.assist.verify import Unverified
from appraisal.checks import Finding


@dataclass
class AssistProposal:
    """The text proposed, the facts in it the user never gave (未经核实), the original's facts it no longer holds
    (`dropped`, said before it is accepted), and the checker's findings on it. It is not in the draft until the
    user accepts it (the editor, or `appraisal.app.assisting.apply_kept`)."""

    request: AssistRequest
    text: str
    unverified: list[Unverified]
    findings: list[Finding]
    dropped: list[Unverified] = field(default_factory=list)

    def diff(self) -> list[str]:
        """The proposal against the current text, line by line (`-` current, `+` proposed)."""
        old, new = self.request.current.split("\n"), self.text.split("\n")
        return list(difflib.unified_diff(old, new, "现文", "建议", lineterm="", n=1))[2:]

"""Where a finding is, in the words people use (第N段第M字), and identical findings of a paragraph taken together.

Every face says a position the same way through `place`: the TUI's findings lists, plain fill, assist, export's
error list and `check`'s text output. A line of a section (or of a Word document) is what the writer calls a 段, and
the editor wraps it into several screen lines, so 行 would point at the wrong thing; columns count characters, so
第M字. `concise` and `json` keep line and column for tools.

One .docx gave 36 findings of the same half-width comma: `group` folds the findings that say the same thing in the
same paragraph into one entry with a count (本段 8 处), so a reader sees each kind of mistake once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from appraisal.checks.base import Finding


def is_positional(finding: Finding) -> bool:
    """Whether the finding points at characters of a paragraph (not at a section or the report as a whole)."""
    return finding.column < finding.end_column


def place(line: int, column: int, unit: str = "段") -> str:
    """第N段第M字: the paragraph (or, for a plain-text file, `unit` 行) and the character, both counted from 1;
    第M字 alone with no `unit` (a draft's title is one line)."""
    return f"第{line}{unit}第{column}字" if unit else f"第{column}字"


def finding_place(finding: Finding, unit: str = "段") -> str:
    """Where `finding` is, for people; "" for a finding about a whole section or the whole report. The paragraph
    is counted as a person counts them (blank lines are not paragraphs) when the check loop set it."""
    if not is_positional(finding):
        return ""
    return place(finding.paragraph or finding.line, finding.column, unit)


@dataclass(frozen=True)
class FindingGroup:
    """Findings of one rule with the same message in one paragraph of one section, in order; `first` stands for
    them (a jump goes there)."""

    findings: tuple[Finding, ...]

    @property
    def first(self) -> Finding:
        return self.findings[0]

    @property
    def count(self) -> int:
        return len(self.findings)

    def count_words(self) -> str:
        """本段 8 处 (with 可自动修正 when every one has a fix); "" for a single finding."""
        if self.count == 1:
            return ""
        fixable = "，可自动修正" if all(f.fix is not None for f in self.findings) else ""
        return f"本段 {self.count} 处{fixable}"

    def place(self, unit: str = "段") -> str:
        """第N段第M字 of the first (a jump goes there; `count_words` says how many there are)."""
        return finding_place(self.first, unit)


def group(findings: Iterable[Finding]) -> list[FindingGroup]:
    """The findings with the identical ones of each paragraph together (same section, paragraph, rule, message and
    fix), in the order of their first occurrence. Findings about a whole section are never folded."""
    groups: dict[tuple[object, ...], list[Finding]] = {}
    for index, finding in enumerate(findings):
        if is_positional(finding):
            key: tuple[object, ...] = (finding.section, finding.line, finding.rule, finding.message, finding.fix)
        else:
            key = (index,)
        groups.setdefault(key, []).append(finding)
    return [FindingGroup(tuple(members)) for members in groups.values()]

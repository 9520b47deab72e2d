"""Shared helpers for the TUI tests: short autosave delays, a fixed clock, drafts in the test's APPRAISAL_HOME."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from appraisal.checks import DEFAULT_OPTIONS, CheckOptions
from appraisal.draft import Draft
from appraisal.store import create_draft
from appraisal.templates import load_template
from appraisal.tui.app import AppraisalApp
from appraisal.tui.settings import TuiSettings

FIXED_NOW = dt.datetime(2025, 12, 1, 9, 30, 15)


def fixed_clock() -> dt.datetime:
    return FIXED_NOW


async def wait_until(condition: Callable[[], object], timeout: float = 4.0) -> None:
    """Wait for something the app does in its own time (a worker, a timer): poll, never a fixed sleep."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


class FakeMonotonic:
    """An elapsed-time clock that moves only when told: autosave timing is tested without sleeping. The editor
    still sets its real timer, which finds nothing due until the test advances this clock and calls run_due()."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def fast_settings(**overrides: object) -> TuiSettings:
    values: dict[str, object] = {
        "autosave_delay": 0.2,
        "autosave_max": 0.6,
        "check_delay": 0.05,
        "retry_delay": 0.3,
        "clock": fixed_clock,
        "cursor_blink": False,
    }
    values.update(overrides)
    return TuiSettings(**values)  # type: ignore[arg-type]


def make_draft(
    *,
    template: str = "cadre-annual",
    name: str = "李明",
    year: int = 2025,
    sections: dict[str, str] | None = None,
    path: Path | None = None,
) -> Path:
    draft = Draft.new(load_template(template), name=name, unit="某市统计局", position="科长", year=year)
    draft.id = f"fixed{year}{len(name)}"
    for key, value in (sections or {}).items():
        draft.sections[key] = value
    return create_draft(draft, path)


def make_app(path: Path | None = None, **overrides: object) -> AppraisalApp:
    return AppraisalApp(path, settings=fast_settings(**overrides))


class FakeChecks:
    """Stands in for `appraisal.checks` (same contract) so the TUI's review and fix flows are tested on their own:
    every `XX` is a placeholder error; every `,` between two Chinese characters a fixable warning."""

    @staticmethod
    def _section(draft: Draft, section_id: str) -> list[object]:
        from appraisal.tui.checking import BasicFinding

        found: list[object] = []
        for number, line in enumerate(draft.sections.get(section_id, "").split("\n"), start=1):
            start = line.find("XX")
            while start != -1:
                found.append(
                    BasicFinding("placeholder", "error", section_id, number, start + 1, start + 3, "有未填写的“XX”。")
                )
                start = line.find("XX", start + 2)
            for index, char in enumerate(line):
                if (
                    char == ","
                    and 0 < index < len(line) - 1
                    and line[index - 1] > "\u4e00"
                    and line[index + 1] > "\u4e00"
                ):
                    found.append(
                        BasicFinding(
                            "halfwidth-punctuation",
                            "warning",
                            section_id,
                            number,
                            index + 1,
                            index + 2,
                            "半角逗号。",
                            "，",
                        )
                    )
        return found

    def check_section(self, draft: Draft, template: object, section_id: str) -> list[object]:
        return self._section(draft, section_id)

    def check_draft(self, draft: Draft, template: object, options: CheckOptions = DEFAULT_OPTIONS) -> list[object]:
        found = [f for sid in draft.sections for f in self._section(draft, sid)]
        return [f for f in found if getattr(f, "rule", "") not in options.disabled]

    @staticmethod
    def apply_fixes(text: str, findings: list[object]) -> str:
        lines = text.split("\n")
        for f in sorted(findings, key=lambda f: (f.line, f.column), reverse=True):  # type: ignore[attr-defined]
            if f.fix is None:  # type: ignore[attr-defined]
                continue
            row = lines[f.line - 1]  # type: ignore[attr-defined]
            lines[f.line - 1] = row[: f.column - 1] + f.fix + row[f.end_column - 1 :]  # type: ignore[attr-defined]
        return "\n".join(lines)

    def fix_draft(self, draft: Draft, template: object, options: CheckOptions = DEFAULT_OPTIONS) -> int:
        count = 0
        for sid, text in draft.sections.items():
            fixes = [f for f in self._section(draft, sid) if f.fix]  # type: ignore[attr-defined]
            if fixes:
                draft.sections[sid] = self.apply_fixes(text, fixes)
                count += len(fixes)
        return count

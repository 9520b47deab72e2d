"""What the drafting-help tests share: the section text they start from, a draft holding it (with facts adopted from
the drafting help, if asked), and `appraisal assist` run on it as a user runs it."""

from __future__ import annotations

from pathlib import Path

import pytest

from appraisal import cli
from appraisal.draft import AdoptedFact, Draft
from appraisal.store import create_draft
from appraisal.templates import load_template

TEMPLATE = load_template("cadre-annual")
CURRENT = "本人牵头推进营商环境优化工作，全年走访企业86家，协调解决融资难题21个。"


def section_draft(text: str = CURRENT, adopted: tuple[tuple[str, str], ...] = ()) -> Path:
    """A new draft of 张三 for 2026 whose section `results.service` holds `text` and these adopted facts."""
    draft = Draft.new(TEMPLATE, name="张三", year=2026)
    draft.sections["results.service"] = text
    if adopted:
        draft.unverified["results.service"] = [AdoptedFact(kind=k, text=t) for k, t in adopted]
    return create_draft(draft)


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def run_assist(capsys: pytest.CaptureFixture[str], path: Path, *extra: str) -> tuple[int, str, str]:
    """`appraisal assist PATH --section results.service …`: exit status, stdout, stderr."""
    return run_cli(capsys, "assist", str(path), "--section", "results.service", *extra)

"""A draft with one long section in a scratch home, for the benchmarks that drive the editor (`tui_typing.py`,
`find_keys.py`; this folder is on the path when they run)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def long_draft(paragraph: str, paragraphs: int, section: str = "results.service") -> tuple[Path, str]:
    """(the saved draft's path, the section's text): `paragraph` `paragraphs` times, one a line, in `section` of a
    new cadre-annual draft under a fresh APPRAISAL_HOME (set here, before appraisal resolves it)."""
    os.environ["APPRAISAL_HOME"] = tempfile.mkdtemp(prefix="appraisal-bench-")
    from appraisal.draft import Draft, count_zi
    from appraisal.store import create_draft
    from appraisal.templates import load_template

    text = "\n".join([paragraph] * paragraphs)
    draft = Draft.new(load_template("cadre-annual"), name="测试", year=2025)
    draft.sections[section] = text
    print(f"section: {count_zi(text)} 字 in {text.count(chr(10)) + 1} paragraphs")
    return create_draft(draft), text

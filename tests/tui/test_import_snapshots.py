"""SVG snapshots of the import summary and the template question at 80×24, over the editor as the user sees
them. Update with `uv run pytest tests/tui/test_import_snapshots.py --snapshot-update` and look at the SVGs
before committing them."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from appraisal import paths
from appraisal.importing import import_document
from appraisal.store import create_draft
from appraisal.tui.screens.import_document import Imported, ImportSummaryScreen, TemplateQuestion

from .helpers import make_app, make_draft
from .test_import_document import FREE_FORM, UNSURE


def test_import_summary_80x24(snap_compare, utc: None, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "2025年述职述廉报告.txt"
    source.write_text(FREE_FORM, encoding="utf-8")
    result = import_document(source)
    result.draft.id = "snapshot"
    result.draft.created = result.draft.updated = "2025-12-01T09:00:00+08:00"
    path = create_draft(result.draft, paths.drafts_dir() / "2025-述职述廉报告.json")

    async def run_before(pilot: Pilot[object]) -> None:
        await pilot.pause()
        pilot.app.push_screen(ImportSummaryScreen(Imported(path, result)))
        await pilot.pause()

    assert snap_compare(make_app(path), terminal_size=(80, 24), run_before=run_before)


def test_template_question_80x24(snap_compare, utc: None, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "总结.txt"
    source.write_text(UNSURE, encoding="utf-8")
    result = import_document(source)
    assert not result.confident
    path = make_draft(year=2025)

    async def run_before(pilot: Pilot[object]) -> None:
        await pilot.pause()
        pilot.app.push_screen(TemplateQuestion(result))
        await pilot.pause()

    assert snap_compare(make_app(path), terminal_size=(80, 24), run_before=run_before)

"""The full-length test report: `tests/fixtures/check/report.marked.txt` is the source, with every planted defect
marked `⟦rule:text⟧`; `report.json` (the draft) and `report.txt` (the plain-text export of it) are made from it.

Regenerate the two after editing the source: `uv run python -m tests.checks.report`.
"""

from __future__ import annotations

from pathlib import Path

from appraisal.draft import Draft, Profile
from appraisal.store import dump_draft
from appraisal.templates import load_template

from .marks import unmark

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "check"
MARKED = FIXTURES / "report.marked.txt"
DRAFT = FIXTURES / "report.json"
TEXT = FIXTURES / "report.txt"

Planted = tuple[str, str | None, int, int, int]  # (rule, section or None, line, column, end_column)


def load_marked() -> tuple[Draft, list[Planted], dict[str, str]]:
    """The draft the marked source describes, its planted defects, and each section's text with the marks in."""
    header: dict[str, str] = {}
    marked: dict[str, list[str]] = {}
    current = ""
    for line in MARKED.read_text(encoding="utf-8").splitlines():
        if line.startswith("@"):
            key, _, value = line[1:].partition(" ")
            header[key] = value
        elif line.startswith("# "):
            current = line[2:]
            marked[current] = []
        elif line:
            marked[current].append(line)
    planted: list[Planted] = []
    profile = {}
    for key in ("name", "unit", "position", "year"):
        value, spans = unmark(header.get(key, ""))
        profile[key] = value
        planted.extend((rule or "", None, 1, 1, 1) for rule, *_rest in spans)
    template = load_template("cadre-annual")
    draft = Draft(
        id="report2025zmy",
        template=template.id,
        profile=Profile(
            name=profile["name"], unit=profile["unit"], position=profile["position"], year=int(profile["year"])
        ),
        title=header["title"],
        sections={section_id: "" for section_id in template.text_section_ids()},
        created="2025-12-01T09:00:00+08:00",
        updated="2025-12-08T17:30:00+08:00",
        revision=7,
    )
    texts: dict[str, str] = {}
    for section_id, lines in marked.items():
        texts[section_id] = "\n".join(lines)
        text, spans = unmark(texts[section_id])
        draft.sections[section_id] = text
        planted.extend((rule or "", section_id, line, column, end) for rule, line, column, end in spans)
    return draft, planted, texts


def write_fixtures() -> None:
    import datetime as dt

    from appraisal.export import ExportOptions
    from appraisal.export import text as text_format

    draft, _planted, _texts = load_marked()
    DRAFT.write_bytes(dump_draft(draft))
    options = ExportOptions(run_in_headings=False, date=dt.date(2025, 12, 8))  # the 落款 date: fixed, not today
    TEXT.write_bytes(text_format.render(draft, load_template(draft.template), options))


if __name__ == "__main__":
    write_fixtures()

"""Sample drafts for the export tests: an invented 区发改局 deputy director's 2026 summary, written for this project."""

from __future__ import annotations

import pytest

from appraisal.draft import Draft
from appraisal.export import ExportOptions
from appraisal.templates import Template, load_template

from .samples import EXPORT_DATE, SECTIONS


@pytest.fixture
def template() -> Template:
    return load_template("cadre-annual")


@pytest.fixture
def draft(template: Template) -> Draft:
    draft = Draft.new(template, name="李明", unit="某区发展和改革局", position="副局长", year=2026)
    draft.sections.update(SECTIONS)
    return draft


@pytest.fixture
def options() -> ExportOptions:
    return ExportOptions(run_in_headings=False, date=EXPORT_DATE)

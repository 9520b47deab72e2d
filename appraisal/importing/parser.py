"""Documents (.txt, .md, .docx) → drafts (SPEC §4). Nothing the user wrote is ever dropped.

The document is cut into units (`units`). For every template, the units whose words name its sections are found
and the headings taken (`candidates`); the template is recognised from the title, those headings, the kind of text
and its voice (`recognise`) — or given by the user, which fixes the choice and changes nothing else. Then the form
and title (`front_matter`), the 落款 (`back_matter`) and the body section by section (`placement`) are placed, and
the draft is assembled (`assemble`).

`ImportResult.origin` says where every line of the draft came from, `ImportResult.structure` what the other
characters were (heading, Markdown marker, label, profile value): together they account for every character.
"""

from __future__ import annotations

from pathlib import Path

from appraisal.errors import AppraisalError
from appraisal.importing.assemble import assemble
from appraisal.importing.back_matter import BackMatter
from appraisal.importing.candidates import HeadingSearch
from appraisal.importing.front_matter import FrontMatter
from appraisal.importing.headings import FormMatcher
from appraisal.importing.placed import Placed
from appraisal.importing.placement import Placement
from appraisal.importing.reader import IMPORTING, Document, read_document
from appraisal.importing.recognise import Evidence, Recognition, recognise
from appraisal.importing.result import ImportResult
from appraisal.importing.units import heading_shape, units_of
from appraisal.templates import DEFAULT_TEMPLATE, Template, list_templates, load_template


def import_document(path: Path, template_id: str | None = None, verb: str = IMPORTING) -> ImportResult:
    """Read and parse a file: the draft is not saved (see `appraisal.commands.import_`)."""
    return parse_document(read_document(Path(path), verb), template_id)


def parse_document(document: Document, template_id: str | None = None) -> ImportResult:
    """Split a document into the sections of a template (the best-matching one when none is given). No I/O
    except loading templates. A template given by the user goes through the very same search as a recognised
    one: the choice is fixed, nothing else changes."""
    units = units_of(document)
    shapes = [heading_shape(unit, document) for unit in units]
    given = load_template(template_id) if template_id is not None else None
    templates, errors = _templates(given)
    matcher = FormMatcher.for_templates(templates)
    searches = {template.id: HeadingSearch(document, template, units, shapes, matcher) for template in templates}
    evidence = [_evidence(searches[template.id]) for template in templates]
    head = [unit.text for unit in units[:2] if len(unit.text) <= 60]
    body = "\n".join(unit.text for unit in units)
    recognition = recognise(evidence, "".join(head) or body[:60], body[:600], body)
    if given is not None:
        result = place(searches[given.id], chosen=False, recognition=recognition.given(given))
    else:
        result = place(searches[recognition.template.id], chosen=True, recognition=recognition)
    result.unloaded_templates = [f"{error.message.rstrip('。')}，识别模板时未使用该模板。" for error in errors]
    return result


def _templates(given: Template | None) -> tuple[list[Template], list[AppraisalError]]:
    """Every template that loads, and the errors of those that do not; the given one is among them, and the
    default template when none loads."""
    templates, errors = list_templates()
    if given is not None and all(template.id != given.id for template in templates):
        templates.append(given)
    return templates or [load_template(DEFAULT_TEMPLATE)], errors


def _evidence(search: HeadingSearch) -> Evidence:
    """What a template's headings found in the document: how many, their summed similarity, the share of its
    headed sections."""
    headings = search.select_headings()
    return Evidence(search.template, len(headings), sum(c.score for c in headings), search.coverage(headings))


def place(search: HeadingSearch, *, chosen: bool, recognition: Recognition) -> ImportResult:
    """Every unit placed: the form around a report, the title, the particulars, the 落款, then the body section
    by section."""
    headings = search.select_headings()
    units = search.units
    front, back, body = FrontMatter(search), BackMatter(search), Placement(search)
    state = Placed()
    first_heading = headings[0].index if headings else len(units)
    last_heading = headings[-1].index if headings else -1
    report_end = back.report_end(headings)
    front.take_form(state, first_heading, report_end)
    title_index = front.take_title(state, first_heading)
    earliest = max(last_heading, -1 if title_index is None else title_index) + 1
    tail_from, tail_year = back.signature(units, earliest, report_end)
    front.take_particulars(state, title_index, min(first_heading, tail_from))
    for i in range(tail_from, report_end):
        back.take_signature(state, units[i])
    state.signed_year = tail_year
    front.take_salutation(state, title_index)
    closing_from = back.closing_from(state, tail_from, last_heading)
    body.find_top_levels(state, title_index)
    body.take_body(state, {c.index: c for c in headings}, tail_from, closing_from, last_heading)
    body.body_without_headings(state, no_report=recognition.fits_none)
    return assemble(search, state, headings, chosen, recognition)

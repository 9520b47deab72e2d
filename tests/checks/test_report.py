"""The full-length report (≥ 3,000 字, all 12 text sections of cadre-annual) with one or more planted defects of
every rule: the checker finds each at its marked place and nothing else — in the draft, and in the plain-text
export of it, where the positions point into the .txt file."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from appraisal.checks import RULES, check_draft
from appraisal.checks.documents import check_document
from appraisal.draft import Draft
from appraisal.importing.reader import read_document
from appraisal.store import load_draft
from appraisal.templates import Template, load_template

from .report import DRAFT, TEXT, Planted, load_marked


@pytest.fixture(scope="module")
def template() -> Template:
    return load_template("cadre-annual")


@pytest.fixture(scope="module")
def marked() -> tuple[Draft, list[Planted]]:
    draft, planted, _texts = load_marked()
    return draft, planted


def in_order(planted: list[Planted], template: Template) -> list[Planted]:
    order = {sid: i for i, sid in enumerate(template.text_section_ids())}
    return sorted(planted, key=lambda p: (-1 if p[1] is None else order[p[1]], p[2], p[3]))


def test_the_report_is_full_length_and_realistic(marked: tuple[Draft, list[Planted]], template: Template) -> None:
    draft, _planted = marked
    assert draft.total_chars() >= 3000
    assert all(draft.sections[s.id].strip() for s in template.text_sections())
    assert len(template.text_sections()) == 12
    text = "".join(draft.sections.values())
    for feature in ("“", "”", "《", "》", "%", "8:30" if "8:30" in text else "18:30", "1:1", "亿元", "3月15日"):
        assert feature in text


def test_every_content_rule_is_planted(marked: tuple[Draft, list[Planted]]) -> None:
    _draft, planted = marked
    content = {
        "placeholder",
        "missing-figure",
        "halfwidth-punctuation",
        "unbalanced-quote",
        "duplicate-sentence",
        "year-mismatch",
        "heading-in-text",
        "typo",
        "wording",
        "number-usage",
        "punctuation",
    }
    assert content | {"section-too-short", "profile-incomplete"} <= {rule for rule, *_ in planted}
    assert set(RULES) >= {rule for rule, *_ in planted}
    assert len(planted) == 15


def test_fixture_files_match_the_marked_source(marked: tuple[Draft, list[Planted]]) -> None:
    """report.json is the marked source without its marks (regenerate with `python -m tests.checks.report`)."""
    draft, _planted = marked
    saved = load_draft(DRAFT)
    assert saved.sections == draft.sections
    assert saved.profile == draft.profile
    assert saved.title == draft.title


def test_draft_findings_are_exactly_the_planted_ones(marked: tuple[Draft, list[Planted]], template: Template) -> None:
    _draft, planted = marked
    saved = load_draft(DRAFT)
    found = [(f.rule, f.section, f.line, f.column, f.end_column) for f in check_draft(saved, template)]
    assert found == in_order(planted, template)


def text_positions(draft: Draft, template: Template, lines: list[str]) -> dict[tuple[str, int], int]:
    """Where each section heading (key (section, 0)) and paragraph (key (section, n)) is in the .txt lines,
    found by walking the file in order as the plain-text layout puts them: `　　一、title`, `　　paragraph`."""
    where: dict[tuple[str, int], int] = {}
    position = 0
    for section in template.text_sections():
        if section.heading:
            heading = re.compile(
                r"　　(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)" + re.escape(section.title)
            )
            while not heading.fullmatch(lines[position]):
                position += 1
            where[(section.id, 0)] = position + 1
            position += 1
        for number, paragraph in enumerate(draft.sections[section.id].split("\n"), start=1):
            while lines[position] != "　　" + paragraph:
                position += 1
            where[(section.id, number)] = position + 1
            position += 1
    return where


def test_txt_findings_point_into_the_txt_file(marked: tuple[Draft, list[Planted]], template: Template) -> None:
    draft, planted = marked
    document = read_document(TEXT)
    lines = document.lines
    where = text_positions(draft, template, lines)
    expected = []
    for rule, section, line, column, end in planted:
        if rule == "profile-incomplete":
            continue  # a document has no profile
        assert section is not None
        if RULES[rule].positional:
            expected.append((rule, section, where[(section, line)], column + 2, end + 2))
        else:  # a finding about the whole section points at its heading
            heading_line = where[(section, 0)]
            expected.append((rule, section, heading_line, 3, len(lines[heading_line - 1]) + 1))
    expected.sort(key=lambda e: (e[2], e[3]))
    checked = check_document(TEXT)
    found = [(f.rule, f.section, f.line, f.column, f.end_column) for f in checked.findings]
    assert found == expected
    # The characters at each position in the file are the characters marked in the source.
    for f in checked.findings:
        if RULES[f.rule].positional:
            assert f.section is not None
            original = next(p for p in planted if p[0] == f.rule and p[1] == f.section)
            paragraph = draft.sections[f.section].split("\n")[original[2] - 1]
            assert lines[f.line - 1][f.column - 1 : f.end_column - 1] == paragraph[original[3] - 1 : original[4] - 1]


def test_an_emptied_section_adds_exactly_one_finding(marked: tuple[Draft, list[Planted]], template: Template) -> None:
    draft, planted = marked
    emptied = draft.model_copy(deep=True)
    emptied.sections["weakness.ability"] = ""
    found = [(f.rule, f.section, f.line, f.column, f.end_column) for f in check_draft(emptied, template)]
    assert found == [*in_order(planted, template), ("section-empty", "weakness.ability", 1, 1, 1)]


def test_report_copy_is_untouched_by_checking(tmp_path: Path) -> None:
    copy = tmp_path / "report.txt"
    shutil.copyfile(TEXT, copy)
    before = copy.read_bytes()
    check_document(copy)
    assert copy.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]

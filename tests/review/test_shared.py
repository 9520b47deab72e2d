"""Shared passages: a planted 150-字 paragraph is found between exactly the two reports holding it, whatever else
is in the folder; boilerplate, short common phrasing and text held by most reports are not reported."""

from __future__ import annotations

import random
from pathlib import Path

from review_corpus import PLANTED, Report, paragraph

from appraisal.review import MIN_CHARS, ReviewSettings, review
from appraisal.review.shared import find_shared, report_prints


def body(seed: int, *extra: str) -> list[tuple[int, str]]:
    """A report body of generated paragraphs (no run of 50 字 in common with another seed's), with `extra`
    paragraphs inserted after the second."""
    rng = random.Random(seed)
    paragraphs = [paragraph(rng, 2026, 300) for _ in range(6)]
    paragraphs[2:2] = extra
    return list(enumerate(paragraphs, start=1))


def shared(*bodies: list[tuple[int, str]]) -> list[tuple[list[int], int, str]]:
    return [(p.reports, p.chars, p.text) for p in find_shared([report_prints(b) for b in bodies])]


def test_the_planted_paragraph_is_found_between_the_two_files_in_the_folder(unit: tuple[Path, list[Report]]) -> None:
    folder, reports = unit
    result = review([folder], ReviewSettings(year=2026), jobs=1)
    holders = {reports[i].path.relative_to(folder).as_posix() for i in (1, 7)}
    assert [({result.rows[r].file for r in p.reports}, p.text) for p in result.shared] == [(holders, PLANTED)]
    for row in result.rows:
        copied = [reason for reason in row.reasons if "相同段落" in reason]
        if row.file in holders:
            (other,) = holders - {row.file}
            assert copied == [f"与 {other} 有 {result.shared[0].chars} 字相同段落"]
        else:
            assert copied == []


def test_reports_that_share_nothing_have_no_shared_passage() -> None:
    assert shared(*(body(seed) for seed in range(12))) == []


def test_boilerplate_every_report_has_is_not_reported() -> None:
    opening = "尊敬的各位领导、同志们：现将本人2026年度思想、学习、工作和廉洁自律等方面的情况报告如下："
    guiding = "一年来，我坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神，"
    closing = "以上报告，请予审议。不妥之处，敬请各位领导和同志们批评指正。谢谢大家！"
    bodies = [
        body(seed, opening, guiding + paragraph(random.Random(seed + 50), 2026, 80), closing) for seed in range(4)
    ]
    assert shared(*bodies) == []


def test_the_threshold_and_changed_punctuation() -> None:
    long = PLANTED[:62]  # 55 字
    short = PLANTED[70:118]  # 45 字
    assert sum(c.isalnum() for c in long) >= MIN_CHARS > sum(c.isalnum() for c in short)
    a = body(1, "据统计，" + long + "以上。", "另外" + short + "。")
    b = body(2, long.replace("，", ",").replace("、", " ") + "。", short)
    (found,) = shared(a, b)
    assert found[:2] == ([0, 1], sum(c.isalnum() for c in long))


def test_a_passage_in_most_reports_is_common_phrasing_but_in_a_few_it_is_copying() -> None:
    everywhere = [body(seed, PLANTED) for seed in range(8)]
    assert shared(*everywhere) == []
    some = [body(seed, PLANTED) if seed in (2, 5, 6) else body(seed) for seed in range(8)]
    assert [reports for reports, _, _ in shared(*some)] == [[2, 5, 6]]


def test_each_fingerprint_is_extended_to_the_whole_passage_once() -> None:
    """A report holding the passage twice and three reports holding it: one passage, every place listed."""
    a = body(1, PLANTED, PLANTED)
    (found,) = find_shared([report_prints(a), report_prints(body(2, PLANTED)), report_prints(body(3, PLANTED))])
    assert found.text == PLANTED and found.reports == [0, 1, 2]
    assert {report for report, _ in found.places} == {0, 1, 2}

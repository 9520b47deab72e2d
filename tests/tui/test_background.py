"""The one failure sentence of the long work (export, review, import): the user's error in its own words, a bug
as one sentence with its traceback in the log. Runs of work a newer run replaces: a late older answer is dropped."""

from __future__ import annotations

import logging

import pytest

from appraisal.errors import AppraisalError
from appraisal.tui.background import Runs, failure_sentence


def test_an_appraisal_error_says_its_own_sentence_and_logs_nothing(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR):
        said = failure_sentence(AppraisalError("文件夹不可写。"), "导出", "草稿未受影响", "exporting failed")
    assert said == "文件夹不可写。"
    assert not caplog.records


def test_a_bug_is_one_sentence_and_its_traceback_goes_to_the_log(caplog: pytest.LogCaptureFixture) -> None:
    try:
        raise KeyError("section")
    except KeyError as exc:
        error = exc
    with caplog.at_level(logging.ERROR):
        said = failure_sentence(error, "导入 /tmp/a.docx ", "未创建草稿", "importing %s failed", "/tmp/a.docx")
    assert said == "导入 /tmp/a.docx 时程序出错，未创建草稿；详细情况已记入数据目录中的 appraisal.log。"
    (record,) = caplog.records
    assert record.getMessage() == "importing /tmp/a.docx failed"
    assert record.exc_info is not None and record.exc_info[1] is error


def test_a_late_answer_of_an_older_run_is_dropped() -> None:
    """The whole-draft check takes any answer newer than the one shown; last year's lookup only the newest run's
    (an older one answers for the profile as it was)."""
    checks = Runs()
    first, second = checks.start(), checks.start()
    assert checks.take(first) and checks.pending  # newer than none shown, while the second still runs
    assert checks.take(second) and not checks.pending
    assert not checks.take(first)  # came late: older than the one shown
    lookups = Runs()
    first, second = lookups.start(), lookups.start()
    assert not lookups.take(first, newest_only=True) and lookups.pending
    assert lookups.take(second, newest_only=True) and not lookups.pending

"""Reviewing a unit's reports at once (`appraisal review`, SPEC §10): every report read and checked as `check`
does, one row each with a verdict, and the passages different reports share.

`run.review` does the work (a process pool, Ctrl+C keeps what was done); `output.FORMATS` writes it as a terminal
table, CSV, HTML or JSON. The reports are only read.
"""

from appraisal.review.output import FORMATS
from appraisal.review.read import ReviewSettings
from appraisal.review.row import PASS, RETURN, ReportRow
from appraisal.review.run import Review, find_reports, review
from appraisal.review.shared import MIN_CHARS, Passage

__all__ = [
    "FORMATS",
    "MIN_CHARS",
    "PASS",
    "RETURN",
    "Passage",
    "ReportRow",
    "Review",
    "ReviewSettings",
    "find_reports",
    "review",
]

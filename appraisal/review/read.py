"""One report read and checked as `appraisal check` does, in a worker process: its row, and the body paragraphs the
shared-passage search needs.

`start_worker` runs once in each worker: it loads the rules, the templates and the checker's dictionaries by
checking a short text, so every report after that pays only for its own reading and checking. A file that cannot be
read (broken, empty, an old .doc, too big) is a row with the reason; nothing a report holds can stop the run.
"""

from __future__ import annotations

import logging
import signal
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from appraisal.checks import DEFAULT_OPTIONS, RULES, CheckOptions
from appraisal.checks.documents import DocumentCheck, check_document
from appraisal.checks.positions import group
from appraisal.checks.word_places import document_place, word_places
from appraisal.draft import count_zi
from appraisal.errors import AppraisalError
from appraisal.review.row import ReportRow, ReviewFinding
from appraisal.review.shared import report_prints
from appraisal.text.chars import HAN_UNIFIED
from appraisal.text.lazy_regex import lazy_compile

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReviewSettings:
    """What every report is checked with: the template to use (None: recognise each), the year under review
    (None: each report's own), the user's checker options."""

    template: str | None = None
    year: int | None = None
    options: CheckOptions = DEFAULT_OPTIONS

    def __reduce__(self) -> tuple[object, ...]:
        """Sent to the workers by pickling where processes are spawned (Windows, macOS; Linux from Python 3.14):
        the options' read-only word map cannot be pickled, so it travels as a plain dict."""
        options = self.options
        plain = (options.disabled, dict(options.extra_words), options.allowed_words)
        return (_rebuilt, (self.template, self.year, plain))


def _rebuilt(
    template: str | None, year: int | None, plain: tuple[frozenset[str], dict[str, str], frozenset[str]]
) -> ReviewSettings:
    disabled, extra_words, allowed_words = plain
    options = CheckOptions(disabled, MappingProxyType(extra_words), allowed_words)
    return ReviewSettings(template, year, options)


_SETTINGS = ReviewSettings()


def start_worker(settings: ReviewSettings, *, in_pool: bool = True) -> None:
    """Build the checker's state once for this process. In a pool, Ctrl+C is left to the main process, which
    stops the run and keeps what was done (a worker killed mid-report would lose nothing but that report)."""
    global _SETTINGS
    _SETTINGS = settings
    if in_pool:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    from appraisal.checks import check_draft
    from appraisal.draft import Draft
    from appraisal.templates import load_template

    template = load_template(settings.template or "cadre-annual")
    warm = Draft.new(template, name="张三", year=settings.year or 2026)
    warm.sections[template.text_section_ids()[0]] = "本人认真学习，做为党员，再接再励，完成投资亿元，同比增长%。"
    check_draft(warm, template, options=settings.options)


def review_file(path: Path, shown: str) -> ReportRow:
    """The row of one report; `shown` is how the file is named in the output."""
    row = ReportRow(file=shown, path=str(path))
    try:
        checked = check_document(path, _SETTINGS.options, _SETTINGS.template, _SETTINGS.year)
    except AppraisalError as exc:
        row.error = exc.message.replace(str(path), shown)  # the folder is said once, not in every row
        return row
    except Exception as exc:  # a bug met on one file: that row says so, the others are still reviewed
        log.exception("review of %s failed", path)
        row.error = f"读取或检查时出错（{type(exc).__name__}），请单独用 appraisal check 检查此文件。"
        return row
    _fill(row, checked)
    return row


def _fill(row: ReportRow, checked: DocumentCheck) -> None:
    result = checked.result
    draft = result.draft
    row.name = draft.profile.name or _name_in_title(draft.title)
    if checked.sections_checked:
        row.template = result.template.id
        row.template_name = result.template.name
    row.year = result.document_year
    unit = "段" if result.document.kind == "docx" else "行"
    places = word_places(result.document) if result.document.kind == "docx" else {}
    families: dict[str, list[int]] = {}
    for entry in group(checked.findings):
        first = entry.first
        rule = RULES.get(first.rule)
        family = rule.family if rule is not None else "completeness"
        counts = families.setdefault(family, [0, 0])
        counts[0 if first.severity == "error" else 1] += entry.count
        if first.rule == "section-empty" and first.section is not None:
            row.missing.append(result.template.section(first.section).title)
        title = (rule.title if rule is not None else "") or first.rule
        row.findings.append(
            ReviewFinding(
                first.rule,
                title,
                family,
                str(first.severity),
                document_place(first, places, unit),
                first.message,
                entry.count,
            )
        )
    row.families = {family: (e, w) for family, (e, w) in families.items()}
    row.errors = sum(e for e, _ in families.values())
    row.warnings = sum(w for _, w in families.values())
    body = _body(checked)
    row.zi = sum(count_zi(text) for _, text in body)
    row.prints = report_prints(body)


# A name in a title: `…述职述廉报告（吴敏）`, `吴敏同志2026年度…`.
_TITLE_NAME = lazy_compile(rf"[（(]([{HAN_UNIFIED}]{{2,4}})[)）]\s*$|^([{HAN_UNIFIED}]{{2,4}})同志")


def _name_in_title(title: str) -> str:
    """The writer's name when the title names them and the 落款 does not."""
    match = _TITLE_NAME.search(title.strip())
    return (match.group(1) or match.group(2)) if match else ""


def _body(checked: DocumentCheck) -> list[tuple[int, str]]:
    """The text of the sections and of what matched none, paragraph by paragraph with its number in the document
    (headings, the title and the 落款 are not body)."""
    result = checked.result
    out: list[tuple[int, str]] = []
    for key, origins in result.origin.items():
        if key == "title":
            continue
        text = result.draft.unmatched if key == "unmatched" else result.draft.sections.get(key, "")
        for (line, _offset), paragraph in zip(origins, text.split("\n"), strict=False):
            if paragraph.strip():
                out.append((line, paragraph))
    out.sort()
    return out

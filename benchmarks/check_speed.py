"""How long the checker takes: on one 3,000-字 section as the user types, and on a 100,000-字 document.

    uv run python benchmarks/check_speed.py [REPEATS]

The section figure is what the editor pays on every pause in typing (`check_section`: the section's rules plus the
duplicate-sentence index of the whole draft); the target is 5 ms. Times are given as wall clock and as CPU time of
the process: on a shared machine the wall clock also counts the time other jobs held the CPU. The document figures are
`appraisal check` on a long .txt file, in-process: reading and importing it, then the rules alone (`check_draft`
on the imported draft). Each figure is the median of REPEATS runs (default 20; 5 for the document).
The text is the test report (tests/fixtures/check/report.json), repeated with every sentence made unique, so
duplicate-sentence does not flood the output.
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from appraisal.checks import check_draft, check_section, duplicate_sentence
from appraisal.checks.documents import check_document
from appraisal.draft import Draft, count_zi
from appraisal.export import ExportOptions
from appraisal.export import text as text_format
from appraisal.importing import import_document
from appraisal.store import load_draft
from appraisal.templates import load_template

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "tests" / "fixtures" / "check" / "report.json"
_SENTENCE_END = re.compile("。")


def median_ms(action: Callable[[], object], repeats: int, clock: Callable[[], float] = time.perf_counter) -> float:
    """Median time of `action` by `clock`: the wall clock by default, which on a shared machine includes waiting
    for a CPU; `time.process_time` gives the CPU time of this process, the work itself."""
    timings = []
    for _ in range(repeats):
        start = clock()
        action()
        timings.append((clock() - start) * 1000)
    return statistics.median(timings)


def paragraphs(draft: Draft) -> list[str]:
    return [line for text in draft.sections.values() for line in text.split("\n") if line.strip()]


def unique_text(source: list[str], target_zi: int) -> list[str]:
    """Paragraphs of `source`, repeated until `target_zi` 字, each sentence marked with its copy number."""
    out: list[str] = []
    total = 0
    copy = 0
    while total < target_zi:
        copy += 1
        for paragraph in source:
            text = _SENTENCE_END.sub(f"，第{copy}批。", paragraph)
            out.append(text)
            total += count_zi(text)
            if total >= target_zi:
                break
    return out


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    template = load_template("cadre-annual")
    report = load_draft(REPORT)

    # One 3,000-字 section in a full draft, checked as the editor does after each pause in typing.
    draft = report.model_copy(deep=True)
    draft.sections["results.service"] = "\n".join(unique_text(paragraphs(report), 3000))
    section_zi = count_zi(draft.sections["results.service"])
    check_section(draft, template, "results.service")  # warm up
    typed = iter(range(10**9))

    def after_a_keystroke() -> None:
        """The last paragraph changes, as it does while the user types; the rest of the draft does not."""
        lines = draft.sections["results.service"].split("\n")
        lines[-1] += "字" if next(typed) % 2 else "，"
        draft.sections["results.service"] = "\n".join(lines)
        check_section(draft, template, "results.service")

    def cold() -> None:
        duplicate_sentence._sentences.cache_clear()
        duplicate_sentence._field_places.cache_clear()
        check_section(draft, template, "results.service")

    typing_ms = median_ms(after_a_keystroke, repeats)
    typing_cpu = median_ms(after_a_keystroke, repeats, time.process_time)
    cold_ms = median_ms(cold, repeats)
    cold_cpu = median_ms(cold, repeats, time.process_time)
    draft_ms = median_ms(lambda: check_draft(draft, template), repeats)
    print(f"check_section, one section of {section_zi} 字 in a draft of {draft.total_chars()} 字 (wall / CPU):")
    print(f"  while typing (one paragraph changed since the last check): {typing_ms:.2f} / {typing_cpu:.2f} ms")
    print(f"  cold (no sentence cached, e.g. the first check after opening): {cold_ms:.2f} / {cold_cpu:.2f} ms")
    print(f"check_draft, the same draft: {draft_ms:.2f} ms")

    # A 100,000-字 document: the plain-text export of a draft whose sections were filled with long text.
    big = report.model_copy(deep=True)
    body = unique_text(paragraphs(report), 100_000)
    ids = template.text_section_ids()
    share = len(body) // len(ids) + 1
    for index, section_id in enumerate(ids):
        big.sections[section_id] = "\n".join(body[index * share : (index + 1) * share])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.txt"
        path.write_bytes(text_format.render(big, template, ExportOptions(run_in_headings=False)))
        document_repeats = max(3, repeats // 4)
        imported = import_document(path)
        whole_ms = median_ms(lambda: check_document(path), document_repeats)
        import_ms = median_ms(lambda: import_document(path), document_repeats)
        rules_ms = median_ms(lambda: check_draft(imported.draft, imported.template), document_repeats)
        rules_cpu = median_ms(
            lambda: check_draft(imported.draft, imported.template), document_repeats, time.process_time
        )
        found = len(check_document(path).findings)
    zi = imported.draft.total_chars()
    print(f"check on a document of {zi} 字 ({len(body)} paragraphs):")
    print(f"  whole check (read, import, rules, map positions): {whole_ms:.0f} ms, {found} findings")
    print(f"  of which reading and importing: {import_ms:.0f} ms; the rules alone: {rules_ms:.0f} ms")
    print(f"  the rules alone in CPU time: {rules_cpu:.0f} ms (target ≤ 100 ms)")
    print(f"  rules per 1,000 字: {rules_ms / zi * 1000:.2f} ms")


if __name__ == "__main__":
    main()

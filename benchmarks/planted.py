"""Per-family precision and recall on reports with planted defects, and every finding on a clean report.

    uv run python benchmarks/planted.py [--split dev|heldout|all] [--file MARKED.txt …] [--show]

`benchmarks/planted/` holds three reports written for this project (2026 reports, checked as plain-text documents,
as `appraisal check 报告.txt` would): `dev.marked.txt`, the development set the rules were tuned on;
`heldout.marked.txt`, written before any tuning by a different plan (another template, another office, other
instances of each family) and left unread while tuning; `clean.txt`, a report full of hard negatives (history and
comparisons of years, reduplications, rates with their figures, a 落款 with a full-width space …) that must give no
finding at all. In the marked files each planted defect is marked `⟦rule:text⟧` (`tests/checks/marks.py`); a
finding of that rule on that line overlapping the marked words is a hit, any other finding a false alarm.
`--show` lists the misses and the false alarms. `--file` scores other marked reports instead of the splits (one kept
outside the repository, so nobody tunes on it).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from appraisal.checks import RULES  # noqa: E402
from appraisal.checks.documents import check_document  # noqa: E402
from tests.checks.marks import unmark  # noqa: E402

PLANTED = Path(__file__).resolve().parent / "planted"
SPLITS = {"dev": "dev.marked.txt", "heldout": "heldout.marked.txt"}
CLEAN = PLANTED / "clean.txt"
# Rules counted under the family a reviewer names: a misspelling found from the sentence is still a typo.
FAMILY = {"typo-in-context": "typo", "missing-figure-in-context": "missing-figure"}
# Rules about the template's sections and the profile: a planted report is about its content.
NOT_CONTENT = {"section-empty", "section-too-short", "section-too-long", "total-too-long", "profile-incomplete"}


@dataclass
class Score:
    hits: Counter[str] = field(default_factory=Counter)
    misses: Counter[str] = field(default_factory=Counter)
    alarms: Counter[str] = field(default_factory=Counter)
    shown: list[str] = field(default_factory=list)


def findings_of(text: str, name: str) -> tuple[list[str], list[tuple[str, int, int, int]]]:
    """The document's lines and its findings as (rule, line, column, end_column), checked as a .txt file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8")
        checked = check_document(path)
    found = [
        (FAMILY.get(f.rule, f.rule), f.line, f.column, f.end_column)
        for f in checked.findings
        if f.rule not in NOT_CONTENT
    ]
    return text.split("\n"), found


def meets(rule: str, column: int, end: int, start: int, stop: int) -> bool:
    """Whether a finding [column, end) hits a mark [start, stop): they overlap, or, for a rule whose finding marks a
    gap to be filled (`missing-figure`: the number goes where it starts), it touches the marked words. Real texts'
    labels are counted the same way (`benchmarks/real_texts.py`)."""
    if column < stop and start < end:
        return True
    rule_class = RULES.get(rule)
    return rule_class is not None and rule_class.marks_gap and (column == stop or end == start)


def score(path: Path) -> Score:
    text, planted = unmark(path.read_text(encoding="utf-8"))
    lines, found = findings_of(text, path.name.replace(".marked", ""))
    result = Score()
    matched: set[int] = set()
    for rule, line, column, end in found:
        hit = next(
            (
                i
                for i, (want, at, start, stop) in enumerate(planted)
                if i not in matched and want == rule and at == line and meets(rule, column, end, start, stop)
            ),
            None,
        )
        if hit is None:
            result.alarms[rule] += 1
            words = lines[line - 1][column - 1 : end - 1]
            result.shown.append(f"  false alarm {path.name}:{line}:{column} {rule} “{words}”")
        else:
            matched.add(hit)
            result.hits[rule] += 1
    for i, (rule, line, start, stop) in enumerate(planted):
        if i not in matched:
            result.misses[rule or "?"] += 1
            words = lines[line - 1][start - 1 : stop - 1]
            result.shown.append(f"  miss        {path.name}:{line}:{start} {rule} “{words}”")
    return result


def table(name: str, result: Score) -> None:
    families = sorted(set(result.hits) | set(result.misses) | set(result.alarms))
    print(f"\n{name}")
    print(f"{'family':24} {'planted':>7} {'found':>6} {'hits':>5} {'precision':>9} {'recall':>7}")
    for family in families:
        planted = result.hits[family] + result.misses[family]
        found = result.hits[family] + result.alarms[family]
        precision = f"{result.hits[family] / found:.2f}" if found else "—"
        recall = f"{result.hits[family] / planted:.2f}" if planted else "—"
        print(f"{family:24} {planted:>7} {found:>6} {result.hits[family]:>5} {precision:>9} {recall:>7}")
    hits, misses, alarms = (sum(c.values()) for c in (result.hits, result.misses, result.alarms))
    print(
        f"{'all':24} {hits + misses:>7} {hits + alarms:>6} {hits:>5} {hits / max(1, hits + alarms):>9.2f} "
        f"{hits / max(1, hits + misses):>7.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="dev")
    parser.add_argument("--file", type=Path, nargs="+", help="marked reports to score instead of the splits")
    parser.add_argument("--show", action="store_true", help="list the misses and the false alarms")
    args = parser.parse_args()
    splits = list(SPLITS) if args.split == "all" else [args.split]
    marked = args.file or [PLANTED / SPLITS[split] for split in splits]
    for path in marked:
        result = score(path)
        table(f"planted defects, {path.name}", result)
        if args.show:
            print("\n".join(result.shown))
    lines, found = findings_of(CLEAN.read_text(encoding="utf-8"), CLEAN.name)
    print(f"\nclean report ({CLEAN.name}, {sum(len(line) for line in lines)} characters): {len(found)} findings")
    for rule, line, column, end in found:
        print(f"  false alarm {CLEAN.name}:{line}:{column} {rule} “{lines[line - 1][column - 1 : end - 1]}”")


if __name__ == "__main__":
    main()

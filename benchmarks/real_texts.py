"""Precision and recall of the content rules on real texts labelled by hand (texts and labels kept outside the
repository: they are not ours).

    uv run python benchmarks/real_texts.py FOLDER LABELS.toml [--exclude RULE,RULE…] [--only RULE,RULE…] [--show]

FOLDER holds the .txt/.md/.docx texts; LABELS.toml has one `[[label]]` per defect: `file`, `rule`, `line`,
`text` (the flagged words) and, when they occur more than once on the line, `occurrence`. A finding of the same
rule on the same line overlapping the labelled words (or, for `missing-figure`, touching them) is a hit; other
findings are false alarms; labels no finding hits are misses. `--only` measures the named rules alone (for a set
labelled for a few families). Rules about the template's sections and the profile are left out (an excerpt is
not a report).
`--show` lists every false alarm and miss.
"""

from __future__ import annotations

import argparse
import tomllib
from collections import Counter
from dataclasses import replace
from pathlib import Path

from planted import FAMILY, NOT_CONTENT, meets  # counted as the planted reports are (this folder is on the path)

from appraisal.checks import RULES
from appraisal.checks.documents import check_document


def label_span(line: str, text: str, occurrence: int) -> tuple[int, int] | None:
    """1-based [start, end) of the `occurrence`-th `text` in `line`."""
    at = -1
    for _ in range(occurrence):
        at = line.find(text, at + 1)
        if at < 0:
            return None
    return at + 1, at + 1 + len(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("labels", type=Path)
    parser.add_argument("--exclude", default="", help="rules left out of the measurement, comma-separated")
    parser.add_argument("--only", default="", help="measure only these rules, comma-separated")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    excluded = NOT_CONTENT | {r for r in args.exclude.split(",") if r}
    if args.only:
        only = {r for r in args.only.split(",") if r}
        excluded |= {r for r in [*RULES, *FAMILY] if r not in only and FAMILY.get(r) not in only}
    labels = tomllib.loads(args.labels.read_text(encoding="utf-8"))["label"]
    files = sorted(p for p in args.folder.iterdir() if p.suffix in (".txt", ".md", ".docx"))
    hits: Counter[str] = Counter()
    alarms: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    shown: list[str] = []
    for path in files:
        checked = check_document(path)
        lines = checked.result.document.lines
        wanted = []
        for label in labels:
            if label["file"] != path.name or label["rule"] in excluded:
                continue
            span = label_span(lines[label["line"] - 1], label["text"], label.get("occurrence", 1))
            if span is None:
                raise SystemExit(f"{path.name}:{label['line']}: “{label['text']}” is not on that line")
            wanted.append((label["rule"], label["line"], *span))
        found = [replace(f, rule=FAMILY.get(f.rule, f.rule)) for f in checked.findings if f.rule not in excluded]
        matched: set[int] = set()
        for f in found:
            hit = next(
                (
                    i
                    for i, (rule, line, start, end) in enumerate(wanted)
                    if i not in matched
                    and rule == f.rule
                    and line == f.line
                    and meets(f.rule, f.column, f.end_column, start, end)
                ),
                None,
            )
            if hit is None:
                alarms[f.rule] += 1
                text = lines[f.line - 1][f.column - 1 : f.end_column - 1]
                shown.append(f"  false alarm {path.name}:{f.line}:{f.column} {f.rule} “{text}” {f.message}")
            else:
                matched.add(hit)
                hits[f.rule] += 1
        for i, (rule, line, start, end) in enumerate(wanted):
            if i not in matched:
                misses[rule] += 1
                shown.append(
                    f"  miss        {path.name}:{line}:{start} {rule} “{lines[line - 1][start - 1 : end - 1]}”"
                )
    print(
        f"{len(files)} texts, {sum(len(p.read_bytes()) for p in files)} bytes; left out: {', '.join(sorted(excluded))}"
    )
    print(f"{'rule':24} {'labelled':>8} {'found':>6} {'hits':>5} {'precision':>9} {'recall':>7}")
    for rule in [r for r in RULES if r not in excluded and r not in FAMILY]:
        labelled = hits[rule] + misses[rule]
        found_n = hits[rule] + alarms[rule]
        precision = f"{hits[rule] / found_n:.2f}" if found_n else "—"
        recall = f"{hits[rule] / labelled:.2f}" if labelled else "—"
        print(f"{rule:24} {labelled:>8} {found_n:>6} {hits[rule]:>5} {precision:>9} {recall:>7}")
    total_h, total_a, total_m = sum(hits.values()), sum(alarms.values()), sum(misses.values())
    print(
        f"{'all':24} {total_h + total_m:>8} {total_h + total_a:>6} {total_h:>5} "
        f"{total_h / max(1, total_h + total_a):>9.2f} {total_h / max(1, total_h + total_m):>7.2f}"
    )
    if args.show:
        print("\n".join(shown))


if __name__ == "__main__":
    main()

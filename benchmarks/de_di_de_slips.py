"""Recall and false alarms of `de-di-de` on 的/地/得 slips made in sentences of clean real text, the untouched
sentences being the hard negatives (a set is built outside the repository: /work/realtexts/dedide, see its NOTES).

    uv run python benchmarks/de_di_de_slips.py SET.tsv [SET.tsv …] [--show]

A row is tab-separated: `kind`, `sentence`, `at`, `right`, `clean`. Kind `neg`: a sentence as published, every
slip reported on it is a false alarm. Kind `pos-…` (`pos-di`: 地 written 的, `pos-de2`: 得 written 的, `pos-de1`: 的
written 地, `pos-sighan`: a learner's sentence): found when a slip is reported at `at` with the fix `right`; any
other slip reported in it is counted as a false alarm too. Printed: found / cases per kind, false alarms per set;
`--show` lists the misses and the false alarms, a line each, so that two runs can be compared with `diff`.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from appraisal.checks.de_di_de import slips
from appraisal.checks.language import language


def run(path: Path, show: bool) -> Counter[str]:
    model = language()
    counts: Counter[str] = Counter()
    for raw in path.read_text(encoding="utf-8").splitlines():
        kind, sentence, at, right = raw.split("\t")[:4]
        found = list(slips(sentence, model))
        hit = [s for s in found if kind != "neg" and s.start == int(at) and s.right == right]
        counts[f"{kind} cases"] += 1
        counts[f"{kind} found"] += bool(hit)
        wrong = [s for s in found if s not in hit]
        counts["false alarms"] += len(wrong)
        if show:
            for s in wrong:
                print(f"  false alarm {path.name} {kind}: {sentence} | {s.phrase} → {s.right}")
            if kind != "neg" and not hit:
                print(f"  missed {path.name} {kind}: {sentence} | at {at} → {right}")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--show", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args()
    for path in args.paths:
        counts = run(path, args.show)
        kinds = sorted({key.rsplit(" ", 1)[0] for key in counts if key.endswith(" cases")})
        parts = [f"{kind} {counts[kind + ' found']}/{counts[kind + ' cases']}" for kind in kinds if kind != "neg"]
        parts.append(f"false alarms {counts['false alarms']} (on {counts['neg cases']} untouched sentences)")
        print(f"{path}: " + ", ".join(parts))


if __name__ == "__main__":
    main()

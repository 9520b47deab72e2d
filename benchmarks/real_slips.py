"""Recall and precision of the typo rules (`typo` and `typo-in-context`) on real misspellings: pairs of (wrong,
right) that real writers left in published texts or that lists of misspellings found in official documents name,
each put into a paragraph of a clean real report where the right form stood (the way its author would have typed it).

    uv run python benchmarks/real_slips.py CASES.jsonl [CASES.jsonl …] [--show]

A case is a JSON line `{"wrong", "right", "at", "text", "clean", "source"}`: `text` is the paragraph as slipped, the
wrong form at offset `at`; `clean` the paragraph as published. Found: a typo finding covers a character of the wrong
form. False alarm: any other typo finding in the slipped paragraph (precision is found / (found + false alarms));
the typo findings on the clean paragraphs are counted apart. Fixes: the finding's fix written into the text gives the
clean paragraph back.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from language_rules import TYPO_RULES, findings, offsets


def run(path: Path, show: bool) -> Counter[str]:
    counts: Counter[str] = Counter()
    for raw in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(raw)
        text, at, wrong = case["text"], case["at"], case["wrong"]
        span = set(range(at, at + len(wrong)))
        found = [f for f in findings(text) if f.rule in TYPO_RULES]
        hit = [f for f in found if offsets(text, [f])[f.rule] & span]
        counts["cases"] += 1
        counts["found"] += bool(hit)
        counts["false alarms"] += len(found) - len(hit)
        counts["fix right"] += any(f.fix is not None and _fixed(text, f) == case["clean"] for f in hit)
        clean = [f for f in findings(case["clean"]) if f.rule in TYPO_RULES]
        counts["on clean"] += len(clean)
        if show:
            mark = "+" if hit else "-"
            print(f"  {mark} {wrong}→{case['right']}  {text[max(0, at - 12) : at + len(wrong) + 12]}")
            for f in [f for f in found if f not in hit]:
                print(f"    FA {f.rule}: {f.message}")
            for f in clean:
                print(f"    on clean {f.rule}: {f.message}")
    return counts


def _fixed(text: str, finding: object) -> str:
    line, column, end = finding.line, finding.column, finding.end_column  # type: ignore[attr-defined]
    lines = text.split("\n")
    current = lines[line - 1]
    lines[line - 1] = current[: column - 1] + finding.fix + current[end - 1 :]  # type: ignore[attr-defined]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="+", type=Path)
    parser.add_argument("--show", action="store_true", help="list each case, found (+) or missed (-), and false alarms")
    args = parser.parse_args()
    for path in args.cases:
        counts = run(path, args.show)
        n, tp, fa = counts["cases"], counts["found"], counts["false alarms"]
        precision = tp / (tp + fa) if tp + fa else 1.0
        print(
            f"{path}: found {tp}/{n} = {tp / n:.2f}, false alarms {fa}, precision {precision:.2f}, "
            f"right fix offered {counts['fix right']}; findings on the clean paragraphs {counts['on clean']}"
        )


if __name__ == "__main__":
    main()

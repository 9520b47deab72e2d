"""Recall of the usage rules (`punctuation`, `number-usage`, `collocation`) on misuses the national standards name
(GB/T 15834—2011 标点符号用法 with its 附录 A/B, GB/T 15835—2011 出版物上数字用法) and 公文 病句, each put into a
sentence of a clean real report; and every finding of those rules on the clean paragraphs.

    uv run python benchmarks/usage_planted.py CASES.jsonl [CASES.jsonl …] [--show]

A case is a JSON line `{"kind", "family", "rule", "clause", "built", "at", "length", "wrong", "text", "clean"}`:
`text` is the paragraph with the misuse (`wrong`, `length` characters at offset `at`), `clean` the paragraph as
published (its half-width marks typed full-width). Found: a finding of `rule` covering a character of the misuse (a
zero-length misuse, a mark removed, counts the character after it). False alarm: any other finding of the three
rules in the planted paragraph that the clean one does not have. On clean: the findings of the three rules on the
clean paragraphs, each listed with `--show`. `built` says whether a rule is meant to catch the kind: kinds no rule
covers (`built: false`) are counted too, so the recall is of what the standards list, not of what was built.
The sets are kept outside the repository (/work/realtexts/usage/: NOTES.md says how they were built and split).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from language_rules import SECTION, TEMPLATE, offsets

from appraisal.checks import RULES, CheckOptions, Finding, check_section
from appraisal.draft import Draft

USAGE = ("punctuation", "number-usage", "collocation")
OPTIONS = CheckOptions(disabled=frozenset(name for name in RULES if name not in USAGE))


def _usage(text: str) -> list[Finding]:
    draft = Draft.new(TEMPLATE, name="某某", unit="某单位", year=2025)
    draft.sections[SECTION] = text
    return check_section(draft, TEMPLATE, SECTION, OPTIONS)


def _key(text: str, finding: Finding) -> tuple[str, str, str]:
    """What a finding says and where, by the words it covers rather than the column (the planted text is longer)."""
    line = text.split("\n")[finding.line - 1]
    return finding.rule, line[finding.column - 1 : finding.end_column - 1], finding.message


def run(path: Path, show: bool, counts: Counter[str], clean_seen: set[str]) -> None:
    for raw in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(raw)
        text, at = case["text"], case["at"]
        span = set(range(at, at + max(1, case["length"])))
        found = _usage(text)
        hit = [f for f in found if f.rule == case["rule"] and offsets(text, [f])[f.rule] & span]
        before = Counter(_key(case["clean"], f) for f in _usage(case["clean"]))
        extra = Counter(_key(text, f) for f in found if f not in hit) - before
        family = case["family"] + ("" if case["built"] else " (not built)")
        counts[f"{family}|cases"] += 1
        counts[f"{family}|found"] += bool(hit)
        counts[f"{family}|false alarms"] += sum(extra.values())
        if case["clean"] not in clean_seen:
            clean_seen.add(case["clean"])
            counts["clean|paragraphs"] += 1
            counts["clean|chars"] += len(case["clean"])
            counts["clean|findings"] += sum(before.values())
            if show:
                for rule, words, message in before:
                    print(f"    on clean {rule} “{words}”: {message}")
        if show:
            mark = "+" if hit else "-"
            around = text[max(0, at - 10) : at + len(case["wrong"]) + 10]
            print(f"  {mark} {case['kind']:<20} {case['clause']:<9} {around}")
            for rule, words, message in extra:
                print(f"    FA {rule} “{words}”: {message}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", type=Path, nargs="+")
    parser.add_argument("--show", action="store_true", help="list every case, false alarm and finding on clean text")
    args = parser.parse_args()
    for path in args.cases:
        counts: Counter[str] = Counter()
        run(path, args.show, counts, set())
        print(f"\n{path.name}")
        print(f"{'family':<28}{'cases':>7}{'found':>7}{'recall':>8}{'false alarms':>14}")
        families = sorted({key.split("|")[0] for key in counts if not key.startswith("clean|")})
        for family in families:
            cases, found = counts[f"{family}|cases"], counts[f"{family}|found"]
            print(f"{family:<28}{cases:>7}{found:>7}{found / cases:>8.2f}{counts[f'{family}|false alarms']:>14}")
        print(
            f"clean paragraphs: {counts['clean|paragraphs']} ({counts['clean|chars']} characters), "
            f"findings of the usage rules on them: {counts['clean|findings']}"
        )


if __name__ == "__main__":
    main()

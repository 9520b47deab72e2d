"""False alarms of the typo rules (`typo`, `typo-in-context`) on clean real text: every finding on a text as
published is a false alarm, unless the text has a real slip there (the sets' NOTES list the few known).

    uv run python benchmarks/clean_typos.py PATH [PATH …] [--show]

PATH: a folder of .txt files (each checked as one section) or one long .txt (checked in sections of 3,000
characters, as a long report would be). Printed: the findings per path and in all, per 10,000 字; `--show` lists
each with its context and message, a line each, so that two runs can be compared with `diff`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from language_rules import TYPO_RULES, findings

SECTION = 3_000  # characters of a long text checked at a time


def sections(path: Path) -> list[tuple[str, str]]:
    """(name, text) of each section checked under `path`."""
    if path.is_dir():
        return [(file.name, file.read_text(encoding="utf-8")) for file in sorted(path.glob("*.txt"))]
    text = path.read_text(encoding="utf-8")
    return [(f"{path.name}@{at}", text[at : at + SECTION]) for at in range(0, len(text), SECTION)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--show", action="store_true", help="list every finding")
    args = parser.parse_args()
    total = chars = 0
    for path in args.paths:
        count = size = 0
        for name, text in sections(path):
            size += len(text)
            lines = text.split("\n")
            for found in findings(text):
                if found.rule not in TYPO_RULES:
                    continue
                count += 1
                if args.show:
                    line = lines[found.line - 1]
                    around = line[max(0, found.column - 9) : found.end_column + 7]
                    print(f"  {path.name}/{name}: {around} | {found.message}")
        print(f"{path}: {count} typo findings on {size:,} 字 ({count / size * 10_000:.1f} per 10,000 字)")
        total, chars = total + count, chars + size
    print(f"all: {total} typo findings on {chars:,} 字 ({total / max(chars, 1) * 10_000:.1f} per 10,000 字)")


if __name__ == "__main__":
    main()

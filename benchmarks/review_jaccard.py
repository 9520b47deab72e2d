"""Why `appraisal review` matches passages exactly instead of comparing whole reports (MinHash/LSH).

    uv run python benchmarks/review_jaccard.py [REPORTS]

MinHash/LSH (datasketch) estimates the Jaccard similarity of two reports' shingle sets and finds the pairs above a
threshold. This prints the exact Jaccard similarity (5-字 shingles, which MinHash would only estimate) of two
generated reports sharing a planted 150-字 paragraph, against that of unrelated pairs: if the planted pair is not
clearly above every unrelated pair, no LSH threshold finds it without flooding the review with unrelated pairs.
"""

from __future__ import annotations

import itertools
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from review_corpus import PLANTED, _name, report_text


def shingles(lines: list[str], k: int = 5) -> set[str]:
    text = "".join(ch for ch in "".join(lines) if ch.isalnum())
    return {text[i : i + k] for i in range(len(text) - k + 1)}


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    rng = random.Random(9)
    bodies = [
        [line for line in report_text(rng, _name(rng), 2026, rng.randint(2000, 4000), ()) if len(line) > 40]
        for _ in range(count)
    ]
    bodies[3].insert(5, PLANTED)
    bodies[count - 50].insert(9, PLANTED)
    sets = [shingles(body) for body in bodies]

    def jaccard(a: int, b: int) -> float:
        return len(sets[a] & sets[b]) / len(sets[a] | sets[b])

    pairs = [p for p in itertools.combinations(range(count), 2) if p != (3, count - 50)]
    rng.shuffle(pairs)
    values = sorted(jaccard(a, b) for a, b in pairs[:3000])
    print(f"planted pair: Jaccard {jaccard(3, count - 50):.3f}")
    print(f"3,000 unrelated pairs: median {values[len(values) // 2]:.3f}, max {values[-1]:.3f}")


if __name__ == "__main__":
    main()

